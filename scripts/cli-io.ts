import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What a command-line script reads and writes, so the same `run(io)` serves the process (`processIo()`) and the
 * tests, which call it in the test's own process (spawning `node --import tsx` costs seconds per call) and keep a
 * child process for what is about the process: exit codes and argument parsing as a shell sees them.
 */
export type CliIo = {
  argv: readonly string[];
  /** The environment; scripts copy it before adding the env files, never change it. */
  env: NodeJS.ProcessEnv;
  /** Where env/ and relative paths are resolved. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
};

/** The real process: its arguments after the script, its environment, folder and streams. */
export function processIo(): CliIo {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** True when the module with this `import.meta.url` is the script node was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
