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
  if (error instanceof GraphRequestError || error instanceof TokenRequestError || error instanceof RetryExhaustedError) {
    return error;
  }
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const e = error as GraphErrorLike;
    const status = typeof e.statusCode === 'number' ? e.statusCode : -1;
    if (status > 0) {
      const body = parseBody(e.body);
      const code = typeof e.code === 'string' ? e.code : extractCode(body) ?? 'unknown';
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
