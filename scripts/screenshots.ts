/**
 * `npm run screenshots`: renews docs/screenshots with every view of the tab at 1366 px and at 320 px, light, as the
 * CMT's gemeentesecretaris sees it on a freshly seeded local sandbox (its own data folder and free ports, so a running
 * `npm start` is left alone). The tab is built first when its sources changed (the same stamp as npm start).
 * A 1366 px image keeps the name docs and README refer to (roadmap.png, lijst.png, …); the 320 px one adds "-320".
 *
 *   npm run screenshots [-- --only roadmap,lijst]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
      await context.close();
    }
  } finally {
    await browser.close();
    await run.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
