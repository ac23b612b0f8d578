/**
 * Sign-in in a plain browser, where there is no host to ask (the card's "Open in actieplan", the static tabs'
 * websiteUrl): MSAL's redirect flow, authorization code with PKCE, against the tenant's authority
 * (`TabConfig.authority`). Entra answers to index.html itself (the Spa redirect `<TAB_ENDPOINT>/index.html` of
 * infra/aad.manifest.json); the answer in the fragment is taken here, before any view reads the URL, and the address
 * the person opened is put back: its hash route (`#/actie/12`) in place, or, when it had a search of its own (a card's
 * link with its MT's domain, `?domein=…#/lijst`), by loading the page again there. Loaded lazily: only a browser
 * outside a host needs it.
 */
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import { createNaaTokenSource, GRAPH_SCOPES, InteractionNeededError, type Interact, type NaaSession } from './naa.js';

/**
 * The address to return to after the sign-in page, its search and hash route (`?domein=…#/lijst?…`; sessionStorage:
 * this tab only). Entra answers to index.html without them.
 */
const RETURN_KEY = 'actieplan.signin.return';

/** Where Entra sends the answer: index.html in the folder the tab is served from (registered as a Spa redirect). */
export function redirectUriFor(location: Pick<Location, 'origin' | 'pathname'>): string {
  return new URL('index.html', `${location.origin}${location.pathname}`).href;
}

/** Whether the URL's fragment is an answer of the sign-in page (MSAL's response mode is the fragment). */
export function isSignInAnswer(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('state') && (params.has('code') || params.has('error'));
}

function remember(location: Pick<Location, 'search' | 'hash'>): void {
  try {
    if (!isSignInAnswer(location.hash)) window.sessionStorage.setItem(RETURN_KEY, `${location.search}${location.hash}`);
  } catch {
    // Storage blocked: the person lands on the start view instead.
  }
}

/**
 * How to go back to the remembered address from the sign-in page's answer at `current`: its hash route is put back in
 * place (`replace`); a search that differs from the answer's (a card's link carries its MT's domain, `?domein=…`,
 * which the tab reads once, as it starts) needs the page loaded again at that address (`load`), now signed in.
 * Pure; `saved` is what `remember` stored (before, the hash alone).
 */
export function returnTo(
  saved: string | null,
  current: Pick<Location, 'pathname' | 'search'>,
): { kind: 'replace' | 'load'; url: string } {
  // Only a search or a hash of this page: anything else in the storage is not ours and is ignored.
  if (saved !== null && !/^[?#]/.test(saved)) saved = null;
  const at = saved?.indexOf('#') ?? -1;
  const search = saved?.startsWith('?') ? (at < 0 ? saved : saved.slice(0, at)) : current.search;
  const hash = saved === null ? '' : at < 0 ? (saved.startsWith('?') ? '' : saved) : saved.slice(at);
  const url = `${current.pathname}${search}${hash}`;
  return { kind: search === current.search ? 'replace' : 'load', url };
}

/**
 * Puts the remembered address back and tells the router (replaceState fires no event), or, with `mayLoad`, loads it
 * again when its search differs. Returns whether the page is being loaded again.
 */
function restoreRoute(mayLoad: boolean): boolean {
  let saved: string | null = null;
  try {
    saved = window.sessionStorage.getItem(RETURN_KEY);
    window.sessionStorage.removeItem(RETURN_KEY);
  } catch {
    saved = null;
  }
  const back = returnTo(saved, window.location);
  if (back.kind === 'load' && mayLoad) {
    window.location.replace(back.url);
    return true;
  }
  window.history.replaceState(window.history.state, '', back.url);
  window.dispatchEvent(new PopStateEvent('popstate'));
  return false;
}

/**
 * Signs in through the tenant's authority. A sign-in that just came back is finished first (an error it brought,
 * such as a refused consent, is thrown, so the UI offers a button instead of redirecting in a loop). With an account
 * in MSAL's cache the token comes silently (refresh token). Otherwise `interactive: true` redirects to the sign-in page
 * (the returned promise never settles) and `interactive: false` throws an `InteractionNeededError`.
 */
export async function signInWithRedirect(
  config: { clientId: string; authority: string },
  options: { interactive: boolean; loginHint?: string; onLeaving?: () => void },
): Promise<NaaSession> {
  const pca = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // The authority's own host: MSAL then takes its endpoints from the authority's OpenID metadata and asks no
      // instance-discovery service elsewhere.
      knownAuthorities: [new URL(config.authority).host],
      redirectUri: redirectUriFor(window.location),
    },
    // A link opened in a new tab finds the account and its refresh token: no second sign-in.
    cache: { cacheLocation: 'localStorage' },
  });
  await pca.initialize();
  const answered = isSignInAnswer(window.location.hash);
  let returned: AuthenticationResult | null = null;
  try {
    // Handled on this page (not by navigating to the page that started it): the start page is this one.
    returned = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
  } catch (error) {
    // Never loaded again with an error (a refused consent would send the person to the sign-in page in a loop).
    if (answered) restoreRoute(false);
    throw error;
  }
  // The account that just signed in is the active one (kept in MSAL's cache), also for a page loaded again below.
  if (returned?.account) pca.setActiveAccount(returned.account);
  // Signed in: the page loads again at the address the person opened when its search differs (MSAL's cache has the
  // account by now, so that load asks nothing).
  if (answered && restoreRoute(Boolean(returned?.account))) return new Promise<never>(() => undefined);
  const leave: Interact = async (client, request) => {
    options.onLeaving?.();
    remember(window.location);
    await client.acquireTokenRedirect(request);
    return new Promise<never>(() => undefined);
  };
  const source = createNaaTokenSource(pca, options.loginHint, leave);
  if (!returned && pca.getAllAccounts().length === 0) {
    if (!options.interactive) throw new InteractionNeededError('Nobody is signed in in this browser yet.');
    options.onLeaving?.();
    remember(window.location);
    await pca.loginRedirect({ scopes: GRAPH_SCOPES, ...(options.loginHint ? { loginHint: options.loginHint } : {}) });
    return new Promise<never>(() => undefined);
  }
  const first = returned?.accessToken ? returned : await source.acquire({ interactive: options.interactive });
  return {
    tokens: source.tokens,
    username: first.account.username,
    ...(first.account.name ? { name: first.account.name } : {}),
  };
}
