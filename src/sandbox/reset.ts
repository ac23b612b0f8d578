/**
 * Deletes the sandbox data folder (SQLite file, signing key, TLS certificate, snapshot). The next start creates a
 * fresh site; the app re-provisions and re-seeds it. Run with `npm run sandbox:reset` (SANDBOX_DATA_DIR, else
 * .data/sandbox).
 *
 * It deletes only what the sandbox writes: a folder that holds anything else (a mistyped SANDBOX_DATA_DIR pointing at
 * real work) is refused and named, and so is a folder whose database a running sandbox has open (SQLite keeps its
 * `-shm` file while a connection is open), because deleting the files under it resets nothing.
 */
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Refuses folders whose loss would be a disaster rather than a reset, or a reset that would not be one. */
export class UnsafeResetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeResetError';
  }
}

/** Every file the sandbox writes into its data folder (store.ts, tokens.ts, routes/sign-in.ts, server.ts). */
const SANDBOX_FILES =
  /^(?:sandbox|snapshot)\.sqlite(?:-wal|-shm|-journal)?$|^(?:signing-key|tls-certificate)\.json(?:\.tmp)?$/;

/**
 * Removes the sandbox's files in `dataDir`, then the folder. Returns false when there was nothing to remove.
 * @throws UnsafeResetError for the filesystem root, the home folder, the current folder, a folder that holds anything
 *   the sandbox did not write, and a folder whose database is open (a sandbox runs on it)
 */
export function resetSandboxData(dataDir: string): boolean {
  const target = resolve(dataDir);
  const forbidden = [parse(target).root, homedir(), process.cwd()].map((p) => resolve(p));
  if (forbidden.includes(target))
    throw new UnsafeResetError(`${target} wordt niet verwijderd: het is geen datamap van de sandbox.`);
  if (!existsSync(target)) return false;
  const entries = readdirSync(target);
  const foreign = entries.filter((name) => !SANDBOX_FILES.test(name));
  if (foreign.length > 0)
    throw new UnsafeResetError(
      `${target} wordt niet verwijderd: er staat meer in dan de sandbox schrijft (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}). Controleer SANDBOX_DATA_DIR.`,
    );
  if (entries.includes('sandbox.sqlite-shm'))
    throw new UnsafeResetError(
      `${target} wordt niet verwijderd: een sandbox heeft de database open (sandbox.sqlite-shm). Stop npm start of npm run sandbox eerst; draait er niets, verwijder dan dat bestand en probeer het opnieuw.`,
    );
  for (const name of entries) rmSync(join(target, name), { force: true });
  rmdirSync(target);
  return true;
}

const USAGE =
  'Gebruik: npm run sandbox:reset  (verwijdert de datamap van de sandbox: SANDBOX_DATA_DIR, anders .data/sandbox)';

/** The command, with its exit code: 0 removed or nothing to remove, 1 refused, 2 wrong usage. */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv, say: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    say(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    say(`sandbox:reset: onbekend argument ${argv[0] ?? ''}\n${USAGE}`);
    return 2;
  }
  const dataDir = env['SANDBOX_DATA_DIR'] || '.data/sandbox';
  try {
    const removed = resetSandboxData(dataDir);
    say(
      removed
        ? `sandbox: ${resolve(dataDir)} verwijderd; de volgende start begint met een verse site.`
        : `sandbox: niets te verwijderen in ${resolve(dataDir)}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UnsafeResetError)) throw error;
    say(`sandbox:reset: ${error.message}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exit(main(process.argv.slice(2), process.env, (line) => console.log(line)));
