/**
 * Where a cold first view's time goes (issue 16): one warm-up, then N cold starts of `#/roadmap` in fresh contexts,
 * each with CDP Network (every request incl. CORS preflights, with start/end relative to navigation), the page's
 * performance marks and resource timing, and a Chromium trace of the renderer's main thread (busy time by category).
 * Not part of `npm run bench`; `npx tsx bench/cold-trace.ts` (COLD_TRACE_RUNS, default 3).
 */
import { loadavg } from 'node:os';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { runsFromEnv } from './stats.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const RUNS = runsFromEnv('COLD_TRACE_RUNS', 3);

type Req = { id: string; url: string; method: string; type: string; start: number; end?: number; bytes?: number };

async function main(): Promise<void> {
  const run = await startTestRun();
  const browser = await launchChromium();
  try {
    for (let i = 0; i <= RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const reqs = new Map<string, Req>();
      let t0 = 0;
      cdp.on('Network.requestWillBeSent', (e) => {
        if (!t0 && e.type === 'Document') t0 = e.timestamp;
        reqs.set(e.requestId + (e.type === 'Preflight' ? ':pf' : ''), {
          id: e.requestId,
          url: e.request.url,
          method: e.request.method,
          type: e.type ?? '',
          start: e.timestamp,
        });
      });
      cdp.on('Network.loadingFinished', (e) => {
        const r = reqs.get(e.requestId);
        if (r) {
          r.end = e.timestamp;
          r.bytes = e.encodedDataLength;
        }
      });
      // Preflights: Chromium reports them as their own requests with type "Preflight" (CORS in the network service).
      const tracing = i > 0 && process.env.COLD_TRACE !== '0';
      if (tracing)
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'],
        });
      const started = performance.now();
      await page.goto(`${run.appUrl}/#/roadmap`);
      await page.getByTestId('roadmap-card').first().waitFor();
      const ms = performance.now() - started;
      const perf = await page.evaluate(() => ({
        marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
        nav: (() => {
          const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { responseEnd: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd) };
        })(),
        res: performance.getEntriesByType('resource').map((r) => {
          const e = r as PerformanceResourceTiming;
          return [e.name.replace(/^https?:\/\/[^/]+/, ''), Math.round(e.startTime), Math.round(e.responseEnd)];
        }),
        cardAt: Math.round(performance.now()),
      }));
      const trace = tracing ? await browser.stopTracing() : undefined;
      await context.close();
      if (i === 0) continue;
      console.log(`\n=== run ${i}: ${ms.toFixed(0)} ms (Node, goto→card); load ${loadavg()[0]?.toFixed(1)}`);
      console.log('nav', perf.nav, 'card seen at ~', perf.cardAt, 'marks', perf.marks);
      const rows = [...reqs.values()].sort((a, b) => a.start - b.start);
      for (const r of rows)
        console.log(
          `${((r.start - t0) * 1000).toFixed(0).padStart(6)} → ${r.end ? ((r.end - t0) * 1000).toFixed(0).padStart(6) : '     ?'}  ${r.type.padEnd(10)} ${r.method.padEnd(7)} ${r.url.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '').slice(0, 90)} ${r.bytes ?? ''}`,
        );
      if (trace) {
        type Ev = {
          name: string;
          ph: string;
          ts: number;
          dur?: number;
          pid: number;
          tid: number;
          cat: string;
          args?: { name?: string; data?: { url?: string } };
        };
        const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
        const main = events.find(
          (e) =>
            e.name === 'thread_name' &&
            e.args?.name === 'CrRendererMain' &&
            events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'),
        );
        const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'markAsMainFrame');
        const tops = events.filter(
          (e) =>
            main &&
            e.pid === main.pid &&
            e.tid === main.tid &&
            e.ph === 'X' &&
            (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
        );
        const base = Math.min(...tops.map((e) => e.ts));
        const by = new Map<string, number>();
        const kinds = events.filter(
          (e) =>
            main &&
            e.pid === main.pid &&
            e.tid === main.tid &&
            e.ph === 'X' &&
            [
              'EvaluateScript',
              'v8.compile',
              'v8.compileModule',
              'v8.evaluateModule',
              'FunctionCall',
              'Layout',
              'UpdateLayoutTree',
              'Paint',
              'ParseHTML',
              'MajorGC',
              'MinorGC',
              'V8.GC_SCAVENGER',
              'TimerFire',
              'RunMicrotasks',
              'v8.run',
            ].includes(e.name),
        );
        for (const k of kinds) by.set(k.name, (by.get(k.name) ?? 0) + (k.dur ?? 0) / 1000);
        const busy = tops.reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
        console.log(
          `main thread: ${tops.length} tasks, busy ${busy.toFixed(0)} ms`,
          Object.fromEntries([...by].map(([k, v]) => [k, Math.round(v)])),
          nav ? '' : '',
        );
        // Long tasks on a timeline (relative to the first task).
        const long = tops
          .filter((e) => (e.dur ?? 0) > 15000)
          .map((e) => `${((e.ts - base) / 1000).toFixed(0)}+${((e.dur ?? 0) / 1000).toFixed(0)}`);
        console.log('tasks > 15 ms (start+dur, from first task):', long.join(' '));
        const fc = events.filter(
          (e) =>
            main &&
            e.pid === main.pid &&
            e.tid === main.tid &&
            e.ph === 'X' &&
            (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') &&
            (e.dur ?? 0) > 8000,
        );
        for (const e of fc)
          console.log(
            `   ${((e.ts - base) / 1000).toFixed(0)}+${((e.dur ?? 0) / 1000).toFixed(0)} ${e.name} ${(e.args?.data?.url ?? '').replace(/^.*\//, '')}`,
          );
      }
    }
  } finally {
    await browser.close();
    await run.close();
  }
}

await main();
