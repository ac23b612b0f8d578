import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ReminderJobStatus } from '../bot/reminder-timer.js';
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
  const ancestors = ["'self'", ...(loopbackFrameAncestors ? LOOPBACK_FRAME_ANCESTORS : []), ...MICROSOFT_365_FRAME_ANCESTORS];
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
  /**
   * The reminder job's status for `/healthz`; undefined (or answering undefined) when this server runs no job.
   * Times and counts only: the endpoint is unauthenticated.
   */
  reminderJob?: () => ReminderJobStatus | undefined;
  /** Configuration problems found by using the configuration (token, Graph, site, lists); any makes /healthz answer 503. */
  problems?: () => readonly ConfigProblem[];
  log?: Logger;
  /**
   * Lets loopback pages (the Agents Playground, the browser tests' host) frame the tab. Only the local sandbox run
   * (`startLocal`, which binds to loopback only) sets it; a deployed server never does.
   */
  loopbackFrameAncestors?: boolean;
};

/**
 * The body of `GET /healthz`. `reminderJob` is null when this server runs no reminder job. With a
 * configuration problem the status is 'error' (HTTP 503) and each problem names its variable and URL.
 */
export type HealthBody = { status: 'ok' | 'error'; problems: ConfigProblem[]; reminderJob: ReminderJobStatus | null };

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

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(root, relative === '' ? 'index.html' : relative);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Niet gevonden');
    const info = await stat(file).catch(() => undefined);
    const target = info?.isFile() ? file : info?.isDirectory() ? join(file, 'index.html') : undefined;
    const targetInfo = target ? await stat(target).catch(() => undefined) : undefined;
    if (!target || !targetInfo?.isFile()) return send(res, 404, 'Niet gevonden');
    // Hashed asset names may be cached for good; index.html must always be fresh.
    const immutable = /[\\/]assets[\\/]/.test(target);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
      'Content-Length': targetInfo.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(target).pipe(res);
  }

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handle = async () => {
      if (options.messagesPath !== undefined && pathname === options.messagesPath) {
        const endpoint = options.messages?.();
        if (!endpoint) return send(res, 503, JSON.stringify({ error: 'starting' }), CONTENT_TYPES['.json']);
        return endpoint.handle(req, res, pathname, SECURITY_HEADERS);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Methode niet toegestaan');
      if (pathname === '/healthz') {
        const problems = [...(options.problems?.() ?? [])];
        const body: HealthBody = { status: problems.length > 0 ? 'error' : 'ok', problems, reminderJob: options.reminderJob?.() ?? null };
        return send(res, problems.length > 0 ? 503 : 200, JSON.stringify(body), CONTENT_TYPES['.json']);
      }
      if (pathname === '/config.json') {
        const config = options.tabConfig();
        if (!config) return send(res, 503, JSON.stringify({ error: 'starting' }), CONTENT_TYPES['.json']);
        return send(res, 200, JSON.stringify(config), CONTENT_TYPES['.json']);
      }
      return serveStatic(req, res, pathname);
    };
    handle().catch((error: unknown) => {
      log({ level: 'error', msg: 'request failed', path: pathname, error: error instanceof Error ? error.message : String(error) });
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
    close: () => new Promise((resolvePromise, reject) => server.close((error) => (error ? reject(error) : resolvePromise()))),
  };
}
