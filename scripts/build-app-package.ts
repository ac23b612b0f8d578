/**
 * Builds the Teams app package zip for one environment: validates `appPackage/` first (the same
 * offline checks as `validate-manifest.ts`), then zips the expanded manifest, the localization
 * files and the icons into `appPackage/build/appPackage.<env>.zip`, next to the expanded
 * `manifest.<env>.json`. This is what you upload to Teams (or the Developer Portal) by hand; the
 * toolkit's `teamsApp/zipAppPackage` does the same for `teamsapp.yml`.
 *
 * The zip is written by fflate with a fixed timestamp, so the same input gives the same bytes.
 *
 * CLI: `tsx scripts/build-app-package.ts [--env <file>] [--app-package <dir>] [--out <dir>]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
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

/**
 * A fixed timestamp keeps the zip reproducible. Zip stores local date and time, so it is built
 * from local parts: 1980-01-01 00:00, the earliest a zip can hold, in every time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Writes a zip archive with fflate. Teams wants the files at the root of the archive, which is
 * where the given names put them. PNGs are already deflated, so they are stored as they are;
 * everything else is deflated at level 9.
 */
export function createZip(files: readonly PackageFile[]): Buffer {
  const entries: Zippable = {};
  for (const file of files) {
    const name = file.name.split(path.sep).join('/');
    entries[name] = [file.bytes, { level: /\.png$/i.test(name) ? 0 : 9, mtime: FIXED_MTIME }];
  }
  return Buffer.from(zipSync(entries));
}

/** Validates, then writes the zip and the expanded manifest. Nothing is written when invalid. */
export async function buildAppPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const envFile = options.envFile ?? DEFAULT_ENV_FILE;
  const appPackageDir = options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR;
  const loaded = await loadAppPackage({ envFile, appPackageDir, ...(options.env ? { env: options.env } : {}) });
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

const PACKAGE_USAGE = 'Usage: npm run package -- [--env <file>] [--app-package <dir>] [--out <dir>]';

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
    console.error(`${(error as Error).message}\n${PACKAGE_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(PACKAGE_USAGE);
    return 0;
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
