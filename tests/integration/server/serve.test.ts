import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await sandbox?.close();
});

/** Starts `npm run serve`'s entry with only the given environment (no env files) and collects its log. */
function serve(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/serve.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const tenantLike = () => ({
  PORT: '0',
  GRAPH_BASE_URL: sandbox.graphUrl,
  TOKEN_URL: sandbox.tokenUrl,
  SHAREPOINT_SITE_URL: sandbox.siteUrl,
  GRAPH_CLIENT_ID: 'sandbox-app',
  SECRET_GRAPH_CLIENT_SECRET: 'sandbox-secret',
  TAB_AUTH: 'naa',
  AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
});

describe('npm run serve (the production entry)', () => {
  it('serves the tab with NAA configuration against an existing site, without a sandbox or seeding, and stops on SIGTERM', async () => {
    const run = serve(tenantLike());
    await until(() => run.output().includes('"msg":"serving"'), 'the serving log line');
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.output())?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const config = (await (await fetch(`${url}/config.json`)).json()) as { auth: string; siteUrl: string };
    expect(config).toMatchObject({ auth: 'naa', siteUrl: sandbox.siteUrl });
    expect(JSON.stringify(config)).not.toContain('sandbox-secret');
    expect(run.output()).toContain('without the bot');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses to start with a clear message when configuration is missing', async () => {
    const env: Record<string, string> = tenantLike();
    delete env.GRAPH_BASE_URL;
    const run = serve(env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('configuration invalid');
    expect(run.output()).toContain('GRAPH_BASE_URL');
  });
});
