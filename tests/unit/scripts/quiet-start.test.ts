import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../scripts/build-if-changed.mjs';

/**
 * `npm start`'s build step as a process: a real Vite build of a tiny project whose code gives Rolldown a warning
 * (a default import the module does not have, the kind rrule gave), through buildIfChanged with a pipe, not a
 * terminal, as stdout. The terminal gets one line before and one after the build; the log file gets the rest.
 */
const ESC = String.fromCharCode(27);
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'quiet-start-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(
    join(root, 'src/index.html'),
    '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>\n',
  );
  writeFileSync(join(root, 'src/lib.js'), 'export const answer = 42;\n');
  writeFileSync(
    join(root, 'src/main.js'),
    "import * as lib from './lib.js';\ndocument.body.textContent = String(lib.answer) + String(lib.default);\n",
  );
  writeFileSync(
    join(root, 'vite.tiny.config.mjs'),
    "export default { root: 'src', build: { outDir: '../dist/tiny', emptyOutDir: true } };\n",
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** The environment npm gives a script: no colour forced or refused, so only the pipe decides. */
function withoutColourSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...rest } = env;
  return rest;
}

function start(verbose: boolean): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const script = `
    import { buildIfChanged } from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'scripts/build-if-changed.mjs')).href)};
    const target = { name: 'tiny', inputs: { folders: ['src'], files: [] }, configFiles: ['vite.tiny.config.mjs'], stampFile: 'dist/tiny/.stamp.json', outputs: ['dist/tiny/index.html'] };
    await buildIfChanged([target], { verbose: ${String(verbose)} });
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutColourSettings(process.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

describe('a quiet npm start', () => {
  it('says only what it builds and that it is done; the build summary and warnings go to dist/build.log without colour codes', async () => {
    const run = await start(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Building tiny: no complete build (dist/tiny/index.html missing). Details: dist/build.log');
    expect(lines[1]).toMatch(/^Built tiny in \d+ s\.$/);
    const log = readFileSync(join(root, 'dist/build.log'), 'utf8');
    // Rolldown's warning is in the file (Rolldown colours it even on a pipe), and no escape sequence is.
    expect(log).toMatch(/\[warn\].*IMPORT_IS_UNDEFINED/);
    expect(log.includes(ESC)).toBe(false);
    expect(existsSync(join(root, 'dist/tiny/.stamp.json'))).toBe(true);
  }, 120_000);

  it('a second start with the same sources says it skipped the build, in one line', async () => {
    const run = await start(false);
    expect(run.stdout.trim()).toMatch(/^Build of tiny skipped: inputs unchanged since the build of .*\.$/);
  }, 120_000);

  it('with --verbose the terminal gets the build output too, still without escape sequences on a pipe', async () => {
    rmSync(join(root, 'dist/tiny/.stamp.json'));
    const run = await start(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/dist\/tiny\/index\.html/);
    expect(run.stdout).toMatch(/IMPORT_IS_UNDEFINED/);
    expect(run.stdout.includes(ESC)).toBe(false);
    expect(run.stdout.split('\n').length).toBeGreaterThan(4);
  }, 120_000);

  it('strips colour and cursor sequences from a message', () => {
    expect(stripAnsi(`${ESC}[33m[IMPORT_IS_UNDEFINED] ${ESC}[0mImport ${ESC}[38;5;246m╭${ESC}[2K`)).toBe(
      '[IMPORT_IS_UNDEFINED] Import ╭',
    );
  });
});
