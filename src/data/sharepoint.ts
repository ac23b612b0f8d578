/**
 * The app's one SharePoint REST client: PnPjs (`@pnp/sp`) configured once, here, with our
 * behaviours. Nothing else in the code base calls `spfi()`.
 *
 * Pipeline: PnPjs' DefaultHeaders (`Accept: application/json`, JSON bodies) and DefaultInit
 * (telemetry tag, reject on error, resolve on data), then
 * - auth: a bearer token for the SharePoint audience from a {@link TokenSource}, sent only to the
 *   site's origin (a real tenant issues it for `scope=https://<tenant>.sharepoint.com/.default`);
 * - send: the platform's fetch (Node 20 and browsers), our retry policy (429/503/504 with
 *   Retry-After, bounded; see graph/retry-policy.ts), one retry with a fresh token after a 401, and
 *   a typed {@link SharePointRequestError} for every other failure;
 * - parse: PnPjs' DefaultParse (JSON light and verbose envelopes).
 * With a bearer token SharePoint needs no X-RequestDigest, so PnPjs' RequestDigest behaviour (which
 * would first POST `_api/contextinfo`) is left out on purpose.
 *
 * `@pnp/sp` is ESM-only and plain Node refuses directory imports, so every PnPjs module is imported
 * by its explicit `index.js` path (vitest would accept `@pnp/sp/webs`; `npm start` would not).
 */
import { spfi, DefaultHeaders, DefaultInit, type SPFI } from '@pnp/sp';
import { DefaultParse, type Queryable } from '@pnp/queryable';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/fields/index.js';
import '@pnp/sp/views/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/site-users/web.js';
import type { IFields } from '@pnp/sp/fields/index.js';
import type { IItems } from '@pnp/sp/items/index.js';
import type { ILists } from '@pnp/sp/lists/index.js';
import type { ISiteUserInfo } from '@pnp/sp/site-users/index.js';
import type { IViews } from '@pnp/sp/views/index.js';
import type { Web } from '@pnp/sp/webs/index.js';
import { namingTheUrl, RetryExhaustedError } from './graph/errors.js';
import { realRetryEnvironment, type RetryEnvironment } from './graph/middleware.js';
import {
  defaultRetryPolicy,
  isRetryable,
  isRetryableNetworkFailure,
  nextDelay,
  parseRetryAfter,
  type RetryPolicy,
} from './graph/retry-policy.js';
import type { TokenSource } from './graph/token-source.js';

/*
 * PnPjs adds `sp.web`, `web.lists`, `list.views` and friends by module augmentation written as
 * `declare module "../fi"`: an extensionless path that TypeScript cannot resolve under NodeNext,
 * so the augmentation is lost there (the server typechecks with NodeNext). The runtime side comes
 * with the imports above; these declarations restate, with resolvable paths, the members we use.
 */
declare module '@pnp/sp/fi.js' {
  interface SPFI {
    readonly web: ReturnType<typeof Web>;
  }
}
declare module '@pnp/sp/webs/types.js' {
  interface IWeb {
    readonly lists: ILists;
    ensureUser(loginName: string): Promise<ISiteUserInfo>;
  }
}
declare module '@pnp/sp/lists/types.js' {
  interface IList {
    readonly views: IViews;
    readonly fields: IFields;
    readonly items: IItems;
  }
}

export type SharePointOptions = {
  /** The site, e.g. `https://zoetermeer.sharepoint.com/sites/actieplan` or the sandbox's `http://127.0.0.1:3979/sites/actieplan`. */
  siteUrl: string;
  /** Tokens whose audience is the site's origin (see {@link sharePointScope}). */
  tokens: TokenSource;
  fetch?: typeof fetch;
  retryPolicy?: RetryPolicy;
  retryEnvironment?: RetryEnvironment;
};

/** The configured client: PnPjs' root for the site, plus where it points. */
export type SharePoint = { readonly sp: SPFI; readonly siteUrl: string };

