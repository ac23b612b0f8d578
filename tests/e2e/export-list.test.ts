import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { openE2eFile } from './support/e2e-file.js';
import { personaContext, UPN } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});
describe('exporting the list', () => {
  it('exports exactly the filtered rows to .xlsx, with Dutch headers', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    await page.goto(`${run.appUrl}/#/lijst?status=Belegd%20in%20lopend%20traject&sort=nummer`);
    await page.getByTestId('actie-row').first().waitFor();
    const shown = await page.getByTestId('actie-row').count();

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-acties').click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloadBytes(file)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(shown);
    const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(headers).toEqual(expect.arrayContaining(['Nummer', 'Status']));
    const statusColumn = headers.indexOf('Status') + 1;
    for (let r = 2; r <= sheet.rowCount; r += 1)
      expect(sheet.getRow(r).getCell(statusColumn).value).toBe('Belegd in lopend traject');
    await context.close();
  });
});
