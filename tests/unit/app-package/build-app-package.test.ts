import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppPackage, environmentName } from '../../../scripts/build-app-package.js';
import { crc32 } from 'node:zlib';
import { copyAppPackage } from './fixtures.js';
import type { PackageCopy } from './fixtures.js';

/** Reads a zip through its central directory, checking every entry's CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endOffset = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(endOffset + 10);
  let offset = zip.readUInt32LE(endOffset + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const start = localOffset + 30 + localNameLength + localExtraLength;
    const stored = zip.subarray(start, start + compressedSize);
    const bytes = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    expect(crc32(bytes), `CRC of ${name}`).toBe(crc);
    entries.set(name, bytes);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

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
    const result = await buildAppPackage({ envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir });
    expect(result.errors).toEqual([]);
    expect(result.zipPath).toBe(path.join(outDir, 'appPackage.sandbox.zip'));

    const entries = readZip(await readFile(result.zipPath ?? ''));
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
    const a = await buildAppPackage({ envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir: path.join(copy.root, 'a') });
    const b = await buildAppPackage({ envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir: path.join(copy.root, 'b') });
    expect((await readFile(a.zipPath ?? '')).equals(await readFile(b.zipPath ?? ''))).toBe(true);
  });

  it('writes nothing when the package is invalid', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('TEAMS_APP_ID=')));
    const outDir = path.join(copy.root, 'out');
    const result = await buildAppPackage({ envFile: copy.envFile, appPackageDir: copy.appPackageDir, outDir });
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(expect.stringMatching(/variable TEAMS_APP_ID is not defined/));
    expect(existsSync(outDir)).toBe(false);
  });
});
