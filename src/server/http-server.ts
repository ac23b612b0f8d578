import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { HealthBody, ReminderHolidays, ReminderJobStatus } from '../shared/wire.js';
import type { TabConfig } from './config.js';
import type { ConfigProblem } from './config-problems.js';
import type { Logger } from './log.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The hosts that may frame the tab, exactly as Microsoft Learn lists them in "Prerequisites and requirements for tabs"
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): all hosts (`*.cloud.microsoft`,
 * where the web clients move), Teams, the Microsoft 365 app and Outlook (and its `-sdf` test hosts). Outlook on the web
 * also frames the add-in's panes from these.
 */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** Loopback parents: the Agents Playground and the browser tests' host page. Only the local sandbox run allows them. */
const LOOPBACK_FRAME_ANCESTORS = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

/**
 * Security headers for every answer. Framing is limited to the Microsoft 365 hosts; loopback parents only when
 * `loopbackFrameAncestors` is set (the sandbox configuration of `npm start`), never on a deployed server.
 */
export function securityHeaders(loopbackFrameAncestors: boolean): Record<string, string> {
  const ancestors = [
    "'self'",
    ...(loopbackFrameAncestors ? LOOPBACK_FRAME_ANCESTORS : []),
    ...MICROSOFT_365_FRAME_ANCESTORS,
  ];
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': `frame-ancestors ${ancestors.join(' ')}`,
  };
}

export type AppServer = { server: Server; port: number; url: string; close(): Promise<void> };

/** The Bot Framework messaging endpoint: POST /api/messages is handed to it (the Teams SDK behind our adapter). */
export type MessagesEndpoint = {
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse, pathname: string, headers: Record<string, string>): Promise<void>;
};

export type AppServerOptions = {
  host: string;
  port: number;
  tabDistDir: string;
  /** The tab's public configuration; undefined while the site is still being prepared. */
  tabConfig: () => TabConfig | undefined;
  /** The bot's endpoint; undefined while starting (answered 503) or when the server runs without a bot (404). */
  messages?: () => MessagesEndpoint | undefined;
  /** The path the bot will serve once it is up (so a request that comes early gets 503, not 404). */
  messagesPath?: string;
  /** The tab's calls to the bot (POST /api/tab/cmt-kaart), checked by the bot itself; like `messages` otherwise. */
  tabApi?: () => MessagesEndpoint | undefined;
  tabApiPath?: string;
  /**
   * The reminder job's status for `/healthz`; undefined (or answering undefined) when this server runs no job.
   * Times and counts only: the endpoint is unauthenticated.
   */
  reminderJob?: () => ReminderJobStatus | undefined;
  /**
   * The reminder rule's holidays around now for `/healthz` (the job's Dutch public holidays and `EXTRA_HOLIDAYS`), so
   * the tab's send-time previews skip the same days; undefined (null in the body) while not yet known.
   */
  reminderHolidays?: () => ReminderHolidays | undefined;
  /** Configuration problems found by using the configuration (token, Graph, site, lists); any makes /healthz answer 503. */
  problems?: () => readonly ConfigProblem[];
  log?: Logger;
  /**
   * Lets loopback pages (the Agents Playground, the browser tests' host) frame the tab. Only the local sandbox run
   * (`startLocal`, which binds to loopback only) sets it; a deployed server never does.
   */
  loopbackFrameAncestors?: boolean;
};

export type { HealthBody };

