import { namingTheUrl, TokenRequestError } from './errors.js';

/** Something that yields a bearer token for Graph. `invalidate` drops a cached token after a 401. */
export type TokenSource = {
  getToken(): Promise<string>;
  invalidate(): void;
};

type TokenResponse = { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };

/** Refresh a little before expiry so a request never leaves with a token that dies on the way. */
const EXPIRY_MARGIN_SECONDS = 120;

/**
 * A token source that posts a form to an OAuth 2.0 token endpoint (Entra ID's
 * `/oauth2/v2.0/token`, or the sandbox's endpoint of the same shape) and caches the token until
 * shortly before it expires. Concurrent callers share one request.
 */
export function createOAuthTokenSource(options: {
  tokenUrl: string;
  form: Record<string, string>;
  fetch?: typeof fetch;
  now?: () => number;
  /**
   * The answer of this same request, sent before this source existed (the tab's inline token prefetch,
   * src/tab/lib/plan/token-prefetch.ts): it is the first token; if it failed, the source asks again itself.
   */
  first?: Promise<PrefetchedToken>;
}): TokenSource {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  let first = options.first;

  function remember(token: string, expiresIn: unknown): string {
    const lifetime = typeof expiresIn === 'number' ? expiresIn : Number(expiresIn ?? 0);
    cached = { token, expiresAt: now() + Math.max(0, lifetime - EXPIRY_MARGIN_SECONDS) * 1000 };
    return token;
  }

  async function request(): Promise<string> {
    const prefetched = first;
    first = undefined;
    if (prefetched) {
      const answer = await prefetched.catch(() => undefined);
      if (answer) return remember(answer.token, answer.expiresIn);
    }
    const response = await doFetch(options.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(options.form).toString(),
    }).catch((error: unknown) => {
      throw namingTheUrl('POST', options.tokenUrl, error);
    });
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || typeof body.access_token !== 'string') {
      const code = typeof body.error === 'string' ? body.error : undefined;
      const description = typeof body.error_description === 'string' ? body.error_description : response.statusText;
      throw new TokenRequestError(`Token request failed (${response.status}): ${description}`, response.status, code);
    }
    return remember(body.access_token, body.expires_in);
  }

  return {
    async getToken() {
      if (cached && cached.expiresAt > now()) return cached.token;
      pending ??= request().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate() {
      cached = undefined;
      first = undefined;
    },
  };
}

/** A token an earlier request for the same grant brought: the token and its `expires_in` (seconds). */
export type PrefetchedToken = { token: string; expiresIn: unknown };

/** App-only token with the client-credentials grant (server side: provisioning, seeding, the reminder job). */
export function createClientCredentialsTokenSource(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  fetch?: typeof fetch;
}): TokenSource {
  return createOAuthTokenSource({
    tokenUrl: options.tokenUrl,
    fetch: options.fetch,
    form: {
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: options.scope ?? 'https://graph.microsoft.com/.default',
    },
  });
}

/**
 * Delegated token for a chosen persona. Only the local sandbox offers this grant; it stands in
 * for single sign-on when the tab runs in a plain browser, with the persona picker as sign-in.
 */
export function createPersonaTokenSource(options: {
  tokenUrl: string;
  clientId: string;
  persona: string;
  scope?: string;
  fetch?: typeof fetch;
  first?: Promise<PrefetchedToken>;
}): TokenSource {
  return createOAuthTokenSource({
    tokenUrl: options.tokenUrl,
    fetch: options.fetch,
    first: options.first,
    form: personaTokenForm(options.clientId, options.persona, options.scope),
  });
}

/** The sandbox's persona grant, as a form (also what the tab's inline token prefetch posts: token-prefetch.ts). */
export function personaTokenForm(clientId: string, persona: string, scope?: string): Record<string, string> {
  return {
    grant_type: 'urn:sandbox:persona',
    client_id: clientId,
    persona,
    scope: scope ?? 'https://graph.microsoft.com/.default',
  };
}
