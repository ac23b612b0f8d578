import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * `npm run test:live` as an admin runs it, in its own process: without the tenant's env file it must stop before any
 * test, with a non-zero exit and a message that names the file and the variables (README, "Checking a tenant").
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run test:live', () => {
  it('fails with a message naming the missing env file and its variables, before testing anything', () => {
    // A fresh environment without this run's vitest variables, so the child is a run of its own.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('VITEST') && key !== 'TEST_TARGET' && key !== 'NODE_ENV',
      ),
    );
    const result = spawnSync('npm', ['run', 'test:live'], {
      cwd: root,
      env: { ...env, LIVE_ENV: 'absent-for-this-test' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).toContain(
      'npm run test:live: env/.env.absent-for-this-test not found (LIVE_ENV=absent-for-this-test)',
    );
    expect(output).toContain(
      'GRAPH_BASE_URL, TOKEN_URL, SHAREPOINT_SITE_URL, GRAPH_CLIENT_ID in env/.env.absent-for-this-test',
    );
    expect(output).toContain('SECRET_GRAPH_CLIENT_SECRET in env/.env.absent-for-this-test.user');
    expect(output).not.toMatch(/Test Files .*passed/);
  }, 150_000);
});
