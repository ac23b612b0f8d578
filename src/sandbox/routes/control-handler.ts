/**
 * The sandbox's control surface for tests and the launcher (`/_sandbox/*`): personas, health, and the
 * faults switched on and off. It needs no token, so requests a web page could send are refused
 * ({@link controlRefusal}).
 */
import type { IncomingMessage } from 'node:http';
import { faultsSchema, type FaultInjector } from '../faults.js';
import { GraphError, graphErrorBody, type RequestIds } from '../graph-errors.js';
import { parseJsonBody, readBody } from '../http-io.js';
import { PERSONAS } from '../personas.js';
import type { GraphContext } from './context.js';

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

export type ControlHandlerDeps = {
  ctx: GraphContext;
  faults: FaultInjector;
  allowedOrigins: ReadonlySet<string>;
  now: () => Date;
};

/** Answers one control request (`path` starts with `/_sandbox/`) with a status and a JSON body. */
export type ControlHandler = (
  req: IncomingMessage,
  path: string,
  headers: Record<string, string>,
  ids: RequestIds,
) => Promise<{ status: number; body: unknown }>;

/** Makes the control surface's handler. */
export function createControlHandler({ ctx, faults, allowedOrigins, now }: ControlHandlerDeps): ControlHandler {
  return async (req, path, headers, ids) => {
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
}
