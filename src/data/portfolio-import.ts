/**
 * Importing the I&A portfolio spreadsheet: the pure steps. A file becomes a table of rows
 * (`readCsv`, `readXlsx`), a column mapping says which column holds which field (`suggestMapping`
 * proposes one from Dutch or English headers; the user may change it), and `dryRunImport`
 * turns the rows into the creates and updates an import would do, with every row's problems in the
 * domain's Dutch words. Nothing here writes; `portfolio-import-apply.ts` does, all rows or none.
 */
import Papa from 'papaparse';
import {
  messageText,
  messageValues,
  validationMessages as M,
  type DomainMessage,
  type DomainMessageKey,
} from '../domain/messages.js';
import {
  KWARTAAL_KEUZES,
  PORTFOLIO_FASEN,
  PORTFOLIO_STATUSES,
  type CalendarDate,
  type PersonRef,
  type PortfolioItem,
} from '../domain/model.js';
import { isValidCalendarDate } from '../domain/dates.js';
import { withinLimit } from '../domain/text-limits.js';
import { inrichtingValues, ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import { domeinAliases } from '../domain/portfolio-inrichting.js';
import { validatePortfolioItem } from '../domain/validation.js';
import type { Loaded } from './lists/field-reader.js';
import { lookupIdField } from './lists/list-definition.js';
import { PORTFOLIO_FIELDS, portfolioItemToFields } from './lists/portfolio.js';
import { loadExcelJS } from './exceljs.js';

/** A cell as read from a file: text from CSV, also numbers and dates from .xlsx. */
export type ImportCell = string | number | Date | undefined;
/** One data row; `rowNumber` is the row in the spreadsheet (the header is row 1). */
export type ImportRow = { rowNumber: number; cells: ImportCell[] };
export type ImportTable = { headers: string[]; rows: ImportRow[] };

/** The portfolio fields an import can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'key',
  'titel',
  'omschrijving',
  'domein',
  'opdrachtgever',
  'informatiemanager',
  'iaContact',
  'fase',
  'status',
  'statusToelichting',
  'prioriteit',
  'ditKwartaal',
  'start',
  'einde',
  'acties',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Dutch column labels, also the headers of the export (so an exported file imports as it is). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  key: 'Sleutel',
  titel: 'Initiatief',
  omschrijving: 'Omschrijving',
  domein: 'Domein',
  opdrachtgever: 'Opdrachtgever',
  informatiemanager: 'Informatiemanager',
  iaContact: 'Contactpersoon I&A',
  fase: 'Fase',
  status: 'Status',
  statusToelichting: 'Toelichting status',
  prioriteit: 'Prioriteit (IMO)',
  ditKwartaal: 'Dit kwartaal',
  start: 'Start',
  einde: 'Einde',
  acties: 'Acties',
};

/** Which column (0-based) holds each field; an absent field is not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Header names people use, normalised (lower case, letters and digits only). */
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  key: ['sleutel', 'clientkey', 'key', 'id', 'code', 'projectcode'],
  titel: ['initiatief', 'titel', 'title', 'naam', 'name', 'project', 'projectnaam'],
  omschrijving: ['omschrijving', 'beschrijving', 'description', 'toelichting'],
  domein: ['domein', 'businessdomein', 'domain', 'businessdomain'],
  opdrachtgever: ['opdrachtgever', 'sponsor', 'owner', 'eigenaar'],
  informatiemanager: ['informatiemanager', 'informationmanager', 'im'],
  iaContact: ['contactpersoonia', 'iacontact', 'iacontactpersoon', 'contactia'],
  fase: ['fase', 'phase', 'stage'],
  status: ['status', 'rag', 'health'],
  statusToelichting: ['toelichtingstatus', 'statustoelichting', 'statuscomment', 'statusnote', 'opmerking'],
  prioriteit: ['prioriteitimo', 'prioriteit', 'priority', 'rank', 'rang'],
  ditKwartaal: ['ditkwartaal', 'thisquarter', 'kwartaal', 'wel/niet', 'welniet'],
  start: ['start', 'startdatum', 'begin', 'startdate', 'geplandestart'],
  einde: ['einde', 'einddatum', 'eind', 'end', 'enddate', 'geplandeinde'],
  acties: ['acties', 'actions', 'gekoppeldeacties', 'linkedactions'],
};

const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9/]/g, '');

