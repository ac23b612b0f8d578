import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PortfolioItem } from '../../../src/domain/model.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import {
  dryRunImport,
  importChanges,
  importDate,
  importKey,
  readCsv,
  readImportFile,
  readXlsx,
  suggestMapping,
  type ImportContext,
} from '../../../src/data/portfolio-import.js';

const users = [
  { id: '11', displayName: 'Directeur Sociaal Domein', email: 'dir-sd@zoetermeer.nl' },
  { id: '12', displayName: 'Informatiemanager Sociaal Domein' },
];
const existingItem: Loaded<PortfolioItem> = {
  id: '5',
  eTag: '"5,1"',
  problems: [],
  value: {
    key: 'grip-op-wmo',
    titel: 'Grip op Wmo',
    omschrijving: 'Wmo-processen',
    domein: 'Sociaal Domein',
    fase: 'Idee',
    status: 'Op koers',
    ditKwartaal: 'niet',
    acties: ['6.2'],
  },
};
const context: ImportContext = {
  items: [existingItem],
  users,
  actieIdByNummer: new Map([
    ['6.2', '20'],
    ['9.1', '25'],
    ['1.2', '2'],
  ]),
};

const HEADER = 'Initiatief;Domein;Fase;Status;Prioriteit;Dit kwartaal;Start;Einde;Opdrachtgever;Acties';

describe('reading files', () => {
  it('reads semicolon CSV as Dutch Excel writes it, with the spreadsheet row numbers and blank lines skipped', () => {
    const table = readCsv(
      `\uFEFF${HEADER}\nA;Concern;Idee;Op koers;1;wel;2026-01-01;2026-12-31;;\n\nB;Concern;Idee;Op koers;2;niet;;;;\n`,
    );
    expect(table.headers[0]).toBe('Initiatief');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[0]?.cells[6]).toBe('2026-01-01');
    expect(table.rows[1]?.cells[6]).toBeUndefined();
  });

  it('reads .xlsx with date cells as dates and numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Portfolio');
    ws.addRow(['Titel', 'Domein', 'Start', 'Priority']);
    ws.addRow(['Burgerportaal', 'Dienstverlening', new Date(Date.UTC(2026, 2, 31)), 3]);
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: 'Rich ' }, { text: 'tekst' }] }, 'Concern', '1-4-2026', 4]);
    const buffer = await wb.xlsx.writeBuffer();
    const table = await readImportFile('portfolio.XLSX', new Uint8Array(buffer as ArrayBuffer));
    expect(table.headers).toEqual(['Titel', 'Domein', 'Start', 'Priority']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[0]?.cells[2]).toBeInstanceOf(Date);
    expect(importDate(table.rows[0]?.cells[2])).toBe('2026-03-31');
    expect(table.rows[0]?.cells[3]).toBe(3);
    expect(table.rows[1]?.cells[0]).toBe('Rich tekst');
    expect(importDate(table.rows[1]?.cells[2])).toBe('2026-04-01');
    await expect(readXlsx(new Uint8Array(buffer as ArrayBuffer))).resolves.toHaveProperty('rows.length', 2);
  });

  it('refuses a file that is neither .xlsx nor .csv', async () => {
    await expect(readImportFile('plan.pdf', new Uint8Array())).rejects.toThrow(/geen .xlsx- of .csv-bestand/);
  });
});

describe('the column mapping', () => {
  it('suggests a mapping from Dutch and English headers, each column used once', () => {
    const mapping = suggestMapping([
      'Project',
      'Business domain',
      'Phase',
      'RAG',
      'Priority',
      'Start date',
      'End date',
      'Sponsor',
      'Informatiemanager',
      'Linked actions',
      'Ditkwartaal',
      'Onbekend',
    ]);
    expect(mapping).toEqual({
      titel: 0,
      domein: 1,
      fase: 2,
      status: 3,
      prioriteit: 4,
      start: 5,
      einde: 6,
      opdrachtgever: 7,
      informatiemanager: 8,
      acties: 9,
      ditKwartaal: 10,
    });
  });
  it('maps the I&A contact from its Dutch and English headers', () => {
    expect(suggestMapping(['Titel', 'I&A contact'])).toEqual({ titel: 0, iaContact: 1 });
    expect(suggestMapping(['Titel', 'Contactpersoon I&A'])).toEqual({ titel: 0, iaContact: 1 });
  });
  it('maps the export headers back to their fields', () => {
    expect(suggestMapping(['Sleutel', 'Initiatief', 'Toelichting status', 'Prioriteit (IMO)', 'Dit kwartaal'])).toEqual(
      { key: 0, titel: 1, statusToelichting: 2, prioriteit: 3, ditKwartaal: 4 },
    );
  });
});

