/**
 * The Teams SDK's HTTP seam (`IHttpServerAdapter`) on our own node:http server instead of the SDK's default Express.
 * The SDK registers its routes here (POST /api/messages, with its JWT check in front of the handler); the app server
 * calls `handle` for requests on those paths. Listening and stopping stay with the app server, so there is one HTTP
 * host with one set of security headers and one error sink.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';

/** Bot Framework activities are small; Teams rejects cards over ~28 KB long before this. */
export const MAX_ACTIVITY_BYTES = 1_000_000;

export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type !== 'application/json') throw new RequestBodyError(415, 'Content-Type must be application/json');
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new RequestBodyError(413, 'Activity too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new RequestBodyError(413, 'Activity too large');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new RequestBodyError(400, 'Body is not valid JSON');
    throw error;
  }
}

function headersOf(req: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) out[name] = value;
  return out;
}

export type NodeHttpAdapter = IHttpServerAdapter & {
  /** Whether a route is registered for this path (any method). */
  hasPath(pathname: string): boolean;
  /**
   * Serves one request on a registered path: reads and parses the JSON body, runs the SDK's handler (JWT check,
   * routing, invoke response) and writes its answer. Wrong method: 405; bad body: 400/413/415.
   */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, headers?: Record<string, string>): Promise<void>;
};

export function createNodeHttpAdapter(options: { maxBodyBytes?: number } = {}): NodeHttpAdapter {
  const routes = new Map<string, HttpRouteHandler>();
  const limit = options.maxBodyBytes ?? MAX_ACTIVITY_BYTES;

  function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    if (body === undefined || body === null) {
      res.writeHead(status, { ...headers, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(body));
  }

  return {
    registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler) {
      routes.set(`${method} ${path}`, handler);
    },
    hasPath(pathname) {
      return [...routes.keys()].some((key) => key.slice(key.indexOf(' ') + 1) === pathname);
    },
    async handle(req, res, pathname, headers = {}) {
      const handler = routes.get(`${req.method ?? ''} ${pathname}`);
      if (!handler) {
        res.setHeader('Allow', 'POST');
        return reply(res, 405, { error: 'Method not allowed' }, headers);
      }
      let body: unknown;
      try {
        body = await readJson(req, limit);
      } catch (error) {
        if (error instanceof RequestBodyError) return reply(res, error.status, { error: error.message }, headers);
        throw error;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return reply(res, 400, { error: 'An activity is a JSON object' }, headers);
      const answer = await handler({ body, headers: headersOf(req) });
      reply(res, answer.status, answer.body, headers);
    },
  };
}