/** Proposes a mapping from the headers: each field takes the first column whose header is one of its names. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const normalised = headers.map(normaliseHeader);
  for (const field of IMPORT_FIELDS) {
    for (const alias of HEADER_ALIASES[field]) {
      const index = normalised.findIndex((h, i) => !taken.has(i) && h === alias.replace(/[^a-z0-9/]/g, ''));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

function isBlankRow(cells: readonly ImportCell[]): boolean {
  return cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/**
 * The largest import file (bytes) and the most data rows, checked before the rows are read: a portfolio of a few
 * hundred initiatives is a few hundred kilobytes, and more rows than a list view shows comfortably is a mistake
 * (a wrong sheet, a whole export of something else), not a portfolio.
 */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
/**
 * Graph refuses a request body over 4 MB (4,194,304 bytes); one row's write must stay well under it, since apply sends
 * rows in `$batch` requests whose bodies it keeps under that size too (portfolio-import-apply.ts).
 */
export const GRAPH_MAX_BODY_BYTES = 4 * 1024 * 1024;
export const IMPORT_MAX_ROW_BYTES = 256 * 1024;
/** How much of a refused cell a problem shows (a 20 MB cell is not repeated in the dialog). */
const SHOWN_VALUE_MAX = 120;

/** The file is too large, or has too many rows: nothing was read further. The tab says it in its language. */
export class ImportLimitError extends Error {
  override readonly name = 'ImportLimitError';
  constructor(
    readonly kind: 'bytes' | 'rows',
    readonly limit: number,
    readonly actual: number,
  ) {
    super(
      kind === 'bytes'
        ? `Het bestand is ${actual} bytes; een import mag hoogstens ${limit} bytes zijn.`
        : `Het bestand heeft meer dan ${limit} rijen (${actual}); een import mag hoogstens ${limit} rijen hebben.`,
    );
  }
}

/** Reads CSV text (comma or semicolon, as Dutch Excel writes it); the first row holds the headers. */
export function readCsv(text: string): ImportTable {
  // `preview` stops the parser one row past the limit, so a huge file costs no more than the limit.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    preview: IMPORT_MAX_ROWS + 2,
  });
  if (parsed.data.length > IMPORT_MAX_ROWS + 1)
    throw new ImportLimitError('rows', IMPORT_MAX_ROWS, parsed.data.length - 1);
  const all = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
  });
  const [header = [], ...data] = all.data;
  const rows: ImportRow[] = [];
  data.forEach((cells, i) => {
    if (!isBlankRow(cells)) rows.push({ rowNumber: i + 2, cells: cells.map((c) => (c === '' ? undefined : c)) });
  });
  return { headers: header.map((h) => h.trim()), rows };
}

type ExcelCellValue = unknown;

/** The value of an exceljs cell as text, number or date (rich text, hyperlinks and formulas unwrapped). */
export function excelCell(value: ExcelCellValue): ImportCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return excelCell(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/** Reads the first worksheet of an .xlsx file; the first row holds the headers. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<ImportTable> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // exceljs's types ask for a Node Buffer; a plain ArrayBuffer is what it reads in both Node and the browser.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  // Checked before any cell is read.
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS)
    throw new ImportLimitError('rows', IMPORT_MAX_ROWS, sheet.actualRowCount - 1);
  const headers: string[] = [];
  const rows: ImportRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ImportCell[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(excelCell(row.getCell(c).value));
    if (rowNumber === 1) {
      headers.push(
        ...cells.map((c) => (c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c).trim())),
      );
    } else if (!isBlankRow(cells)) {
      rows.push({ rowNumber, cells });
    }
  });
  return { headers, rows };
}

/** Reads an .xlsx or .csv file by its name. */
export async function readImportFile(name: string, data: ArrayBuffer | Uint8Array): Promise<ImportTable> {
  if (data.byteLength > IMPORT_MAX_BYTES) throw new ImportLimitError('bytes', IMPORT_MAX_BYTES, data.byteLength);
  if (/\.xlsx$/i.test(name)) return readXlsx(data);
  if (/\.csv$/i.test(name) || /\.txt$/i.test(name)) return readCsv(new TextDecoder('utf-8').decode(data));
  throw new ImportFileError(name);
}

/** The file is neither .xlsx nor .csv. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(readonly fileName: string) {
    super(`Het bestand "${fileName}" is geen .xlsx- of .csv-bestand.`);
  }
}

// ---------- cells → values ----------

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What an invalid date cell (a Date that is no date) reads as: Dutch text, so that validation refuses it and the CLI
 * shows it; a dry-run problem about such a cell says so in `ongeldigeDatum`, for a UI in another language.
 */
export const INVALID_DATE = 'ongeldige datum';

/**
 * A date cell as a calendar date. Excel date cells arrive as Dates at UTC midnight; text may be
 * `2026-03-31`, or Dutch `31-3-2026`, `31/03/2026`, `31.03.2026`. Anything else is returned as
 * text, so that validation reports it.
 */
export function importDate(cell: ImportCell): CalendarDate | string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return INVALID_DATE;
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  const text = String(cell).trim();
  if (text === '') return undefined;
  if (isValidCalendarDate(text)) return text;
  const iso = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (iso && isValidCalendarDate(`${iso[1]}-${iso[2]}-${iso[3]}`)) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dutch) {
    const candidate = `${dutch[3]}-${pad(Number(dutch[2]))}-${pad(Number(dutch[1]))}`;
    if (isValidCalendarDate(candidate)) return candidate;
  }
  return text;
}

