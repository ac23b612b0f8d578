import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string } } };
const run = await startTestRun(process.env.X_DIST ? { TAB_DIST_DIR: process.env.X_DIST } : {});
const browser = await launchChromium();
const rows: Record<string, number[]> = {};
const WATCH = `(() => { const g = IDBObjectStore.prototype.get; IDBObjectStore.prototype.get = function (...a) { performance.mark('idb-get'); const r = g.apply(this, a); r.addEventListener('success', () => performance.mark('idb-got')); return r; }; const o = indexedDB.open.bind(indexedDB); indexedDB.open = (...a) => { performance.mark('idb-open'); const r = o(...a); r.addEventListener('success', () => performance.mark('idb-opened')); return r; }; new MutationObserver(() => { if (!window.__card && document.querySelector('[data-testid=roadmap-card]')) { window.__card = performance.now(); } }).observe(document, { subtree: true, childList: true }); })()`;
try {
  for (let i = 0; i <= Number(process.env.RUNS ?? 6); i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
    await context.addInitScript({ content: WATCH });
    const page = await context.newPage();
    await page.goto(`${run.appUrl}/#/roadmap`);
    await page.getByTestId('roadmap-card').first().waitFor();
    await page.waitForTimeout(300);
    if (process.env.TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'v8'] });
    await page.reload();
    await page.getByTestId('roadmap-card').first().waitFor();
    const p = (await page.evaluate(`(() => { const r = {}; for (const m of performance.getEntriesByType('mark')) r[m.name] = Math.round(m.startTime); for (const e of performance.getEntriesByType('resource')) { const n = e.name.replace(/^.*\\//,'').replace(/-[\\w-]{8}\\.js$/,''); if (/boot|index|react-dom|roadmap/.test(n)) r[n+'<'] = Math.round(e.responseEnd); } r.nav = Math.round(performance.getEntriesByType('navigation')[0].responseEnd); r.card = Math.round(window.__card); return r; })()`)) as Record<string, number>;
    if (process.env.TRACE) {
      const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: Ev[] }).traceEvents;
      const threads = new Map<string, string>();
      for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
      const mainKey = [...threads].find(([key, n]) => n === 'CrRendererMain' && events.some((x) => `${x.pid}:${x.tid}` === key && x.name === 'FunctionCall'))?.[0];
      const nav = events.filter((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === mainKey).map((e) => e.ts).sort((a, b) => b - a)[0] ?? 0;
      const evals = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'v8.evaluateModule' && e.ts > nav && (e.dur ?? 0) > 3000);
      evals.forEach((e, k) => { p[`eval${k}`] = Math.round((e.ts - nav) / 1000); p[`eval${k}end`] = Math.round((e.ts + (e.dur ?? 0) - nav) / 1000); });
    }
    await context.close();
    if (i === 0) continue;
    for (const [k, v] of Object.entries(p)) (rows[k] ??= []).push(v);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, `${med(v)} [${Math.min(...v)}-${Math.max(...v)}]`])));
} finally { await browser.close(); await run.close(); }
