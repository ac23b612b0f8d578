/**
 * Where a warm first view's time goes (issue 16): in one context, a cold start of `#/roadmap` (it fills IndexedDB and
 * the HTTP cache), then WARM_TRACE_RUNS reloads (default 3; a script's V8 code cache is produced on its second load
 * and used from its third, so the first reload and the later ones differ). Per reload: the page's own times (the first
 * card, performance marks, every fallback or spinner that showed and when: a MutationObserver, as the browser test
 * does), the style rules Griffel inserted by the first card, the main thread's busy time and long tasks from a Chromium
 * trace, and per script whether V8 compiled it from its code cache. `TAB_DIST_DIR` picks the build (default dist/tab).
 * Not part of `npm run bench`: `npx tsx bench/warm-trace.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { runsFromEnv } from './stats.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const RUNS = runsFromEnv('WARM_TRACE_RUNS', 3);
const DIST = resolve(process.env.TAB_DIST_DIR ?? 'dist/tab');
/** WARM_PROFILE=1: a V8 CPU profile of the last reload instead of its trace, self time per source (through the maps). */
const PROFILE = process.env.WARM_PROFILE === '1';

type ProfileNode = {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
};
const maps = new Map<string, TraceMap | undefined>();
/** A profile node's original source: a package (`nm:react-dom`) or our file. */
function sourceOf(n: ProfileNode): string {
  const { url, lineNumber, columnNumber, functionName } = n.callFrame;
  if (!url || lineNumber < 0) return `(${functionName || 'program'})`;
  const file = `${DIST}/${url.replace(/^https?:\/\/[^/]+\//, '')}.map`;
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : undefined);
  const map = maps.get(file);
  if (!map) return url.replace(/^.*\//, '');
  const original = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  if (process.env.WARM_PROFILE_RAW === '1') return `${original.source ?? '?'} ${original.name ?? functionName}`;
  const src = (original.source ?? '?').replace(/^.*node_modules\//, 'nm:').replace(/^.*\/src\//, 'src/');
  if (!src.startsWith('nm:')) return src;
  return src
    .split('/')
    .slice(0, src.startsWith('nm:@') ? 2 : 1)
    .join('/');
}

type Ev = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
};

/** Installed in every page: what showed when (ms since navigation start), until the first card. */
function observe(): void {
  const seen: Array<[string, number]> = [];
  (window as unknown as { warmTrace: unknown }).warmTrace = seen;
  const note = (what: string) => seen.push([what, Math.round(performance.now())]);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes)) {
        if (!(n instanceof HTMLElement)) continue;
        const found = [n, ...Array.from(n.querySelectorAll('[role="progressbar"], .fui-Spinner, [data-testid]'))];
        for (const el of found) {
          if (!(el instanceof HTMLElement)) continue;
          const id = el.dataset['testid'];
          if (el.classList.contains('fui-Spinner') || el.getAttribute('role') === 'progressbar')
            note(`spinner${id ? `:${id}` : ''}`);
          else if (id && /^(view-loading|roadmap-card|signed-in-as|scope)$/.test(id) && !seen.some(([w]) => w === id))
            note(id);
        }
      }
  }).observe(document, { childList: true, subtree: true });
}

