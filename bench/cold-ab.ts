/**
 * Two builds of the tab side by side, in one process, interleaved (issue 16): cold and warm time to the first roadmap
 * card for build A (`AB_A`, a dist/tab directory) and build B (`AB_B`), each served by its own local run, median and
 * min-max of AB_RUNS (default 7). For before/after comparisons on a shared machine, where only same-run ratios mean
 * anything. `AB_A=/tmp/old/dist/tab AB_B=dist/tab npx tsx bench/cold-ab.ts` (not part of `npm run bench`).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const RUNS = Number(process.env.AB_RUNS ?? 7);
const dirs = { A: resolve(process.env.AB_A ?? 'dist/tab'), B: resolve(process.env.AB_B ?? 'dist/tab') };

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
const span = (v: number[]) => `${median(v).toFixed(0)} [${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}]`;

const runs = { A: await startTestRun({ TAB_DIST_DIR: dirs.A }), B: await startTestRun({ TAB_DIST_DIR: dirs.B }) };
const browser = await launchChromium();
const times = { A: { cold: [] as number[], warm: [] as number[] }, B: { cold: [] as number[], warm: [] as number[] } };
const load = loadavg()[0] ?? Number.NaN;
try {
  for (let i = 0; i <= RUNS; i += 1) {
    for (const which of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(`${runs[which].appUrl}/#/roadmap`);
      await page.getByTestId('roadmap-card').first().waitFor();
      const cold = performance.now() - started;
      // The reload needs the plan in IndexedDB, written just after it shows (as bench/tab.ts's warm run).
      await page.waitForTimeout(300);
      started = performance.now();
      await page.reload();
      await page.getByTestId('roadmap-card').first().waitFor();
      const warm = performance.now() - started;
      await context.close();
      if (i === 0) continue; // warm-up
      times[which].cold.push(cold);
      times[which].warm.push(warm);
    }
  }
  console.log(
    `A = ${dirs.A}\nB = ${dirs.B}\n${RUNS} interleaved runs; load ${load.toFixed(1)} → ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const which of ['A', 'B'] as const)
    console.log(`${which}: cold ${span(times[which].cold)} ms, warm ${span(times[which].warm)} ms`);
  console.log(
    `B / A: cold ${(median(times.B.cold) / median(times.A.cold)).toFixed(2)}, warm ${(median(times.B.warm) / median(times.A.warm)).toFixed(2)}`,
  );
} finally {
  await browser.close();
  await runs.A.close();
  await runs.B.close();
}
