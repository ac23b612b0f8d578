import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthBody } from '../../../src/shared/wire.js';
import { REPO_ROOT } from '../../support/cli.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

/**
 * The production install as App Service makes it (docs/deploy.md): the built tab and server (`npm test` builds both
 * first), package.json and the lockfile in a folder of their own, `npm ci --omit=dev`, then `npm run serve`. It proves
 * that serve needs nothing from devDependencies, and that the sandbox, the tab's libraries and tsx stay out.
 */
let sandbox: TestSandbox;
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  for (const built of ['dist/tab/index.html', 'dist/server/serve.js']) {
    if (!existsSync(join(REPO_ROOT, built)))
      throw new Error(
        `${built} is missing: run \`npm run build:tab && npm run build:server\` (npm test does this first).`,
      );
  }
  sandbox = await startTestSandbox();
  await seedSite(sandbox.graph(), sandbox.siteUrl);
  dir = mkdtempSync(join(tmpdir(), 'actieplan-production-'));
  for (const file of ['package.json', 'package-lock.json', 'dist/tab', 'dist/server'])
    cpSync(join(REPO_ROOT, file), join(dir, file), { recursive: true });
}, 120_000);

/** npm and the node it starts, as one process group (spawned detached): a signal reaches both. */
const signalGroup = (process: ChildProcess | undefined, signal: NodeJS.Signals) => {
  if (process?.pid === undefined || process.exitCode !== null || process.signalCode !== null) return;
  try {
    globalThis.process.kill(-process.pid, signal);
  } catch {
    // already gone
  }
};

afterAll(async () => {
  signalGroup(child, 'SIGKILL');
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('the production install (npm ci --omit=dev, then npm run serve)', () => {
  it(
    'installs without devDependencies and serves the tab and its configuration against the site',
    { timeout: 300_000 },
    async () => {
      // From the npm cache that the development install filled; the registry only for what the cache lacks.
      const install = spawnSync(
        'npm',
        ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
        { cwd: dir, encoding: 'utf8', timeout: 240_000 },
      );
      expect(install.status, install.stderr).toBe(0);
      for (const devOnly of [
        'better-sqlite3',
        'tsx',
        'vite',
        'react',
        '@fluentui/react-components',
        '@pnp/sp',
        'pdfkit',
        'jose',
      ]) {
        expect(existsSync(join(dir, 'node_modules', devOnly)), `${devOnly} is a devDependency`).toBe(false);
      }
      for (const runtime of ['@microsoft/teams.apps', 'zod', 'rrule'])
        expect(existsSync(join(dir, 'node_modules', runtime)), runtime).toBe(true);

      child = spawn('npm', ['run', 'serve', '--silent'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          GRAPH_BASE_URL: sandbox.graphUrl,
          TOKEN_URL: sandbox.tokenUrl,
          SHAREPOINT_SITE_URL: sandbox.siteUrl,
          GRAPH_CLIENT_ID: 'sandbox-app',
          SECRET_GRAPH_CLIENT_SECRET: 'sandbox-secret',
          TAB_AUTH: 'naa',
          TAB_AUTHORITY: sandbox.authority,
          AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const found = /"msg":"serving".*?"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1];
          if (found) {
            clearInterval(timer);
            resolve(found);
          }
        }, 100);
        void exited.then((code) => {
          clearInterval(timer);
          reject(new Error(`npm run serve exited (${code}) before serving:\n${output}`));
        });
      });

      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      // The reminder rule's holidays come from a chunk loaded after listening, with date-holidays from the install.
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${url}/healthz`)).json()) as HealthBody).reminderHolidays?.dates.some((d) =>
              d.endsWith('-12-25'),
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      const config = (await (await fetch(`${url}/config.json`)).json()) as { auth: string; siteUrl: string };
      expect(config).toMatchObject({ auth: 'naa', siteUrl: sandbox.siteUrl });
      const index = await fetch(`${url}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<div id="root">');

      // As App Service stops it: SIGTERM (to npm and the server, one process group); then nothing answers any more.
      signalGroup(child, 'SIGTERM');
      await exited;
      await expect
        .poll(
          () =>
            fetch(`${url}/healthz`).then(
              () => 'answers',
              () => 'stopped',
            ),
          { timeout: 30_000 },
        )
        .toBe('stopped');
      child = undefined;
    },
  );
});