/** The precompressed variants the build writes next to a hashed asset (scripts/vite-precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type ContentEncoding = (typeof ENCODINGS)[number]['name'];

/**
 * The best encoding of `available` that an `Accept-Encoding` header accepts: brotli before gzip, never one the client
 * refuses with `q=0` (also through `*;q=0`), and none (identity) without the header.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly ContentEncoding[],
): ContentEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (token === '') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(token, Number.isFinite(value) ? value : 0);
  }
  for (const { name } of ENCODINGS) {
    if (!available.includes(name)) continue;
    const value = q.get(name) ?? q.get('*');
    if (value !== undefined && value > 0) return name;
  }
  return undefined;
}

/** The path of a request's target, or undefined when it is not a URL (`//a:b/`, `http://[`). */
export function requestPath(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** A path with its percent-escapes decoded, or undefined when one is malformed (`/%E0%A4%A`). */
export function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/**
 * index.html with the tab's configuration in it (`<script id="tab-config" type="application/json">`), so the tab starts
 * without a round trip for /config.json. `<` is escaped: no value can close the script element.
 */
export function inlineTabConfig(html: string, config: TabConfig): string {
  const json = JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const tag = `<script id="tab-config" type="application/json">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', `${tag}\n  </head>`) : `${tag}${html}`;
}

/**
 * The app's HTTP host: the built tab (static files), its public configuration, a health check and the bot's
 * messaging endpoint (POST only; everything else is GET/HEAD).
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const SECURITY_HEADERS = securityHeaders(options.loopbackFrameAncestors === true);
  function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  }
  const root = resolve(options.tabDistDir);
  const log = options.log ?? (() => undefined);

  /** The precompressed variants of `file` that exist, with their sizes. */
  async function precompressed(file: string): Promise<Map<ContentEncoding, number>> {
    const found = new Map<ContentEncoding, number>();
    for (const { name, suffix } of ENCODINGS) {
      const info = await stat(`${file}${suffix}`).catch(() => undefined);
      if (info?.isFile()) found.set(name, info.size);
    }
    return found;
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const decoded = decodePath(pathname);
    if (decoded === undefined) return send(res, 400, 'Ongeldige aanvraag');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(root, relative === '' ? 'index.html' : relative);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Niet gevonden');
    const info = await stat(file).catch(() => undefined);
    const target = info?.isFile() ? file : info?.isDirectory() ? join(file, 'index.html') : undefined;
    const targetInfo = target ? await stat(target).catch(() => undefined) : undefined;
    if (!target || !targetInfo?.isFile()) return send(res, 404, 'Niet gevonden');
    const type = CONTENT_TYPES[extname(target)] ?? 'application/octet-stream';
    // The tab's own page carries its configuration (no /config.json round trip before anything starts).
    const config = target === join(root, 'index.html') ? options.tabConfig() : undefined;
    if (config) {
      const body = Buffer.from(inlineTabConfig(await readFile(target, 'utf8'), config));
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    // Hashed asset names may be cached for good; index.html must always be fresh.
    const immutable = /[\\/]assets[\\/]/.test(target);
    // A hashed asset goes out precompressed (brotli or gzip, written at build time) when the client accepts it.
    const variants = immutable ? await precompressed(target) : new Map<ContentEncoding, number>();
    const encoding = chooseEncoding(req.headers['accept-encoding'], [...variants.keys()]);
    const sent = encoding ? `${target}${ENCODINGS.find((e) => e.name === encoding)?.suffix ?? ''}` : target;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': encoding ? (variants.get(encoding) ?? 0) : targetInfo.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      // Caches must keep the variants apart; an asset without variants still says so, as one could appear with a build.
      ...(immutable ? { Vary: 'Accept-Encoding' } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    // A file that cannot be read after its headers went out (removed by a deploy between stat and open) ends this
    // response, not the process: a stream's unhandled 'error' would throw.
    const body = createReadStream(sent);
    body.on('error', (error) => {
      log({ level: 'warn', msg: 'static file not sent', path: pathname, error: error.message });
      res.destroy(error);
    });
    body.pipe(res);
  }

  const server = createServer((req, res) => {
    const pathname = requestPath(req.url);
    // A request line no URL parser takes (`GET //a:b/`) is answered, not thrown: outside the handler's catch, the
    // throw ended the process, and with it the bot, the tab's API and the reminder job.
    if (pathname === undefined) return send(res, 400, 'Ongeldige aanvraag');
    const handle = async () => {
      if (options.messagesPath !== undefined && pathname === options.messagesPath) {
        const endpoint = options.messages?.();
        if (!endpoint) return send(res, 503, JSON.stringify({ error: 'starting' }), CONTENT_TYPES['.json']);
        return endpoint.handle(req, res, pathname, SECURITY_HEADERS);
      }
      if (options.tabApiPath !== undefined && pathname === options.tabApiPath) {
        const endpoint = options.tabApi?.();
        if (!endpoint) return send(res, 503, JSON.stringify({ error: 'starting' }), CONTENT_TYPES['.json']);
        return endpoint.handle(req, res, pathname, SECURITY_HEADERS);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Methode niet toegestaan');
      if (pathname === '/healthz') {
        const problems = [...(options.problems?.() ?? [])];
        const body: HealthBody = {
          status: problems.length > 0 ? 'error' : 'ok',
          problems,
          reminderJob: options.reminderJob?.() ?? null,
          reminderHolidays: options.reminderHolidays?.() ?? null,
        };
        return send(res, problems.length > 0 ? 503 : 200, JSON.stringify(body), CONTENT_TYPES['.json']);
      }
      if (pathname === '/config.json') {
        const config = options.tabConfig();
        if (!config) return send(res, 503, JSON.stringify({ error: 'starting' }), CONTENT_TYPES['.json']);
        // Public and small; no-cache (revalidate) instead of no-store, and the tab normally reads it from index.html.
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': CONTENT_TYPES['.json'],
          'Cache-Control': 'no-cache',
        });
        return void res.end(JSON.stringify(config));
      }
      return serveStatic(req, res, pathname);
    };
    handle().catch((error: unknown) => {
      log({
        level: 'error',
        msg: 'request failed',
        path: pathname,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent) send(res, 500, 'Interne fout');
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    port,
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise((resolvePromise, reject) => server.close((error) => (error ? reject(error) : resolvePromise()))),
  };
}
