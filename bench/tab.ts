/**
 * `npm run bench` (part 3): the tab in Chromium against the sandbox. Reports, in one run:
 * Graph requests before the plan is visible (cold and warm), the first view's JS (gzip, from the
 * build report), time to plan visible as a ratio to a bare Fluent UI + teams-js page built by the
 * same toolchain, and the list's derive+filter+sort+group time on 5,000 actions.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { amsterdamDate } from '../src/domain/dates.js';
import { buildEntries, DEFAULT_QUERY } from '../src/tab/features/actionplan/lib/list-query.js';
import { deriveRows } from '../src/tab/lib/plan/derive.js';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { largePlan, NOW } from '../tests/unit/tab/fixtures.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function buildBare(): Promise<string> {
  const outDir = resolve('dist/bench-bare');
  await build({ root: resolve('bench/bare'), base: './', plugins: [react()], logLevel: 'silent', build: { outDir, emptyOutDir: true, target: 'es2022' } });
  return outDir;
}

function serveStatic(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })));
}

async function main(): Promise<void> {
  const report = JSON.parse(readFileSync('dist/tab/build-report.json', 'utf8')) as { firstViewGzipBytes: number; firstViewInHostGzipBytes: number; budgetBytes: number };

  const rows5000 = largePlan(5000);
  const filterTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const derived = deriveRows(rows5000, NOW);
    buildEntries(derived, { ...DEFAULT_QUERY, filters: { ...DEFAULT_QUERY.filters, status: ['Niet gestart', 'Loopt'], q: 'portfolio' }, sort: { key: 'deadline', dir: 'asc' }, group: 'eigenaar' }, amsterdamDate(NOW));
    filterTimes.push(performance.now() - started);
  }

  const bareDir = await buildBare();
  const bare = await serveStatic(bareDir);
  const run = await startTestRun();
  const browser = await launchChromium();
  try {
    const graphOrigin = new URL((await (await fetch(`${run.appUrl}/config.json`)).json() as { graphBaseUrl: string }).graphBaseUrl).origin;
    const bareTimes: number[] = [];
    const coldTimes: number[] = [];
    const warmTimes: number[] = [];
    let coldRequests = 0;
    let warmRequests = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const barePage = await (await browser.newContext()).newPage();
      let started = performance.now();
      await barePage.goto(`${bare.url}/index.html`);
      await barePage.getByTestId('bare-ready').waitFor();
      bareTimes.push(performance.now() - started);
      await barePage.context().close();

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      let graphRequests = 0;
      let visible = false;
      page.on('request', (request) => {
        const url = request.url();
        if (!visible && url.startsWith(graphOrigin) && url.includes('/v1.0/')) graphRequests += 1;
      });
      started = performance.now();
      await page.goto(`${run.appUrl}/`);
      await page.getByTestId('roadmap-card').first().waitFor();
      visible = true;
      coldTimes.push(performance.now() - started);
      coldRequests = graphRequests;

      graphRequests = 0;
      visible = false;
      started = performance.now();
      await page.reload();
      await page.getByTestId('roadmap-card').first().waitFor();
      visible = true;
      warmTimes.push(performance.now() - started);
      warmRequests = graphRequests;
      await context.close();
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    process.stdout.write('\nThe tab in Chromium against the sandbox (median of 5)\n');
    console.table([
      { measure: 'first view JS (gzip), standalone', value: kb(report.firstViewGzipBytes), target: `<= ${kb(report.budgetBytes)}` },
      { measure: 'first view JS (gzip), in a Teams host (+ teams-js)', value: kb(report.firstViewInHostGzipBytes), target: '' },
      { measure: 'Graph requests before the plan is visible, cold', value: String(coldRequests), target: '1 ($batch)' },
      { measure: 'Graph requests before the plan is visible, warm (IndexedDB)', value: String(warmRequests), target: 'cache paints first; the delta runs alongside' },
      { measure: 'time to plan visible, cold / bare Fluent + teams-js page', value: `${(median(coldTimes) / median(bareTimes)).toFixed(2)}x (${median(coldTimes).toFixed(0)} / ${median(bareTimes).toFixed(0)} ms)`, target: '' },
      { measure: 'time to plan visible, warm / bare page', value: `${(median(warmTimes) / median(bareTimes)).toFixed(2)}x (${median(warmTimes).toFixed(0)} ms)`, target: '' },
      { measure: 'derive + filter + sort + group, 5,000 actions', value: `${median(filterTimes).toFixed(1)} ms`, target: '' },
    ]);
  } finally {
    await browser.close();
    await run.close();
    bare.close();
  }
}

await main();
