/**
 * `npm run bench` (part 3): the tab in Chromium against the sandbox. Reports, in one run:
 * Graph requests before the plan is visible (cold and warm; warm also with Graph held, to show the first view waits for
 * none), the share of the app's JS that ran by the first card (V8 block coverage), the first view's JS (gzip, from the build report, and
 * the JS requests and bytes on the wire before the first action card), time to the first action card as a ratio to the
 * physical limit (a bare Fluent UI + teams-js page built by the same toolchain that makes the app's own cold `$batch`
 * once, to the sandbox's Graph endpoint), cold and warm, median of FIRST_VIEW_RUNS interleaved runs, the list's derive+filter+sort+group
 * time on 5,000 actions, and the portfolio's first view with 5,000 items against the seeded 15 (issue 18: within
 * 1.5x; the DOM rows and nodes show the virtualisation).
 *
 * The baseline is served and asks for its data as the app does (issue 16, "the bench's fairness"), so the ratio compares
 * like with like; the target's definition is unchanged (the bare shell plus one `$batch` round trip):
 * - its one `$batch` goes to the sandbox's Graph endpoint itself, cross-origin with the CORS preflight a browser makes
 *   for it (Authorization, JSON), as the app's does; before, the bench's own server replayed it same-origin, with no
 *   preflight. No token request: the bare page replays the app's captured token (the target has none);
 * - its files are served as the app server serves the tab: hashed assets precompressed at build (brotli/gzip,
 *   scripts/vite-precompress.ts, chosen by `chooseEncoding`) with `Cache-Control: immutable`, index.html `no-cache`;
 *   before, uncompressed and without cache headers, so a warm bare page downloaded its JS again;
 * - the JS bytes before the first card are counted on the wire (CDP `encodedDataLength`, 0 for a cache hit), and a
 *   cache hit is counted apart; before, the warm line counted cache hits as wire bytes;
 * - every time is printed as the median with the [min–max] of the runs, and the cold, warm and portfolio ratios with
 *   their 95% interval over the runs (a paired bootstrap, `ratioInterval` in bench/stats.ts): how far one run's ratio can be
 *   trusted against its target;
 * - each time is the page's own, noted by an init script and reported as a console message (`nextShown`), so the bench
 *   runs no code of its own in the page while it loads; before, Playwright's `waitForFunction` evaluated its utility
 *   script in each new document (15–19 ms of its main thread, sometimes before the card's frame).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { amsterdamDate } from '../src/domain/dates.js';
import { buildEntries, DEFAULT_QUERY } from '../src/tab/features/actionplan/lib/list-query.js';
import { deriveRows } from '../src/tab/lib/plan/derive.js';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { otherClient } from '../tests/e2e/support/tab.js';
import { sendBatch } from '../src/data/graph/batch.js';
import { chooseEncoding, type ContentEncoding } from '../src/server/http-server.js';
import { precompress } from '../scripts/vite-precompress.js';
import { resolveSite } from '../src/data/site.js';
import type { Browser, Page } from 'playwright-core';
import { nextShown, watchShown } from './page-clock.js';
import { median, ratioInterval, runsFromEnv } from './stats.js';
import { largePlan, NOW } from '../tests/unit/tab/fixtures.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
/**
 * Even, as FIRST_VIEW_RUNS: the interleaved lines' two pages each go first in half of the rounds (with 7, the
 * portfolio's seeded view went first 4 times and the 5,000 items 3 times).
 */
const RUNS = runsFromEnv('BENCH_TAB_RUNS', 8, { even: true });
/**
 * The cold and warm first views' interleaved runs. More than the other measures' RUNS: on the shared 2-core machine
 * the ratios of 7-run medians moved between 1.13x and 1.39x (cold) and 1.17x and 1.33x (warm) from one bench to the
 * next with the same build (December 2026); the median of 15 is steadier. 16 since stop 33, so the bare page and the
 * app each go first 8 times. The issue asks for at least 5.
 */
const FIRST_VIEW_RUNS = runsFromEnv('BENCH_FIRST_VIEW_RUNS', 16, { min: 2, even: true });

/** `runs` rounds of `a` and `b`, taking turns going first (a-b, b-a, …): an even `runs` gives each the lead as often. */
async function interleaved(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < runs; i += 1) {
    const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
    await first();
    await second();
  }
}

