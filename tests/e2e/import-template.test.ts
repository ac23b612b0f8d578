/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, readXlsx } from '../../src/data/portfolio-import.js';
import { loadPortfolio } from '../../src/data/portfolio-store.js';
import { resolveSite } from '../../src/data/site.js';
import { DOMEINEN } from '../../src/domain/model.js';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { openE2eFile } from './support/e2e-file.js';
import { otherClient, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

async function openImport(height = 900): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.portfolio, { width: 1366 });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height });
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/#/portfolio`);
  await page.getByTestId('portfolio-view').waitFor();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByTestId('import-dialog').waitFor();
  return { page, errors };
}

async function itemCount(): Promise<number> {
  const client = await otherClient(run.appUrl);
  const site = await resolveSite(client.graph, client.siteUrl);
  return (await loadPortfolio(client.graph, site.id)).items.length;
}

describe('the portfolio import', () => {
  it('offers a template that round-trips: download it, choose it as the file, and the dry run is clean (one new item)', async () => {
    const { page, errors } = await openImport();
    const dialog = page.getByTestId('import-dialog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Sjabloon downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('portfolio-sjabloon.xlsx');
    const bytes = await downloadBytes(download);
    // The expected columns, in the import's order, and one example row.
    const table = await readXlsx(bytes);
    expect(table.headers).toEqual(IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f]));
    expect(table.rows).toHaveLength(1);

    const before = await itemCount();
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'portfolio-sjabloon.xlsx', mimeType: XLSX, buffer: bytes });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect
      .poll(() => dialog.getByTestId('dry-run-summary').innerText())
      .toBe('1 rij: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 met problemen.');
    await expect(dialog.getByTestId('dry-run-problems').count()).resolves.toBe(0);
    await expect(dialog.getByRole('button', { name: 'Importeren (1)' }).isEnabled()).resolves.toBe(true);
    expect(await seriousViolations(page), 'import dialog after the template’s dry run').toEqual([]);
    // A dry run writes nothing.
    expect(await itemCount()).toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names the valid values in each problem, scrolls the problems in their own region at 768 px and exports them as CSV', async () => {
    const { page, errors } = await openImport(768);
    const dialog = page.getByTestId('import-dialog');
    const header = 'Initiatief;Domein;Fase;Status;Prioriteit;Dit kwartaal;Start;Einde';
    const rows = Array.from(
      { length: 30 },
      (_, i) => `E2E Probleem ${i};Wijkzaken;Bezig;Op koers;${i + 1};misschien;2027-13-01;`,
    );
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect.poll(() => dialog.getByTestId('dry-run-summary').innerText()).toContain('30 met problemen');
    const row2 = await dialog.locator('[data-testid="dry-run-problems"] tr[data-row="2"]').allInnerTexts();
    const text = row2.join('\n');
    expect(text).toContain(`Kies een domein uit de lijst. Geldige waarden: ${DOMEINEN.join(', ')}.`);
    expect(text).toContain(
      'Kies een fase uit de lijst. Geldige waarden: Idee, Voorbereiding, Uitvoering, Nazorg, Afgerond, Gestopt.',
    );
    expect(text).toContain('Geldige waarden: wel, niet, ja, nee.');
    expect(text).toContain('Schrijf de datum als 31-3-2027 of 2027-03-31, of gebruik een datumcel.');

    // Its own region: it scrolls, the dialog's buttons stay where they are, and a screenful of rows shows at 768 px.
    const region = dialog.getByTestId('dry-run-problems-region');
    const box = await region.evaluate((el) => ({
      scrolls: el.scrollHeight > el.clientHeight,
      overflow: getComputedStyle(el).overflowY,
      height: el.clientHeight,
      rowHeight: el.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0,
    }));
    expect(box.scrolls).toBe(true);
    expect(box.overflow).toBe('auto');
    expect(box.height / box.rowHeight).toBeGreaterThanOrEqual(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('export-problems').click(),
    ]);
    expect(download.suggestedFilename()).toBe('portfolio-importproblemen.csv');
    const csv = (await downloadBytes(download)).toString('utf8');
    expect(csv.startsWith('\uFEFF"Rij";"Veld";"Waarde";"Probleem"\r\n')).toBe(true);
    const lines = csv.trim().split('\r\n');
    // Every problem row of the table, one line each, with the valid values.
    const tableRows = await dialog.locator('[data-testid="dry-run-problems"] tbody tr').count();
    expect(lines).toHaveLength(tableRows + 1);
    expect(csv).toContain(
      `"2";"Domein";"Wijkzaken";"Kies een domein uit de lijst. Geldige waarden: ${DOMEINEN.join(', ')}."`,
    );
    expect(await seriousViolations(page), 'import dialog with 30 bad rows at 768 px').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
