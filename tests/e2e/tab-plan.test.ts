import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { startTestRun } from '../support/local-run.js';
import { launchChromium, screenshotPath } from './support/browser.js';

let run: Awaited<ReturnType<typeof startTestRun>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync('dist/tab/index.html')) throw new Error('The tab is not built: run `npm run build:tab` (npm test does this first).');
  run = await startTestRun();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
});

afterAll(async () => {
  await browser?.close();
  await run?.close();
});

describe('the tab in a plain browser on the sandbox', () => {
  it('asks for a persona instead of single sign-on, then shows the whole plan read through Graph', async () => {
    await page.goto(`${run.appUrl}/`);
    await page.getByRole('heading', { name: 'Kies een rol' }).waitFor();
    await page.getByRole('combobox', { name: 'Rol' }).click();
    await page.getByRole('option', { name: 'Informatiemanager Sociaal Domein' }).click();
    await page.getByRole('button', { name: 'Doorgaan' }).click();

    await page.getByTestId('actie').first().waitFor();
    expect(await page.getByTestId('advies').count()).toBe(11);
    const nummers = await page.getByTestId('actie').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-nummer')));
    expect(nummers).toEqual(zoetermeerPlan.acties.map((a) => a.nummer));
    expect(nummers).toHaveLength(33);

    for (const naam of ['Structuur versterken', 'Verbinding organiseren', 'Continu leren']) {
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(naam) }).count()).resolves.toBe(1);
    }
    // Advies 2.1 was not taken up by the college: its status shows as such.
    await expect(page.locator('[data-nummer="2.1"]').getByText('Niet overgenomen').count()).resolves.toBe(1);
    // 11.5 (digitalisering als vast MT-thema) was due end 2025 and is still open: shown as overdue.
    await expect(page.locator('[data-nummer="11.5"]').getByText(/Achterstallig/).count()).resolves.toBe(1);
    await page.screenshot({ path: screenshotPath('tab-plan'), fullPage: false });
  });

  it('remembers the chosen persona on reload', async () => {
    await page.reload();
    await page.getByTestId('actie').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Kies een rol' }).count()).toBe(0);
  });
});
