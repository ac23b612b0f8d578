import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

const HOST_DIR = join(import.meta.dirname, '..', 'host');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export type TestHost = { origin: string; url(tabUrl: string, context?: HostContext): string; close(): Promise<void> };

/** What the test host tells the tab through getContext. */
export type HostContext = {
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  frameContext?: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  subPageId?: string;
  upn?: string;
  naa?: boolean;
  /** teams-js `app.host.name`: Teams (default), or Outlook / Office (the Microsoft 365 app), which have no team, channel or meeting. */
  hostName?: 'Teams' | 'Outlook' | 'Office';
  /** A channel tab's team (thread id, Microsoft 365 group id, name) and channel (id, name, `Regular` / `Private` / `Shared`). */
  teamId?: string;
  groupId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  channelType?: 'Regular' | 'Private' | 'Shared';
};

/**
 * Serves tests/e2e/host on its own loopback origin, so the tab runs cross-origin in a frame as it does in
 * Teams (the tab trusts a loopback parent only when it is itself served from loopback).
 */
export async function startTestHost(): Promise<TestHost> {
  const server: Server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    if (!/^[a-z-]+\.(html|js)$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    readFile(join(HOST_DIR, name)).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (tabUrl, context = {}) =>
      `${origin}/index.html?${new URLSearchParams({ tab: tabUrl, context: JSON.stringify(context) }).toString()}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