/** The client-credentials scope of SharePoint REST for a site: `<origin>/.default`. */
export function sharePointScope(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/.default`;
}

/** A failed SharePoint REST call: status, SharePoint's error code (`"-2147024809, System.ArgumentException"`) and message. */
export class SharePointRequestError extends Error {
  override readonly name = 'SharePointRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly method: string,
    readonly url: string,
    readonly body: unknown,
  ) {
    super(message);
  }

  /** Reads SharePoint's error body (JSON light, verbose, or the 401 `error_description`). */
  static async fromResponse(response: Response, method: string, url: string): Promise<SharePointRequestError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text;
    let code = `http${response.status}`;
    let message = text || response.statusText;
    try {
      body = JSON.parse(text) as unknown;
      const b = body as { 'odata.error'?: SpErrorInner; error?: SpErrorInner | string; error_description?: string };
      const inner = b['odata.error'] ?? (typeof b.error === 'object' ? b.error : undefined);
      if (inner?.code) code = inner.code;
      if (inner?.message?.value) message = inner.message.value;
      else if (typeof b.error_description === 'string') message = b.error_description;
    } catch {
      // Not JSON (an HTML error page, for example): keep the text as the message.
    }
    const diagnostics = response.headers.get('x-ms-diagnostics');
    const detail = diagnostics ? ` (${diagnostics})` : '';
    return new SharePointRequestError(
      `SharePoint answered ${response.status} to ${method} ${url}: ${message}${detail}`,
      response.status,
      code,
      method,
      url,
      body,
    );
  }
}

type SpErrorInner = { code?: string; message?: { value?: string } };

/** The method SharePoint acts on: PnPjs sends MERGE and DELETE as POST with `X-HTTP-Method`. */
function effectiveMethod(init: RequestInit): string {
  const method = (init.method ?? 'GET').toUpperCase();
  const override = headerValue(init.headers, 'X-HTTP-Method');
  if (method === 'POST' && override) return override.toUpperCase() === 'MERGE' ? 'PATCH' : override.toUpperCase();
  return method;
}

function headerValue(headers: RequestInit['headers'], name: string): string | undefined {
  return new Headers(headers).get(name) ?? undefined;
}

/**
 * Sets one header and keeps the headers a plain object: PnPjs merges `init.headers` with object
 * spread after the auth moment, which would silently drop a `Headers` instance.
 */
function withHeader(init: RequestInit, name: string, value: string): RequestInit {
  const headers: Record<string, string> = {};
  const source = init.headers;
  if (source instanceof Headers || Array.isArray(source)) {
    new Headers(source).forEach((v, k) => {
      headers[k] = v;
    });
  } else if (source) {
    // Keep the names as PnPjs wrote them: it merges its own headers in by name afterwards, and
    // `x-http-method` next to `X-HTTP-Method` would be sent as "MERGE, MERGE".
    Object.assign(headers, source);
  }
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  headers[name] = value;
  return { ...init, headers };
}

/** Behaviour: the bearer token, to the site's origin only. */
function BearerTokenFrom(tokens: TokenSource, origin: string) {
  return (instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      if (url.origin !== origin)
        throw new Error(
          `Refusing to send a SharePoint token to ${url.origin}; the configured site origin is ${origin}.`,
        );
      return [url, withHeader(init, 'Authorization', `Bearer ${await tokens.getToken()}`)];
    });
    return instance;
  };
}

/** Behaviour: fetch with the retry policy, a fresh token once after 401, typed errors. */
function FetchWithRetry(options: {
  fetch: typeof fetch;
  policy: RetryPolicy;
  env: RetryEnvironment;
  tokens: TokenSource;
}) {
  return (instance: Queryable) => {
    instance.on.send.replace(async (url, init) => {
      const method = effectiveMethod(init);
      const target = url.toString();
      const started = options.env.now();
      let request = init;
      let refreshed = false;
      for (let attempt = 1; ; attempt += 1) {
        let response: Response;
        try {
          response = await options.fetch(target, request);
        } catch (error) {
          if (!(error instanceof TypeError) || !isRetryableNetworkFailure(method))
            throw namingTheUrl(method, target, error);
          const delay = nextDelay({
            policy: options.policy,
            attempt,
            elapsedMs: options.env.now() - started,
            retryAfterMs: undefined,
            random: options.env.random,
          });
          if (delay === undefined) throw namingTheUrl(method, target, error);
          options.env.onRetry?.({ method, url: target, status: 'network', attempt, delayMs: delay });
          await options.env.sleep(delay);
          continue;
        }
        if (response.ok) return response;
        if (response.status === 401 && !refreshed) {
          // The cached token may have expired on the way; try once more with a fresh one.
          refreshed = true;
          await response.body?.cancel();
          options.tokens.invalidate();
          request = withHeader(request, 'Authorization', `Bearer ${await options.tokens.getToken()}`);
          attempt -= 1;
          continue;
        }
        if (!isRetryable(method, response.status))
          throw await SharePointRequestError.fromResponse(response, method, target);
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), options.env.now());
        const delay = nextDelay({
          policy: options.policy,
          attempt,
          elapsedMs: options.env.now() - started,
          retryAfterMs,
          random: options.env.random,
        });
        if (delay === undefined) {
          await response.body?.cancel();
          throw new RetryExhaustedError(
            `SharePoint stayed unavailable (${response.status}) after ${attempt} attempts for ${method} ${target}.`,
            response.status,
            attempt,
          );
        }
        options.env.onRetry?.({ method, url: target, status: response.status, attempt, delayMs: delay });
        await response.body?.cancel();
        await options.env.sleep(delay);
      }
    });
    return instance;
  };
}

/**
 * Creates the SharePoint REST client for one site. Call it once per process (or tab), in the
 * composition root, and pass the result down.
 */
export function createSharePoint(options: SharePointOptions): SharePoint {
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const origin = new URL(siteUrl).origin;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sp = spfi(siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    BearerTokenFrom(options.tokens, origin),
    FetchWithRetry({
      fetch: doFetch,
      policy: options.retryPolicy ?? defaultRetryPolicy,
      env: options.retryEnvironment ?? realRetryEnvironment,
      tokens: options.tokens,
    }),
    DefaultParse(),
  );
  return { sp, siteUrl };
}
