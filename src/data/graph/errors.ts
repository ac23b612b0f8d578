/**
 * Typed errors of the Graph path. They carry status, Graph's error code and the request id,
 * so callers decide on facts (412 → conflict, 404 → gone) and logs can be correlated.
 */
export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/**
 * The connection itself failed (refused, reset, DNS): no HTTP answer came. It stays a TypeError, as `fetch` throws
 * it, so the retry rules that look for one still apply; the message names the method and the URL, so a person sees
 * which address was unreachable instead of "fetch failed".
 */
export class NetworkError extends TypeError {
  override readonly name = 'NetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    cause: unknown,
  ) {
    super(`${method} ${url} failed: ${describeCause(cause)}`, { cause });
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;
  return code ? `${cause.message} (${code})` : cause.message;
}

/** Wraps a connection failure of `fetch` in a `NetworkError` naming the URL; any other error passes unchanged. */
export function namingTheUrl(method: string, url: string, error: unknown): unknown {
  return error instanceof TypeError && !(error instanceof NetworkError) ? new NetworkError(method, url, error) : error;
}

/** A token could not be obtained from the token endpoint. */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Retries ran out (attempts or total time) on a throttled or unavailable service. */
export class RetryExhaustedError extends Error {
  override readonly name = 'RetryExhaustedError';
  constructor(
    message: string,
    readonly lastStatus: number,
    readonly attempts: number,
  ) {
    super(message);
  }
}

type GraphErrorLike = { statusCode?: unknown; code?: unknown; message?: unknown; requestId?: unknown; body?: unknown };

/**
 * Turns what @microsoft/microsoft-graph-client throws (GraphError, GraphClientError or our own
 * middleware errors) into one typed error. Errors that are already typed pass through.
 */
export function toGraphRequestError(error: unknown): Error {
  if (
    error instanceof GraphRequestError ||
    error instanceof TokenRequestError ||
    error instanceof RetryExhaustedError
  ) {
    return error;
  }
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const e = error as GraphErrorLike;
    const status = typeof e.statusCode === 'number' ? e.statusCode : -1;
    if (status > 0) {
      const body = parseBody(e.body);
      const code = typeof e.code === 'string' ? e.code : (extractCode(body) ?? 'unknown');
      const message = typeof e.message === 'string' && e.message ? e.message : `Graph answered ${status}`;
      const requestId = typeof e.requestId === 'string' ? e.requestId : undefined;
      return new GraphRequestError(message, status, code, requestId, body);
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body; // not JSON: keep the raw text for the log
  }
}

function extractCode(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const inner = (body as { error?: { code?: unknown } }).error;
    if (inner && typeof inner.code === 'string') return inner.code;
  }
  return undefined;
}
