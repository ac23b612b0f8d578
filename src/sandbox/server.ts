/**
 * The local Microsoft 365 sandbox: a loopback-only HTTP server (plain `node:http`) that implements
 * the subset of Microsoft Graph v1.0 and of SharePoint REST (`/sites/actieplan/_api/...`) the app
 * uses, an Entra-shaped token endpoint, and a small control surface for tests (`/_sandbox/*`).
 * Both protocols serve the same site from the same store. It knows one site and a set of personas,
 * nothing of the app.
 */
import { existsSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { FaultInjector, faultsSchema } from './faults.js';
import {
  GraphError,
  graphErrorBody,
  invalidRequest,
  OAuthError,
  oauthErrorBody,
  SandboxSetupError,
  type RequestIds,
} from './graph-errors.js';
import { PERSONAS, SANDBOX_TENANT_ID } from './personas.js';
import { runBatch } from './routes/batch.js';
import type { GraphContext, GraphRequest, GraphResponse } from './routes/context.js';
import { dispatchGraph } from './routes/graph-router.js';
import { issueToken } from './routes/oauth.js';
import { openSignIn } from './routes/sign-in.js';
import { ensureUserInformationList } from './site-setup.js';
import { readRestOptions, type RestContext } from './rest/context.js';
import { fromGraphError, SharePointError, SP_CODES } from './rest/errors.js';
import { contentTypeOf, errorBody, negotiate, type ODataFormat } from './rest/odata.js';
import { parseRestPath } from './rest/path.js';
import { dispatchRest, effectiveMethod } from './rest/router.js';
import { SandboxStore } from './store.js';
import { AuthenticationError, TokenService, type AuthContext } from './tokens.js';

export type SandboxFaults = {
  /** Added to every Graph response. */
  latencyMs?: number;
  /** 0..1 share of Graph requests answered 429 (or 503, see throttleStatus) before anything is done. */
  throttleRate?: number;
  throttleStatus?: 429 | 503;
  /** Retry-After header value on throttled responses (default 1). */
  retryAfterSeconds?: number;
  /** 0..1 share of writes that are committed and then answered 503 (the client must cope). */
  commitThenFailRate?: number;
  /** Deterministic pseudo-random decisions for tests. */
  seed?: number;
};

export type SandboxOptions = {
  /** 0 picks a free port; default 3979. */
  port?: number;
  /** SQLite file and signing key live here; created when missing. */
  dataDir: string;
  /** Confidential client allowed for client_credentials (default 'sandbox-app'). */
  clientId?: string;
  /** Default 'sandbox-secret': a local, non-secret default for a loopback-only sandbox. */
  clientSecret?: string;
  /** CORS origins; default the app on port 3978. */
  allowedOrigins?: string[];
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  faults?: SandboxFaults;
  /** Injectable clock (tokens, Created/Modified). */
  now?: () => Date;
};

export type RunningSandbox = {
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** baseUrl + '/v1.0' */
  graphUrl: string;
  /** baseUrl + '/sites/actieplan'; SharePoint REST is below it at `/_api/`. */
  siteUrl: string;
  /** The audience of SharePoint REST tokens (request them with `scope=<sharePointOrigin>/.default`): the baseUrl. */
  sharePointOrigin: string;
  tokenUrl: string;
  /** `https://127.0.0.1:PORT/<tenant>`: Entra's authority for MSAL.js (sign-in page, code + PKCE; routes/sign-in.ts). */
  authority: string;
  /** The self-signed certificate (PEM) the same port presents to TLS clients. */
  tlsCertificate: string;
  setFaults(f: SandboxFaults): void;
  /**
   * Saves the site as it is now (a copy of the SQLite store in the data folder), for `restore`. Tests seed once,
   * snapshot, and restore before each test file instead of seeding again.
   */
  snapshot(): void;
  /** Puts the site back as it was at the last `snapshot` (every list, item, version and change) and puts the faults back to those it started with. */
  restore(): void;
  close(): Promise<void>;
};

export const DEFAULT_PORT = 3979;
export const DEFAULT_CLIENT_ID = 'sandbox-app';
/** Not a secret: the sandbox only listens on 127.0.0.1 and holds no real data. */
export const DEFAULT_CLIENT_SECRET = 'sandbox-secret';
export const DEFAULT_ALLOWED_ORIGINS = ['http://127.0.0.1:3978', 'http://localhost:3978'];

const LOOPBACK = '127.0.0.1';
const SITE_PATH = '/sites/actieplan';
/** SharePoint REST lives below the site; `_api` is matched without regard to case, as SharePoint does. */
const REST_PREFIX = `${SITE_PATH}/_api`;
const SITE_DISPLAY_NAME = 'Actieplan Digitaal Leiderschap';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
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
/** SharePoint Online's own application id, named in its 401 challenge. */
const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  dataDir: z.string().min(1),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  allowedOrigins: z.array(z.string().url()).optional(),
  tokenLifetimeSeconds: z.number().int().min(1).optional(),
});

class HttpBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpBodyError';
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpBodyError(413, `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw invalidRequest(
      `Unable to read JSON request payload (${(err as Error).message}). Please ensure Content-Type header is set and payload is of valid JSON format.`,
    );
  }
}

/**
 * Why a control request (`/_sandbox/*`) is refused, or undefined when it may run. The control surface
 * switches faults on without a token, so a web page in the developer's browser
 * must not reach it: a request that names another origin (browsers send `Origin` on every cross-site
 * POST) or that a browser marks `Sec-Fetch-Site: cross-site` is refused, and every request that is
 * not a read must say `Content-Type: application/json`, which a page can only send after a CORS
 * preflight, and the preflight is refused for any origin but the app's. Test code and the launcher
 * (Node's fetch sends no Origin) keep working.
 */
export function controlRefusal(
  method: string,
  headers: Record<string, string>,
  allowedOrigins: ReadonlySet<string>,
): { status: number; code: string; message: string } | undefined {
  const origin = headers['origin'];
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return {
      status: 403,
      code: 'accessDenied',
      message: `The sandbox's control endpoints accept requests from the app's origin only (${[...allowedOrigins].join(', ')}), not from '${origin}'.`,
    };
  }
  // The app's own page may be on localhost while the sandbox is on 127.0.0.1 (cross-site to a browser
  // but an allowed Origin); without an Origin a cross-site request is a page's plain navigation or form.
  if (origin === undefined && (headers['sec-fetch-site'] ?? '').toLowerCase() === 'cross-site') {
    return {
      status: 403,
      code: 'accessDenied',
      message: "The sandbox's control endpoints refuse cross-site requests.",
    };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return {
        status: 415,
        code: 'unsupportedMediaType',
        message: `The sandbox's control endpoints take Content-Type application/json on ${method}, not '${headers['content-type'] ?? ''}'.`,
      };
    }
  }
  return undefined;
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Starts the sandbox on 127.0.0.1. On the first start in `dataDir` it creates the site (with fresh
 * GUIDs), the User Information List and the signing key; later starts reuse them.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const parsedOptions = optionsSchema.safeParse(options);
  if (!parsedOptions.success) throw new SandboxSetupError(`Invalid sandbox options: ${parsedOptions.error.message}`);
  const now = options.now ?? (() => new Date());
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const allowedOrigins = new Set(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  const initialFaults = faultsSchema.parse(options.faults ?? {});
  const faults = new FaultInjector(initialFaults);

  const store = SandboxStore.open(options.dataDir);
  const snapshotFile = join(options.dataDir, 'snapshot.sqlite');
  let tokens: TokenService;
  let site: ReturnType<SandboxStore['ensureSite']>;
  try {
    site = store.ensureSite(now().getTime());
    ensureUserInformationList(store, now().getTime());
    tokens = await TokenService.open(options.dataDir, now, options.tokenLifetimeSeconds ?? 3600);
  } catch (err) {
    store.close();
    throw err;
  }

  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: unknown) => {
    store.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${LOOPBACK}:${port}`;
  const signIn = await openSignIn({ dataDir: options.dataDir, baseUrl, tokens, allowedOrigins, now }).catch(
    (err: unknown) => {
      server.close();
      store.close();
      throw err;
    },
  );
  signIn.acceptTls(server);
  const ctx: GraphContext = {
    store,
    site,
    siteId: `${LOOPBACK},${site.siteCollectionId},${site.webId}`,
    hostname: LOOPBACK,
    sitePath: SITE_PATH,
    siteDisplayName: SITE_DISPLAY_NAME,
    urls: { baseUrl, graphUrl: `${baseUrl}/v1.0`, siteUrl: `${baseUrl}${SITE_PATH}` },
    now,
  };

  const restCtx: RestContext = { ...ctx, apiUrl: `${ctx.urls.siteUrl}/_api/` };

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
      const url = new URL(relative, baseUrl);
      if (url.pathname === '/$batch' || url.pathname === '/%24batch')
        return errorResponse(invalidRequest('A batch cannot contain another batch.'), ids);
      return execute(
        { method: sub.method, path: url.pathname, query: url.searchParams, headers: sub.headers, body: sub.body, auth },
        ids,
      );
    };

  const handleGraph = async (
    req: IncomingMessage,
    url: URL,
    headers: Record<string, string>,
    ids: RequestIds,
  ): Promise<GraphResponse> => {
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

  type RestResult = { status: number; headers: Record<string, string>; body?: unknown; contentType: string };

  /**
   * SharePoint's 401: its challenge names SharePoint's app id and the tenant, the reason goes into
   * `x-ms-diagnostics`, and the body is `{"error_description"}` (not an OData error), as SharePoint
   * Online answers a token for another audience, an expired one or none.
   */
  const sharePointUnauthorized = (err: AuthenticationError, authorization: string | undefined): RestResult => {
    let diagnostics = `3000006;reason="${err.message}";category="invalid_client"`;
    let description = `Invalid JWT token. ${err.message}`;
    if (err.reason === 'audience') {
      let aud = '';
      try {
        const claims = decodeJwt(/^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '');
        aud = Array.isArray(claims.aud) ? claims.aud.join(',') : String(claims.aud ?? '');
      } catch {
        aud = '(unreadable)'; // verify() already refused the token; the diagnostics only name its audience
      }
      diagnostics = `3000003;reason="Invalid audience Uri '${aud}'.";category="invalid_client"`;
      description =
        "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.";
    }
    return {
      status: 401,
      headers: {
        'WWW-Authenticate': `Bearer realm="${SANDBOX_TENANT_ID}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
        'x-ms-diagnostics': diagnostics,
      },
      body: { error_description: description },
      contentType: 'application/json; charset=utf-8',
    };
  };

  /** Runs a SharePoint REST request: format, throttling, body, method, SharePoint-audience token, dispatch. */
  const handleRest = async (
    req: IncomingMessage,
    url: URL,
    headers: Record<string, string>,
    ids: RequestIds,
  ): Promise<RestResult> => {
    let format: ODataFormat = 'minimal';
    const spHeaders: Record<string, string> = {
      SPRequestGuid: ids.requestId,
      MicrosoftSharePointTeamServices: '16.0.0.0',
    };
    const fail = (err: SharePointError): RestResult => ({
      status: err.status,
      headers: { ...spHeaders, ...err.headers },
      body: errorBody(format, err),
      contentType: contentTypeOf(format),
    });
    try {
      format = negotiate(headers['accept']);
      const throttled = faults.throttle();
      if (throttled) {
        await readBody(req);
        const message =
          throttled === 429
            ? 'The request has been throttled. Retry after the number of seconds in Retry-After.'
            : 'The service is temporarily unavailable.';
        return fail(
          new SharePointError(throttled, SP_CODES.throttled, message, {
            'Retry-After': String(faults.retryAfterSeconds),
          }),
        );
      }
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
      } catch (err) {
        throw new SharePointError(400, SP_CODES.invalidQuery, `Invalid JSON. ${(err as Error).message}`);
      }
      let auth: AuthContext;
      try {
        auth = await tokens.verify(headers['authorization'], [baseUrl]);
      } catch (err) {
        if (err instanceof AuthenticationError) {
          const refused = sharePointUnauthorized(err, headers['authorization']);
          return { ...refused, headers: { ...spHeaders, ...refused.headers } };
        }
        throw err;
      }
      const method = effectiveMethod(req.method ?? 'GET', headers['x-http-method']);
      if (!method)
        throw new SharePointError(
          405,
          SP_CODES.invalidQuery,
          `The HTTP method '${req.method ?? ''}' is not supported.`,
        );
      const segments = parseRestPath(url.pathname.slice(REST_PREFIX.length));
      const response = dispatchRest(restCtx, {
        method,
        segments,
        options: readRestOptions(url.searchParams),
        headers,
        body,
        auth,
        format,
      });
      return { ...response, headers: { ...spHeaders, ...response.headers }, contentType: contentTypeOf(format) };
    } catch (err) {
      if (err instanceof SharePointError) return fail(err);
      if (err instanceof HttpBodyError)
        return fail(new SharePointError(err.status, SP_CODES.invalidQuery, err.message));
      if (err instanceof GraphError) return fail(fromGraphError(err));
      throw err;
    }
  };

  const handleToken = async (
    req: IncomingMessage,
    headers: Record<string, string>,
    ids: RequestIds,
  ): Promise<{ status: number; body: unknown }> => {
    const contentType = headers['content-type'] ?? '';
    const text = await readBody(req);
    try {
      if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw new OAuthError(
          400,
          'invalid_request',
          900144,
          "The request body must contain the following parameter: 'grant_type'.",
        );
      }
      const token = await issueToken(
        new URLSearchParams(text),
        headers['authorization'],
        { clientId, clientSecret, sharePointOrigin: baseUrl },
        tokens,
        (grant, form, client) => signIn.redeem(grant, form, client, headers['origin']),
      );
      return { status: 200, body: token };
    } catch (err) {
      if (err instanceof OAuthError) return { status: err.status, body: oauthErrorBody(err, ids, now()) };
      throw err;
    }
  };

  const handleControl = async (
    req: IncomingMessage,
    path: string,
    headers: Record<string, string>,
    ids: RequestIds,
  ): Promise<{ status: number; body: unknown }> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const refusal = controlRefusal(method, headers, allowedOrigins);
    if (refusal) {
      // Drain the body so the connection stays usable, then refuse before anything is read or switched.
      await readBody(req).catch(() => '');
      return { status: refusal.status, body: graphErrorBody(refusal.code, refusal.message, ids, now()) };
    }
    if (path === '/_sandbox/personas' && method === 'GET') {
      return {
        status: 200,
        body: PERSONAS.map(({ upn, displayName, jobTitle, oid }) => ({ upn, displayName, jobTitle, oid })),
      };
    }
    if (path === '/_sandbox/health' && method === 'GET') {
      return { status: 200, body: { status: 'ok', siteId: ctx.siteId, graphUrl: ctx.urls.graphUrl } };
    }
    if (path === '/_sandbox/faults') {
      if (method === 'GET') return { status: 200, body: faults.current };
      if (method === 'POST') {
        let parsed: unknown;
        try {
          parsed = parseJsonBody(await readBody(req)) ?? {};
        } catch (err) {
          if (err instanceof GraphError)
            return { status: 400, body: graphErrorBody(err.code, err.message, ids, now()) };
          throw err;
        }
        const result = faultsSchema.safeParse(parsed);
        if (!result.success) {
          return {
            status: 400,
            body: graphErrorBody(
              'invalidRequest',
              `Invalid faults: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
              ids,
              now(),
            ),
          };
        }
        faults.set(result.data);
        return { status: 200, body: faults.current };
      }
    }
    return {
      status: 404,
      body: graphErrorBody('itemNotFound', `No sandbox control endpoint ${method} ${path}.`, ids, now()),
    };
  };

  const send = (
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: unknown,
    contentType = 'application/json; charset=utf-8',
  ): void => {
    if (body === undefined || status === 204) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      ...headers,
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  };

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
    const url = new URL(req.url ?? '/', baseUrl);
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
      const response = await handleGraph(req, url, headers, ids);
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
    if (lowerPath === REST_PREFIX || lowerPath.startsWith(`${REST_PREFIX}/`)) {
      const result = await handleRest(req, url, headers, ids);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      send(res, result.status, { ...common, ...result.headers }, result.body, result.contentType);
      return;
    }
    if (await signIn.handle(req, res, url, common)) return;
    if (method === 'POST' && /^(\/[^/]+)?\/oauth2\/v2\.0\/token$/.test(path)) {
      const { status, body } = await handleToken(req, headers, ids);
      send(res, status, { ...common, Pragma: 'no-cache', 'x-ms-request-id': ids.requestId }, body);
      return;
    }
    if (method === 'GET' && /^(\/[^/]+)?\/discovery\/v2\.0\/keys$/.test(path)) {
      send(res, 200, common, tokens.jwks());
      return;
    }
    if (path.startsWith('/_sandbox/')) {
      const { status, body } = await handleControl(req, path, headers, ids);
      send(res, status, common, body);
      return;
    }
    send(res, 404, common, graphErrorBody('itemNotFound', `Nothing is served at ${path}.`, ids, now()));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
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
  });

  let closed: Promise<void> | undefined;
  return {
    port,
    baseUrl,
    graphUrl: ctx.urls.graphUrl,
    siteUrl: ctx.urls.siteUrl,
    sharePointOrigin: baseUrl,
    tokenUrl: `${baseUrl}/oauth2/v2.0/token`,
    authority: signIn.authority,
    tlsCertificate: signIn.certificate,
    setFaults(f: SandboxFaults): void {
      faults.set(faultsSchema.parse(f));
    },
    snapshot(): void {
      rmSync(snapshotFile, { force: true });
      store.snapshotTo(snapshotFile);
    },
    restore(): void {
      if (!existsSync(snapshotFile))
        throw new SandboxSetupError(
          `No sandbox snapshot to restore: ${snapshotFile} is missing (call snapshot() first).`,
        );
      store.restoreFrom(snapshotFile);
      faults.set(initialFaults);
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => {
          store.close();
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
        signIn.closeTls();
      });
      return closed;
    },
  };
}
