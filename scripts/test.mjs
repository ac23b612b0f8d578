// @ts-check
/**
 * `npm test` (after the builds): the browser project and the other projects as two vitest runs at the same time.
 *
 * Why two runs: the browser project runs one file at a time (`fileParallelism: false` in vitest.config.ts), and
 * vitest puts such a project in a group of its own that starts only after every other file is done. So in one run the
 * 24 browser files (455 s in the last clean CI run) waited for the 144 unit and integration files (225 s) instead of
 * running next to them. A browser file mostly waits on Chromium and the app server (about 0.6 of a core when it runs
 * alone), so the unit and integration files fill the rest. Two browser files at once were tried and pushed tests into
 * their timeouts under load; this keeps them one at a time.
 *
 * Arguments go to both runs (`node scripts/test.mjs tests/unit/x.test.ts`); a run that then finds no file of its
 * projects passes. Each output line is prefixed with its run's name; the exit code is the first failing run's.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The two runs and the vitest projects each runs; together they are every project in vitest.config.ts. */
export const RUNS = [
  { name: 'e2e', projects: ['e2e'] },
  { name: 'unit+integration', projects: ['unit', 'integration'] },
];

/**
 * The vitest command-line arguments of each run.
 * @param {string[]} extra arguments given to `npm test` / this script, passed to both runs
 * @returns {{ name: string, args: string[] }[]}
 */
export function vitestRuns(extra) {
  return RUNS.map(({ name, projects }) => ({
    name,
    args: [
      'run',
      ...projects.flatMap((project) => ['--project', project]),
      ...extra,
      // Only with a filter: without one, a run that finds no files must fail (a broken include would hide tests).
      ...(extra.length > 0 ? ['--passWithNoTests'] : []),
    ],
  }));
}

/**
 * Runs vitest with these arguments, each output line prefixed with the run's name.
 * @param {string} name
 * @param {string[]} args
 * @returns {Promise<{ name: string, code: number, seconds: number }>}
 */
function runVitest(name, args) {
  // vitest's own bin (package.json "bin"), next to its package.json: its "exports" do not list the bin.
  const bin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  for (const [stream, out] of /** @type {const} */ ([
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (/** @type {string} */ chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
    stream.on('end', () => {
      if (pending) out.write(`[${name}] ${pending}\n`);
    });
  }
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((done) => {
    child.on('close', (code, signal) =>
      done({ name, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) }),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const results = await Promise.all(vitestRuns(process.argv.slice(2)).map(({ name, args }) => runVitest(name, args)));
  for (const { name, code, seconds } of results) process.stdout.write(`${name}: exit ${code} after ${seconds} s\n`);
  process.exit(results.find((result) => result.code !== 0)?.code ?? 0);
}
