/**
 * The plan's data path started before React mounts (issue 16 point 1): `main.tsx` calls `startPlanBoot()` first thing,
 * and the token request and the plan's cold `$batch` (without the plan-cache mark IndexedDB only if that fails; or,
 * when this browser stored the plan before, only the cache read: its copy in localStorage at once
 * (plan-snapshot-copy.ts), IndexedDB when there is none; PlanProvider then starts the token and runs the delta as
 * always, after its first commit) run while React, Fluent and the first view's code load and render. On a cold start of
 * the persona sign-in, index.html's inline script has sent the token request already (token-prefetch.ts); the boot
 * takes its answer.
 * PlanProvider takes these promises over once (`takePlanBoot`) instead of starting the same work itself.
 *
 * `boot.ts`, the page's first module script (a small chunk of its own, with the data session and the token source,
 * that loads in parallel with the app's main chunk and never waits for it: see `bootChunking` in vite.config.ts),
 * calls it before the app's code has loaded; `main.tsx` calls it again and gets the same answer.
 *
 * The same code path as without the boot: the same token source, the same data session (one Graph client, reused for
 * every later read and write), the same cache entry.
 * - In a plain browser: the sandbox's persona sign-in with a remembered person. React mounts when the `$batch` has
 *   answered, or `COLD_PLAN_WAIT_MS` after it went out and the app's code evaluated (or the cache had the plan, or
 *   something failed), as in a host: never before the `$batch` has gone, as the data path's steps on the main thread
 *   are a few short tasks, while React's first render is one long one that would hold the token's answer back from
 *   sending the `$batch` (issue 16: measured, the `$batch` left 300–600 ms after the token had arrived); and with the
 *   answer in, its first render is the plan, not the shell with a spinner and a second render.
 * - In a Microsoft 365 host (a frame): teams-js initialises at once (`connectHost`, which `detectHost` then takes
 *   over); its context names the user, and the persona's token (sandbox) or the NAA token (`TAB_AUTH=naa`, silent
 *   only; `takeNaaSignIn` hands it to the sign-in) is asked for as soon as the context is there. React mounts as in a
 *   plain browser (or when the boot does not apply or failed): the host shows its own
 *   loading indicator until the tab's first view, so a spinner rendered earlier would only take the main thread
 *   from the data path. A boot that takes longer than the host's own time-out does not hold React back any further.
 */
import type { TokenSource } from '../../../data/graph/token-source.js';
import { prepareAmsterdamDates } from '../../../domain/dates.js';
import { inlineTabConfig } from '../../app/config.js';
import { connectHost, hostUser, mayHaveHost } from '../../app/host.js';
import { rememberedPersona } from '../../app/persona.js';
import { parseHash, PUBLIC_VIEWS } from '../../app/route-hash.js';
import type { NaaSession } from '../../app/auth/naa.js';
import type { DataSession } from '../data-session.js';
import { planCacheKey, planCacheState, readCachedPlan, readCachedPlanNow, writeCachedPlan } from './plan-cache.js';
import type { PlanSnapshot } from './snapshot.js';
import { bootTarget, takeTokenPrefetch } from './token-prefetch.js';
import { afterNextPaint } from '../after-next-paint.js';

export { bootTarget };

export type PlanBoot = {
  /** The cache entry this boot read; PlanProvider takes the boot only for the same site and person. */
  readonly cacheKey: string;
  /**
   * The data session (with its token), started on the first call: at once on a cold start, by PlanProvider's load
   * effect on a warm one (after React's first commit), so a warm first view waits for none of its main-thread work.
   */
  readonly session: () => Promise<DataSession>;
  readonly cached: Promise<PlanSnapshot | undefined>;
  /**
   * The cold load: without the plan-cache mark at once (beside the cache read only where localStorage cannot be read);
   * with the mark only once the cache turned out empty (undefined when it had the plan). Its plan is written to the
   * cache by the boot itself.
   */
  readonly cold: Promise<PlanSnapshot | undefined>;
  /**
   * `cached`'s plan once it has resolved, readable without waiting: on a warm start React mounts after the cache read
   * (the gate), so PlanProvider's first render already shows the plan instead of a spinner and an effect later.
   */
  readonly cachedNow: { plan?: PlanSnapshot };
  /** `cold`'s plan once it has arrived, readable without waiting: React's first render then shows it (see the gate). */
  readonly coldNow: { plan?: PlanSnapshot };
};

