import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import { zoetermeerKwartaaldoelen, zoetermeerPlan, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import {
  excelDate,
  exportActiesXlsx,
  exportFileName,
  exportPortfolioXlsx,
  IMPORT_FIELD_HELP,
  portfolioTemplateXlsx,
  TEMPLATE_EXAMPLE,
} from '../../../src/data/portfolio-export.js';
import {
  dryRunImport,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  readXlsx,
  suggestMapping,
} from '../../../src/data/portfolio-import.js';
import { DOMEINEN, PORTFOLIO_FASEN } from '../../../src/domain/model.js';

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
    expect(headers(ws)).toEqual([
      'Nummer',
      'Actie',
      'Advies',
      'Plateau',
      'Domeinen',
      'Status',
      'Toelichting status',
      'Eigenaar',
      'Start',
      'Deadline',
      'Planning',
      'Lopend traject',
      'Afhankelijk van',
      'Bevindingen',
    ]);
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
    const loaded = zoetermeerPortfolio.map((value, i) => ({
      id: String(i + 1),
      eTag: `"${i + 1},1"`,
      value: { ...value, opdrachtgever: undefined, informatiemanager: undefined } as typeof value,
      problems: [],
    }));
    for (const l of loaded) {
      delete (l.value as Partial<typeof l.value>).opdrachtgever;
      delete (l.value as Partial<typeof l.value>).informatiemanager;
    }
    const table = await readXlsx(await exportPortfolioXlsx(loaded.map((l) => l.value)));
    const mapping = suggestMapping(table.headers);
    const dryRun = dryRunImport(table, mapping, {
      items: loaded,
      users: [],
      actieIdByNummer: new Map(zoetermeerPlan.acties.map((a, i) => [a.nummer, String(i + 1)])),
    });
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
    const dryRun = dryRunImport(table, suggestMapping(table.headers), {
      items: [],
      users: [contact],
      actieIdByNummer: new Map(zoetermeerPlan.acties.map((a, i) => [a.nummer, String(i + 1)])),
    });
    expect(dryRun.rows[0]?.item.iaContact).toMatchObject({ id: '7' });
  });

  it('names the file with the date', () => {
    expect(exportFileName('portfolio', '2026-11-03')).toBe('portfolio-2026-11-03.xlsx');
  });
});

describe('the import template', () => {
  it('has the import’s columns, one example row and per column whether it is required and its valid values', async () => {
    const bytes = await portfolioTemplateXlsx();
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Portfolio', 'Toelichting']);
    const ws = wb.getWorksheet('Portfolio')!;
    expect(headers(ws)).toEqual(IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f]));
    expect(ws.actualRowCount).toBe(2);
    const help = wb.getWorksheet('Toelichting')!;
    expect(help.actualRowCount).toBe(IMPORT_FIELDS.length + 1);
    const rows = IMPORT_FIELDS.map((_, i) => (help.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'Domein')).toEqual(['Domein', 'ja', DOMEINEN.join(', ')]);
    expect(String(rows.find((r) => r[0] === 'Fase')?.[2])).toContain(PORTFOLIO_FASEN.join(', '));
    expect(IMPORT_FIELDS.filter((f) => IMPORT_FIELD_HELP[f].verplicht)).toEqual(['titel', 'domein']);
  });

  it('round-trips: read back and dry-run on an empty site it is one new item without problems, the example as written', async () => {
    const table = await readXlsx(await portfolioTemplateXlsx());
    const mapping = suggestMapping(table.headers);
    expect(Object.keys(mapping).sort()).toEqual([...IMPORT_FIELDS].sort());
    const run = dryRunImport(table, mapping, { items: [], users: [], actieIdByNummer: new Map() });
    expect(run.rows.flatMap((r) => r.problems)).toEqual([]);
    expect({ ok: run.ok, creates: run.creates, invalid: run.invalid }).toEqual({ ok: true, creates: 1, invalid: 0 });
    const { key: _key, ...example } = TEMPLATE_EXAMPLE;
    expect(run.rows[0]?.item).toMatchObject(example);
  });

  it("for another municipality names its set-up's domains and imports as it is there (issue 12.8)", async () => {
    const bytes = await portfolioTemplateXlsx(WESTERVELD_INRICHTING);
    const help = (await open(bytes)).getWorksheet('Toelichting')!;
    const rows = IMPORT_FIELDS.map((_, i) => (help.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'Domein')).toEqual([
      'Domein',
      'ja',
      WESTERVELD_INRICHTING.domeinen.map((d) => d.naam).join(', '),
    ]);
    const table = await readXlsx(bytes);
    const context = { items: [], users: [], actieIdByNummer: new Map(), inrichting: WESTERVELD_INRICHTING };
    const run = dryRunImport(table, suggestMapping(table.headers), context);
    expect(run.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(run.rows[0]?.item?.domein).toBe('Ruimte');
    // Zoetermeer's template is refused there by its domain: the set-up decides.
    const zoetermeer = await readXlsx(await portfolioTemplateXlsx());
    const refused = dryRunImport(zoetermeer, suggestMapping(zoetermeer.headers), context);
    expect(refused.rows[0]?.problems.map((p) => p.field)).toEqual(['domein']);
  });
});
