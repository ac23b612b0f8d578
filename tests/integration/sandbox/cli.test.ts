import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { clientFor, freshDataDir, http, killHard, REPO_ROOT, removeDir, spawnSandbox, type Child } from './helpers.js';

/** Runs the CLI to its end and returns its exit code and output. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('sandbox CLI (src/sandbox/main.ts)', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });

  it('prints its URLs, takes origins and faults from the environment, and stops on SIGTERM', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const child: Child = await spawnSandbox(dataDir, {
      SANDBOX_ALLOWED_ORIGINS: 'http://127.0.0.1:4000, http://localhost:4000',
      SANDBOX_THROTTLE_RATE: '1',
      SANDBOX_THROTTLE_STATUS: '503',
      SANDBOX_RETRY_AFTER_SECONDS: '4',
    });
    cleanup.push(() => killHard(child));
    expect(child.output()).toMatch(/graph: http:\/\/127\.0\.0\.1:\d+\/v1\.0/);
    expect(child.output()).toMatch(/site:\s+http:\/\/127\.0\.0\.1:\d+\/sites\/actieplan/);
    expect(child.output()).toMatch(/token: http:\/\/127\.0\.0\.1:\d+\/oauth2\/v2\.0\/token/);

    const throttled = await http(`${child.baseUrl}/v1.0/me`);
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('4');

    const preflight = await http(`${child.baseUrl}/v1.0/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4000', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);

    // Another process changes the faults at run time.
    const cleared = await http(`${child.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(cleared.status).toBe(200);
    const { graph } = await clientFor(child.baseUrl);
    expect((await graph.get('/sites/127.0.0.1:/sites/actieplan')).status).toBe(200);

    child.process.removeAllListeners('exit');
    const exit = new Promise<number | null>((resolve) => child.process.once('exit', (code) => resolve(code)));
    child.process.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses to listen anywhere but 127.0.0.1, and refuses invalid settings', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const host = await runToExit({ SANDBOX_DATA_DIR: dataDir, SANDBOX_HOST: '0.0.0.0' });
    expect(host.code).toBe(1);
    expect(host.output).toContain('127.0.0.1');
    const rate = await runToExit({ SANDBOX_DATA_DIR: dataDir, SANDBOX_THROTTLE_RATE: 'veel' });
    expect(rate.code).toBe(1);
    expect(rate.output).toContain('SANDBOX_THROTTLE_RATE');
  });
});
