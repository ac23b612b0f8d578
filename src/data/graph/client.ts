import { Client } from '@microsoft/microsoft-graph-client';
import { GraphRequestError, toGraphRequestError } from './errors.js';
import {
  AuthMiddleware,
  CaptureMiddleware,
  ErrorCapture,
  FetchMiddleware,
  RetryMiddleware,
  realRetryEnvironment,
  type RetryEnvironment,
} from './middleware.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';
import type { TokenSource } from './token-source.js';

export type GraphOptions = {
  /** e.g. `https://graph.microsoft.com/v1.0`, or the sandbox's `http://127.0.0.1:3979/v1.0`. */
  graphBaseUrl: string;
  tokens: TokenSource;
  retryPolicy?: RetryPolicy;
  retryEnvironment?: RetryEnvironment;
  fetch?: typeof fetch;
};

export type RequestOptions = {
  headers?: Record<string, string>;
  /** Sends `If-Match` so a stale write becomes a 412 instead of an overwrite. */
  ifMatch?: string;
};

/** A page of a Graph collection. */
export type GraphPage<T> = { value: T[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };

/**
 * The app's one Graph client: the Microsoft Graph JS client with our middleware chain
 * (retry → auth → fetch). Created once per process or tab, in the composition root.
 */
export type Graph = {
  readonly baseUrl: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Follows `@odata.nextLink` to the end and returns every item. */
  getAll<T>(path: string, options?: RequestOptions): Promise<T[]>;
};

/**
 * Splits `https://host/v1.0` into the client's `baseUrl` and `defaultVersion`.
 * The version is the last path segment; anything before it is kept (a sandbox may sit under a path).
 */
export function splitGraphBaseUrl(graphBaseUrl: string): { host: string; version: string; origin: string } {
  const url = new URL(graphBaseUrl);
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const version = segments.pop() ?? '';
  if (!/^(v1\.0|beta)$/.test(version)) {
    throw new Error(`The Graph base URL must end in /v1.0 or /beta, got ${graphBaseUrl}`);
  }
  return { host: `${url.origin}${segments.join('/')}`, version, origin: url.origin };
}

export function createGraph(options: GraphOptions): Graph {
  const { host, version, origin } = splitGraphBaseUrl(options.graphBaseUrl);
  const retry = new RetryMiddleware(
    options.retryPolicy ?? defaultRetryPolicy,
    options.retryEnvironment ?? realRetryEnvironment,
  );
  const auth = new AuthMiddleware(options.tokens, origin);
  const transport = new FetchMiddleware(options.fetch);
  const capture = new CaptureMiddleware();
  capture.setNext(retry);
  retry.setNext(auth);
  auth.setNext(transport);
  const client = Client.initWithMiddleware({ middleware: capture, baseUrl: host, defaultVersion: version });
  const prefix = `${host}/${version}`;

  /**
   * The JS client only parses absolute URLs that start with https://, so an absolute
   * `@odata.nextLink` from an http endpoint is made relative first. A link to any other host is
   * refused: the token must never travel elsewhere.
   */
  function relativize(path: string): string {
    if (!/^https?:\/\//i.test(path)) return path;
    if (!path.startsWith(`${prefix}/`)) {
      throw new Error(`Refusing to follow a link outside the configured Graph endpoint: ${path}`);
    }
    return path.slice(prefix.length);
  }

  function request(path: string, capture: ErrorCapture, requestOptions?: RequestOptions) {
    let req = client.api(relativize(path)).middlewareOptions([capture]);
    const headers = { ...(requestOptions?.headers ?? {}) };
    if (requestOptions?.ifMatch) headers['If-Match'] = requestOptions.ifMatch;
    if (Object.keys(headers).length > 0) req = req.headers(headers);
    return req;
  }

  type Builder = ReturnType<typeof request>;
  async function run<T>(
    path: string,
    requestOptions: RequestOptions | undefined,
    send: (builder: Builder) => Promise<unknown>,
  ): Promise<T> {
    const capture = new ErrorCapture();
    try {
      return (await send(request(path, capture, requestOptions))) as T;
    } catch (error) {
      throw toGraphRequestError(capture.error ?? error);
    }
  }

  const graph: Graph = {
    baseUrl: prefix,
    get: (path, o) => run(path, o, (b) => b.get()),
    post: (path, body, o) => run(path, o, (b) => b.post(body)),
    patch: (path, body, o) => run(path, o, (b) => b.patch(body)),
    delete: async (path, o) => {
      await run(path, o, (b) => b.delete());
    },
    async getAll<T>(path: string, o?: RequestOptions) {
      const items: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const page: GraphPage<T> = await graph.get<GraphPage<T>>(next, o);
        if (!Array.isArray(page.value)) {
          throw new GraphRequestError(`Expected a collection from ${next}`, 200, 'unexpectedResponse', undefined, page);
        }
        items.push(...page.value);
        next = page['@odata.nextLink'];
      }
      return items;
    },
  };
  return graph;
}

/** Encodes an OData query value (a `$filter` expression, a `$select` list) for the URL. */
export function odataQuery(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Quotes a string for an OData literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
