import { describe, expect, it } from 'vitest';
import config from '../../../vitest.config.js';
import { RUNS, vitestRuns } from '../../../scripts/test.mjs';

/** The project names in vitest.config.ts. */
function configuredProjects(): string[] {
  const projects = (config as { test?: { projects?: Array<{ test?: { name?: string } }> } }).test?.projects ?? [];
  return projects.map((project) => String(project.test?.name));
}

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
      ['run', '--project', 'e2e'],
      ['run', '--project', 'unit', '--project', 'integration'],
    ]);
    const filtered = vitestRuns(['tests/unit/x.test.ts']);
    for (const run of filtered) expect(run.args.slice(-2)).toEqual(['tests/unit/x.test.ts', '--passWithNoTests']);
  });
});
