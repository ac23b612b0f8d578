/**
 * Sign-in in a plain browser, where there is no host to ask (the card's "Open in actieplan", the static tabs'
 * websiteUrl): MSAL's redirect flow, authorization code with PKCE, against the tenant's authority
 * (`TabConfig.authority`). The answer comes back to the redirect bridge page (auth-redirect.html), which hands it to
 * the page that started the sign-in, with its hash route intact. Loaded lazily: only a browser outside a host needs it.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import { createNaaTokenSource, GRAPH_SCOPES, InteractionNeededError, type Interact, type NaaSession } from './naa.js';

/** The redirect bridge page, next to index.html; the Entra app registers `<TAB_ENDPOINT>/auth-redirect.html` (Spa). */
export const REDIRECT_PAGE = 'auth-redirect.html';

/** Where Entra sends the answer: the bridge page in the folder the tab is served from. */
export function redirectUriFor(location: Pick<Location, 'origin' | 'pathname'>): string {
  return new URL(REDIRECT_PAGE, `${location.origin}${location.pathname}`).href;
}

/** Leaves the page for the sign-in page; the promise never settles, because the page is gone. */
const redirect: Interact = async (pca, request) => {
  await pca.acquireTokenRedirect(request);
  return new Promise<never>(() => undefined);
};

/**
 * Signs in through the tenant's authority. A sign-in that just came back is finished first (an error it brought,
 * such as a cancelled consent, is thrown, so the UI offers a button instead of redirecting in a loop). With an
 * account in MSAL's cache the token comes silently (refresh token). Otherwise `interactive: true` redirects to the
 * sign-in page (the returned promise never settles) and `interactive: false` throws an `InteractionNeededError`.
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
  const returned = await pca.handleRedirectPromise();
  if (returned?.account) pca.setActiveAccount(returned.account);
  const source = createNaaTokenSource(pca, options.loginHint, async (client, request) => {
    options.onLeaving?.();
    return redirect(client, request);
  });
  if (!returned && pca.getAllAccounts().length === 0) {
    if (!options.interactive) throw new InteractionNeededError('Nobody is signed in in this browser yet.');
    options.onLeaving?.();
    await pca.loginRedirect({ scopes: GRAPH_SCOPES, ...(options.loginHint ? { loginHint: options.loginHint } : {}) });
    return new Promise<never>(() => undefined);
  }
  const first = returned?.accessToken ? returned : await source.acquire({ interactive: options.interactive });
  return { tokens: source.tokens, username: first.account.username, ...(first.account.name ? { name: first.account.name } : {}) };
}