async function buildBare(): Promise<string> {
  const outDir = resolve('dist/bench-bare');
  await build({
    root: resolve('bench/bare'),
    base: './',
    // Precompressed like the app's assets (vite.config.ts), so both are served the same way.
    plugins: [react(), precompress()],
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

/**
 * The bare page's files, served as the app server serves the tab (src/server/http-server.ts): a hashed asset
 * precompressed (brotli before gzip, as the request accepts) with `Cache-Control: immutable`, index.html `no-cache`.
 */
function serveStatic(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const suffix: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    const immutable = /[\\/]assets[\\/]/.test(path);
    const variants = immutable
      ? (['br', 'gzip'] as const).filter((e) => existsSync(`${path}${suffix[e]}`))
      : ([] as ContentEncoding[]);
    const encoding = chooseEncoding(req.headers['accept-encoding'], variants);
    const sent = encoding ? `${path}${suffix[encoding]}` : path;
    res.writeHead(200, {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Content-Length': statSync(sent).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...(immutable ? { Vary: 'Accept-Encoding' } : {}),
    });
    createReadStream(sent).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() }),
    ),
  );
}

type JsLoaded = { requests: number; bytes: number; cached: number };

/**
 * The app's scripts the page has loaded so far (called as the first card shows), from its resource timing: a script with
 * a `transferSize` of 0 came from the browser's cache; the others' `encodedBodySize` is what came over the wire
 * (compressed, as sent). Same-origin, so the sizes are there.
 */
function jsBeforeCard(page: Page): Promise<JsLoaded> {
  return page.evaluate(() => {
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.name.startsWith(window.location.origin) && new URL(e.name).pathname.endsWith('.js'),
    );
    const fetched = scripts.filter((e) => e.transferSize > 0);
    return {
      requests: scripts.length,
      bytes: fetched.reduce((sum, e) => sum + e.encodedBodySize, 0),
      cached: scripts.length - fetched.length,
    };
  });
}

type PortfolioView = { ms: number; rows: number; nodes: number };

/** Time from navigation to the portfolio's first item row (page clock), in a fresh context, and what the DOM holds. */
async function portfolioFirstView(browser: Browser, appUrl: string): Promise<PortfolioView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await context.addInitScript(
    (persona) => window.localStorage.setItem('actieplan.persona', persona),
    'portfoliomanager.ia@zoetermeer.example',
  );
  const page = await context.newPage();
  // On the page's own clock, as the roadmap's times (nextShown): a locator's waitFor, timed from Node, polls with a
  // back-off, so its times clustered on its checks (a first row seen at about 670 ms or 1,100 ms, nothing between).
  await watchShown(page, ['portfolio-row']);
  const shown = nextShown(page, 'portfolio-row', 120_000);
  await page.goto(`${appUrl}/#/portfolio`, { waitUntil: 'commit' });
  const ms = await shown;
  const dom = await page.evaluate(() => ({
    rows: document.querySelectorAll('[data-testid="portfolio-row"]').length,
    nodes: document.querySelectorAll('*').length,
  }));
  await context.close();
  return { ms, ...dom };
}

/** Fills the run's Portfolio list up to `total` items through Graph, as an import would. */
async function fillPortfolio(appUrl: string, total: number): Promise<void> {
  const client = await otherClient(appUrl, 'portfoliomanager.ia@zoetermeer.example');
  const site = await resolveSite(client.graph, client.siteUrl);
  const present = (await client.graph.get<{ value: unknown[] }>(`/sites/${site.id}/lists/Portfolio/items?$top=5000`))
    .value.length;
  const domeinen = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein', 'Concern'];
  const answers = await sendBatch(
    client.graph,
    Array.from({ length: total - present }, (_, i) => ({
      id: String(i),
      method: 'POST' as const,
      url: `/sites/${site.id}/lists/Portfolio/items`,
      body: {
        fields: {
          Title: `Initiatief ${i}`,
          Domein: domeinen[i % 5],
          Fase: 'Uitvoering',
          Status: 'Op koers',
          Prioriteit: i + 100,
          DitKwartaal: i % 3 === 0 ? 'niet' : 'wel',
          ClientKey: `bench:pf:${i}`,
        },
      },
    })),
  );
  if (answers.some((a) => a.status !== 201)) throw new Error('Filling the portfolio failed');
}

