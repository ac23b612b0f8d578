/**
 * `npm run screenshots`: renews docs/screenshots with every view of the tab at 1366 px and at 320 px, light, as the
 * CMT's gemeentesecretaris sees it on a freshly seeded local sandbox (its own data folder and free ports, so a running
 * `npm start` is left alone). The tab is built first when its sources changed (the same stamp as npm start).
 * A 1366 px image keeps the name docs and README refer to (roadmap.png, lijst.png, …); the 320 px one adds "-320".
 * The whole dashboard (voortgang-dashboard.png) and the example report pages (rapportage-pagina-1, -2, -5) are the PDF the Voortgang view downloads, as poppler's
 * pdftoppm renders them.
 *
 *   npm run screenshots [-- --only roadmap,lijst]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildIfChanged, TAB_TARGET } from './build-if-changed.mjs';
import { startLocal } from '../src/server/start-local.js';

const OUT = 'docs/screenshots';
const PERSONA = 'gemeentesecretaris@zoetermeer.example';
const WIDTHS = [
  { width: 1366, height: 900, suffix: '' },
  { width: 320, height: 720, suffix: '-320' },
] as const;

/** Each view: the file name, its address in the tab, and what to do before the picture (open a detail, say). */
const VIEWS: { name: string; hash: string; before?: (page: Page) => Promise<void> }[] = [
  { name: 'start', hash: '#/start' },
  { name: 'roadmap', hash: '#/roadmap' },
  { name: 'lijst', hash: '#/lijst' },
  {
    name: 'detail',
    hash: '#/lijst',
    before: async (page) => {
      await page.locator('[data-testid="actie-row"][data-nummer="1.1"]').click();
      await page.getByTestId('history').waitFor();
    },
  },
  { name: 'mijn-acties', hash: '#/mijn-acties' },
  { name: 'volgende-vergadering', hash: '#/vergadering?mt=cmt' },
  { name: 'voortgang', hash: '#/voortgang' },
  { name: 'besluitenlog', hash: '#/besluiten' },
  { name: 'portfolio', hash: '#/portfolio' },
  { name: 'portfolio-tijdlijn', hash: '#/portfolio?weergave=tijdlijn' },
  { name: 'instellingen', hash: '#/instellingen' },
  { name: 'over', hash: '#/over' },
  { name: 'privacy', hash: '#/privacy' },
];

async function main(): Promise<void> {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : undefined;
  await buildIfChanged([TAB_TARGET]);
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-screenshots-'));
  const run = await startLocal({
    env: {
      PORT: '0',
      SANDBOX_PORT: '0',
      SANDBOX_DATA_DIR: dataDir,
      PLAYGROUND: 'off',
      REMINDER_INTERVAL_SECONDS: '3600',
    },
    log: () => undefined,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  mkdirSync(OUT, { recursive: true });
  try {
    for (const size of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        locale: 'nl-NL',
        colorScheme: 'light',
      });
      await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
      const page = await context.newPage();
      for (const view of VIEWS) {
        if (only && !only.has(view.name)) continue;
        await page.goto(`${run.appUrl}/${view.hash}`);
        await page.waitForLoadState('networkidle');
        await view.before?.(page);
        // Fonts, lazy chunks and the last layout pass.
        await page.waitForTimeout(800);
        const file = join(OUT, `${view.name}${size.suffix}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`${file}\n`);
      }
      if (size.suffix === '' && (!only || only.has('rapportage'))) await reportPages(page, run.appUrl, dataDir);
      await context.close();
    }
  } finally {
    await browser.close();
    await run.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The whole Voortgang dashboard in one picture (voortgang-dashboard.png, the page's full length), and the example
 * report pages: the PDF as the Voortgang view downloads it, pages 1, 2 and 5 rendered by pdftoppm.
 */
async function reportPages(page: Page, appUrl: string, workDir: string): Promise<void> {
  await page.goto(`${appUrl}/#/voortgang`);
  const button = page.getByTestId('download-pdf');
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="download-pdf"]')?.hasAttribute('disabled'));
  await page.waitForTimeout(800);
  const dashboard = join(OUT, 'voortgang-dashboard.png');
  await page.screenshot({ path: dashboard, fullPage: true });
  process.stdout.write(`${dashboard}\n`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const pdf = join(workDir, 'rapportage.pdf');
  await download.saveAs(pdf);
  for (const pageNumber of [1, 2, 5]) {
    const prefix = join(workDir, `pagina-${pageNumber}`);
    const n = String(pageNumber);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', n, '-l', n, pdf, prefix]);
    const file = join(OUT, `rapportage-pagina-${pageNumber}.png`);
    renameSync(`${prefix}.png`, file);
    process.stdout.write(`${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