type TabConfig = NonNullable<ReturnType<typeof inlineTabConfig>>;

/** How long a boot may hold React back at most: the host's own initialise time-out (host.ts). */
const BOOT_WAIT_MS = 5000;
/**
 * How long React, once its code is there, waits for the cold `$batch`'s answer before it shows the shell with the
 * plan's spinner: counted from the later of the `$batch` going out and the app's code having evaluated
 * (`appCodeReady`). An answer within it means one render of the shell with the plan: no spinner that flashes for a
 * moment, no second render and paint on the way to the first card (issue 16). Longer than a `$batch`'s usual round
 * trip, short enough that nobody takes the page for stuck; in a host, the host's own loading indicator covers it.
 *
 * Not counted from the `$batch` alone (until stop 28): the answer usually arrives while the app's main chunk
 * evaluates (50–120 ms of the main thread on a busy machine), and its handling (the body, the mapping) comes after
 * that; when the evaluation ended late, the wait ran out with the answer in but not yet read, and React rendered the
 * shell with a spinner first and the roadmap in a second render (in 2 of 7 cold starts measured at load 2.5, the
 * first card 60–100 ms later). The time the main thread spends on the app's own code is no wait for the network.
 */
export const COLD_PLAN_WAIT_MS = 150;

let appCodeEvaluated: () => void = () => undefined;
const appCode = new Promise<void>((resolve) => {
  appCodeEvaluated = resolve;
});

/**
 * `main.tsx` calls it once the app's main chunk has evaluated: React could mount now, and the cold wait
 * (`COLD_PLAN_WAIT_MS`) counts from here (or from the `$batch` going out, if that is later).
 */
export function appCodeReady(): void {
  appCodeEvaluated();
}

let boot: PlanBoot | undefined;
/** Whether this page started its boot already, and when React may mount (`undefined`: at once). */
let started = false;
let gate: Promise<void> | undefined;
let naaSignIn: Promise<NaaSession> | undefined;

const ignore = () => undefined;

/**
 * Whether a page in a host signs in and loads the plan the way the boot would: the configuration page, the public
 * pages, a persona sign-in without a person (the picker) or an unknown sign-in leave everything to React.
 */
export function hostBootTarget(
  config: ReturnType<typeof inlineTabConfig>,
  where: { frameContext?: string | undefined; hash: string },
): TabConfig | undefined {
  if (!config || where.frameContext === 'settings') return undefined;
  const view = parseHash(where.hash).view;
  if (view === 'config' || PUBLIC_VIEWS.includes(view)) return undefined;
  if (config.auth === 'naa') return config;
  return config.auth === 'persona' && config.personaDirectoryUrl ? config : undefined;
}

/**
 * Starts the plan's data path, once per page, when the page can know who signs in without React (see the module
 * comment). `boot.ts` calls it first; `main.tsx` calls it again and gets the same answer.
 * @returns when React may mount (never rejects; at most `BOOT_WAIT_MS`), or `undefined`: mount at once
 */
export function startPlanBoot(): Promise<void> | undefined {
  if (started) return gate;
  started = true;
  const config = inlineTabConfig();
  if (mayHaveHost()) gate = startHostBoot(config);
  else {
    const target = bootTarget(config, rememberedPersona(), false);
    if (target) gate = atMost(begin(target.config, target.persona, () => personaTokens(target.config, target.persona)));
  }
  return gate;
}

/** `until`, or `BOOT_WAIT_MS` if that comes first: a boot never holds React back for longer. */
function atMost(until: Promise<void>): Promise<void> {
  return Promise.race([until, new Promise<void>((resolve) => setTimeout(resolve, BOOT_WAIT_MS))]);
}

function personaTokens(config: TabConfig, persona: string): Promise<TokenSource> {
  // Taken at once, not after the import below: the global is not left lying around (token-prefetch.ts).
  const prefetched = takeTokenPrefetch(window, config.tokenUrl, persona);
  return import('../../../data/graph/token-source.js').then((tokens) => {
    const source = tokens.createPersonaTokenSource({
      tokenUrl: config.tokenUrl,
      clientId: config.clientId,
      persona,
      first: prefetched,
    });
    // The token request starts now unless index.html's inline script sent it already; the $batch reuses it.
    void source.getToken().catch(ignore);
    return source;
  });
}

