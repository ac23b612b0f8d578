import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../../vitest.config.js';
import {
  BLOCK_LIMIT,
  DIGEST_LIMIT,
  FailureDigest,
  GATE_VARIABLE,
  OPEN_WORKERS_VARIABLE,
  RUNS,
  TAIL_LINES,
  vitestRuns,
} from '../../../scripts/test.mjs';
import { GATE_POLL_MS, workerGate } from '../../e2e/support/worker-gate.js';

type ProjectConfig = { test?: { name?: string; setupFiles?: string[]; fileParallelism?: boolean } };

/** The projects in vitest.config.ts. */
function configured(): ProjectConfig[] {
  return (config as { test?: { projects?: ProjectConfig[] } }).test?.projects ?? [];
}
const configuredProjects = (): string[] => configured().map((project) => String(project.test?.name));

describe('npm test runs the browser project next to the others (scripts/test.mjs)', () => {
  it('runs every project of vitest.config.ts in exactly one of its runs, the browser project alone', () => {
    const inRuns = RUNS.flatMap((run) => run.projects);
    expect([...inRuns].sort()).toEqual(configuredProjects().sort());
    expect(new Set(inRuns).size).toBe(inRuns.length);
    expect(RUNS.find((run) => run.projects.includes('e2e'))?.projects).toEqual(['e2e']);
  });

  it('passes a filter to both runs and lets a run without a matching file pass only when there is a filter', () => {
    const whole = vitestRuns([]);
    expect(whole.map((run) => run.args)).toEqual([
      ['run', '--project', 'e2e', '--maxWorkers=2'],
      ['run', '--project', 'unit', '--project', 'integration'],
    ]);
    const filtered = vitestRuns(['tests/unit/x.test.ts']);
    for (const run of filtered) expect(run.args.slice(-2)).toEqual(['tests/unit/x.test.ts', '--passWithNoTests']);
  });

  it('gates the browser run, and runs both at normal priority', () => {
    const runs = vitestRuns([]);
    expect(runs.map(({ name, nice, gated, gateEnv }) => ({ name, nice, gated, gateEnv }))).toEqual([
      // Two browser workers, one of them beside the unit and integration run.
      { name: 'e2e', nice: 0, gated: true, gateEnv: { [OPEN_WORKERS_VARIABLE]: '1' } },
      { name: 'unit+integration', nice: 0, gated: false, gateEnv: {} },
    ]);
    // The gate only works if the browser project lets files run in parallel and loads the gate before each file.
    const e2e = configured().find((project) => project.test?.name === 'e2e')?.test;
    expect(e2e?.fileParallelism).not.toBe(false);
    expect(e2e?.setupFiles).toContain('tests/e2e/support/worker-gate.ts');
  });
});

describe("the browser run's later workers wait for the gate (tests/e2e/support/worker-gate.ts)", () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const gateFile = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-test-'));
    dirs.push(dir);
    return join(dir, 'others-done');
  };

  it('lets worker 1, the workers named as starting before the gate, and any worker without a gate, start at once', async () => {
    const gate = gateFile();
    await expect(workerGate({ [GATE_VARIABLE]: gate, VITEST_POOL_ID: '1' })).resolves.toBeUndefined();
    await expect(
      workerGate({ [GATE_VARIABLE]: gate, [OPEN_WORKERS_VARIABLE]: '2', VITEST_POOL_ID: '2' }),
    ).resolves.toBeUndefined();
    await expect(workerGate({ VITEST_POOL_ID: '3' })).resolves.toBeUndefined();
  });

  for (const [worker, open] of [
    ['2', undefined],
    ['3', '2'],
  ] as const)
    it(`holds worker ${worker} (${open ?? 'by default 1'} before the gate) until the gate file exists, then lets it start`, async () => {
      vi.useFakeTimers();
      const gate = gateFile();
      let started = false;
      const env = { [GATE_VARIABLE]: gate, VITEST_POOL_ID: worker, ...(open ? { [OPEN_WORKERS_VARIABLE]: open } : {}) };
      const waiting = workerGate(env).then(() => {
        started = true;
      });
      await vi.advanceTimersByTimeAsync(20 * GATE_POLL_MS);
      expect(started).toBe(false);
      writeFileSync(gate, 'done\n');
      await vi.advanceTimersByTimeAsync(GATE_POLL_MS);
      await waiting;
      expect(started).toBe(true);
    });
});

