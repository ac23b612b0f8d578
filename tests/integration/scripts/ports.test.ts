/**
 * Addresses follow the configuration: with PORT, SANDBOX_PORT and PLAYGROUND_PORT set as for `npm start`, the
 * scripts reach the running sandbox and the card's links open the running app. The scripts' main() runs in this
 * process with the environment a shell would give it (no second Node process: that is not what is tested here).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as provision } from '../../../scripts/provision.js';
import { main as rapportage } from '../../../scripts/rapportage.js';
import { main as reminders } from '../../../scripts/reminders.js';
import type { CliIo } from '../../../scripts/cli-io.js';
import { localCommand } from '../../../src/server/start-local.js';
import { startTestRun } from '../../support/local-run.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** A port nothing listens on (it was free a moment ago). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

type Ran = { code: number; stdout: string; stderr: string };

async function call(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: string[],
  env: Record<string, string>,
): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env: { TEAMSFX_ENV: 'sandbox', ...env },
    cwd: REPO_ROOT,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

let run: Awaited<ReturnType<typeof startTestRun>>;
let ports: { PORT: string; SANDBOX_PORT: string; PLAYGROUND_PORT: string };
let out: string;

beforeAll(async () => {
  ports = {
    PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    PLAYGROUND_PORT: String(await freePort()),
  };
  run = await startTestRun(ports);
  out = mkdtempSync(join(tmpdir(), 'ports-'));
}, 120_000);
afterAll(async () => {
  await run?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the scripts on the ports of the running app (not the defaults)', () => {
  it('the run listens where PORT and SANDBOX_PORT say, and its banner commands carry those ports', () => {
    expect(run.appUrl).toBe(`http://127.0.0.1:${ports.PORT}`);
    expect(run.sandbox.graphUrl).toBe(`http://127.0.0.1:${ports.SANDBOX_PORT}/v1.0`);
    expect(localCommand(run.ports, 'reminders', '--mt cmt --send-now')).toBe(
      `PORT=${ports.PORT} SANDBOX_PORT=${ports.SANDBOX_PORT} PLAYGROUND_PORT=${ports.PLAYGROUND_PORT} npm run reminders -- --mt cmt --send-now`,
    );
    expect(localCommand({ PORT: 3978, SANDBOX_PORT: 3979, PLAYGROUND_PORT: 56150 }, 'rapportage', '')).toBe(
      'npm run rapportage',
    );
  });

  it(
    'npm run reminders -- --preview reads the running sandbox, and the card links to the running app',
    { timeout: 60_000 },
    async () => {
      const ran = await call(reminders, ['--mt', 'cmt', '--preview', '--json'], ports);
      expect(ran.code, ran.stderr).toBe(0);
      const card = JSON.parse(ran.stdout) as { actions: { type: string; url?: string }[] };
      const link = card.actions.find((a) => a.type === 'Action.OpenUrl')?.url;
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${ports.PORT}/index\\.html\\?domein=Concern#/lijst`));
      // The link's origin is the running app server (its health endpoint answers there).
      const health = await fetch(new URL('/healthz', link));
      expect(health.status).toBe(200);
    },
  );

  it('npm run rapportage reads the running sandbox', { timeout: 90_000 }, async () => {
    const file = join(out, 'rapport.pdf');
    const ran = await call(rapportage, ['--out', file], ports);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.trim()).toBe(file);
    expect(ran.stderr).toContain(`van http://127.0.0.1:${ports.SANDBOX_PORT}/sites/actieplan`);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it(
    'npm run provision finds the running site provisioned (no changes); with --sandbox it opens the same data',
    { timeout: 90_000 },
    async () => {
      const ran = await call(provision, ['--json'], ports);
      expect(ran.code, ran.stderr).toBe(0);
      expect(JSON.parse(ran.stdout)).toMatchObject({
        site: `http://127.0.0.1:${ports.SANDBOX_PORT}/sites/actieplan`,
        changes: 0,
      });
      const own = await call(provision, ['--sandbox', '--json'], { ...ports, SANDBOX_DATA_DIR: run.dataDir });
      expect(own.code, own.stderr).toBe(0);
      expect(JSON.parse(own.stdout)).toMatchObject({ changes: 0 });
    },
  );

  it('a script that cannot reach the sandbox names the URL it failed on', { timeout: 60_000 }, async () => {
    const closed = String(await freePort());
    const ran = await call(reminders, ['--mt', 'cmt', '--preview'], { ...ports, SANDBOX_PORT: closed });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(`http://127.0.0.1:${closed}/oauth2/v2.0/token`);
    expect(ran.stderr).toMatch(/ECONNREFUSED/);
    const report = await call(rapportage, ['--out', join(out, 'x.pdf')], { ...ports, SANDBOX_PORT: closed });
    expect(report.code).toBe(1);
    expect(report.stderr).toContain(`http://127.0.0.1:${closed}/`);
  });
});
