/**
 * Two builds of the tab side by side, in one process, interleaved (issue 16): cold and warm time to the first roadmap
 * card for build A (`AB_A`, a dist/tab directory) and build B (`AB_B`), each served by its own local run, median and
 * min-max of AB_RUNS (default 8; an even count, so each build goes first in half of them). For before/after
 * comparisons on a shared machine, where only same-run ratios mean anything.
 * `AB_A=/tmp/old/dist/tab AB_B=dist/tab npx tsx bench/cold-ab.ts` (not part of `npm run bench`).
 * Times are the page's own (navigation start to the animation frame the first card has a box, as bench/tab.ts), for
 * a cold start, its first reload (warm: the bench's warm; V8 produces its code cache then) and a second reload (hot:
 * V8 compiles from that cache). For the cold start also: the first card's time after both React's first render began
 * (the `tab:react-render` mark) and the plan's `$batch` answer arrived (resource timing), the main-thread work from the
 * data to the first card with less of the network's noise in it; and when the last card arrived (`settledAt`), for a
 * roadmap that adds the cards below the first screen after its first paint.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { nextShown, settledAt, watchShown } from './page-clock.js';
import { median, ratioInterval, runsFromEnv } from './stats.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const RUNS = runsFromEnv('AB_RUNS', 8, { min: 2, even: true });
const dirs = { A: resolve(process.env.AB_A ?? 'dist/tab'), B: resolve(process.env.AB_B ?? 'dist/tab') };

/**
 * AB_CPU=1: each load is traced, and its main thread's CPU time (the tasks' thread time, `tdur`) from the navigation to
 * the card is counted too; unlike wall time it hardly grows when other processes take the cores.
 */
const CPU = process.env.AB_CPU === '1';
/**
 * AB_LATENCY=<ms>: every request of the page gets that much latency (Chromium's network emulation), as on a real
 * network, where the token and the `$batch` take hundreds of milliseconds; the sandbox on this machine answers in tens.
 */
const LATENCY = Number(process.env.AB_LATENCY ?? 0);
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number };
type TraceArgs = { args?: { name?: string } };

/** The renderer main thread's CPU ms in the trace's tasks that started before the card (`cardAt`, page clock). */
function mainThreadCpu(trace: Buffer, cardAt: number): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Array<TraceEvent & TraceArgs> }).traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart');
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === nav?.pid);
  if (!nav || !main) return Number.NaN;
  return events
    .filter(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.ts >= nav.ts &&
        e.ts - nav.ts <= cardAt * 1000,
    )
    .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
}

const span = (v: number[]) => `${median(v).toFixed(0)} [${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}]`;

const runs = { A: await startTestRun({ TAB_DIST_DIR: dirs.A }), B: await startTestRun({ TAB_DIST_DIR: dirs.B }) };
const browser = await launchChromium();
const kinds = ['cold', 'warm', 'hot'] as const;
const times = {
  A: { cold: [] as number[], warm: [] as number[], hot: [] as number[] },
  B: { cold: [] as number[], warm: [] as number[], hot: [] as number[] },
};
const cpu = {
  A: { cold: [] as number[], warm: [] as number[], hot: [] as number[] },
  B: { cold: [] as number[], warm: [] as number[], hot: [] as number[] },
};
const cold = {
  A: { afterData: [] as number[], all: [] as number[] },
  B: { afterData: [] as number[], all: [] as number[] },
};
const load = loadavg()[0] ?? Number.NaN;
try {
  for (let i = 0; i <= RUNS; i += 1) {
    for (const which of i % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      await watchShown(page, ['roadmap-card']);
      if (LATENCY > 0)
        await (
          await context.newCDPSession(page)
        ).send('Network.emulateNetworkConditions', {
          offline: false,
          latency: LATENCY,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      const load = async (kind: (typeof kinds)[number]) => {
        if (CPU)
          await browser.startTracing(page, {
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
          });
        const shown = nextShown(page, 'roadmap-card');
        if (kind === 'cold') await page.goto(`${runs[which].appUrl}/#/roadmap`, { waitUntil: 'commit' });
        else await page.reload({ waitUntil: 'commit' });
        const at = await shown;
        const busy = CPU ? mainThreadCpu(await browser.stopTracing(), at) : Number.NaN;
        if (kind === 'cold' && i > 0) {
          const dataAt = await page.evaluate(() =>
            Math.max(
              performance.getEntriesByName('tab:react-render')[0]?.startTime ?? 0,
              ...performance
                .getEntriesByType('resource')
                .filter((e) => e.name.endsWith('/$batch'))
                .map((e) => (e as PerformanceResourceTiming).responseEnd),
            ),
          );
          cold[which].afterData.push(at - dataAt);
          cold[which].all.push((await settledAt(page, 'roadmap-card')).at);
        }
        if (i > 0) {
          times[which][kind].push(at);
          cpu[which][kind].push(busy);
        }
        // A reload needs the plan in IndexedDB: the boot writes it as it arrives, before it shows (plan-boot.ts).
        await page.waitForTimeout(300);
      };
      for (const kind of kinds) await load(kind);
      await context.close();
    }
  }
  console.log(
    `A = ${dirs.A}\nB = ${dirs.B}\n${RUNS} interleaved runs${LATENCY > 0 ? `, ${LATENCY} ms latency per request` : ''}; load ${load.toFixed(1)} → ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const which of ['A', 'B'] as const)
    console.log(`${which}: ${kinds.map((k) => `${k} ${span(times[which][k])} ms`).join(', ')}`);
  // With the 95% interval over the pairs (paired bootstrap): a B / A whose interval holds 1 is no change this run can see.
  const withInterval = (b: number[], a: number[]) => {
    const { low, high } = ratioInterval(b, a);
    return `${(median(b) / median(a)).toFixed(2)} (95%: ${low.toFixed(2)}–${high.toFixed(2)})`;
  };
  console.log(`B / A: ${kinds.map((k) => `${k} ${withInterval(times.B[k], times.A[k])}`).join(', ')}`);
  for (const which of ['A', 'B'] as const)
    console.log(
      `${which}, cold: first card ${span(cold[which].afterData)} ms after the data and React's first render; ` +
        `all cards at ${span(cold[which].all)} ms`,
    );
  console.log(
    `B / A, cold: after the data ${(median(cold.B.afterData) / median(cold.A.afterData)).toFixed(2)}, ` +
      `all cards ${(median(cold.B.all) / median(cold.A.all)).toFixed(2)}`,
  );
  // Per interleaved pair: the ratio of the two runs made one after the other (load moves between pairs).
  const pairs = (k: (typeof kinds)[number]) =>
    median(times.B[k].map((b, n) => b / (times.A[k][n] ?? Number.NaN))).toFixed(2);
  console.log(`median of the per-pair ratios B / A: ${kinds.map((k) => `${k} ${pairs(k)}`).join(', ')}`);
  if (CPU) {
    console.log('Main thread CPU ms to the first card:');
    for (const which of ['A', 'B'] as const)
      console.log(`${which}: ${kinds.map((k) => `${k} ${span(cpu[which][k])}`).join(', ')}`);
    console.log(`B / A: ${kinds.map((k) => `${k} ${(median(cpu.B[k]) / median(cpu.A[k])).toFixed(2)}`).join(', ')}`);
  }
} finally {
  await browser.close();
  await runs.A.close();
  await runs.B.close();
}
