/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBatch } from '../../src/data/graph/batch.js';
import { resolveSite } from '../../src/data/site.js';
import { sharedBrowser, sharedRun, type SharedRun } from './support/shared-run.js';
import { otherClient, personaContext, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

const TOTAL = 5000;
let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync('dist/tab/index.html'))
    throw new Error('The tab is not built: run `npm run build:tab` (npm test does this first).');
  run = await sharedRun();
  browser = await sharedBrowser();
  // The seeded portfolio plus made-up items up to 5,000, through Graph as an import would write them.
  const client = await otherClient(run.appUrl, UPN.portfolio);
  const site = await resolveSite(client.graph, client.siteUrl);
  const seeded = (await client.graph.get<{ value: unknown[] }>(`/sites/${site.id}/lists/Portfolio/items?$top=5000`))
    .value.length;
  const domeinen = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein', 'Concern'];
  const fasen = ['Idee', 'Voorbereiding', 'Uitvoering', 'Nazorg'];
  const answers = await sendBatch(
    client.graph,
    Array.from({ length: TOTAL - seeded }, (_, i) => ({
      id: String(i),
      method: 'POST' as const,
      url: `/sites/${site.id}/lists/Portfolio/items`,
      body: {
        fields: {
          Title: `Initiatief ${String(i).padStart(4, '0')}`,
          Domein: domeinen[i % 5],
          Fase: fasen[i % 4],
          Status: 'Op koers',
          Prioriteit: i + 100,
          DitKwartaal: i % 3 === 0 ? 'niet' : 'wel',
          ...(i % 2 === 0 ? { Start: '2026-10-01T00:00:00Z', Einde: '2027-06-30T00:00:00Z' } : {}),
          ClientKey: `e2e:5000:${i}`,
        },
      },
    })),
  );
  const failed = answers.filter((a) => a.status !== 201);
  if (failed.length > 0) throw new Error(`${failed.length} items were not created (first: ${failed[0]?.status})`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function counts(page: Page, testId: string) {
  return page.evaluate(
    (id) => ({
      rows: document.querySelectorAll(`[data-testid="${id}"]`).length,
      nodes: document.querySelectorAll('*').length,
    }),
    testId,
  );
}

describe('5,000 portfolio items (issue 18)', () => {
  it('render virtualised: the overview and the ranking put a bounded number of rows in the DOM, and scrolling reaches the last', async () => {
    const context = await personaContext(browser, UPN.portfolio);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/portfolio`);
    await page.getByTestId('portfolio-row').first().waitFor({ timeout: WAIT.bulk });
    const table = page.getByTestId('portfolio-table');
    await expect(table.getAttribute('data-rows')).resolves.toBe(String(TOTAL));
    await expect(page.getByTestId('portfolio-view').innerText()).resolves.toContain('5000 initiatieven');
    const overview = await counts(page, 'portfolio-row');
    // A screen of rows plus the overscan, not 5,000 (the unvirtualised view had 50,363 DOM nodes).
    expect(overview.rows).toBeGreaterThan(0);
    expect(overview.rows).toBeLessThanOrEqual(100);
    expect(overview.nodes).toBeLessThan(4000);

    // Scrolling the table's own region to the end shows the last group's last rows, still bounded.
    const scroller = table.locator('[role="rowgroup"]').nth(1);
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const lastIndex = Number(await table.getAttribute('aria-rowcount')) - 2;
    await page.locator(`[data-testid="portfolio-table"] [data-index="${lastIndex}"]`).waitFor();
    expect((await counts(page, 'portfolio-row')).rows).toBeLessThanOrEqual(100);

    await page.getByRole('tab', { name: 'Prioriteiten' }).click();
    await page.getByTestId('priority-row').first().waitFor();
    await expect(page.getByTestId('priority-table').getAttribute('data-rows')).resolves.toBe(String(TOTAL));
    const ranking = await counts(page, 'priority-row');
    expect(ranking.rows).toBeLessThanOrEqual(100);
    expect(ranking.nodes).toBeLessThan(4000);
    // The ranking starts at rank 1.
    await expect(page.getByTestId('priority-row').first().getByTestId('rank').innerText()).resolves.toBe('1');

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByTestId('timeline-table').waitFor();
    await page.getByTestId('timeline-row').first().waitFor();
    // Every other made-up item runs from 2026-Q4 to 2027-Q2, inside the timeline's window.
    expect(Number(await page.getByTestId('timeline-table').getAttribute('data-rows'))).toBeGreaterThan(2400);
    expect((await counts(page, 'timeline-row')).rows).toBeLessThanOrEqual(100);
    // Thousands of items without planning are a count, not a page of titles.
    await expect(page.getByTestId('timeline-undated').innerText()).resolves.toMatch(/en \d+ andere$/);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
