import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zoetermeerKwartaaldoelen, zoetermeerPlan, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import { excelDate, exportActiesXlsx, exportFileName, exportPortfolioXlsx } from '../../../src/data/portfolio-export.js';
import { dryRunImport, readXlsx, suggestMapping } from '../../../src/data/portfolio-import.js';

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  return wb;
}
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('exporting actions', () => {
  it('writes the filtered actions with Dutch headers, real date cells and readable widths', async () => {
    const filtered = zoetermeerPlan.acties.filter((a) => a.deadline !== undefined);
    const wb = await open(await exportActiesXlsx(filtered));
    const ws = wb.getWorksheet('Acties')!;
    expect(headers(ws)).toEqual(['Nummer', 'Actie', 'Advies', 'Plateau', 'Domeinen', 'Status', 'Toelichting status', 'Eigenaar', 'Start', 'Deadline', 'Planning', 'Lopend traject', 'Afhankelijk van', 'Bevindingen']);
    expect(ws.actualRowCount).toBe(filtered.length + 1);
    const first = filtered[0]!;
    const deadline = ws.getRow(2).getCell(10);
    expect(deadline.type).toBe(ExcelJS.ValueType.Date);
    expect(deadline.value).toEqual(excelDate(first.deadline));
    expect((deadline.value as Date).toISOString().slice(0, 10)).toBe(first.deadline);
    expect(deadline.numFmt).toBe('dd-mm-yyyy');
    expect(ws.getRow(2).getCell(1).value).toBe(first.nummer);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn(1).width).toBeLessThan(12);
  });
});

describe('exporting the portfolio', () => {
  it('writes every item and its quarter goals, with dates as dates and priorities as numbers', async () => {
    const wb = await open(await exportPortfolioXlsx(zoetermeerPortfolio, zoetermeerKwartaaldoelen));
    const ws = wb.getWorksheet('Portfolio')!;
    expect(headers(ws).slice(0, 4)).toEqual(['Sleutel', 'Initiatief', 'Omschrijving', 'Domein']);
    expect(ws.actualRowCount).toBe(zoetermeerPortfolio.length + 1);
    const withStart = zoetermeerPortfolio.findIndex((p) => p.start !== undefined);
    const startCell = ws.getRow(withStart + 2).getCell(13);
    expect(headers(ws)[12]).toBe('Start');
    expect(headers(ws)[6]).toBe('Contactpersoon I&A');
    expect(startCell.type).toBe(ExcelJS.ValueType.Date);
    expect((startCell.value as Date).toISOString().slice(0, 10)).toBe(zoetermeerPortfolio[withStart]?.start);
    expect(ws.getRow(2).getCell(11).type).toBe(ExcelJS.ValueType.Number);
    expect(wb.getWorksheet('Kwartaaldoelen')!.actualRowCount).toBe(zoetermeerKwartaaldoelen.length + 1);
  });

  it('round-trips: the exported file imports as it is, changing nothing', async () => {
    const loaded = zoetermeerPortfolio.map((value, i) => ({ id: String(i + 1), eTag: `"${i + 1},1"`, value: { ...value, opdrachtgever: undefined, informatiemanager: undefined } as typeof value, problems: [] }));
    for (const l of loaded) {
      delete (l.value as Partial<typeof l.value>).opdrachtgever;
      delete (l.value as Partial<typeof l.value>).informatiemanager;
    }
    const table = await readXlsx(await exportPortfolioXlsx(loaded.map((l) => l.value)));
    const mapping = suggestMapping(table.headers);
    const dryRun = dryRunImport(table, mapping, { items: loaded, users: [], actieIdByNummer: new Map(zoetermeerPlan.acties.map((a, i) => [a.nummer, String(i + 1)])) });
    expect(dryRun).toMatchObject({ invalid: 0, creates: 0, updates: 0, unchanged: zoetermeerPortfolio.length });
  });

  it('writes the I&A contact by name, and that column imports back onto the same site user', async () => {
    const contact = { id: '7', displayName: 'Contact I&A Zoetermeer' };
    const item = { ...zoetermeerPortfolio[0]!, iaContact: contact };
    const wb = await open(await exportPortfolioXlsx([item]));
    const ws = wb.getWorksheet('Portfolio')!;
    const column = headers(ws).indexOf('Contactpersoon I&A') + 1;
    expect(ws.getRow(2).getCell(column).value).toBe('Contact I&A Zoetermeer');
    const table = await readXlsx(await exportPortfolioXlsx([item]));
    const dryRun = dryRunImport(table, suggestMapping(table.headers), { items: [], users: [contact], actieIdByNummer: new Map(zoetermeerPlan.acties.map((a, i) => [a.nummer, String(i + 1)])) });
    expect(dryRun.rows[0]?.item.iaContact).toMatchObject({ id: '7' });
  });

  it('names the file with the date', () => {
    expect(exportFileName('portfolio', '2026-11-03')).toBe('portfolio-2026-11-03.xlsx');
  });
});
