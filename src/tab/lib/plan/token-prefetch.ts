/**
 * The cold start's token request, sent by an inline script in index.html while the page's scripts still download
 * (issue 16). `src/tab/prefetch.ts` is that script: the build compiles it with what it imports here into one small
 * script without imports and writes it into index.html (`inlinePrefetch` in vite.config.ts), so the persona's token
 * request leaves as the HTML is parsed (about 50 ms into a cold start on the bench) instead of once the boot's chunk
 * has arrived and evaluated (about 90 ms). The boot (`plan-boot.ts`) takes the answer over; with it in when the boot
 * runs (as it usually is), its `$batch` leaves in the promise steps right after the boot's script, before the app's
 * main chunk evaluates, where it used to wait behind that evaluation for the token's answer.
 *
 * It applies only where the boot's own cold path does (`bootTarget`: the sandbox's persona sign-in, a remembered
 * person, no host frame) and only on a cold start: where this browser stored the plan before (`planCachedBefore`), the
 * token is asked for after the first view, as always. Anything unexpected (no configuration, storage blocked, a failed
 * request, another token URL or person by the time the boot runs) leaves the boot to ask for the token itself. The
 * boot's chunk cannot run first: it is a module script without `async`, which runs once the HTML has been parsed.
 *
 * index.html's only inline script: a `Content-Security-Policy` with `script-src` would need its hash (docs/deploy.md).
 */
import { personaTokenForm, type PrefetchedToken } from '../../../data/graph/token-source.js';
import type { TabConfig } from '../../app/config.js';
import { planCacheKey, planCachedBefore } from './plan-cache-mark.js';

/** What the inline script leaves for the boot: which request it sent, and the token it brought. */
export type TokenPrefetch = { tokenUrl: string; persona: string; token: Promise<PrefetchedToken> };

const GLOBAL = '__actieplanTokenPrefetch';
type WithPrefetch = { [GLOBAL]?: TokenPrefetch };

/** Where the boot's cold path applies: the persona sign-in, outside any host frame, with a remembered person. */
export function bootTarget(
  config: TabConfig | undefined,
  persona: string | undefined,
  framed: boolean,
): { config: TabConfig; persona: string } | undefined {
  if (!config || config.auth !== 'persona' || !config.personaDirectoryUrl || !persona || framed) return undefined;
  return { config, persona };
}

/**
 * Sends the persona's token request when a cold start of the boot's own path is coming (see the module comment).
 * @returns whether it sent one
 */
export function startTokenPrefetch(
  win: Window & WithPrefetch,
  config: TabConfig | undefined,
  persona: string | undefined,
): boolean {
  const target = bootTarget(config, persona, win.parent !== win || Boolean(win.opener));
  if (!target || planCachedBefore(planCacheKey(target.config.siteUrl, target.persona), () => win.localStorage))
    return false;
  const { tokenUrl, clientId } = target.config;
  const token = win
    .fetch(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(personaTokenForm(clientId, target.persona)).toString(),
    })
    .then((response) =>
      response.ok ? (response.json() as Promise<{ access_token?: unknown; expires_in?: unknown }>) : undefined,
    )
    .then((body) => {
      if (typeof body?.access_token !== 'string') throw new Error('token prefetch: no token');
      return { token: body.access_token, expiresIn: body.expires_in };
    });
  // The boot reports nothing of it: on any failure it asks for the token itself, and that answer is what counts.
  token.catch(() => undefined);
  win[GLOBAL] = { tokenUrl, persona: target.persona, token };
  return true;
}

/**
 * The prefetched token for this token URL and person, once (the global is cleared either way), or undefined when the
 * inline script sent none or sent it for someone else.
 */
export function takeTokenPrefetch(
  win: Window & WithPrefetch,
  tokenUrl: string,
  persona: string,
): Promise<PrefetchedToken> | undefined {
  const prefetch = win[GLOBAL];
  delete win[GLOBAL];
  if (!prefetch || prefetch.tokenUrl !== tokenUrl || prefetch.persona !== persona) return undefined;
  return prefetch.token;
}
