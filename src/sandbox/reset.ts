/**
 * Deletes the sandbox data folder (SQLite file and signing key). The next start creates a fresh
 * site; the app re-provisions and re-seeds it. Run with `npm run sandbox:reset`.
 */
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { parse, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Refuses folders whose loss would be a disaster rather than a reset. */
export class UnsafeResetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeResetError';
  }
}

/**
 * Removes `dataDir` and everything in it. Returns false when there was nothing to remove.
 * The filesystem root, the home folder and the current working folder are never removed.
 */
export function resetSandboxData(dataDir: string): boolean {
  const target = resolve(dataDir);
  const forbidden = [parse(target).root, homedir(), process.cwd()].map((p) => resolve(p));
  if (forbidden.includes(target))
    throw new UnsafeResetError(`Refusing to delete ${target}: it is not a sandbox data folder.`);
  if (!existsSync(target)) return false;
  rmSync(target, { recursive: true, force: false });
  return true;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = process.env['SANDBOX_DATA_DIR'] || '.data/sandbox';
  const removed = resetSandboxData(dataDir);
  console.log(removed ? `sandbox: removed ${resolve(dataDir)}` : `sandbox: nothing to remove at ${resolve(dataDir)}`);
}
