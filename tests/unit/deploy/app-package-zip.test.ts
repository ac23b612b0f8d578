import { AppManifestUtils } from '@microsoft/app-manifest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../../scripts/build-app-package.js';
import { bundledSchemaFile, REPO_ROOT } from '../../../scripts/validate-manifest.js';
import { zipEntries } from '../../support/documents/zip.js';

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

describe('npm run package for env/.env.sandbox', () => {
  let outDir: string;
  let entries: Map<string, Buffer>;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'package-'));
    const result = await buildAppPackage({ env: {}, envFile: path.join(REPO_ROOT, 'env', '.env.sandbox'), outDir });
    expect(result.errors).toEqual([]);
    entries = zipEntries(await readFile(result.zipPath ?? ''));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('zips a manifest that the official 1.30 schema accepts, read back from the zip', async () => {
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(manifest.manifestVersion).toBe('1.30');
    const schemaFile = bundledSchemaFile('1.30');
    expect(schemaFile).toBeDefined();
    const schema = JSON.parse(await readFile(schemaFile ?? '', 'utf8')) as Schema;
    expect(await AppManifestUtils.validateAgainstSchema(manifest as never, schema)).toEqual([]);
  });

  it('carries the bot and the NAA settings with every placeholder expanded', () => {
    const text = [...entries.values()].map((bytes) => bytes.toString('latin1')).join('\n');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
      bots: Array<{ botId: string; scopes: string[] }>;
      webApplicationInfo: { nestedAppAuthInfo: Array<{ redirectUri: string }> };
    };
    expect(manifest.bots[0]).toMatchObject({ botId: 'b8e32370-4bea-4699-9c2b-807756cacf12', scopes: ['team'] });
    expect(manifest.webApplicationInfo.nestedAppAuthInfo[0]?.redirectUri).toBe('brk-multihub://127.0.0.1:3978');
  });

  it('rejects the same schema violation it would ship, so the check above can fail', async () => {
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as {
      bots: Array<{ botId: string }>;
    };
    manifest.bots[0] = { botId: 'not-a-guid' };
    const schema = JSON.parse(await readFile(bundledSchemaFile('1.30') ?? '', 'utf8')) as Schema;
    const failures = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
    expect(failures.join('\n')).toMatch(/botId/);
  });
});

describe('npm run package for env/.env.dev after a provision', () => {
  it("validates with the values the provision steps write (ids, the web app's host, the bot id)", async () => {
    const written: Record<string, string> = {
      TEAMS_APP_ID: '3f0c5a1e-9d4b-4c2a-8e7f-1a2b3c4d5e6f',
      AAD_APP_CLIENT_ID: '7d9e2f31-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      TAB_ENDPOINT: 'https://actieplanzt7q4k.azurewebsites.net',
      TAB_DOMAIN: 'actieplanzt7q4k.azurewebsites.net',
      ADDIN_ENDPOINT: 'https://actieplanzt7q4k.azurewebsites.net',
      BOT_ID: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
    };
    const dir = await mkdtemp(path.join(tmpdir(), 'package-dev-'));
    try {
      const template = await readFile(path.join(REPO_ROOT, 'env', '.env.dev'), 'utf8');
      const envFile = path.join(dir, '.env.dev');
      await writeFile(
        envFile,
        template.replace(/^([A-Z_]+)=$/gm, (line, name: string) => (written[name] ? `${name}=${written[name]}` : line)),
      );
      const result = await buildAppPackage({ env: {}, envFile, outDir: dir });
      expect(result.errors).toEqual([]);
      expect(result.zipPath).toBe(path.join(dir, 'appPackage.dev.zip'));
      const manifest = JSON.parse(
        zipEntries(await readFile(result.zipPath ?? ''))
          .get('manifest.json')
          ?.toString('utf8') ?? '{}',
      ) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        id: written.TEAMS_APP_ID,
        validDomains: [written.TAB_DOMAIN],
        bots: [{ botId: written.BOT_ID }],
        webApplicationInfo: { nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${written.TAB_DOMAIN}` }] },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
