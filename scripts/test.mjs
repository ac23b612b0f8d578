// @ts-check
/**
 * `npm test` (after the builds): the browser project and the other projects as two vitest runs at the same time.
 *
 * Why two runs: vitest runs a project that allows one file at a time in a group of its own, only after every other
 * file; in one run the browser files (455 s in stop 13's CI run) waited for the unit and integration files (225 s)
 * instead of running next to them. The browser run is the longest (the critical path):
 *
 * - **Both runs have the normal CPU priority.** `RUNS` can lower one (`nice`); nice 10 for the unit and integration
 *   run was tried and starved it under other load (three tests past their timeouts), so it is 0.
 * - **The browser run has two workers; the second starts when the other run has finished.** Beside the unit and
 *   integration run (about one core) one browser file at a time: a browser file keeps close to a core busy (sampled
 *   from /proc, Chromium's processes included: first-minutes alone used about 50 CPU-s, 47 s in CI), and two browser
 *   files next to two unit workers pushed tests into their timeouts. Three browser files at once after the gate were
 *   tried (CI at 885f404): the browser tests' summed time rose from 977 s to 1,488 s and `npm test` took 746 s instead
 *   of 635 s, and a history check raced its refetch, so two it is. Under this script the e2e run gets `--maxWorkers` from `RUNS`, and a worker past
 *   `workersBeforeGate` waits before its first file (in `tests/e2e/support/worker-gate.ts`) until the file named by
 *   `E2E_GATE_FILE` exists, which this script writes when the unit and integration run has ended.
 *
 * Arguments go to both runs (`node scripts/test.mjs tests/unit/x.test.ts`); a run that then finds no file of its
 * projects passes. Each output line is prefixed with its run's name; the exit code is the first failing run's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The two runs and the vitest projects each runs; together they are every project in vitest.config.ts. `nice` is the
 * run's CPU priority (0 normal, higher is lower); `maxWorkers` its number of workers (else vitest.config.ts's);
 * `gated` marks the run whose workers past `workersBeforeGate` wait until the other runs have ended.
 */
export const RUNS = [
  { name: 'e2e', projects: ['e2e'], nice: 0, gated: true, maxWorkers: 2, workersBeforeGate: 1 },
  // Not lowered (nice 0): at nice 10, a run at load 10-12 from other work starved it (1,129 s instead of 454 s, three
  // tests past their timeouts: a 5 s docx render, the 30 s exactly-once race, the production install).
  {
    name: 'unit+integration',
    projects: ['unit', 'integration'],
    nice: 0,
    gated: false,
    maxWorkers: undefined,
    workersBeforeGate: undefined,
  },
];

/** The environment variable that names the file whose existence lets the browser run's later workers start. */
export const GATE_VARIABLE = 'E2E_GATE_FILE';

/** The environment variable that says how many of the browser run's workers start without waiting for the gate. */
export const OPEN_WORKERS_VARIABLE = 'E2E_WORKERS_BEFORE_GATE';

/**
 * The vitest command-line arguments of each run, with its priority and, for the gated run, the environment its
 * workers get besides the gate file.
 * @param {string[]} extra arguments given to `npm test` / this script, passed to both runs
 * @returns {{ name: string, args: string[], nice: number, gated: boolean, gateEnv: Record<string, string> }[]}
 */
export function vitestRuns(extra) {
  return RUNS.map((run) => ({
    name: run.name,
    nice: run.nice,
    gated: run.gated,
    /** @type {Record<string, string>} */
    gateEnv: run.workersBeforeGate ? { [OPEN_WORKERS_VARIABLE]: String(run.workersBeforeGate) } : {},
    args: [
      'run',
      ...run.projects.flatMap((project) => ['--project', project]),
      ...(run.maxWorkers ? [`--maxWorkers=${run.maxWorkers}`] : []),
      ...extra,
      // Only with a filter: without one, a run that finds no files must fail (a broken include would hide tests).
      ...(extra.length > 0 ? ['--passWithNoTests'] : []),
    ],
  }));
}

/** How many lines of its failures a run repeats at the end, at most (its summary lines come on top). */
export const DIGEST_LIMIT = 80;

/** How many lines a failure block keeps at most, when no line says where the error was thrown. */
export const BLOCK_LIMIT = 15;

/** How many of a run's last lines the digest shows when no failure was named (a crash, a broken configuration). */
export const TAIL_LINES = 20;

/** A failure block's header: a failed test or file, or an error outside any test. */
const HEADER = /^\s*(FAIL\s|⎯+\s*(Uncaught Exception|Unhandled Rejection|Unhandled Error)\b)/;
/** Where an error was thrown (`❯ tests/x.test.ts:7:13`): the block ends with it. */
const LOCATION = /^\s*❯\s.+:\d+:\d+/;
/** vitest's summary lines. */
const SUMMARY = /^\s*(Test Files|Tests|Errors)\s{2,}/;
/** A separator line (`⎯⎯⎯[1/4]⎯`). */
const SEPARATOR = /^\s*⎯[⎯\s[\]\d/]*$/;

