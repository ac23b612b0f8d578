/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendBatch } from '../../src/data/graph/batch.js';
import { PLAN_LISTS } from '../../src/data/plan-transfer.js';
import { exportPlanXlsx, readPlanXlsx } from '../../src/data/plan-xlsx.js';
import { listPath } from '../../src/data/site.js';
import { brokenWesterveld, westerveld } from '../support/plan-fixtures.js';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile } from './support/e2e-file.js';
import { otherClient, personaContext, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;

/** A workbook with one more header on a sheet (a column the import format does not know). */
async function withColumn(bytes: Uint8Array, sheet: string, header: string): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  ws.getRow(1).getCell(ws.columnCount + 1).value = header;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});
describe('the plan as .xlsx in the tab', () => {
  it('a reader exports the whole plan from Lijst: every advies, action and row per domain', async () => {
    const client = await otherClient(run.appUrl);
    const plan = await client.plan();
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst`);
    await page.getByTestId('actie-row').first().waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
    expect(file.suggestedFilename()).toMatch(/^actieplan-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readPlanXlsx(await downloadBytes(file));
    expect(sheets.Adviezen?.rows).toHaveLength(plan.adviezen.length);
    expect(sheets.Acties?.rows).toHaveLength(plan.acties.length);
    expect(sheets.DomeinVoortgang?.rows).toHaveLength(plan.domeinVoortgang.length);
    // On a site with a plan nobody is offered an import.
    await expect(page.getByTestId('import-plan').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Emptying the seeded site, a dry run and an import through the tab: many requests, minutes on a loaded machine.
  it(
    'on an empty site: the dry run lists the bad rows and writes nothing; the good file lands and the list shows it',
    { timeout: 240_000 },
    async () => {
      // Empty the plan's lists (the next file gets the seeded site back).
      const client = await otherClient(run.appUrl);
      const { siteId } = await client.plan();
      for (const list of [...PLAN_LISTS].reverse()) {
        const items = await client.graph.getAll<{ id: string }>(`${listPath(siteId, list)}/items?$select=id&$top=999`);
        await sendBatch(
          client.graph,
          items.map((item, i) => ({
            id: `d${i}`,
            method: 'DELETE' as const,
            url: `${listPath(siteId, list)}/items/${item.id}`,
          })),
        );
      }
      expect((await client.plan()).acties).toHaveLength(0);

      const context = await personaContext(browser, UPN.secretaris);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst`);
      try {
        await page.getByTestId('import-plan').click({ timeout: WAIT.view });
      } catch (error) {
        await saveScreenshot(page, 'planxlsx-empty');
        throw error;
      }
      const dialog = page.getByTestId('import-plan-dialog');

      await dialog.getByTestId('import-plan-file').setInputFiles({
        name: 'westerveld-fout.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await exportPlanXlsx(brokenWesterveld())),
      });
      await dialog.getByTestId('import-plan-problems').waitFor();
      const problems = await dialog.getByTestId('import-plan-problem').allInnerTexts();
      expect(problems.map((p) => p.split('\t')[0]?.trim())).toEqual([
        'Acties, rij 3, kolom Plateau',
        'Acties, rij 5, kolom Afhankelijk van',
        'DomeinVoortgang, rij 3, kolom Domein',
      ]);
      await expect(dialog.getByTestId('import-plan-apply').count()).resolves.toBe(0);
      expect((await client.plan()).adviezen).toHaveLength(0);

      // The same dry run in the English UI, with a column the format does not know on top: every problem in English
      // (issue 17), the sheet names, column headers and values staying the file's own.
      const english = await personaContext(browser, UPN.secretaris, { locale: 'en-GB' });
      const enPage = await english.newPage();
      const enErrors = watchErrors(enPage);
      await enPage.goto(`${run.appUrl}/index.html?domein=Concern#/lijst`);
      await enPage.getByTestId('import-plan').click({ timeout: 20_000 });
      const enDialog = enPage.getByTestId('import-plan-dialog');
      await enDialog.getByTestId('import-plan-file').setInputFiles({
        name: 'westerveld-fout.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await withColumn(await exportPlanXlsx(brokenWesterveld()), 'Acties', 'Kleur'),
      });
      await enDialog.getByTestId('import-plan-problems').waitFor();
      const enProblems = (await enDialog.getByTestId('import-plan-problem').allInnerTexts()).map((p) =>
        p.split('\t').map((cell) => cell.trim()),
      );
      expect(enProblems.map((p) => p[0])).toEqual([
        'Acties, row 1, column Kleur',
        'Acties, row 3, column Plateau',
        'Acties, row 5, column Afhankelijk van',
        'DomeinVoortgang, row 3, column Domein',
      ]);
      expect(enProblems[0]?.[1]).toMatch(/^Unknown column "Kleur" on sheet "Acties"; the columns are: Nummer, Titel, /);
      expect(enProblems[1]?.[1]).toMatch(
        /^Action \d\.\d is on plateau 'Onbekend plateau', which the set-up does not have\. \("Onbekend plateau"\)$/,
      );
      expect(enProblems[2]?.[1]).toMatch(/^Action \d\.\d depends on action 9\.9, but that action does not exist\./);
      expect(enProblems[3]?.[1]).toMatch(/^Action 2\.1 does not belong to Fysiek Domein \(it belongs to [^)]+\)\./);
      expect(await enDialog.getByTestId('import-plan-problems').innerText()).not.toMatch(
        /\b(rij|kolom|tabblad|Kies|Onbekende|hoort niet bij|bestaat niet|waarde)\b/,
      );
      expect(enErrors).toEqual([]);
      await english.close();

      await dialog.getByTestId('import-plan-file').setInputFiles({
        name: 'westerveld.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await exportPlanXlsx(westerveld)),
      });
      await expect
        .poll(() => dialog.getByTestId('import-plan-ready').innerText())
        .toContain('3 adviezen, 2 bevindingen, 6 acties en 2 rijen per domein');
      await dialog.getByTestId('import-plan-apply').click();
      // Wait for any outcome (done, failed or an error), so a failure shows its own words.
      await expect
        .poll(
          () =>
            dialog
              .locator(
                '[data-testid="import-plan-done"], [data-testid="import-plan-failed"], [data-testid="import-plan-error"]',
              )
              .count(),
          { timeout: 90_000 },
        )
        .toBeGreaterThan(0);
      expect(await dialog.innerText()).toContain('Het plan is geïmporteerd');
      await expect(dialog.getByTestId('import-plan-done').innerText()).resolves.toContain('6 acties');
      const imported = await client.plan();
      expect(imported.acties.map((a) => a.value.nummer)).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2']);
      expect(imported.domeinVoortgang).toHaveLength(2);

      await dialog.getByRole('button', { name: 'Sluiten' }).click();
      // The list shows the new plan.
      await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst`);
      // The CMT's tab (Concern) lists Concern's active actions: 1.1 and 1.2 (3.2 is retired).
      await expect.poll(() => page.getByTestId('actie-row').count(), { timeout: WAIT.view }).toBe(2);
      await expect(page.getByTestId('import-plan').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