/** The share of `bytes` that V8's block coverage marks as run: inner ranges (later, narrower) override outer ones. */
function executedBytes(
  length: number,
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[],
): number {
  const ranges = functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  const ran = new Uint8Array(length);
  for (const r of ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, length));
  return ran.reduce((sum, b) => sum + b, 0);
}

/**
 * Two first-view facts from one cold start and one reload, outside the timed runs:
 * - warm: every Graph request is held until the cached plan is on screen; the first card showing with them held means
 *   the warm first view waits for none (the delta runs alongside);
 * - cold: V8's block coverage of the app's own scripts when the first card shows, as the share of their bytes that ran.
 */
async function firstPaintChecks(
  browser: Browser,
  appUrl: string,
  graphOrigin: string,
): Promise<{ warmBlocking: string; jsShare: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
  const page = await context.newPage();
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(`${appUrl}/#/roadmap`);
  await page.getByTestId('roadmap-card').first().waitFor();
  const coverage = (await page.coverage.stopJSCoverage()).filter(
    (entry) => entry.url.startsWith(appUrl) && entry.source,
  );
  const total = coverage.reduce((sum, e) => sum + (e.source?.length ?? 0), 0);
  const ran = coverage.reduce((sum, e) => sum + executedBytes(e.source?.length ?? 0, e.functions), 0);
  const jsShare = `${((100 * ran) / total).toFixed(0)}% (${(ran / 1024).toFixed(0)} of ${(total / 1024).toFixed(0)} KB in ${coverage.length} scripts)`;
  // The reload needs the plan in IndexedDB, which is written just after it shows.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('actieplan');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('plan-cache')) return resolve(false);
          const count = open.result.transaction('plan-cache').objectStore('plan-cache').count();
          count.onsuccess = () => resolve(count.result > 0);
          count.onerror = () => resolve(false);
        };
      }),
  );
  let shown = false;
  const held: Array<() => Promise<void>> = [];
  await page.route(`${graphOrigin}/v1.0/**`, async (route) => {
    if (shown) return route.continue();
    held.push(() => route.continue());
  });
  await page.reload();
  const visible = await page
    .getByTestId('roadmap-card')
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  shown = true;
  const heldCount = held.length;
  for (const release of held.splice(0)) await release();
  await context.close();
  return {
    warmBlocking: visible
      ? `0 (shown from the cache, ${heldCount} Graph request(s) held meanwhile)`
      : 'the cached plan did not show while Graph was held',
    jsShare,
  };
}

