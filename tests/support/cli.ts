import { resolve } from 'node:path';
import type { CliIo } from '../../scripts/cli-io.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a script's `main(argv, io)` in this process, as its process entry does, with the test's environment on top of
 * this process's and the repository as the working folder. For what is about the process itself (exit codes and
 * argument parsing as a shell sees them) the tests spawn the script instead.
 */
export async function runInProcess(
  main: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: readonly string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: { ...process.env, ...env },
    cwd: REPO_ROOT,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
