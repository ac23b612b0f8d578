/**
 * Export to .xlsx: the actions (as the list shows them, its filter applied by the caller) and the
 * portfolio with its quarter goals. Dutch headers, dates as real Excel date cells (not text), widths
 * that fit. The portfolio sheet uses the import's column names, so an exported file imports as it is.
 */
import { concernDomein, inrichtingValues, ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import {
  KWARTAAL_KEUZES,
  PORTFOLIO_FASEN,
  PORTFOLIO_STATUSES,
  type Actie,
  type CalendarDate,
  type Kwartaaldoel,
  type PortfolioItem,
} from '../domain/model.js';
import { TEXT_MAX } from '../domain/text-limits.js';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from './portfolio-import.js';
import { loadExcelJS } from './exceljs.js';

/** The media type of an .xlsx file, for a download. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | Date | null;
type Column<T> = { header: string; width: number; value: (row: T) => Cell; date?: boolean };

/** A calendar date as an Excel date cell: exceljs writes a Date by its UTC date and time. */
export function excelDate(d: CalendarDate | undefined): Date | null {
  if (!d) return null;
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

const DATE_FORMAT = 'dd-mm-yyyy';

async function workbookWith(
  sheets: { name: string; columns: Column<never>[]; rows: readonly unknown[] }[],
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Actieplan Digitaal Leiderschap';
  workbook.created = new Date();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.date ? { style: { numFmt: DATE_FORMAT } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row as never)));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const text = (v: string | undefined) => v ?? null;

const ACTIE_COLUMNS: Column<Actie>[] = [
  { header: 'Nummer', width: 10, value: (a) => a.nummer },
  { header: 'Actie', width: 48, value: (a) => a.titel },
  { header: 'Advies', width: 8, value: (a) => a.advies },
  { header: 'Plateau', width: 22, value: (a) => a.plateau },
  { header: 'Domeinen', width: 30, value: (a) => a.domeinen.join(', ') },
  { header: 'Status', width: 24, value: (a) => a.status },
  { header: 'Toelichting status', width: 40, value: (a) => text(a.statusToelichting) },
  { header: 'Eigenaar', width: 30, value: (a) => text(a.eigenaar?.displayName) },
  { header: 'Start', width: 12, value: (a) => excelDate(a.start), date: true },
  { header: 'Deadline', width: 12, value: (a) => excelDate(a.deadline), date: true },
  { header: 'Planning', width: 28, value: (a) => text(a.planning) },
  { header: 'Lopend traject', width: 28, value: (a) => text(a.lopendTraject) },
  { header: 'Afhankelijk van', width: 16, value: (a) => a.afhankelijkVan.join(', ') },
  { header: 'Bevindingen', width: 14, value: (a) => a.bevindingen.join(', ') },
];

const PORTFOLIO_VALUE: Record<ImportField, (p: PortfolioItem) => Cell> = {
  key: (p) => p.key,
  titel: (p) => p.titel,
  omschrijving: (p) => p.omschrijving,
  domein: (p) => p.domein,
  opdrachtgever: (p) => text(p.opdrachtgever?.displayName),
  informatiemanager: (p) => text(p.informatiemanager?.displayName),
  iaContact: (p) => text(p.iaContact?.displayName),
  fase: (p) => p.fase,
  status: (p) => p.status,
  statusToelichting: (p) => text(p.statusToelichting),
  prioriteit: (p) => p.prioriteit ?? null,
  ditKwartaal: (p) => p.ditKwartaal,
  start: (p) => excelDate(p.start),
  einde: (p) => excelDate(p.einde),
  acties: (p) => p.acties.join(', '),
};
const PORTFOLIO_WIDTH: Record<ImportField, number> = {
  key: 24,
  titel: 44,
  omschrijving: 60,
  domein: 18,
  opdrachtgever: 30,
  informatiemanager: 32,
  iaContact: 30,
  fase: 14,
  status: 11,
  statusToelichting: 40,
  prioriteit: 10,
  ditKwartaal: 12,
  start: 12,
  einde: 12,
  acties: 18,
};
const PORTFOLIO_COLUMNS: Column<PortfolioItem>[] = IMPORT_FIELDS.map((f) => ({
  header: IMPORT_FIELD_LABELS[f],
  width: PORTFOLIO_WIDTH[f],
  value: PORTFOLIO_VALUE[f],
  ...(f === 'start' || f === 'einde' ? { date: true } : {}),
}));

/** The actions as an .xlsx workbook with one sheet "Acties", in the order given. */
export function exportActiesXlsx(acties: readonly Actie[]): Promise<Uint8Array> {
  return workbookWith([{ name: 'Acties', columns: ACTIE_COLUMNS as Column<never>[], rows: acties }]);
}

/** The portfolio as an .xlsx workbook: sheet "Portfolio" (importable as it is) and sheet "Kwartaaldoelen". */
export function exportPortfolioXlsx(
  items: readonly PortfolioItem[],
  doelen: readonly Kwartaaldoel[] = [],
): Promise<Uint8Array> {
  const titelByKey = new Map(items.map((i) => [i.key, i.titel]));
  const doelColumns: Column<Kwartaaldoel>[] = [
    { header: 'Initiatief', width: 44, value: (d) => titelByKey.get(d.portfolioKey) ?? d.portfolioKey },
    { header: 'Sleutel', width: 24, value: (d) => d.portfolioKey },
    { header: 'Kwartaal', width: 10, value: (d) => d.kwartaal },
    { header: 'Doel', width: 60, value: (d) => d.doel },
    { header: 'Behaald', width: 10, value: (d) => text(d.behaald) },
    { header: 'Reden', width: 50, value: (d) => text(d.reden) },
  ];
  const keys = new Set(items.map((i) => i.key));
  return workbookWith([
    { name: 'Portfolio', columns: PORTFOLIO_COLUMNS as Column<never>[], rows: items },
    {
      name: 'Kwartaaldoelen',
      columns: doelColumns as Column<never>[],
      rows: doelen.filter((d) => keys.has(d.portfolioKey)),
    },
  ]);
}

/** A file name with the date, e.g. `portfolio-2026-11-03.xlsx`. */
export function exportFileName(kind: 'acties' | 'portfolio', today: CalendarDate): string {
  return `${kind}-${today}.xlsx`;
}

/**
 * What each column of the import takes, for the template's second sheet: whether it must be filled and the values
 * the import accepts (the domain's own lists and the site's set-up's domains, so the sheet cannot drift from what
 * the dry run checks).
 */
export function importFieldHelp(
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): Record<ImportField, { verplicht: boolean; waarden: string }> {
  return {
    ...IMPORT_FIELD_HELP,
    domein: { verplicht: true, waarden: inrichtingValues(inrichting, 'domeinen').join(', ') },
  };
}

/** {@link importFieldHelp} for a site without a set-up of its own (Zoetermeer's domains). */
export const IMPORT_FIELD_HELP: Record<ImportField, { verplicht: boolean; waarden: string }> = {
  key: {
    verplicht: false,
    waarden:
      'Leeg bij een nieuw initiatief (de app maakt een sleutel); bij een bestaand item de sleutel uit de export, dan wordt dat item bijgewerkt.',
  },
  titel: {
    verplicht: true,
    waarden: 'Tekst, hoogstens 255 tekens. Dezelfde naam en hetzelfde domein als een bestaand item werkt dat item bij.',
  },
  omschrijving: { verplicht: false, waarden: `Tekst, hoogstens ${String(TEXT_MAX.omschrijving)} tekens.` },
  domein: { verplicht: true, waarden: inrichtingValues(ZOETERMEER_INRICHTING, 'domeinen').join(', ') },
  opdrachtgever: {
    verplicht: false,
    waarden: 'De naam of het e-mailadres van iemand die op de SharePoint-site bekend is.',
  },
  informatiemanager: {
    verplicht: false,
    waarden: 'De naam of het e-mailadres van iemand die op de SharePoint-site bekend is.',
  },
  iaContact: {
    verplicht: false,
    waarden: 'De naam of het e-mailadres van iemand die op de SharePoint-site bekend is.',
  },
  fase: { verplicht: false, waarden: `${PORTFOLIO_FASEN.join(', ')} (leeg: Idee)` },
  status: {
    verplicht: false,
    waarden: `${PORTFOLIO_STATUSES.join(', ')} (leeg: Op koers; bij Kritiek is een toelichting verplicht)`,
  },
  statusToelichting: { verplicht: false, waarden: `Tekst, hoogstens ${String(TEXT_MAX.statusToelichting)} tekens.` },
  prioriteit: { verplicht: false, waarden: 'Een positief geheel getal; 1 is de hoogste.' },
  ditKwartaal: { verplicht: false, waarden: `${KWARTAAL_KEUZES.join(', ')} (ook ja, nee; leeg: niet)` },
  start: { verplicht: false, waarden: 'Een datum: een datumcel, 31-3-2027 of 2027-03-31.' },
  einde: { verplicht: false, waarden: 'Een datum, niet voor de start: een datumcel, 30-6-2027 of 2027-06-30.' },
  acties: {
    verplicht: false,
    waarden: "Actienummers uit het actieplan, gescheiden door komma's, bijvoorbeeld 11.5, 3.2.",
  },
};

/**
 * The template's example row: every required column filled with a valid value, so the template imports as it is
 * (one new item), and plainly an example. People and actions are left empty: which ones exist depends on the site.
 */
export const TEMPLATE_EXAMPLE: PortfolioItem = {
  key: '',
  titel: 'Voorbeeld: vervang deze rij door een eigen initiatief',
  omschrijving: 'Wat het initiatief oplevert, in een paar zinnen.',
  domein: 'Sociaal Domein',
  fase: 'Voorbereiding',
  status: 'Op koers',
  prioriteit: 10,
  ditKwartaal: 'wel',
  start: '2027-01-04',
  einde: '2027-06-30',
  acties: [],
};

/**
 * The example row for a site's set-up: its domain is the set-up's first domain other than the concern domain (the
 * concern domain where it has no other), so the template imports as it is on that site.
 */
export function templateExample(inrichting: Inrichting = ZOETERMEER_INRICHTING): PortfolioItem {
  if (inrichting === ZOETERMEER_INRICHTING) return TEMPLATE_EXAMPLE;
  const concern = concernDomein(inrichting);
  const domeinen = inrichtingValues(inrichting, 'domeinen');
  return { ...TEMPLATE_EXAMPLE, domein: domeinen.find((d) => d !== concern) ?? domeinen[0] ?? TEMPLATE_EXAMPLE.domein };
}

/**
 * The import's template as an .xlsx: sheet "Portfolio" with the import's columns and the example row (the import
 * reads the first sheet), and sheet "Toelichting" with, per column, whether it is required and the values it takes,
 * the domains being the site's set-up's.
 */
export function portfolioTemplateXlsx(inrichting: Inrichting = ZOETERMEER_INRICHTING): Promise<Uint8Array> {
  const help = importFieldHelp(inrichting);
  const helpColumns: Column<ImportField>[] = [
    { header: 'Kolom', width: 22, value: (f) => IMPORT_FIELD_LABELS[f] },
    { header: 'Verplicht', width: 10, value: (f) => (help[f].verplicht ? 'ja' : 'nee') },
    { header: 'Geldige waarden', width: 100, value: (f) => help[f].waarden },
  ];
  return workbookWith([
    { name: 'Portfolio', columns: PORTFOLIO_COLUMNS as Column<never>[], rows: [templateExample(inrichting)] },
    { name: 'Toelichting', columns: helpColumns as Column<never>[], rows: IMPORT_FIELDS },
  ]);
}