const cellText = (cell: ImportCell): string | undefined => {
  if (cell === undefined) return undefined;
  const text = (cell instanceof Date ? (importDate(cell) ?? '') : String(cell)).trim();
  return text === '' ? undefined : text;
};

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** A choice matched without regard to case and spaces; an unknown value is kept so validation names it. */
function choice<C extends string>(
  text: string | undefined,
  allowed: readonly C[],
  aliases: Record<string, C> = {},
): C | string | undefined {
  if (text === undefined) return undefined;
  const s = squash(text);
  return allowed.find((a) => squash(a) === s) ?? aliases[s] ?? text;
}

function number(cell: ImportCell): number | string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim();
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

const DIT_KWARTAAL_ALIASES: Record<string, 'wel' | 'niet'> = {
  ja: 'wel',
  nee: 'niet',
  yes: 'wel',
  no: 'niet',
  'niet dit kwartaal': 'niet',
  'wel dit kwartaal': 'wel',
};

// ---------- the dry run ----------

/**
 * What a dry-run problem is about, for a UI in another language: the import's own problems, or the key of the
 * domain's validation message (`validationMessages`). `params` fill the placeholders of the UI's text.
 */
export type ImportProblemCode =
  'onbekendePersoon' | 'rijTeGroot' | 'dubbeleRij' | 'gekoppeldeActieOnbekend' | DomainMessageKey;

/**
 * One problem of a row: the Dutch `message`, and its `code` and `params` when a UI can say it in its own language;
 * `domain`: the domain's message itself (key and values) when the problem is one of the domain's rules.
 */
export type ImportProblem = {
  field?: ImportField;
  value?: string;
  /** The cell was a date cell holding no date: `value` is the Dutch `INVALID_DATE`, a UI says it in its words. */
  ongeldigeDatum?: true;
  message: string;
  domain?: DomainMessage;
  code?: ImportProblemCode;
  params?: Record<string, string | number>;
};

export type DryRunRow = {
  rowNumber: number;
  /** What apply would do with the row; `invalid` rows block the whole import. */
  action: 'create' | 'update' | 'unchanged' | 'invalid';
  /** The item as it would be stored (also for invalid rows, as far as it could be read). */
  item: PortfolioItem;
  /** The existing item a create-or-update matched (ClientKey, or title and domain). */
  existing?: Loaded<PortfolioItem>;
  problems: ImportProblem[];
};

export type DryRun = {
  rows: DryRunRow[];
  creates: number;
  updates: number;
  unchanged: number;
  /** Rows with at least one problem: while there are any, nothing can be written. */
  invalid: number;
  ok: boolean;
};

export type ImportContext = {
  items: readonly Loaded<PortfolioItem>[];
  users: readonly PersonRef[];
  /** SharePoint item id of each action number; links are checked and written with it. */
  actieIdByNummer: ReadonlyMap<string, string>;
  /** The site's set-up: the domains a row may name (issue 12.8). Absent: Zoetermeer's, a site without its own. */
  inrichting?: Inrichting;
};

const matchKey = (titel: string, domein: string) => `${squash(titel)}|${squash(domein)}`;

/** A stable ClientKey for a new item: readable slug plus a short hash of title and domain (unique key ≤ 64). */
export function importKey(titel: string, domein: string): string {
  let hash = 0x811c9dc5;
  for (const ch of matchKey(titel, domein)) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const slug = titel
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `${slug || 'item'}-${hash.toString(36)}`;
}

const PATH_TO_FIELD: Record<string, ImportField> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, f]));

function findPerson(text: string, users: readonly PersonRef[]): PersonRef | undefined {
  const s = squash(text);
  return users.find((u) => squash(u.displayName) === s || (u.email !== undefined && squash(u.email) === s));
}

/**
 * Turns mapped rows into what an import would write, and lists every row's problems: each field
 * checked by the domain's validation (unknown domain, phase or status, bad date, missing title, ...),
 * unknown people and actions, and rows that name the same initiative twice. Writes nothing.
 * A row that matches an existing item (same ClientKey, or same title and domain) updates it; columns
 * that are not mapped keep the item's current values.
 */
