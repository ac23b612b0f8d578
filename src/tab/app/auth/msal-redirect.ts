/**
 * Sign-in in a plain browser, where there is no host to ask (the card's "Open in actieplan", the static tabs'
 * websiteUrl): MSAL's redirect flow, authorization code with PKCE, against the tenant's authority
 * (`TabConfig.authority`). Entra answers to index.html itself (the Spa redirect `<TAB_ENDPOINT>/index.html` of
 * infra/aad.manifest.json); the answer in the fragment is taken here, before any view reads the URL, and the hash
 * route the person opened (`#/actie/12`, `#/lijst?domein=…`) is put back. Loaded lazily: only a browser outside a host
 * needs it.
 */
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';
import { createNaaTokenSource, GRAPH_SCOPES, InteractionNeededError, type Interact, type NaaSession } from './naa.js';

/** The hash route to return to after the sign-in page (sessionStorage: this tab only). */
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

function remember(hash: string): void {
  try {
    if (!isSignInAnswer(hash)) window.sessionStorage.setItem(RETURN_KEY, hash);
  } catch {
    // Storage blocked: the person lands on the start view instead.
  }
}

/** Puts the remembered route back in the address bar and tells the router (replaceState fires no event). */
function restoreRoute(): void {
  let saved: string | null = null;
  try {
    saved = window.sessionStorage.getItem(RETURN_KEY);
    window.sessionStorage.removeItem(RETURN_KEY);
  } catch {
    saved = null;
  }
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${saved ?? ''}`,
  );
  window.dispatchEvent(new PopStateEvent('popstate'));
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
  } finally {
    if (answered) restoreRoute();
  }
  if (returned?.account) pca.setActiveAccount(returned.account);
  const leave: Interact = async (client, request) => {
    options.onLeaving?.();
    remember(window.location.hash);
    await client.acquireTokenRedirect(request);
    return new Promise<never>(() => undefined);
  };
  const source = createNaaTokenSource(pca, options.loginHint, leave);
  if (!returned && pca.getAllAccounts().length === 0) {
    if (!options.interactive) throw new InteractionNeededError('Nobody is signed in in this browser yet.');
    options.onLeaving?.();
    remember(window.location.hash);
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