const run = await startTestRun(process.env.TAB_DIST_DIR ? { TAB_DIST_DIR: resolve(process.env.TAB_DIST_DIR) } : {});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
  // As a string, with tsx's `__name` helper (which its compiled functions call) defined in the page.
  await context.addInitScript(`{ const __name = (f) => f; (${observe.toString()})(); }`);
  const page = await context.newPage();
  await page.goto(`${run.appUrl}/#/roadmap`);
  await page.getByTestId('roadmap-card').first().waitFor();
  // The plan goes into IndexedDB just after it shows (bench/tab.ts waits the same way).
  await page.waitForTimeout(500);
  const cdp = PROFILE ? await context.newCDPSession(page) : undefined;
  for (let i = 1; i <= RUNS; i += 1) {
    if (cdp && i === RUNS) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.WARM_PROFILE_INTERVAL ?? 100) });
      await cdp.send('Profiler.start');
      await page.reload({ waitUntil: 'commit' });
      await page.getByTestId('roadmap-card').first().waitFor();
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, k) => {
        const key = sourceOf(byId.get(id)!);
        if (key !== '(idle)') self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`\n=== warm reload ${i}, CPU profile: ${total.toFixed(0)} ms busy to the card (Node's view)`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`  ${v.toFixed(0).padStart(5)}  ${k}`);
      continue;
    }
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
      ],
    });
    await page.reload({ waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="roadmap-card"]');
        return el && el.getBoundingClientRect().height > 0 ? Math.round(performance.now()) : false;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const cardAt = Number(await shown.jsonValue());
    const perf = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
      seen: (window as unknown as { warmTrace: Array<[string, number]> }).warmTrace.map(([w, t]) => `${w}@${t}`),
      rules: Array.from(document.querySelectorAll('style[data-make-styles-bucket]')).reduce(
        (n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0),
        0,
      ),
      fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => {
          const e = r as PerformanceResourceTiming;
          return `${e.name.replace(/^.*\//, '')} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}${e.transferSize ? '' : ' (cache)'}`;
        }),
    }));
    const trace = await browser.stopTracing();
    const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
    const mainThread = events.find(
      (e) =>
        e.name === 'thread_name' &&
        e.args?.name === 'CrRendererMain' &&
        events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'v8.compileModule'),
    );
    const onMain = events.filter((e) => mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid);
    const tops = onMain.filter(
      (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    );
    // The navigation's start on the trace clock: the first task of the new document's script, less its page time.
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mainThread?.pid);
    const base = nav?.ts ?? Math.min(...tops.map((e) => e.ts));
    const at = (ts: number) => ((ts - base) / 1000).toFixed(0);
    const busyUntil = (until: number) =>
      tops
        .filter((e) => e.ts >= base && e.ts - base <= until * 1000)
        .reduce((s, e) => s + (e.dur ?? 0) / 1000, 0)
        .toFixed(0);
    console.log(`\n=== warm reload ${i}: first card at ${cardAt} ms (page clock); load ${loadavg()[0]?.toFixed(1)}`);
    console.log(`  fcp ${perf.fcp}; marks ${perf.marks.join(' ')}`);
    console.log(`  seen: ${perf.seen.join(' ')}`);
    console.log(`  Griffel rules in the page at the card: ${perf.rules}`);
    console.log(`  scripts: ${perf.scripts.join(' | ')}`);
    console.log(`  main thread busy to the card: ${busyUntil(cardAt)} ms`);
    // CPU time (thread time) by kind of work, to the card; nested kinds overlap (a FunctionCall holds its GC).
    const byKind = new Map<string, number>();
    for (const e of onMain)
      if (
        e.ph === 'X' &&
        e.ts >= base &&
        e.ts - base <= cardAt * 1000 &&
        [
          'RunTask',
          'ParseHTML',
          'v8.evaluateModule',
          'EvaluateScript',
          'v8.produceModuleCache',
          'FunctionCall',
          'TimerFire',
          'RunMicrotasks',
          'UpdateLayoutTree',
          'Layout',
          'PrePaint',
          'Paint',
          'MinorGC',
          'MajorGC',
          'v8.compile',
          'V8.CompileLazy',
          'ParseAuthorStyleSheet',
        ].includes(e.name)
      )
        byKind.set(e.name, (byKind.get(e.name) ?? 0) + ((e as Ev & { tdur?: number }).tdur ?? e.dur ?? 0) / 1000);
    console.log(
      `  CPU ms by kind: ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
    // Each long task with what ran in it (direct events of 3 ms or more).
    const inner = onMain.filter(
      (x) => x.ph === 'X' && (x.dur ?? 0) >= 3000 && x.name !== 'RunTask' && x.name !== 'ThreadControllerImpl::RunTask',
    );
    console.log('  tasks > 10 ms to the card:');
    for (const task of tops.filter((e) => e.ts >= base && (e.dur ?? 0) > 10_000 && e.ts - base < cardAt * 1000)) {
      const end = task.ts + (task.dur ?? 0);
      const parts = inner
        .filter((x) => x.ts >= task.ts && x.ts + (x.dur ?? 0) <= end)
        .slice(0, 6)
        .map((x) => {
          const d = x.args?.data ?? {};
          const what = String(d['url'] ?? d['functionName'] ?? d['type'] ?? '').replace(/^.*\//, '');
          return `${x.name}${what ? `(${what})` : ''} ${((x.dur ?? 0) / 1000).toFixed(0)}`;
        });
      console.log(`    ${at(task.ts)}+${((task.dur ?? 0) / 1000).toFixed(0)}: ${parts.join(', ')}`);
    }
    for (const e of onMain.filter(
      (x) =>
        x.ph === 'X' &&
        x.ts >= base &&
        ['v8.compileModule', 'v8.compile', 'v8.evaluateModule', 'v8.produceModuleCache', 'v8.produceCache'].includes(
          x.name,
        ) &&
        String(x.args?.data?.['url'] ?? x.args?.['fileName'] ?? '').includes('/assets/'),
    )) {
      const d = { ...e.args?.data, ...e.args } as Record<string, unknown>;
      const file = String(d['url'] ?? d['fileName'] ?? '').replace(/^.*\//, '');
      const cache = [
        'consumedCacheSize',
        'cacheRejected',
        'cacheKind',
        'notStreamedReason',
        'streamed',
        'producedCacheSize',
      ]
        .filter((k) => d[k] !== undefined)
        .map((k) => `${k}=${String(d[k])}`)
        .join(' ');
      console.log(`    ${at(e.ts)}+${((e.dur ?? 0) / 1000).toFixed(1)} ${e.name} ${file} ${cache}`);
    }
    for (const e of onMain.filter(
      (x) =>
        x.ph === 'X' && x.ts >= base && x.name === 'FunctionCall' && (x.dur ?? 0) > 5000 && x.ts - base < cardAt * 1000,
    ))
      console.log(
        `    ${at(e.ts)}+${((e.dur ?? 0) / 1000).toFixed(0)} FunctionCall ${String(e.args?.data?.['url'] ?? '').replace(/^.*\//, '')} ${String(e.args?.data?.['functionName'] ?? '')}`,
      );
    await page.waitForTimeout(500);
  }
  await context.close();
} finally {
  await browser.close();
  await run.close();
}
