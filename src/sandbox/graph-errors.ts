/**
 * Typed errors of the sandbox, shaped like Microsoft Graph's and Entra ID's.
 *
 * Graph answers every failure with `{"error":{"code","message","innerError":{...}}}`
 * (https://learn.microsoft.com/graph/errors). Entra's token endpoint uses the OAuth 2.0 shape
 * `{"error","error_description","error_codes",...}` instead, so it has its own class.
 */

/** A failure that becomes one Graph error response. Route handlers throw it; the pipeline renders it. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** 400 `invalidRequest`: the request is malformed or asks for something SharePoint refuses. */
export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

/** 404 `itemNotFound`. */
export function itemNotFound(message: string): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}

/** 403 `accessDenied`. */
export function accessDenied(message = 'Access denied'): GraphError {
  return new GraphError(403, 'accessDenied', message);
}

/** 409 `nameAlreadyExists`. */
export function nameAlreadyExists(message: string): GraphError {
  return new GraphError(409, 'nameAlreadyExists', message);
}

/** 412 `preconditionFailed`: an `If-Match` eTag that is not the current one. */
export function preconditionFailed(message: string): GraphError {
  return new GraphError(412, 'preconditionFailed', message);
}

/** Graph's answer to a path segment it does not know (400 `BadRequest`, as Graph itself answers). */
export function unknownSegment(segment: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

/** 405 for a known resource with a method it does not support. */
export function methodNotAllowed(): GraphError {
  return new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

/** Correlation ids that Graph puts into every error body and response header. */
export type RequestIds = { requestId: string; clientRequestId: string };

/** The JSON body of a Graph error. `date` is UTC without fraction or zone, as Graph writes it. */
export function graphErrorBody(code: string, message: string, ids: RequestIds, now: Date): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().slice(0, 19),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** An OAuth 2.0 error of the token endpoint, in Entra ID's shape (`AADSTS` codes in the description). */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  readonly aadstsCode: number;

  constructor(status: number, error: string, aadstsCode: number, description: string) {
    super(`AADSTS${aadstsCode}: ${description}`);
    this.name = 'OAuthError';
    this.status = status;
    this.error = error;
    this.aadstsCode = aadstsCode;
  }
}

/** The JSON body Entra ID sends with an OAuth error. */
export function oauthErrorBody(err: OAuthError, ids: RequestIds, now: Date): Record<string, unknown> {
  return {
    error: err.error,
    error_description: `${err.message}\r\nTrace ID: ${ids.requestId}\r\nCorrelation ID: ${ids.clientRequestId}\r\nTimestamp: ${now.toISOString().replace('T', ' ').slice(0, 19)}Z`,
    error_codes: [err.aadstsCode],
    timestamp: `${now.toISOString().replace('T', ' ').slice(0, 19)}Z`,
    trace_id: ids.requestId,
    correlation_id: ids.clientRequestId,
  };
}

/** A sandbox start-up problem (unreadable key file, bad options): fail loudly, never repair silently. */
export class SandboxSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxSetupError';
  }
}
