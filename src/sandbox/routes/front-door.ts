/**
 * The sandbox's front door: every request passes the Host check (against DNS rebinding) and CORS (the
 * app's origins only; preflights answered here), then goes by path to Graph, SharePoint REST, the
 * sign-in pages, the token endpoint, the signing keys or the control surface; the configured latency
 * is added to Graph and REST answers. An unexpected failure is logged and answered 500.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultInjector } from '../faults.js';
import { graphErrorBody, type RequestIds } from '../graph-errors.js';
import { lowerHeaders, send } from '../http-io.js';
import type { TokenService } from '../tokens.js';
import type { ControlHandler } from './control-handler.js';
import type { GraphHandler } from './graph-handler.js';
import type { RestHandler } from './rest-handler.js';
import type { SignIn } from './sign-in.js';
import type { TokenHandler } from './token-handler.js';

const LOOPBACK = '127.0.0.1';
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const ALLOWED_METHODS = 'GET, POST, PATCH, PUT, DELETE, MERGE, OPTIONS';
/**
 * The headers the brief requires, plus those the Graph JS client (`SdkVersion`) and MSAL send,
 * so a browser preflight from the tab does not fail on them.
 */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Prefer',
  'client-request-id',
  'return-client-request-id',
  'ConsistencyLevel',
  'SdkVersion',
  'x-client-SKU',
  'x-client-VER',
  'x-client-OS',
  'x-client-CPU',
  'x-ms-lib-capability',
  'x-client-current-telemetry',
  'x-client-last-telemetry',
  'x-app-name',
  'x-app-ver',
  // SharePoint REST as PnPjs calls it.
  'Accept',
  'X-HTTP-Method',
  'X-RequestDigest',
  'X-ClientService-ClientTag',
  'X-PnPjs-NoDigest',
  'odata-version',
  'DataServiceVersion',
  'MaxDataServiceVersion',
].join(', ');
const EXPOSED_HEADERS = 'ETag, Retry-After, request-id, client-request-id, Location, SPRequestGuid';

export type FrontDoorDeps = {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `/sites/actieplan/_api`, matched without regard to case as SharePoint does. */
  restPrefix: string;
  allowedOrigins: ReadonlySet<string>;
  faults: FaultInjector;
  tokens: TokenService;
  signIn: Pick<SignIn, 'handle'>;
  now: () => Date;
  graph: GraphHandler;
  rest: RestHandler;
  token: TokenHandler;
  control: ControlHandler;
};

/** A request's target as a URL, or undefined when it is not one. */
function parseTarget(target: string | undefined, base: string): URL | undefined {
  try {
    return new URL(target ?? '/', base);
  } catch {
    return undefined;
  }
}

/** Makes the `request` listener of the sandbox's HTTP server. */
export function createRequestListener({
  baseUrl,
  restPrefix,
  allowedOrigins,
  faults,
  tokens,
  signIn,
  now,
  graph,
  rest,
  token,
  control,
}: FrontDoorDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = lowerHeaders(req);
    const ids: RequestIds = { requestId: randomUUID(), clientRequestId: headers['client-request-id'] ?? randomUUID() };
    const common: Record<string, string> = {
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
      'Cache-Control': 'no-store, no-cache',
    };
    const host = (headers['host'] ?? '').replace(/:\d+$/, '').toLowerCase();
    if (host !== LOOPBACK && host !== 'localhost' && host !== '[::1]') {
      // Refusing other Host names keeps a DNS-rebinding page from talking to the sandbox.
      send(
        res,
        403,
        common,
        graphErrorBody('accessDenied', `Host '${headers['host'] ?? ''}' is not served; use ${baseUrl}.`, ids, now()),
      );
      return;
    }
    const origin = headers['origin'];
    const originAllowed = origin !== undefined && allowedOrigins.has(origin);
    if (originAllowed) {
      common['Access-Control-Allow-Origin'] = origin;
      common['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
      common['Vary'] = 'Origin';
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const url = parseTarget(req.url, baseUrl);
    if (!url) {
      // A request line no URL parser takes (`GET //a:b/`) is the client's error, not the sandbox's.
      send(res, 400, common, graphErrorBody('invalidRequest', 'The request URL is not valid.', ids, now()));
      return;
    }
    const path = url.pathname;

    if (method === 'OPTIONS') {
      if (!originAllowed) {
        send(res, 403, { 'request-id': ids.requestId }, undefined);
        return;
      }
      send(
        res,
        204,
        {
          ...common,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '3600',
        },
        undefined,
      );
      return;
    }

    if (path === '/v1.0' || path.startsWith('/v1.0/')) {
      const response = await graph(req, url, headers, ids);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      const responseHeaders = { ...common, 'OData-Version': '4.0', ...response.headers };
      send(
        res,
        response.status,
        responseHeaders,
        response.body,
        response.status >= 400 ? 'application/json' : GRAPH_JSON,
      );
      return;
    }
    const lowerPath = path.toLowerCase();
    if (lowerPath === restPrefix || lowerPath.startsWith(`${restPrefix}/`)) {
      const result = await rest(req, url, headers, ids);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      send(res, result.status, { ...common, ...result.headers }, result.body, result.contentType);
      return;
    }
    if (await signIn.handle(req, res, url, common)) return;
    if (method === 'POST' && /^(\/[^/]+)?\/oauth2\/v2\.0\/token$/.test(path)) {
      const { status, body } = await token(req, headers, ids);
      send(res, status, { ...common, Pragma: 'no-cache', 'x-ms-request-id': ids.requestId }, body);
      return;
    }
    if (method === 'GET' && /^(\/[^/]+)?\/discovery\/v2\.0\/keys$/.test(path)) {
      send(res, 200, common, tokens.jwks());
      return;
    }
    if (path.startsWith('/_sandbox/')) {
      const { status, body } = await control(req, path, headers, ids);
      send(res, status, common, body);
      return;
    }
    send(res, 404, common, graphErrorBody('itemNotFound', `Nothing is served at ${path}.`, ids, now()));
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      // An unexpected failure is a sandbox bug: log it with its stack and answer 500, never hide it.
      console.error('[sandbox] unexpected error while handling', req.method, req.url, err);
      if (!res.headersSent) {
        const ids = { requestId: randomUUID(), clientRequestId: randomUUID() };
        send(
          res,
          500,
          { 'request-id': ids.requestId },
          graphErrorBody('generalException', 'An unexpected error occurred in the sandbox.', ids, now()),
        );
      } else {
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    });
  };
}