/**
 * The token, the cache and the cold `$batch` for one person (the boot PlanProvider takes over).
 * @returns when React may mount: the cold `$batch` answered, or `COLD_PLAN_WAIT_MS` after it went out and the app's
 *   code evaluated (`appCodeReady`), or the cache had the plan, or something failed (React then shows it the usual
 *   way)
 */
function begin(config: TabConfig, userKey: string, tokens: () => Promise<TokenSource>): Promise<void> {
  let sending: () => void = ignore;
  const sent = new Promise<void>((resolve) => {
    sending = resolve;
  });
  let sessionStarted: Promise<DataSession> | undefined;
  const session = (): Promise<DataSession> => {
    if (sessionStarted) return sessionStarted;
    sessionStarted = Promise.all([tokens(), import('../data-session.js')]).then(([source, data]) =>
      data.createDataSession({
        graphBaseUrl: config.graphBaseUrl,
        siteUrl: config.siteUrl,
        // The Graph client asks for the token right before it sends a request: the first one is the cold $batch.
        tokens: {
          getToken: () =>
            source.getToken().then((token) => {
              sending();
              return token;
            }),
          invalidate: () => source.invalidate(),
        },
      }),
    );
    // Handled by PlanProvider; keep the console free of noise until then.
    sessionStarted.catch(ignore);
    return sessionStarted;
  };
  const cacheKey = planCacheKey(config.siteUrl, userKey);
  // A start that will find the plan in the cache (this browser stored it before) leaves the token and the session to
  // PlanProvider, after React's first commit: on a warm start they only serve the delta, and their work on the main
  // thread (the token's request and answer, the Graph client) held the first view back by about 5 ms (issue 16). Any
  // other start asks for them at once, as the cold `$batch` needs them; and if the cache turns out empty after all (the
  // browser cleared it), at the moment that is known.
  const cacheState = planCacheState(cacheKey);
  const marked = cacheState === 'marked';
  if (!marked) void session();
  // With the mark, the plan's copy in localStorage first (plan-snapshot-copy.ts): read at once, so React's first render
  // needs no task of IndexedDB's and comes in the task the app's main chunk evaluates in (main.tsx); without a copy
  // (a plan too large for it, another person's copy), IndexedDB answers.
  const copy = marked ? readCachedPlanNow(cacheKey) : undefined;
  const cachedNow: { plan?: PlanSnapshot } = copy ? { plan: copy } : {};
  const kept = (c: PlanSnapshot | undefined) => {
    if (c) cachedNow.plan = c;
    return c;
  };
  let cached: Promise<PlanSnapshot | undefined>;
  let loaded: Promise<PlanSnapshot | undefined>;
  if (cacheState === 'unmarked') {
    // No mark: the cold load at once, and IndexedDB only when it fails (since stop 29). The mark and the plan's copy
    // are written when a plan is stored (plan-cache.ts), so IndexedDB can hold a plan without a mark only when a
    // version before the mark stored it, or localStorage refused the mark (full): that plan is not shown while the
    // cold load works (the cold plan replaces it), and still is when the cold load fails, offline say, with the
    // failure beside it (PlanProvider). Reading it beside every cold load was 3–6 ms of a cold start's main thread,
    // and more in the browser's own process, on the way to the first card (issue 16).
    loaded = session().then((s) => s.loadCold());
    cached = loaded
      .then(
        () => undefined,
        () => readCachedPlan(cacheKey),
      )
      .then(kept);
  } else {
    cached = (copy ? Promise.resolve(copy) : readCachedPlan(cacheKey)).then(kept);
    // With the mark, the cold load only when the cache turned out empty. Where localStorage cannot be read
    // (`unknown`), IndexedDB alone can tell: it is read beside the cold load, which does not wait for it (waiting for
    // IndexedDB's answer, several tasks, let the app's main chunk evaluate first, and the `$batch` left 30–70 ms
    // later; issue 16), and a plan it finds is shown as on a warm start until the cold plan replaces it.
    loaded = marked
      ? cached.then((c) => (c ? undefined : session().then((s) => s.loadCold())))
      : session().then((s) => s.loadCold());
  }
  const coldNow: { plan?: PlanSnapshot } = {};
  const cold = loaded.then((c) => {
    if (c) {
      coldNow.plan = c;
      // Stored right after the first view has been painted, not before React renders it: the copy in localStorage is
      // written at once when the write starts (plan-cache.ts), so a start right after this one finds it, and its JSON
      // (a few milliseconds) is not on the way to the first card.
      afterNextPaint(() => void writeCachedPlan(cacheKey, c));
    }
    return c;
  });
  // Handled by PlanProvider; keep the console free of noise until then.
  cold.catch(ignore);
  boot = { cacheKey, session, cached, cold, cachedNow, coldNow };
  const gate = Promise.race([
    // The cold plan's answer, or COLD_PLAN_WAIT_MS after the `$batch` went out and the app's code has evaluated (the
    // client's remaining steps up to fetch() after the token are microtasks, so the timer starts once it has gone).
    Promise.all([sent, appCode]).then(() => new Promise<void>((resolve) => setTimeout(resolve, COLD_PLAN_WAIT_MS))),
    cached.then((c) => (c ? undefined : new Promise<void>(ignore)), ignore),
    // Also when the session failed on the way to the cold plan: React then shows the failure the usual way.
    cold.then(ignore, ignore),
  ]);
  // While the $batch travels: the date formatter the plan's mapping needs (dates.ts says why), in a task of its own
  // once the $batch has gone, while React still waits for the answer (the gate above).
  void sent.then(() => setTimeout(prepareAmsterdamDates, 0));
  return gate;
}

