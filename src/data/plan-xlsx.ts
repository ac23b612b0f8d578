/**
 * The whole plan as one .xlsx workbook (issue 12, point 8): its themes, recommendations with the college's reaction
 * and planning, findings, actions with their links (dependencies and findings as number lists) and the rows per
 * domain of the shared actions. The same format is exported (`exportPlanXlsx`) and imported (`readPlanXlsx`, then
 * `dryRunPlanImport` in plan-import.ts), so an exported plan imports into an empty site as it is.
 *
 * Dutch headers, one sheet per list, dates as real Excel date cells. Each action carries its own stored status
 * (never the roll-up of its domain rows), so the round trip lands exactly what the site held.
 */
import { compareActienummers } from '../domain/actienummer.js';
import type { DomeinVoortgang } from '../domain/domein-voortgang.js';
import type { Inrichting } from '../domain/inrichting.js';
import type { Plan } from '../domain/model.js';
import { excelDate } from './portfolio-export.js';
import {
  excelCell,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ImportLimitError,
  type ImportCell,
  type ImportRow,
} from './portfolio-import.js';
import { loadExcelJS } from './exceljs.js';

/**
 * The plan as the workbook holds it: the municipality's set-up (its name, domains, themes and plateaus: the sheet
 * Inrichting), the plan itself and the rows per domain. A workbook without the set-up (written before it existed)
 * is read against the site's own set-up.
 */
export type PlanExport = { inrichting?: Inrichting; plan: Plan; domeinVoortgang: readonly DomeinVoortgang[] };

/** The workbook's sheets, in the order they are written and checked: the set-up first, the plan checked against it. */
export const PLAN_SHEETS = ['Inrichting', 'Themas', 'Adviezen', 'Bevindingen', 'Acties', 'DomeinVoortgang'] as const;

/** The kinds of value on the Inrichting sheet, as the site's Inrichting list names them. */
export const INRICHTING_SHEET_KINDS = ['Gemeente', 'Domein', 'Thema', 'Plateau'] as const;
export type PlanSheet = (typeof PLAN_SHEETS)[number];

/** The column headers of each sheet, in order; the import finds columns by these names. */
export const PLAN_COLUMNS = {
  // One row per value, in order (the order is the set-up's: the plateaus' is the roadmap's); Code and Adviezen only
  // for a theme, Hele organisatie ("ja") only on the one domain of the whole organisation (the CMT's).
  Inrichting: {
    soort: 'Soort',
    naam: 'Naam',
    code: 'Code',
    adviezen: 'Adviezen',
    heleOrganisatie: 'Hele organisatie',
  },
  Themas: { code: 'Code', naam: 'Naam', adviezen: 'Adviezen' },
  Adviezen: {
    nummer: 'Nummer',
    titel: 'Titel',
    thema: 'Thema',
    plateau: 'Plateau',
    collegeReactie: 'Reactie college',
    collegePlanning: 'Planning college',
    omschrijving: 'Omschrijving',
    samenhangMet: 'In samenhang met',
  },
  Bevindingen: { nummer: 'Nummer', titel: 'Titel', toelichting: 'Toelichting', thema: 'Thema' },
  Acties: {
    nummer: 'Nummer',
    titel: 'Titel',
    advies: 'Advies',
    plateau: 'Plateau',
    domeinen: 'Domeinen',
    status: 'Status',
    statusToelichting: 'Toelichting status',
    eigenaar: 'Eigenaar',
    start: 'Start',
    deadline: 'Deadline',
    planning: 'Planning',
    lopendTraject: 'Lopend traject',
    afhankelijkVan: 'Afhankelijk van',
    bevindingen: 'Bevindingen',
    vervallen: 'Vervallen',
    vervallenReden: 'Reden vervallen',
    omschrijving: 'Omschrijving',
  },
  DomeinVoortgang: {
    actie: 'Actie',
    domein: 'Domein',
    status: 'Status',
    statusToelichting: 'Toelichting status',
    eigenaar: 'Eigenaar',
    deadline: 'Deadline',
    notitie: 'Notitie',
  },
} as const satisfies Record<PlanSheet, Record<string, string>>;

type Cell = string | number | Date | null;
type SheetOut = { name: PlanSheet; widths: number[]; dates: number[]; rows: Cell[][] };

const text = (v: string | undefined): Cell => (v === undefined || v === '' ? null : v);
/** A list of numbers as the cell shows it: "6.1, 6.2". */
export const LIST_SEPARATOR = ', ';

