/**
 * `--help` of the scripts that read their arguments by hand: it prints the use, as `npm run <script> --` is typed, exits 0
 * and does nothing else (before, `npm run package -- --help` built and wrote the package). Processes of their own: the
 * test is about the command line and the exit code.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'script-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--help', { timeout: 60_000 }, () => {
  it('npm run package -- --help prints its use and builds nothing', async () => {
    const out = join(dir, 'package');
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/build-app-package.ts',
      '--help',
      '--out',
      out,
    ]);
    expect(stdout).toBe('Usage: npm run package -- [--env <file>] [--app-package <dir>] [--out <dir>]\n');
    expect(existsSync(out)).toBe(false);
  });

  it('npm run check:deploy -- --help prints its use', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/check-env-wiring.ts', '--help']);
    expect(stdout).toBe('Usage: npm run check:deploy -- [--env env/.env.dev] [--project teamsapp.yml ...]\n');
  });
});
