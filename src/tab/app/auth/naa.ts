/**
 * Single sign-on inside Teams, Outlook and the Microsoft 365 app with Nested App Authentication:
 * MSAL talks to the host, which holds the user's session (Microsoft's "Nested app authentication" for Teams).
 * Loaded lazily: MSAL is only downloaded when the tab runs in a host with NAA.
 */
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenSource } from '../../../data/graph/token-source.js';

/** Exactly what the manifest's nestedAppAuthInfo declares. */
export const GRAPH_SCOPES = ['User.Read', 'Sites.ReadWrite.All'];

export type NaaSession = { tokens: TokenSource; username: string; name?: string };

export class InteractionNeededError extends Error {
  override readonly name = 'InteractionNeededError';
}

/** How a session asks the user when a silent request cannot do: the host's popup (NAA) or a redirect (browser). */
export type Interact = (
  pca: IPublicClientApplication,
  request: { scopes: string[]; loginHint?: string },
) => Promise<AuthenticationResult>;

const popup: Interact = (pca, request) => pca.acquireTokenPopup(request);

/**
 * A TokenSource for src/data/graph's createGraph, backed by MSAL: silent first, then `interact` (the host's popup
 * under NAA; a redirect in a browser, whose promise never settles because the page leaves).
 */
export function createNaaTokenSource(
  pca: IPublicClientApplication,
  loginHint: string | undefined,
  interact: Interact = popup,
): {
  tokens: TokenSource;
  acquire(options: { interactive: boolean }): Promise<AuthenticationResult>;
} {
  let forceRefresh = false;

  async function silent(): Promise<AuthenticationResult> {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    // Without an account MSAL v5 refuses acquireTokenSilent (no_account_error); ssoSilent asks the host (NAA) for
    // the user it names, as Microsoft's NAA samples do.
    const result = account
      ? await pca.acquireTokenSilent({ scopes: GRAPH_SCOPES, account, forceRefresh })
      : await pca.ssoSilent({ scopes: GRAPH_SCOPES, ...(loginHint ? { loginHint } : {}) });
    forceRefresh = false;
    return result;
  }

  async function acquire({ interactive }: { interactive: boolean }): Promise<AuthenticationResult> {
    try {
      const result = await silent();
      pca.setActiveAccount(result.account);
      return result;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      if (!interactive) throw new InteractionNeededError(error.message);
      const result = await interact(pca, { scopes: GRAPH_SCOPES, ...(loginHint ? { loginHint } : {}) });
      pca.setActiveAccount(result.account);
      return result;
    }
  }

  return {
    acquire,
    tokens: {
      // During a session a popup may still be needed (consent revoked, session expired); the host shows it.
      getToken: async () => (await acquire({ interactive: true })).accessToken,
      invalidate: () => {
        forceRefresh = true;
      },
    },
  };
}

/**
 * Signs in through the host. `interactive: false` on start (no popup without the user asking);
 * an `InteractionNeededError` then asks the UI for a sign-in button, whose click calls this again with `true`.
 */
export async function signInWithNaa(
  clientId: string,
  loginHint: string | undefined,
  options: { interactive: boolean },
): Promise<NaaSession> {
  const pca = await createNestablePublicClientApplication({
    auth: { clientId, authority: 'https://login.microsoftonline.com/organizations' },
  });
  const source = createNaaTokenSource(pca, loginHint);
  const first = await source.acquire(options);
  return {
    tokens: source.tokens,
    username: first.account.username,
    ...(first.account.name ? { name: first.account.name } : {}),
  };
}
