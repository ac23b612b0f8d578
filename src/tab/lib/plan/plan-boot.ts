/**
 * The plan's data path started before React mounts (issue 16 point 1): `main.tsx` calls `startPlanBoot()` first thing,
 * and the token request, the IndexedDB read and then the plan's cold `$batch` (or nothing more, when the cache has the
 * plan: PlanProvider then runs the delta as always) run while React, Fluent and the first view's code load and render.
 * PlanProvider takes these promises over once (`takePlanBoot`) instead of starting the same work itself.
 *
 * The same code path as without the boot: the same token source (`createPersonaTokenSource` with the configuration's
 * values), the same data session (one Graph client, reused for every later read and write), the same cache entry.
 * Only the sandbox's persona sign-in outside a Microsoft 365 host is started early: in a host the signed-in person
 * comes from teams-js, and NAA needs MSAL; both still start from React.
 */
import { inlineTabConfig } from '../../app/config.js';
import { rememberedPersona } from '../../app/persona.js';
import type { DataSession } from '../data-session.js';
import { planCacheKey, readCachedPlan } from './plan-cache.js';
import type { PlanSnapshot } from './snapshot.js';

export type PlanBoot = {
  /** The cache entry this boot read; PlanProvider takes the boot only for the same site and person. */
  readonly cacheKey: string;
  readonly session: Promise<DataSession>;
  readonly cached: Promise<PlanSnapshot | undefined>;
  /** The cold load, started as soon as the cache turned out empty and the session was there; undefined with a cache. */
  readonly cold: Promise<PlanSnapshot | undefined>;
};

let boot: PlanBoot | undefined;

/** Where the early start applies: the persona sign-in, outside any host frame, with a remembered person. */
export function bootTarget(
  config: ReturnType<typeof inlineTabConfig>,
  persona: string | undefined,
  framed: boolean,
): { config: NonNullable<typeof config>; persona: string } | undefined {
  if (!config || config.auth !== 'persona' || !config.personaDirectoryUrl || !persona || framed) return undefined;
  return { config, persona };
}

/** Starts the plan's data path, when the page can know who signs in without React (see the module comment). */
export function startPlanBoot(): void {
  const target = bootTarget(inlineTabConfig(), rememberedPersona(), window.parent !== window || Boolean(window.opener));
  if (!target) return;
  const { config, persona } = target;
  const session = Promise.all([import('../../../data/graph/token-source.js'), import('../data-session.js')]).then(
    ([tokens, data]) => {
      const source = tokens.createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona });
      // The token request starts now, alongside the IndexedDB read; the $batch below reuses it.
      void source.getToken().catch(() => undefined);
      return data.createDataSession({ graphBaseUrl: config.graphBaseUrl, siteUrl: config.siteUrl, tokens: source });
    },
  );
  const cacheKey = planCacheKey(config.siteUrl, persona);
  const cached = readCachedPlan(cacheKey);
  const cold = Promise.all([cached, session]).then(([c, s]) => (c ? undefined : s.loadCold()));
  // Unhandled here on purpose only in the sense that PlanProvider handles them; keep the console free of noise.
  session.catch(() => undefined);
  cold.catch(() => undefined);
  boot = { cacheKey, session, cached, cold };
}

/** The boot's promises, once, for this cache entry; later loads (retry, another person) start their own. */
export function takePlanBoot(cacheKey: string): PlanBoot | undefined {
  const taken = boot;
  if (!taken || taken.cacheKey !== cacheKey) return undefined;
  boot = undefined;
  return taken;
}