export function dryRunImport(table: ImportTable, mapping: ColumnMapping, context: ImportContext): DryRun {
  const byKey = new Map(context.items.map((i) => [i.value.key, i]));
  const byTitle = new Map(context.items.map((i) => [matchKey(i.value.titel, i.value.domein), i]));
  const seen = new Map<string, number>();
  const inrichting = context.inrichting ?? ZOETERMEER_INRICHTING;
  const domeinen = inrichtingValues(inrichting, 'domeinen');
  const aliassen = domeinAliases(inrichting);
  const rows: DryRunRow[] = table.rows.map((row) => {
    const has = (field: ImportField) => mapping[field] !== undefined;
    const cell = (field: ImportField): ImportCell =>
      mapping[field] === undefined ? undefined : row.cells[mapping[field]];
    const problems: ImportProblem[] = [];

    const keyText = cellText(cell('key'));
    const titel = cellText(cell('titel'));
    const domein = choice(cellText(cell('domein')), domeinen, aliassen);
    const existing =
      (keyText !== undefined ? byKey.get(keyText) : undefined) ??
      (titel !== undefined && domein !== undefined ? byTitle.get(matchKey(titel, domein)) : undefined);
    const base: Partial<PortfolioItem> = existing
      ? { ...existing.value }
      : { omschrijving: '', fase: 'Idee', status: 'Op koers', ditKwartaal: 'niet', acties: [] };

    const candidate: Record<string, unknown> = { ...base };
    const set = (field: ImportField, value: unknown) => {
      if (!has(field)) return;
      if (value === undefined) delete candidate[field];
      else candidate[field] = value;
    };
    set('titel', titel);
    set('omschrijving', cellText(cell('omschrijving')) ?? '');
    set('domein', domein);
    set('fase', choice(cellText(cell('fase')), PORTFOLIO_FASEN));
    set('status', choice(cellText(cell('status')), PORTFOLIO_STATUSES));
    set('statusToelichting', cellText(cell('statusToelichting')));
    set('prioriteit', number(cell('prioriteit')));
    set('ditKwartaal', choice(cellText(cell('ditKwartaal')), KWARTAAL_KEUZES, DIT_KWARTAAL_ALIASES) ?? 'niet');
    set('start', importDate(cell('start')));
    set('einde', importDate(cell('einde')));
    const actiesText = cellText(cell('acties'));
    set('acties', actiesText === undefined ? [] : actiesText.split(/[,;\s]+/).filter((a) => a !== ''));
    for (const role of ['opdrachtgever', 'informatiemanager', 'iaContact'] as const) {
      const text = cellText(cell(role));
      if (!has(role)) continue;
      if (text === undefined) {
        delete candidate[role];
        continue;
      }
      const person = findPerson(text, context.users);
      if (person) candidate[role] = person;
      else {
        delete candidate[role];
        const shown = withinLimit(text, SHOWN_VALUE_MAX);
        problems.push({
          field: role,
          value: shown,
          message: `Onbekende persoon "${shown}": kies iemand die op de SharePoint-site bekend is.`,
          code: 'onbekendePersoon',
          params: { waarde: shown },
        });
      }
    }
    candidate.key =
      existing?.value.key ?? keyText ?? (titel && domein ? importKey(titel, String(domein)) : `rij-${row.rowNumber}`);

    const validation = validatePortfolioItem(candidate, inrichting);
    if (!validation.ok) {
      for (const issue of validation.issues) {
        const field = PATH_TO_FIELD[issue.path.split('.')[0] ?? ''];
        const raw = field ? cellText(cell(field)) : undefined;
        const source = field ? cell(field) : undefined;
        problems.push({
          ...(field ? { field } : {}),
          ...(raw !== undefined ? { value: withinLimit(raw, SHOWN_VALUE_MAX) } : {}),
          ...(source instanceof Date && Number.isNaN(source.getTime()) ? { ongeldigeDatum: true as const } : {}),
          message: messageText(issue.message),
          domain: issue.message,
          code: issue.message.key,
          ...('params' in issue.message ? { params: messageValues(issue.message) } : {}),
        });
      }
    }
    const item = (validation.ok ? validation.value : candidate) as PortfolioItem;
    if (validation.ok) {
      // What apply would send for this row; Graph refuses a request body over 4 MB, so say it here, not at apply time.
      const bytes = new TextEncoder().encode(
        JSON.stringify({ fields: portfolioItemToFields(item, context.actieIdByNummer) }),
      ).length;
      if (bytes > IMPORT_MAX_ROW_BYTES)
        problems.push({
          message: `Deze rij is te groot om naar SharePoint te schrijven (${bytes} bytes, hoogstens ${IMPORT_MAX_ROW_BYTES}); maak de teksten korter.`,
          code: 'rijTeGroot',
          params: { bytes, max: IMPORT_MAX_ROW_BYTES },
        });
    }
    if (Array.isArray(item.acties)) {
      for (const nummer of item.acties) {
        if (context.actieIdByNummer.size > 0 && !context.actieIdByNummer.has(nummer)) {
          const itemNaam = titel ?? String(candidate.key);
          problems.push({
            field: 'acties',
            value: nummer,
            message: messageText(M.gekoppeldeActieOnbekend(itemNaam, nummer)),
            domain: M.gekoppeldeActieOnbekend(itemNaam, nummer),
            code: 'gekoppeldeActieOnbekend',
            params: { item: itemNaam, actie: nummer },
          });
        }
      }
    }

    // The same initiative twice in one file: the later row is the problem.
    const identity = existing
      ? `id:${existing.id}`
      : titel && domein
        ? `t:${matchKey(titel, String(domein))}`
        : undefined;
    const keyIdentity = `k:${String(candidate.key)}`;
    for (const id of [identity, keyIdentity]) {
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({
          message: `Dubbele rij: dit initiatief staat ook op rij ${first}. Houd één rij per initiatief.`,
          code: 'dubbeleRij',
          params: { rij: first },
        });
        break;
      }
    }
    for (const id of [identity, keyIdentity]) if (id !== undefined && !seen.has(id)) seen.set(id, row.rowNumber);

    let action: DryRunRow['action'] = existing ? 'update' : 'create';
    if (problems.length > 0) action = 'invalid';
    else if (existing && sameStored(existing.value, item, context.actieIdByNummer)) action = 'unchanged';
    return { rowNumber: row.rowNumber, action, item, ...(existing ? { existing } : {}), problems };
  });
  const count = (a: DryRunRow['action']) => rows.filter((r) => r.action === a).length;
  const invalid = count('invalid');
  return {
    rows,
    creates: count('create'),
    updates: count('update'),
    unchanged: count('unchanged'),
    invalid,
    ok: invalid === 0 && rows.length > 0,
  };
}

