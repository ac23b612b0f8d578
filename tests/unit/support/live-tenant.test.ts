import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveTenant } from '../../support/live-tenant.js';
import { startTestSandbox } from '../../support/sandbox.js';

/** `npm run test:live`'s reading of the tenant (tests/support/live-tenant.ts) and what `startTestSandbox` hands out then. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository root with only `env/` files: name → content. */
function rootWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'live-tenant-'));
  dirs.push(root);
  mkdirSync(join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'env', name), text);
  return root;
}

const TENANT = [
  'GRAPH_BASE_URL=https://graph.microsoft.com/v1.0',
  'TOKEN_URL=https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token',
  'SHAREPOINT_SITE_URL=https://contoso.sharepoint.com/sites/actieplan-test/',
  'GRAPH_CLIENT_ID=11111111-2222-3333-4444-555555555555',
].join('\n');

describe('the live suite reads its tenant', () => {
  it('fails naming the env file and every variable it needs when env/.env.dev is absent', () => {
    expect(() => liveTenant({ env: {}, rootDir: rootWith({}) })).toThrow(
      /env\/\.env\.dev not found \(LIVE_ENV=dev\).*GRAPH_BASE_URL, TOKEN_URL, SHAREPOINT_SITE_URL, GRAPH_CLIENT_ID in env\/\.env\.dev and SECRET_GRAPH_CLIENT_SECRET in env\/\.env\.dev\.user/,
    );
  });

  it('names each variable the committed env/.env.dev leaves empty', () => {
    const read = () => liveTenant({ env: {}, rootDir: repoRoot });
    expect(read).toThrow(
      /TOKEN_URL is not set; SHAREPOINT_SITE_URL is not set; GRAPH_CLIENT_ID is not set; SECRET_GRAPH_CLIENT_SECRET is not set/,
    );
    expect(read).not.toThrow(/GRAPH_BASE_URL is not set/);
  });

  it('names a missing secret and a value that is not a URL', () => {
    const root = rootWith({ '.env.dev': TENANT.replace('TOKEN_URL=https://', 'TOKEN_URL=') });
    expect(() => liveTenant({ env: {}, rootDir: root })).toThrow(
      /TOKEN_URL is not a URL: "login\.microsoftonline\.com.*SECRET_GRAPH_CLIENT_SECRET is not set/,
    );
  });

  it('takes the secret from env/.env.<LIVE_ENV>.user, and the process environment wins over the files', () => {
    const root = rootWith({ '.env.tenant2': TENANT, '.env.tenant2.user': 'SECRET_GRAPH_CLIENT_SECRET=s3cret' });
    const tenant = liveTenant({ env: { LIVE_ENV: 'tenant2', GRAPH_CLIENT_ID: 'from-the-shell' }, rootDir: root });
    expect(tenant).toEqual({
      envFile: 'env/.env.tenant2',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      tokenUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token',
      siteUrl: 'https://contoso.sharepoint.com/sites/actieplan-test',
      clientId: 'from-the-shell',
      clientSecret: 's3cret',
    });
  });
});

describe('startTestSandbox in the live suite', () => {
  it('hands out the tenant instead of starting a sandbox, and refuses what only the sandbox can do', async () => {
    const root = rootWith({ '.env.dev': TENANT, '.env.dev.user': 'SECRET_GRAPH_CLIENT_SECRET=s3cret' });
    vi.stubEnv('TEST_TARGET', 'live');
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    try {
      const target = await startTestSandbox();
      expect([target.graphUrl, target.siteUrl, target.sharePointOrigin, target.tokenUrl]).toEqual([
        'https://graph.microsoft.com/v1.0',
        'https://contoso.sharepoint.com/sites/actieplan-test',
        'https://contoso.sharepoint.com',
        'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token',
      ]);
      expect(() => target.setFaults({})).toThrow(/needs the local sandbox \(injected faults\)/);
      await expect(startTestSandbox({})).rejects.toThrow(/needs the local sandbox/);
      await expect(startTestSandbox(undefined, { now: () => new Date() })).rejects.toThrow(
        /needs the local sandbox \(a test clock\)/,
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});