function startHostBoot(config: ReturnType<typeof inlineTabConfig>): Promise<void> {
  const connection = connectHost();
  connection.catch(ignore);
  const early = hostBootTarget(config, { hash: window.location.hash });
  if (!early) return connection.then(ignore, ignore);
  // The code the boot needs loads while teams-js talks to the host.
  const naaCode = early.auth === 'naa' ? import('../../app/auth/naa.js') : undefined;
  naaCode?.catch(ignore);
  void import('../data-session.js').catch(ignore);
  if (early.auth !== 'naa') void import('../../../data/graph/token-source.js').catch(ignore);

  const path = connection.then(({ context, bridge }): Promise<void> | undefined => {
    const target = hostBootTarget(config, { frameContext: context.frameContext, hash: window.location.hash });
    if (!target) return undefined;
    const user = hostUser(context);
    if (target.auth === 'naa') {
      if (!naaCode || !bridge.isNAAChannelRecommended()) return undefined;
      let started: Promise<void> | undefined;
      // Silent only (no popup unasked); EntraSignIn takes this first attempt over, a failure included.
      naaSignIn = naaCode
        .then((naa) => naa.signInWithNaa(target.clientId, user, { interactive: false }))
        .then((signedIn) => {
          started = begin(target, signedIn.username, () => Promise.resolve(signedIn.tokens));
          return signedIn;
        });
      naaSignIn.catch(ignore);
      return naaSignIn.then(
        () => started,
        () => undefined,
      );
    }
    const persona = user ?? rememberedPersona();
    return persona ? begin(target, persona, () => personaTokens(target, persona)) : undefined;
  });
  return atMost(path.then(ignore, ignore));
}

/** The boot's promises, once, for this cache entry; later loads (retry, another person) start their own. */
export function takePlanBoot(cacheKey: string): PlanBoot | undefined {
  const taken = boot;
  if (!taken || taken.cacheKey !== cacheKey) return undefined;
  boot = undefined;
  return taken;
}

/**
 * The plan the boot read from the cache for this cache entry, if that read has finished (without taking the boot).
 * PlanProvider starts from it, so a warm start's first render is the plan.
 */
export function bootCachedPlan(cacheKey: string): PlanSnapshot | undefined {
  return boot?.cacheKey === cacheKey ? boot.cachedNow.plan : undefined;
}

/**
 * The plan the boot's cold `$batch` brought for this cache entry, if it has arrived (without taking the boot).
 * PlanProvider starts from it, so a cold start whose answer came before React mounted renders the plan at once.
 */
export function bootColdPlan(cacheKey: string): PlanSnapshot | undefined {
  return boot?.cacheKey === cacheKey ? boot.coldNow.plan : undefined;
}

/** The boot's silent NAA sign-in in a host, once: the sign-in's first, non-interactive attempt. */
export function takeNaaSignIn(): Promise<NaaSession> | undefined {
  const taken = naaSignIn;
  naaSignIn = undefined;
  return taken;
}