/** Whether writing `next` would store exactly what `current` holds (a re-import of the same file changes nothing). */
export function sameStored(
  current: PortfolioItem,
  next: PortfolioItem,
  actieIdByNummer: ReadonlyMap<string, string>,
): boolean {
  const a = portfolioItemToFields(current, actieIdByNummer);
  const b = portfolioItemToFields(next, actieIdByNummer);
  return Object.keys(a).every((k) => storedValue(a[k]) === storedValue(b[k]));
}

/** A stored column's value for comparing: a list in any order, absent as null. */
function storedValue(v: unknown): string {
  return Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v ?? null);
}

/** One field an update would change: its value now and after the import (`undefined`: empty). */
export type ImportChange = { field: ImportField; before: unknown; after: unknown };

const isEmptyValue = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The stored column of an import field, as `portfolioItemToFields` writes it (people and actions by lookup id). */
function storedColumn(field: Exclude<ImportField, 'key'>): string {
  const name = PORTFOLIO_FIELDS[field];
  return field === 'opdrachtgever' || field === 'informatiemanager' || field === 'iaContact' || field === 'acties'
    ? lookupIdField(name)
    : name;
}

/**
 * What an update row would change, field by field in the import's column order, so the dry run can show it before
 * anything is written (a mapped column's empty cell empties that field: shown as an `after` of `undefined`). A field
 * changes when what would be stored changes, as `sameStored` decides for the whole row. None for a row that creates
 * an item, changes nothing or has problems.
 */
export function importChanges(row: DryRunRow, actieIdByNummer: ReadonlyMap<string, string>): ImportChange[] {
  if (row.action !== 'update' || !row.existing) return [];
  const stored = portfolioItemToFields(row.existing.value, actieIdByNummer);
  const next = portfolioItemToFields(row.item, actieIdByNummer);
  const before = row.existing.value as Partial<Record<ImportField, unknown>>;
  const after = row.item as Partial<Record<ImportField, unknown>>;
  return IMPORT_FIELDS.flatMap((field) => {
    if (field === 'key') return [];
    const column = storedColumn(field);
    if (storedValue(stored[column]) === storedValue(next[column])) return [];
    return [
      {
        field,
        before: isEmptyValue(before[field]) ? undefined : before[field],
        after: isEmptyValue(after[field]) ? undefined : after[field],
      },
    ];
  });
}