describe("npm test repeats each failed run's failures at its end (scripts/test.mjs)", () => {
  const red = (text: string): string => `\x1b[31m${text}\x1b[39m`;
  // As vitest 4 writes them: the failure blocks on stderr, the test list and the summary on stdout.
  const summary = [' Test Files  1 failed | 1 passed (2)', '      Tests  1 failed | 3 passed (4)'];
  const block = [
    ' FAIL   unit  tests/unit/b.test.ts > b > adds',
    'AssertionError: expected { a: 1 } to deeply equal { a: 2 }',
    '- Expected',
    '+ Received',
    '  {',
    '-   "a": 2,',
    '+   "a": 1,',
    '  }',
    ' ❯ tests/unit/b.test.ts:7:13',
  ];
  const digestOf = (lines: [string, 'stdout' | 'stderr'][]): string[] => {
    const digest = new FailureDigest();
    for (const [line, stream] of lines) digest.add(line, stream);
    return digest.lines();
  };

  it('keeps each failure block up to where the error was thrown, and the summary, without colours or separators', () => {
    const lines = digestOf([
      [' ✓  unit  tests/unit/a.test.ts (3 tests) 12ms', 'stdout'],
      [red('     × adds 5ms'), 'stdout'],
      ['⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯', 'stderr'],
      ['', 'stderr'],
      [red(block[0] ?? ''), 'stderr'],
      ...block.slice(1).map((line): [string, 'stderr'] => [line, 'stderr']),
      ['      5|   it("adds", () => {', 'stderr'],
      ['       |             ^', 'stderr'],
      ['⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯', 'stderr'],
      ...summary.map((line): [string, 'stdout'] => [red(line), 'stdout']),
    ]);
    expect(lines).toEqual([...block, ...summary]);
  });

  it('keeps a block whole when a line of the other stream arrives in its middle', () => {
    const lines = digestOf([
      [block[0] ?? '', 'stderr'],
      [summary[0] ?? '', 'stdout'],
      [' ✓  unit  tests/unit/c.test.ts (1 test) 3ms', 'stdout'],
      ...block.slice(1).map((line): [string, 'stderr'] => [line, 'stderr']),
      [summary[1] ?? '', 'stdout'],
    ]);
    expect(lines).toEqual([...block, ...summary]);
  });

  it('names an error outside any test, with the file it came from', () => {
    const lines = digestOf([
      ['⎯⎯⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯⎯', 'stderr'],
      ['Error: late boom', 'stderr'],
      [' ❯ Timeout._onTimeout tests/unit/d.test.ts:3:30', 'stderr'],
      ['This error originated in "tests/unit/d.test.ts" test file.', 'stderr'],
      ['      Tests  4 passed (4)', 'stdout'],
      ['     Errors  1 error', 'stdout'],
    ]);
    expect(lines).toEqual([
      '⎯⎯⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯⎯',
      'Error: late boom',
      ' ❯ Timeout._onTimeout tests/unit/d.test.ts:3:30',
      '      Tests  4 passed (4)',
      '     Errors  1 error',
    ]);
  });

  it('keeps a block without a location to BLOCK_LIMIT lines', () => {
    const lines = digestOf([
      [block[0] ?? '', 'stderr'],
      ...Array.from({ length: BLOCK_LIMIT + 3 }, (_, n): [string, 'stderr'] => [`  call log ${n}`, 'stderr']),
    ]);
    expect(lines).toHaveLength(1 + BLOCK_LIMIT);
    expect(lines.at(-1)).toBe(`  call log ${BLOCK_LIMIT - 1}`);
  });

  it('keeps no more than DIGEST_LIMIT lines, says how many it left out, and still ends with the summary', () => {
    const many: [string, 'stderr'][] = [];
    for (let n = 0; n < DIGEST_LIMIT; n++) many.push([` FAIL   unit  tests/unit/e.test.ts > test ${n}`, 'stderr']);
    const lines = digestOf([
      ...many,
      ...block.map((line): [string, 'stderr'] => [line, 'stderr']),
      [summary[1] ?? '', 'stdout'],
    ]);
    expect(lines).toHaveLength(DIGEST_LIMIT + 2);
    expect(lines.at(-3)).toBe(` FAIL   unit  tests/unit/e.test.ts > test ${DIGEST_LIMIT - 1}`);
    expect(lines.at(-2)).toBe(`… and ${block.length} lines more, above`);
    expect(lines.at(-1)).toBe(summary[1]);
  });

  it('shows the last lines of a run that failed without naming a test (a crash, a broken configuration)', () => {
    const output = Array.from({ length: TAIL_LINES + 5 }, (_, n): [string, 'stdout'] => [`line ${n}`, 'stdout']);
    const lines = digestOf([...output, ["Error: Cannot find module 'x'", 'stdout']]);
    expect(lines[0]).toBe('(no failed test named; the run ended with:)');
    expect(lines).toHaveLength(1 + TAIL_LINES);
    expect(lines.at(-1)).toBe("Error: Cannot find module 'x'");
  });
});
