import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '../../../vitest.config.js';
import {
  DIGEST_LIMIT,
  FailureDigest,
  GATE_VARIABLE,
  OPEN_WORKERS_VARIABLE,
  RUNS,
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

  it('keeps the failed files and tests, the error under each FAIL header and the summary, without colours', () => {
    // Under a FAIL header: the error and where it was thrown, eight non-empty lines (the ninth here is ' 9|').
    const error = [
      'AssertionError: expected 2 to be 3',
      ' ❯ tests/unit/b.test.ts:7:13',
      '      5|   it("adds", () => {',
      '      6|     expect(1 + 1).toBe(3);',
      '       |             ^',
      '      7|   });',
      '      8| });',
    ];
    const summary = [' Test Files  1 failed | 1 passed (2)', '      Tests  1 failed | 3 passed (4)'];
    const digest = new FailureDigest();
    for (const line of [
      ' ✓ tests/unit/a.test.ts (3 tests) 12ms',
      red(' × tests/unit/b.test.ts > b > adds (5 ms)'),
      '   → expected 2 to be 3',
      '',
      red(' FAIL  tests/unit/b.test.ts > b > adds'),
      '',
      ...error,
      '      9| ',
      ' ✓ not kept either',
      ...summary,
    ])
      digest.add(line);
    expect(digest.lines()).toEqual([
      ' × tests/unit/b.test.ts > b > adds (5 ms)',
      ' FAIL  tests/unit/b.test.ts > b > adds',
      ...error,
      '      9|',
      ...summary,
    ]);
  });

  it('keeps no more than its limit and says how many lines it left out', () => {
    const digest = new FailureDigest();
    for (let n = 0; n < DIGEST_LIMIT + 5; n++) digest.add(` × test ${n}`);
    const lines = digest.lines();
    expect(lines).toHaveLength(DIGEST_LIMIT + 1);
    expect(lines.at(-2)).toBe(` × test ${DIGEST_LIMIT - 1}`);
    expect(lines.at(-1)).toBe('… and 5 lines more, above');
  });
});
