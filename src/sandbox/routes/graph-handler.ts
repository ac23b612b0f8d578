/**
 * Graph v1.0 over HTTP (everything below `/v1.0`): throttling before anything is done, the body, the
 * bearer token, `$batch` (its sub-requests throttled one by one), dispatch to the routes, Graph's error
 * shape, and commit-then-fail on writes.
 */
import type { IncomingMessage } from 'node:http';
import type { FaultInjector } from '../faults.js';
import { GraphError, graphErrorBody, invalidRequest, type RequestIds } from '../graph-errors.js';
import { HttpBodyError, parseJsonBody, readBody } from '../http-io.js';
import type { AuthContext, TokenService } from '../tokens.js';
import { runBatch } from './batch.js';
import type { GraphContext, GraphRequest, GraphResponse } from './context.js';
import { dispatchGraph } from './graph-router.js';

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export type GraphHandlerDeps = {
  ctx: GraphContext;
  tokens: TokenService;
  faults: FaultInjector;
  now: () => Date;
};

/** Answers one Graph request (path below `/v1.0` taken from `url`). */
export type GraphHandler = (
  req: IncomingMessage,
  url: URL,
  headers: Record<string, string>,
  ids: RequestIds,
) => Promise<GraphResponse>;

/** Makes the Graph handler over the site, its tokens and the current faults. */
export function createGraphHandler({ ctx, tokens, faults, now }: GraphHandlerDeps): GraphHandler {
  const errorResponse = (err: GraphError, ids: RequestIds): GraphResponse => ({
    status: err.status,
    headers: { ...err.headers },
    body: graphErrorBody(err.code, err.message, ids, now()),
  });

  const throttledResponse = (status: 429 | 503, ids: RequestIds): GraphResponse => {
    const err =
      status === 429
        ? new GraphError(
            429,
            'TooManyRequests',
            'The request has been throttled. Retry after the number of seconds in Retry-After.',
          )
        : new GraphError(
            503,
            'serviceNotAvailable',
            'The service is temporarily unavailable. Retry after the number of seconds in Retry-After.',
          );
    const response = errorResponse(err, ids);
    response.headers['Retry-After'] = String(faults.retryAfterSeconds);
    return response;
  };

  /** Runs a Graph request after authentication: dispatch, error rendering, commit-then-fail. */
  const execute = (greq: GraphRequest, ids: RequestIds): GraphResponse => {
    let response: GraphResponse;
    try {
      response = dispatchGraph(ctx, greq);
    } catch (err) {
      if (err instanceof GraphError) return errorResponse(err, ids);
      throw err;
    }
    if (WRITE_METHODS.has(greq.method) && response.status >= 200 && response.status < 300 && faults.failAfterCommit()) {
      const failed = errorResponse(
        new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.'),
        ids,
      );
      failed.headers['Retry-After'] = String(faults.retryAfterSeconds);
      return failed;
    }
    return response;
  };

  /** A `$batch` sub-request: relative URL, throttled on its own, run with the outer token. */
  const executeSub =
    (auth: AuthContext, ids: RequestIds) =>
    async (sub: {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: unknown;
    }): Promise<GraphResponse> => {
      const throttled = faults.throttle();
      if (throttled) return throttledResponse(throttled, ids);
      let relative = sub.url;
      if (relative.startsWith(ctx.urls.graphUrl)) relative = relative.slice(ctx.urls.graphUrl.length);
      if (!relative.startsWith('/')) relative = `/${relative}`;
      const url = new URL(relative, ctx.urls.baseUrl);
      if (url.pathname === '/$batch' || url.pathname === '/%24batch')
        return errorResponse(invalidRequest('A batch cannot contain another batch.'), ids);
      return execute(
        { method: sub.method, path: url.pathname, query: url.searchParams, headers: sub.headers, body: sub.body, auth },
        ids,
      );
    };

  return async (req, url, headers, ids) => {
    const path = url.pathname.slice('/v1.0'.length) || '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const isBatch = path === '/$batch' || path === '/%24batch';
    // Throttling answers before anything is done, as Graph does; the $batch envelope itself is not
    // throttled, its sub-requests are, one by one.
    try {
      if (!isBatch) {
        const throttled = faults.throttle();
        if (throttled) {
          await readBody(req);
          return throttledResponse(throttled, ids);
        }
      }
      const body = parseJsonBody(await readBody(req));
      const auth = await tokens.verify(headers['authorization']);
      if (isBatch) {
        if (method !== 'POST')
          throw new GraphError(405, 'BadRequest', 'Specified HTTP method is not allowed for the request target.');
        return await runBatch(body, executeSub(auth, ids), (err) => errorResponse(err, ids));
      }
      return execute({ method, path, query: url.searchParams, headers, body, auth }, ids);
    } catch (err) {
      if (err instanceof GraphError) return errorResponse(err, ids);
      if (err instanceof HttpBodyError)
        return errorResponse(new GraphError(err.status, 'invalidRequest', err.message), ids);
      throw err;
    }
  };
}
