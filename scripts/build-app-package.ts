/**
 * Builds the Teams app package zip for one environment: validates `appPackage/` first (the same
 * offline checks as `validate-manifest.ts`), then zips the expanded manifest, the localization
 * files and the icons into `appPackage/build/appPackage.<env>.zip`, next to the expanded
 * `manifest.<env>.json`. This is what you upload to Teams (or the Developer Portal) by hand; the
 * toolkit's `teamsApp/zipAppPackage` does the same for `teamsapp.yml`.
 *
 * The zip is written with Node built-ins only (deflate and CRC-32 from zlib) and
 * a fixed timestamp, so the same input gives the same bytes.
 *
 * CLI: `tsx scripts/build-app-package.ts [--env <file>] [--app-package <dir>] [--out <dir>]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { DEFAULT_APP_PACKAGE_DIR, DEFAULT_ENV_FILE, loadAppPackage, parseCliArgs } from './validate-manifest.js';
import type { PackageFile, ValidateOptions } from './validate-manifest.js';

export type BuildOptions = ValidateOptions & {
  /** Output folder; default `<appPackageDir>/build`. */
  outDir?: string;
};

export type BuildResult = { ok: boolean; errors: string[]; zipPath?: string; manifestPath?: string; entries: string[] };

/** "env/.env.sandbox" → "sandbox"; any other file name is used as it is, made file-safe. */
export function environmentName(envFile: string): string {
  const base = path.basename(envFile);
  const name = base.startsWith('.env.') ? base.slice('.env.'.length) : base;
  return name.replace(/[^A-Za-z0-9_-]/g, '_') || 'default';
}

/** DOS date for 1980-01-01 00:00: a fixed timestamp keeps the zip reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes a zip archive (PKWARE APPNOTE 4.3: local headers, central directory, end record).
 * Entries are deflated unless that would not make them smaller. Teams wants the files at the
 * root of the archive, which is where the given names put them.
 */
export function createZip(files: readonly PackageFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name.split(path.sep).join('/'), 'utf8');
    // PNGs are already deflated; storing them as they are is smaller than deflating again.
    const deflated = deflateRawSync(file.bytes, { level: 9 });
    const method = deflated.length < file.bytes.length ? 8 : 0;
    const compressed = method === 8 ? deflated : file.bytes;
    const crc = crc32(file.bytes);
    const flags = /[^\x20-\x7e]/.test(file.name) ? 0x0800 : 0; // bit 11: the name is UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8); // 8 = deflate, 0 = stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(file.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Validates, then writes the zip and the expanded manifest. Nothing is written when invalid. */
export async function buildAppPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const envFile = options.envFile ?? DEFAULT_ENV_FILE;
  const appPackageDir = options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR;
  const loaded = await loadAppPackage({ envFile, appPackageDir });
  const entries = loaded.files.map((file) => file.name);
  if (!loaded.ok) return { ok: false, errors: loaded.errors, entries };

  const env = environmentName(envFile);
  const outDir = path.resolve(options.outDir ?? path.join(appPackageDir, 'build'));
  await mkdir(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  const manifestPath = path.join(outDir, `manifest.${env}.json`);
  await writeFile(zipPath, createZip(loaded.files));
  const manifest = loaded.files.find((file) => file.name === 'manifest.json');
  if (manifest) await writeFile(manifestPath, manifest.bytes);
  return { ok: true, errors: [], zipPath, manifestPath, entries };
}

async function main(argv: readonly string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && outDir === undefined) {
    console.error('--out needs a value');
    return 2;
  }
  const rest = outIndex >= 0 ? [...argv.slice(0, outIndex), ...argv.slice(outIndex + 2)] : [...argv];
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(rest);
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: tsx scripts/build-app-package.ts [--env <file>] [--app-package <dir>] [--out <dir>]`);
    return 2;
  }
  const result = await buildAppPackage(outDir === undefined ? options : { ...options, outDir: path.resolve(outDir) });
  if (!result.ok) {
    console.error(`✗ not packaged: the app package has ${result.errors.length} problem(s):`);
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  console.log(`✓ wrote ${path.relative(process.cwd(), result.zipPath ?? '')} (${result.entries.join(', ')})`);
  return 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