async function main(): Promise<void> {
  const report = JSON.parse(readFileSync('dist/tab/build-report.json', 'utf8')) as {
    firstViewGzipBytes: number;
    firstViewInHostGzipBytes: number;
    budgetBytes: number;
  };

  const rows5000 = largePlan(5000);
  const filterTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const derived = deriveRows(rows5000, NOW);
    buildEntries(
      derived,
      {
        ...DEFAULT_QUERY,
        filters: { ...DEFAULT_QUERY.filters, status: ['Niet gestart', 'Loopt'], q: 'portfolio' },
        sort: { key: 'deadline', dir: 'asc' },
        group: 'eigenaar',
      },
      amsterdamDate(NOW),
    );
    filterTimes.push(performance.now() - started);
  }

  const bareDir = await buildBare();
  let batch: { url: string; body: string; authorization: string } | undefined;
  const bare = await serveStatic(bareDir);
  // The sandbox answers CORS for the bare page's origin too: its `$batch` goes there cross-origin, as the app's does.
  const run = await startTestRun({}, { extraOrigins: [bare.url] });
  const browser = await launchChromium();
  try {
    const graphOrigin = new URL(
      ((await (await fetch(`${run.appUrl}/config.json`)).json()) as { graphBaseUrl: string }).graphBaseUrl,
    ).origin;
    // A first cold start, not counted: it warms the server and gives the bare page the app's own cold `$batch`.
    // `#/roadmap`: without a view in the URL a new person sees the start page first (issue 19), not the roadmap.
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      page.on('request', (request) => {
        if (
          !batch &&
          request.method() === 'POST' &&
          request.url().startsWith(graphOrigin) &&
          request.url().endsWith('/$batch')
        ) {
          batch = {
            url: request.url(),
            body: request.postData() ?? '',
            authorization: request.headers()['authorization'] ?? '',
          };
        }
      });
      await page.goto(`${run.appUrl}/#/roadmap`);
      await page.getByTestId('roadmap-card').first().waitFor();
      await context.close();
      if (!batch) throw new Error('The cold start made no $batch request: nothing to replay on the bare page.');
    }
    const replay = batch;
    const load = loadavg()[0] ?? Number.NaN;
    const bareTimes: number[] = [];
    const warmBareTimes: number[] = [];
    const coldTimes: number[] = [];
    const warmTimes: number[] = [];
    let coldRequests = 0;
    let warmRequests = 0;
    let coldJs: JsLoaded = { requests: 0, bytes: 0, cached: 0 };
    let warmJs: JsLoaded = { requests: 0, bytes: 0, cached: 0 };
    const runBare = async () => {
      const bareContext = await browser.newContext();
      await bareContext.addInitScript((b) => ((window as unknown as { benchBatch: unknown }).benchBatch = b), {
        url: replay.url,
        body: replay.body,
        authorization: replay.authorization,
      });
      const barePage = await bareContext.newPage();
      await watchShown(barePage, ['bare-ready']);
      // Each time is the page's own: from the navigation's start to the frame the element shows in (nextShown).
      let shown = nextShown(barePage, 'bare-ready');
      await barePage.goto(`${bare.url}/index.html`, { waitUntil: 'commit' });
      bareTimes.push(await shown);
      // The same call into the page between the cold start and the reload as the app's (jsBeforeCard), so both reload
      // after the same pause.
      await jsBeforeCard(barePage);
      // Warm: the same page again from the browser's cache, and its `$batch` again.
      shown = nextShown(barePage, 'bare-ready');
      await barePage.reload({ waitUntil: 'commit' });
      warmBareTimes.push(await shown);
      await bareContext.close();
    };
    const runApp = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      await watchShown(page, ['roadmap-card']);
      let graphRequests = 0;
      let visible = false;
      page.on('request', (request) => {
        const url = request.url();
        if (!visible && url.startsWith(graphOrigin) && url.includes('/v1.0/')) graphRequests += 1;
      });
      let shown = nextShown(page, 'roadmap-card');
      await page.goto(`${run.appUrl}/#/roadmap`, { waitUntil: 'commit' });
      coldTimes.push(await shown);
      visible = true;
      coldRequests = graphRequests;
      coldJs = await jsBeforeCard(page);

      graphRequests = 0;
      visible = false;
      shown = nextShown(page, 'roadmap-card');
      await page.reload({ waitUntil: 'commit' });
      warmTimes.push(await shown);
      visible = true;
      warmRequests = graphRequests;
      warmJs = await jsBeforeCard(page);
      await context.close();
    };
    // Interleaved, and in turn which goes first (bare-app, app-bare, …): each page starts as often right after the
    // other's context closed as after its own.
    await interleaved(FIRST_VIEW_RUNS, runBare, runApp);
    const firstPaint = await firstPaintChecks(browser, run.appUrl, graphOrigin);
    // The portfolio's first view: the seeded 15 items (this run) and 5,000 (a second run, filled up), interleaved and
    // taking turns going first, as the cold and warm lines are. Before, the seeded views all came first and the 5,000
    // after them in the same run, so whatever the machine did meanwhile went into the ratio: it read 1.56x after 3 of
    // the cold and warm runs and 1.66–1.79x after 15, with the same build.
    const bigRun = await startTestRun();
    const seededViews: PortfolioView[] = [];
    const bigViews: PortfolioView[] = [];
    try {
      await fillPortfolio(bigRun.appUrl, 5000);
      // One view of each, not counted: the main run had its uncounted cold start above; the second run is new.
      await portfolioFirstView(browser, run.appUrl);
      await portfolioFirstView(browser, bigRun.appUrl);
      await interleaved(
        RUNS,
        async () => seededViews.push(await portfolioFirstView(browser, run.appUrl)),
        async () => bigViews.push(await portfolioFirstView(browser, bigRun.appUrl)),
      );
    } finally {
      await bigRun.close();
    }
    const last = (views: PortfolioView[]) => views[views.length - 1] as PortfolioView;

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const spread = (v: number[]) =>
      `${median(v).toFixed(0)} [${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}]`;
    const perRun = (a: number[], b: number[]) => `${median(a.map((x, i) => x / (b[i] ?? Number.NaN))).toFixed(2)}x`;
    // With the 95% interval of the ratio over the runs (paired bootstrap, bench/stats.ts): a target inside it is neither
    // met nor missed reliably by this run.
    const ratio = (a: number[], b: number[]) => {
      const { low, high } = ratioInterval(a, b);
      return `${(median(a) / median(b)).toFixed(2)}x, 95%: ${low.toFixed(2)}–${high.toFixed(2)}x (${spread(a)} / ${spread(b)} ms)`;
    };
    process.stdout.write(
      `\nThe tab in Chromium against the sandbox (cold and warm: median of ${FIRST_VIEW_RUNS} interleaved runs, the rest of ${RUNS}; load average ${load.toFixed(1)} at the start, ${(loadavg()[0] ?? Number.NaN).toFixed(1)} at the end)\n`,
    );
    console.table([
      {
        measure: 'first view JS (gzip), standalone',
        value: kb(report.firstViewGzipBytes),
        target: `<= ${kb(report.budgetBytes)}`,
      },
      {
        measure: 'first view JS (gzip), in a Teams host (+ teams-js)',
        value: kb(report.firstViewInHostGzipBytes),
        target: '',
      },
      { measure: 'Graph requests before the plan is visible, cold', value: String(coldRequests), target: '1 ($batch)' },
      {
        measure: 'Graph requests before the plan is visible, warm (IndexedDB)',
        value: String(warmRequests),
        target: 'cache paints first; the delta runs alongside',
      },
      { measure: 'Graph requests the warm first view waits for', value: firstPaint.warmBlocking, target: '0 blocking' },
      {
        measure: 'JS that ran by the first action card, cold (raw bytes)',
        value: firstPaint.jsShare,
        target: 'no code that does not run at first paint',
      },
      {
        measure: 'JS requests before the first action card, cold',
        value: `${coldJs.requests} (${kb(coldJs.bytes)} on the wire, ${coldJs.cached} from cache)`,
        target: 'fewer',
      },
      {
        measure: 'JS requests before the first action card, warm',
        value: `${warmJs.requests} (${kb(warmJs.bytes)} on the wire, ${warmJs.cached} from cache)`,
        target: '0 bytes: immutable cache',
      },
      {
        measure: 'cold: first action card / (bare shell + one $batch)',
        value: ratio(coldTimes, bareTimes),
        target: '<= 1.3x',
      },
      {
        measure: 'warm: first action card / warm bare page (+ $batch)',
        value: ratio(warmTimes, warmBareTimes),
        target: '<= 1.2x',
      },
      {
        // The same runs as ratios of each run's two pages, which ran one right after the other: the machine's load
        // swings between runs (a bare page's median moved 155–250 ms from one bench to the next) and less within one.
        measure: 'cold / warm, median of the per-run ratios (for comparison)',
        value: `${perRun(coldTimes, bareTimes)} / ${perRun(warmTimes, warmBareTimes)}`,
        target: '',
      },
      {
        measure: 'derive + filter + sort + group, 5,000 actions',
        value: `${median(filterTimes).toFixed(1)} ms`,
        target: '',
      },
      {
        measure: 'portfolio first item, 5,000 items / seeded 15',
        // The two views of a round ran one right after the other: paired, as the cold and warm lines.
        value: ratio(
          bigViews.map((v) => v.ms),
          seededViews.map((v) => v.ms),
        ),
        target: '<= 1.5x',
      },
      {
        measure: 'portfolio item rows in the DOM, 5,000 items / seeded 15',
        value: `${last(bigViews).rows} / ${last(seededViews).rows}`,
        target: 'bounded (virtualised)',
      },
      {
        measure: 'portfolio DOM nodes, 5,000 items / seeded 15',
        value: `${last(bigViews).nodes} / ${last(seededViews).nodes} (${(last(bigViews).nodes / last(seededViews).nodes).toFixed(2)}x)`,
        target: 'unvirtualised: 50,363',
      },
    ]);
  } finally {
    await browser.close();
    await run.close();
    bare.close();
  }
}

await main();