/**
 * The lines of a vitest run's output that name a failure, to be printed again after both runs: a CI log is often read
 * from its end, and with two runs interleaved the unit run's failures would stand far above the browser run's tail.
 * Kept: each failure block (a `FAIL` header, or an uncaught error's) with its lines up to and including where the
 * error was thrown (at most BLOCK_LIMIT), and vitest's summary lines, which are always kept. Colours and separator
 * lines are removed. vitest writes the blocks to stderr and the summary to stdout, so each stream has its own block
 * state: a line of the one arriving in the middle of the other's block changes nothing. Without any failure named,
 * the run's last TAIL_LINES lines.
 */
export class FailureDigest {
  /** @type {string[]} */
  #lines = [];
  /** @type {string[]} */
  #summary = [];
  /** @type {string[]} */
  #tail = [];
  /** @type {Map<string, number>} lines a stream's open block may still keep */
  #open = new Map();
  #dropped = 0;

  /**
   * @param {string} raw one line of vitest's output
   * @param {string} [stream] which of its streams it came from ('stdout', 'stderr')
   */
  add(raw, stream = 'stdout') {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
    if (line.trim() !== '') this.#tail = [...this.#tail.slice(1 - TAIL_LINES), line];
    if (SUMMARY.test(line)) {
      this.#summary.push(line);
      return;
    }
    if (HEADER.test(line)) {
      this.#keep(line);
      this.#open.set(stream, BLOCK_LIMIT);
      return;
    }
    const left = this.#open.get(stream) ?? 0;
    if (left === 0 || line.trim() === '' || SEPARATOR.test(line)) return;
    this.#keep(line);
    this.#open.set(stream, LOCATION.test(line) || /This error originated in/.test(line) ? 0 : left - 1);
  }

  /** @param {string} line */
  #keep(line) {
    if (this.#lines.length < DIGEST_LIMIT) this.#lines.push(line);
    else this.#dropped++;
  }

  /** @returns {string[]} the kept lines, how many more there were, and the summary */
  lines() {
    if (this.#lines.length === 0)
      return [
        '(no failed test named; the run ended with:)',
        ...this.#tail.filter((l) => !this.#summary.includes(l)),
        ...this.#summary,
      ];
    return [
      ...this.#lines,
      ...(this.#dropped > 0 ? [`… and ${this.#dropped} lines more, above`] : []),
      ...this.#summary,
    ];
  }
}

/**
 * Runs vitest with these arguments, each output line prefixed with the run's name.
 * @param {{ name: string, args: string[], nice: number, env: NodeJS.ProcessEnv }} run
 * @returns {Promise<{ name: string, code: number, seconds: number, digest: string[] }>}
 */
function runVitest({ name, args, nice, env }) {
  const digest = new FailureDigest();
  // vitest's own bin (package.json "bin"), next to its package.json: its "exports" do not list the bin.
  const bin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  // Set at once, before vitest starts its workers: they are its child processes and threads, and inherit it.
  if (nice !== 0 && child.pid !== undefined) {
    try {
      setPriority(child.pid, nice);
    } catch (error) {
      process.stderr.write(`[${name}] runs at normal priority: ${error instanceof Error ? error.message : error}\n`);
    }
  }
  for (const [stream, out, label] of /** @type {const} */ ([
    [child.stdout, process.stdout, 'stdout'],
    [child.stderr, process.stderr, 'stderr'],
  ])) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (/** @type {string} */ chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        digest.add(line, label);
        out.write(`[${name}] ${line}\n`);
      }
    });
    stream.on('end', () => {
      if (!pending) return;
      digest.add(pending, label);
      out.write(`[${name}] ${pending}\n`);
    });
  }
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((done) => {
    child.on('close', (code, signal) =>
      done({
        name,
        code: code ?? (signal ? 1 : 0),
        seconds: Math.round((Date.now() - started) / 1000),
        digest: digest.lines(),
      }),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const runs = vitestRuns(process.argv.slice(2));
  const gateDir = mkdtempSync(join(tmpdir(), 'actieplan-test-gate-'));
  const gate = join(gateDir, 'others-done');
  const started = Date.now();
  const others = runs.filter((run) => !run.gated);
  let othersLeft = others.length;
  const results = await Promise.all(
    runs.map(async (run) => {
      const env = run.gated ? { ...process.env, ...run.gateEnv, [GATE_VARIABLE]: gate } : process.env;
      const result = await runVitest({ ...run, env });
      if (!run.gated && --othersLeft === 0) {
        writeFileSync(gate, `${new Date().toISOString()}\n`);
        const after = Math.round((Date.now() - started) / 1000);
        process.stdout.write(
          `${others.map((o) => o.name).join(', ')} done after ${after} s: the e2e run may now use all its workers\n`,
        );
      }
      return result;
    }),
  );
  rmSync(gateDir, { recursive: true, force: true });
  for (const { name, code, digest } of results) {
    if (code === 0) continue;
    process.stdout.write(`\n${name} failed; its failures again:\n`);
    for (const line of digest) process.stdout.write(`  ${line}\n`);
  }
  for (const { name, code, seconds } of results) process.stdout.write(`${name}: exit ${code} after ${seconds} s\n`);
  process.exit(results.find((result) => result.code !== 0)?.code ?? 0);
}
