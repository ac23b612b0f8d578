import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppPackage, environmentName } from '../../../scripts/build-app-package.js';
import { copyAppPackage } from './fixtures.js';
import type { PackageCopy } from './fixtures.js';
import { zipEntries } from '../../support/documents/zip.js';

// Building validates the package first (the bundled schemas are compiled once, which takes seconds).
describe('building the app package zip', { timeout: 30_000 }, () => {
  let copy: PackageCopy;
  beforeEach(async () => {
    copy = await copyAppPackage();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('names the zip after the env file', () => {
    expect(environmentName('env/.env.sandbox')).toBe('sandbox');
    expect(environmentName('/x/.env.dev')).toBe('dev');
  });

  it('zips the expanded manifest, the translation and the icons at the root', async () => {
    const outDir = path.join(copy.root, 'out');
    const result = await buildAppPackage({ env: {}, envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir });
    expect(result.errors).toEqual([]);
    expect(result.zipPath).toBe(path.join(outDir, 'appPackage.sandbox.zip'));

    const entries = zipEntries(await readFile(result.zipPath ?? ''));
    expect([...entries.keys()]).toEqual(['manifest.json', 'en-us.json', 'color.png', 'outline.png']);
    const manifest = entries.get('manifest.json')?.toString('utf8') ?? '';
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({
      id: '2b2ca692-7503-439b-8edc-f1efd5c412ed',
      validDomains: ['127.0.0.1:3978'],
      bots: [{ botId: 'b8e32370-4bea-4699-9c2b-807756cacf12', scopes: ['team'] }],
    });
    expect(entries.get('en-us.json')?.toString('utf8')).toContain('Digital Leadership Action Plan (local)');
    expect(entries.get('color.png')?.equals(await readFile(path.join(copy.appPackageDir, 'color.png')))).toBe(true);
    expect(await readFile(result.manifestPath ?? '', 'utf8')).toBe(manifest);
  });

  it('gives the same bytes for the same input', async () => {
    const a = await buildAppPackage({
      env: {},
      envFile: copy.envFile,
      appPackageDir: copy.appPackageDir,
      outDir: path.join(copy.root, 'a'),
    });
    const b = await buildAppPackage({
      env: {},
      envFile: copy.envFile,
      appPackageDir: copy.appPackageDir,
      outDir: path.join(copy.root, 'b'),
    });
    expect((await readFile(a.zipPath ?? '')).equals(await readFile(b.zipPath ?? ''))).toBe(true);
  });

  it('writes nothing when the package is invalid', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('TEAMS_APP_ID=')));
    const outDir = path.join(copy.root, 'out');
    const result = await buildAppPackage({ env: {}, envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir });
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(expect.stringMatching(/variable TEAMS_APP_ID is not defined/));
    expect(existsSync(outDir)).toBe(false);
  });
});
