import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROSOFT_365_FRAME_ANCESTORS, startAppServer } from '../../../src/server/http-server.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frame-ancestors-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>tab</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The frame-ancestors sources of one answer's Content-Security-Policy. */
async function ancestorsOf(url: string): Promise<string[]> {
  const response = await fetch(url);
  await response.arrayBuffer();
  const csp = response.headers.get('content-security-policy') ?? '';
  const directive = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('frame-ancestors '));
  return directive ? directive.split(/\s+/).slice(1) : [];
}

// Microsoft Learn, "Prerequisites and requirements for tabs": the frame-ancestor permission per Microsoft 365 host.
const LEARN_LIST = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

describe('Content-Security-Policy frame-ancestors', () => {
  it('a deployed server (no loopback option) lets exactly the Microsoft 365 hosts frame the tab, no loopback page', async () => {
    const server = await startAppServer({ host: '127.0.0.1', port: 0, tabDistDir: dir, tabConfig: () => undefined });
    try {
      for (const path of ['/index.html', '/healthz', '/config.json', '/missing.js']) {
        const ancestors = await ancestorsOf(`${server.url}${path}`);
        expect(ancestors, path).toEqual(["'self'", ...LEARN_LIST]);
        expect(
          ancestors.some((a) => a.includes('127.0.0.1') || a.includes('localhost')),
          path,
        ).toBe(false);
      }
    } finally {
      await server.close();
    }
  });

  it('the local sandbox run adds the loopback parents (Playground, test host) and keeps the Microsoft 365 hosts', async () => {
    const server = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      tabDistDir: dir,
      tabConfig: () => undefined,
      loopbackFrameAncestors: true,
    });
    try {
      const ancestors = await ancestorsOf(`${server.url}/index.html`);
      expect(ancestors).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', ...LEARN_LIST]);
    } finally {
      await server.close();
    }
  });

  it('the exported list is the one Microsoft Learn gives', () => {
    expect([...MICROSOFT_365_FRAME_ANCESTORS]).toEqual(LEARN_LIST);
  });
});