describe('dates in a spreadsheet', () => {
  it('accepts ISO and Dutch day-month-year, and keeps anything else as text for validation to report', () => {
    expect(importDate('2026-03-31')).toBe('2026-03-31');
    expect(importDate('31-3-2026')).toBe('2026-03-31');
    expect(importDate('31/03/2026')).toBe('2026-03-31');
    expect(importDate('31.03.2026')).toBe('2026-03-31');
    expect(importDate('31-02-2026')).toBe('31-02-2026');
    expect(importDate('volgend jaar')).toBe('volgend jaar');
    expect(importDate(undefined)).toBeUndefined();
  });
});

describe('the dry run', () => {
  const csv = [
    HEADER,
    'Nieuw zaaksysteem;Dienstverlening;Uitvoering;Op koers;1;wel;1-1-2026;31-12-2026;Directeur Sociaal Domein;1.2', // 2 ok, create
    'Kapotte datum;Concern;Idee;Op koers;;niet;2026-13-45;;;', // 3 bad date
    'Onbekend domein;Wijkzaken;Idee;Op koers;;niet;;;;', // 4 unknown domain
    ';Concern;Idee;Op koers;;niet;;;;', // 5 missing title
    'Rare fase;Concern;Bezig;Groen;;niet;;;;', // 6 unknown phase and status
    'nieuw zaaksysteem;dienstverlening;Idee;Op koers;;niet;;;;', // 7 duplicate of row 2
    'Grip op Wmo;Sociaal Domein;Voorbereiding;Aandacht;12;niet;;;Informatiemanager Sociaal Domein;6.2 9.1', // 8 update
    'Grip op Wmo;Sociaal Domein;Idee;Op koers;;niet;;;;', // 9 duplicate of the existing item's row 8
    'Onbekende mensen;Concern;Idee;Kritiek;;niet;2026-06-01;2026-01-01;Jan Jansen;7.9', // 10 person, action, Kritiek, end before start
  ].join('\n');
  const table = readCsv(csv);
  const dryRun = dryRunImport(table, suggestMapping(table.headers), context);
  const row = (n: number) => {
    const found = dryRun.rows.find((r) => r.rowNumber === n);
    if (!found) throw new Error(`no row ${n}`);
    return found;
  };
  const messages = (n: number) => row(n).problems.map((p) => p.message);

  it('lists every bad row with its row number, and counts what it would do', () => {
    expect(dryRun.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7, 9, 10]);
    expect(dryRun).toMatchObject({ creates: 1, updates: 1, unchanged: 0, invalid: 7, ok: false });
  });

  it("reports each problem in the domain's Dutch words", () => {
    expect(messages(3)).toEqual(['De startdatum is geen geldige datum (jjjj-mm-dd).']);
    expect(row(3).problems[0]).toMatchObject({ field: 'start', value: '2026-13-45' });
    expect(messages(4)).toEqual(['Kies een domein uit de lijst.']);
    expect(row(4).problems[0]).toMatchObject({ field: 'domein', value: 'Wijkzaken' });
    expect(messages(5)).toEqual(['Geef de naam van het initiatief.']);
    expect(messages(6)).toEqual([
      'Kies een fase uit de lijst.',
      'Kies een portfoliostatus uit de lijst (Op koers, Aandacht of Kritiek).',
    ]);
    expect(messages(7)).toEqual(['Dubbele rij: dit initiatief staat ook op rij 2. Houd één rij per initiatief.']);
    expect(messages(9)).toEqual(['Dubbele rij: dit initiatief staat ook op rij 8. Houd één rij per initiatief.']);
    expect(messages(10)).toEqual(
      expect.arrayContaining([
        'Onbekende persoon "Jan Jansen": kies iemand die op de SharePoint-site bekend is.',
        'Geef een toelichting: bij portfoliostatus Kritiek is een reden verplicht.',
        'De einddatum mag niet voor de startdatum liggen.',
        'Portfolio-item "Onbekende mensen" is gekoppeld aan actie 7.9, maar die actie bestaat niet. Verwijder of corrigeer de koppeling.',
      ]),
    );
  });

  it('builds the items as they would be stored: matched choices, calendar dates, site users, a generated key', () => {
    expect(row(2).action).toBe('create');
    expect(row(2).item).toMatchObject({
      titel: 'Nieuw zaaksysteem',
      domein: 'Dienstverlening',
      start: '2026-01-01',
      einde: '2026-12-31',
      prioriteit: 1,
      ditKwartaal: 'wel',
      opdrachtgever: { id: '11' },
      acties: ['1.2'],
      key: importKey('Nieuw zaaksysteem', 'Dienstverlening'),
    });
    expect(row(2).item.key.length).toBeLessThanOrEqual(64);
  });

  it('matches an existing item on title and domain: an update that keeps its key and what the file does not map', () => {
    expect(row(8).action).toBe('update');
    expect(row(8).existing?.id).toBe('5');
    expect(row(8).item).toMatchObject({
      key: 'grip-op-wmo',
      omschrijving: 'Wmo-processen',
      fase: 'Voorbereiding',
      prioriteit: 12,
      opdrachtgever: { id: '12' },
      acties: ['6.2', '9.1'],
    });
  });

  it('matches on the ClientKey column too, and sees a row that changes nothing as unchanged', () => {
    const t = readCsv(
      'Sleutel,Titel,Domein,Fase,Status,Acties\ngrip-op-wmo,Grip op Wmo,Sociaal Domein,Idee,Op koers,6.2\n',
    );
    const d = dryRunImport(t, suggestMapping(t.headers), context);
    expect(d).toMatchObject({ creates: 0, updates: 0, unchanged: 1, invalid: 0, ok: true });
  });

  it('lists what an update changes, field by field, an empty Acties cell as emptying the links', () => {
    const withOwner: Loaded<PortfolioItem> = {
      ...existingItem,
      value: { ...existingItem.value, opdrachtgever: { id: '11', displayName: 'Directeur Sociaal Domein' } },
    };
    const t = readCsv(
      'Titel,Domein,Fase,Status,Opdrachtgever,Acties\nGrip op Wmo,Sociaal Domein,Uitvoering,Op koers,dir-sd@zoetermeer.nl,\n',
    );
    const d = dryRunImport(t, suggestMapping(t.headers), { ...context, items: [withOwner] });
    expect(d).toMatchObject({ updates: 1, ok: true });
    // The owner is the same person (by id, named by e-mail in the file): no change. The links go, said as such.
    expect(importChanges(d.rows[0]!, context.actieIdByNummer)).toEqual([
      { field: 'fase', before: 'Idee', after: 'Uitvoering' },
      { field: 'acties', before: ['6.2'], after: undefined },
    ]);
    // The same links in another order, and the column left out: nothing to list.
    const same = readCsv('Titel,Domein,Fase,Acties\nGrip op Wmo,Sociaal Domein,Idee,"9.1, 6.2"\n');
    const sameRun = dryRunImport(same, suggestMapping(same.headers), {
      ...context,
      items: [{ ...existingItem, value: { ...existingItem.value, acties: ['6.2', '9.1'] } }],
    });
    expect(sameRun.unchanged).toBe(1);
    expect(importChanges(sameRun.rows[0]!, context.actieIdByNummer)).toEqual([]);
    // A new item and a row with problems list no changes: there is nothing to compare.
    const created = readCsv('Titel,Domein,Fase,Status\nNieuw,Concern,Idee,Op koers\nFout,Concern,Onbekend,Op koers\n');
    const createdRun = dryRunImport(created, suggestMapping(created.headers), context);
    expect(createdRun.rows.map((r) => [r.action, importChanges(r, context.actieIdByNummer)])).toEqual([
      ['create', []],
      ['invalid', []],
    ]);
  });

  it('resolves the I&A contact to a site user, and reports an unknown one', () => {
    const t = readCsv(
      'Titel;Domein;Fase;Status;I&A contact\nA;Concern;Idee;Op koers;Informatiemanager Sociaal Domein\nB;Concern;Idee;Op koers;Piet Onbekend\n',
    );
    const d = dryRunImport(t, suggestMapping(t.headers), context);
    expect(d.rows[0]?.item.iaContact).toMatchObject({ id: '12' });
    expect(d.rows[1]?.problems).toEqual([
      expect.objectContaining({
        field: 'iaContact',
        message: 'Onbekende persoon "Piet Onbekend": kies iemand die op de SharePoint-site bekend is.',
      }),
    ]);
  });

  it('writes nothing: an empty file is not ok to apply', () => {
    expect(dryRunImport(readCsv(HEADER), suggestMapping(HEADER.split(';')), context).ok).toBe(false);
  });
});
