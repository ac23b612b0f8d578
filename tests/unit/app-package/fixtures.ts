import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_APP_PACKAGE_DIR, DEFAULT_ENV_FILE } from '../../../scripts/validate-manifest.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A throw-away copy of `appPackage/` and `env/.env.sandbox`, so tests can break things freely. */
export type PackageCopy = {
  root: string;
  appPackageDir: string;
  envFile: string;
  /** Rewrites a JSON file of the copied package. */
  editJson(file: string, edit: (document: JsonObject) => void): Promise<void>;
  /** Rewrites the copied env file line by line. */
  editEnv(edit: (lines: string[]) => string[]): Promise<void>;
  remove(): Promise<void>;
};

export async function copyAppPackage(): Promise<PackageCopy> {
  const root = await mkdtemp(path.join(tmpdir(), 'app-package-'));
  const appPackageDir = path.join(root, 'appPackage');
  const envFile = path.join(root, '.env.sandbox');
  // The build output is not part of the package source.
  await cp(DEFAULT_APP_PACKAGE_DIR, appPackageDir, {
    recursive: true,
    filter: (src) => path.basename(src) !== 'build',
  });
  await cp(DEFAULT_ENV_FILE, envFile);
  return {
    root,
    appPackageDir,
    envFile,
    async editJson(file, edit) {
      const target = path.join(appPackageDir, file);
      const document = JSON.parse(await readFile(target, 'utf8')) as JsonObject;
      edit(document);
      await writeFile(target, JSON.stringify(document, null, 2));
    },
    async editEnv(edit) {
      const lines = (await readFile(envFile, 'utf8')).split('\n');
      await writeFile(envFile, edit(lines).join('\n'));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Narrows a JSON value to an object, failing loudly so a test never edits the wrong thing. */
export function obj(value: Json | undefined): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object');
  return value;
}

/** Narrows a JSON value to an array. */
export function arr(value: Json | undefined): Json[] {
  if (!Array.isArray(value)) throw new Error('expected a JSON array');
  return value;
}