function sheets(data: PlanExport): SheetOut[] {
  const { plan } = data;
  const acties = [...plan.acties].sort((a, b) => compareActienummers(a.nummer, b.nummer));
  const rijen = [...data.domeinVoortgang].sort(
    (a, b) => compareActienummers(a.actie, b.actie) || a.domein.localeCompare(b.domein),
  );
  const inrichting = data.inrichting;
  return [
    ...(inrichting
      ? [
          {
            name: 'Inrichting' as const,
            widths: [10, 32, 8, 20, 16],
            dates: [],
            rows: [
              ['Gemeente', inrichting.gemeente, null, null, null],
              ...inrichting.domeinen.map((d): Cell[] => ['Domein', d.naam, null, null, d.concern ? 'ja' : null]),
              ...inrichting.themas.map((t): Cell[] => ['Thema', t.naam, t.code, t.adviezen.join(LIST_SEPARATOR), null]),
              ...inrichting.plateaus.map((p): Cell[] => ['Plateau', p, null, null, null]),
            ],
          },
        ]
      : []),
    {
      name: 'Themas',
      widths: [8, 32, 20],
      dates: [],
      rows: plan.themas.map((t) => [t.code, t.naam, t.adviezen.join(LIST_SEPARATOR)]),
    },
    {
      name: 'Adviezen',
      widths: [9, 60, 8, 22, 80, 40, 80, 16],
      dates: [],
      rows: [...plan.adviezen]
        .sort((a, b) => a.nummer - b.nummer)
        .map((a) => [
          a.nummer,
          a.titel,
          a.thema,
          a.plateau,
          text(a.collegeReactie),
          text(a.collegePlanning),
          text(a.omschrijving),
          text((a.samenhangMet ?? []).join(LIST_SEPARATOR)),
        ]),
    },
    {
      name: 'Bevindingen',
      widths: [9, 60, 80, 8],
      dates: [],
      rows: [...plan.bevindingen]
        .sort((a, b) => a.nummer - b.nummer)
        .map((b) => [b.nummer, b.titel, text(b.toelichting), text(b.thema)]),
    },
    {
      name: 'Acties',
      widths: [9, 60, 8, 22, 40, 24, 40, 30, 12, 12, 30, 30, 18, 14, 10, 40, 80],
      dates: [8, 9],
      rows: acties.map((a) => [
        a.nummer,
        a.titel,
        a.advies,
        a.plateau,
        a.domeinen.join(LIST_SEPARATOR),
        a.status,
        text(a.statusToelichting),
        text(a.eigenaar?.displayName),
        excelDate(a.start),
        excelDate(a.deadline),
        text(a.planning),
        text(a.lopendTraject),
        text(a.afhankelijkVan.join(LIST_SEPARATOR)),
        text(a.bevindingen.join(LIST_SEPARATOR)),
        a.vervallen ? 'ja' : null,
        text(a.vervallenReden),
        text(a.omschrijving),
      ]),
    },
    {
      name: 'DomeinVoortgang',
      widths: [9, 20, 24, 40, 30, 12, 50],
      dates: [5],
      rows: rijen.map((r) => [
        r.actie,
        r.domein,
        r.status,
        text(r.statusToelichting),
        text(r.eigenaar?.displayName),
        excelDate(r.deadline),
        text(r.notitie),
      ]),
    },
  ];
}

/** The whole plan as an .xlsx workbook (see the module comment for its sheets). */
export async function exportPlanXlsx(data: PlanExport): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Actieplan Digitaal Leiderschap';
  for (const sheet of sheets(data)) {
    const headers = Object.values(PLAN_COLUMNS[sheet.name]);
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((header, i) => ({
      header,
      width: sheet.widths[i] ?? 16,
      ...(sheet.dates.includes(i) ? { style: { numFmt: 'dd-mm-yyyy' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** One sheet as read: its headers and its non-blank data rows with their spreadsheet row numbers. */
export type PlanSheetTable = { headers: string[]; rows: ImportRow[] };
/** The sheets found in a workbook, by name; a sheet the workbook lacks is absent. */
export type PlanWorkbook = Partial<Record<PlanSheet, PlanSheetTable>>;

const isBlank = (cells: readonly ImportCell[]) =>
  cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''));

/**
 * Reads the plan's sheets from an .xlsx file. The size and row limits of the portfolio import hold per file and per
 * sheet, checked before cells are read. Sheets with other names are ignored (a user's own notes sheet is no error).
 */
export async function readPlanXlsx(data: ArrayBuffer | Uint8Array): Promise<PlanWorkbook> {
  if (data.byteLength > IMPORT_MAX_BYTES) throw new ImportLimitError('bytes', IMPORT_MAX_BYTES, data.byteLength);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  const out: PlanWorkbook = {};
  for (const ws of workbook.worksheets) {
    const name = PLAN_SHEETS.find((s) => s.toLowerCase() === ws.name.trim().toLowerCase());
    if (!name) continue;
    if (ws.actualRowCount - 1 > IMPORT_MAX_ROWS)
      throw new ImportLimitError('rows', IMPORT_MAX_ROWS, ws.actualRowCount - 1);
    const table: PlanSheetTable = { headers: [], rows: [] };
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: ImportCell[] = [];
      for (let c = 1; c <= width; c += 1) cells.push(excelCell(row.getCell(c).value));
      if (rowNumber === 1) table.headers = cells.map((c) => (c === undefined ? '' : String(c).trim()));
      else if (!isBlank(cells)) table.rows.push({ rowNumber, cells });
    });
    out[name] = table;
  }
  return out;
}

/** A file name with the date, e.g. `actieplan-2026-12-04.xlsx`. */
export function planExportFileName(today: string): string {
  return `actieplan-${today}.xlsx`;
}
