/**
 * Importing a whole plan from the workbook format of plan-xlsx.ts: the pure dry run. Every sheet's rows become the
 * domain's values, checked by the domain's own validation (per row) and by `validatePlan` (across rows: unique
 * numbers, links to recommendations, findings and actions that exist, no dependency cycle), plus what only the import
 * can check (people that are site users, a theme the app knows, a domain row for a domain of its action). Every
 * problem carries its sheet and row number. Nothing here writes; plan-transfer.ts applies a clean dry run, all or
 * nothing, into an empty site.
 */
import { domeinVoortgangKey, type DomeinVoortgang } from '../domain/domein-voortgang.js';
import {
  ACTIE_STATUSES,
  type Actie,
  type Advies,
  type Bevinding,
  type PersonRef,
  type Plan,
  type Thema,
} from '../domain/model.js';
import {
  checkInrichting,
  ZOETERMEER_INRICHTING,
  type Inrichting,
  type InrichtingProperty,
  type InrichtingField,
} from '../domain/inrichting.js';
import { withinLimit } from '../domain/text-limits.js';
import { messageText, type DomainMessage } from '../domain/messages.js';
import {
  planImportMessages as P,
  planImportMessageText,
  planImportTemplatesNl,
  type PlanImportMessage,
} from './plan-import-messages.js';
import {
  validateActie,
  validateAdvies,
  validateBevinding,
  validatePlan,
  type ValidationIssue,
} from '../domain/validation.js';
import { isValidCalendarDate } from '../domain/dates.js';
import {
  INRICHTING_SHEET_KINDS,
  PLAN_COLUMNS,
  PLAN_SHEETS,
  type PlanExport,
  type PlanSheet,
  type PlanSheetTable,
  type PlanWorkbook,
} from './plan-xlsx.js';
import { importDate, type ImportCell } from './portfolio-import.js';

/** One problem of the file: the sheet and spreadsheet row (1 is the header row), the column when known. */
export type PlanImportProblem = {
  sheet: PlanSheet;
  rowNumber: number;
  column?: string;
  value?: string;
  /** The problem in Dutch (the CLI, the rollback report). */
  message: string;
  /** A domain rule the row breaks: the domain's message (key and values); a UI says it itself. */
  domain?: DomainMessage;
  /** Or a problem of the import's own (a missing sheet, an unknown person): its key and values. */
  own?: PlanImportMessage;
};

/** What a problem says, as a key with its values: exactly one of the two. */
type Said = { domain: DomainMessage } | { own: PlanImportMessage };

const isDomainMessage = (m: DomainMessage | PlanImportMessage): m is DomainMessage => !(m.key in planImportTemplatesNl);

/** A problem of the file, its Dutch `message` rendered from its key. */
function planProblem(
  p: { sheet: PlanSheet; rowNumber: number; column?: string; value?: string } & Said,
): PlanImportProblem {
  return { ...p, message: 'domain' in p ? messageText(p.domain) : planImportMessageText(p.own) };
}

/** Where each item of the plan came from, so that a failed write can name its row. */
export type PlanRowRef = { sheet: PlanSheet; rowNumber: number };

export type PlanDryRun = {
  /**
   * The plan as it would be written (people resolved to site users); complete only when `ok`. `inrichting` is the
   * file's own set-up (its Inrichting sheet), absent for a file without one (the site's set-up then holds).
   */
  data: PlanExport;
  problems: PlanImportProblem[];
  /** `inrichting`: the values on the Inrichting sheet (0 without one). */
  counts: { inrichting: number; adviezen: number; bevindingen: number; acties: number; domeinVoortgang: number };
  rowOf: {
    adviezen: Map<number, PlanRowRef>;
    bevindingen: Map<number, PlanRowRef>;
    acties: Map<string, PlanRowRef>;
    domeinVoortgang: Map<string, PlanRowRef>;
  };
  /** No problems and at least one recommendation and one action: apply may write it. */
  ok: boolean;
};

export type PlanImportContext = {
  /** The site's users: an owner in the file must be one of them (by display name or e-mail). */
  users: readonly PersonRef[];
  /**
   * The site's set-up, for a file without an Inrichting sheet: its domains, themes and plateaus are the ones the
   * plan may use. Default: Zoetermeer's, the set-up of a site that has none of its own.
   */
  inrichting?: Inrichting;
};

/** Sheets a plan cannot do without; the others may be absent (no themes sheet, no findings, no shared actions). */
const REQUIRED_SHEETS: readonly PlanSheet[] = ['Adviezen', 'Acties'];
const SHOWN_VALUE_MAX = 120;

const squash = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function cellText(cell: ImportCell): string | undefined {
  if (cell === undefined) return undefined;
  const t = (cell instanceof Date ? String(importDate(cell) ?? '') : String(cell)).trim();
  return t === '' ? undefined : t;
}

/** A whole number from a cell, or the text as it was (validation then names it). */
function cellNumber(cell: ImportCell): number | string | undefined {
  if (typeof cell === 'number') return cell;
  const t = cellText(cell);
  if (t === undefined) return undefined;
  return /^\d+$/.test(t) ? Number(t) : t;
}

/** A list cell: "6.1, 6.2" or "6.1; 6.2" or one per line. */
function cellList(cell: ImportCell): string[] {
  const t = typeof cell === 'number' ? String(cell) : cellText(cell);
  return t === undefined
    ? []
    : t
        .split(/[,;\n]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** A choice matched without regard to case, accents and spaces; an unknown value is kept so validation names it. */
function choice<C extends string>(t: string | undefined, allowed: readonly C[]): C | string | undefined {
  if (t === undefined) return undefined;
  return allowed.find((a) => squash(a) === squash(t)) ?? t;
}

/** A value of the set-up matched as `choice` does; undefined when the set-up does not have it. */
function setupValue(t: string, allowed: readonly string[]): string | undefined {
  return allowed.find((a) => squash(a) === squash(t));
}

/** Where on the Inrichting sheet a problem of `checkInrichting` belongs: its kind's rows, and the column. */
const SOORT_OF_VELD: Record<InrichtingField, (typeof INRICHTING_SHEET_KINDS)[number]> = {
  gemeente: 'Gemeente',
  domeinen: 'Domein',
  themas: 'Thema',
  plateaus: 'Plateau',
};
const FIELD_OF_KENMERK: Record<InrichtingProperty, keyof typeof PLAN_COLUMNS.Inrichting> = {
  naam: 'naam',
  code: 'code',
  adviezen: 'adviezen',
  concern: 'heleOrganisatie',
};

const JA = new Set(['ja', 'yes', 'true', 'waar', 'x', '1']);
const NEE = new Set(['nee', 'no', 'false', 'onwaar', '0']);

type SheetReader = {
  sheet: PlanSheet;
  rows: PlanSheetTable['rows'];
  /** The cell of a column (by its field) in a row; undefined when the column is absent. */
  cell: (cells: readonly ImportCell[], field: string) => ImportCell;
  header: (field: string) => string;
};

/**
 * Opens a sheet: finds each known column by its header (case and spaces ignored) and reports a required sheet that is
 * missing, a required column that is missing, and a header that names no column of the format.
 */
function openSheet(
  sheet: PlanSheet,
  workbook: PlanWorkbook,
  required: readonly string[],
  problems: PlanImportProblem[],
): SheetReader {
  const table = workbook[sheet];
  const columns = PLAN_COLUMNS[sheet] as Record<string, string>;
  const index = new Map<string, number>();
  if (!table) {
    if (REQUIRED_SHEETS.includes(sheet))
      problems.push(planProblem({ sheet, rowNumber: 0, own: P.planTabbladOntbreekt(sheet, PLAN_SHEETS) }));
  } else {
    const normalised = table.headers.map((h) => squash(h));
    for (const [field, header] of Object.entries(columns)) {
      const i = normalised.indexOf(squash(header));
      if (i >= 0) index.set(field, i);
      else if (required.includes(field))
        problems.push(planProblem({ sheet, rowNumber: 1, column: header, own: P.planKolomOntbreekt(header, sheet) }));
    }
    table.headers.forEach((h, i) => {
      if (h !== '' && ![...index.values()].includes(i)) {
        problems.push(
          planProblem({
            sheet,
            rowNumber: 1,
            column: h,
            own: P.planKolomOnbekend(withinLimit(h, SHOWN_VALUE_MAX), sheet, Object.values(columns)),
          }),
        );
      }
    });
  }
  return {
    sheet,
    rows: table?.rows ?? [],
    cell: (cells, field) => {
      const i = index.get(field);
      return i === undefined ? undefined : cells[i];
    },
    header: (field) => columns[field] ?? field,
  };
}

/**
 * Checks a plan workbook and turns it into the plan an import would write. Writes nothing. Every problem names its
 * sheet and row (and column when it is one field); `ok` only when there is none.
 */
export function dryRunPlanImport(workbook: PlanWorkbook, context: PlanImportContext): PlanDryRun {
  const problems: PlanImportProblem[] = [];
  const rowOf: PlanDryRun['rowOf'] = {
    adviezen: new Map(),
    bevindingen: new Map(),
    acties: new Map(),
    domeinVoortgang: new Map(),
  };
  const problem = (
    r: SheetReader,
    rowNumber: number,
    message: DomainMessage | PlanImportMessage,
    field?: string,
    raw?: ImportCell,
  ) => {
    const value = raw === undefined ? undefined : cellText(raw);
    problems.push(
      planProblem({
        sheet: r.sheet,
        rowNumber,
        ...(field ? { column: r.header(field) } : {}),
        ...(value !== undefined ? { value: withinLimit(value, SHOWN_VALUE_MAX) } : {}),
        ...(isDomainMessage(message) ? { domain: message } : { own: message }),
      }),
    );
  };
  const issues = (r: SheetReader, rowNumber: number, cells: readonly ImportCell[], list: ValidationIssue[]) => {
    for (const issue of list) {
      const field = issue.path.split('.')[0] ?? '';
      const known = field in PLAN_COLUMNS[r.sheet];
      problem(r, rowNumber, issue.message, known ? field : undefined, known ? r.cell(cells, field) : undefined);
    }
  };
  const findPerson = (r: SheetReader, rowNumber: number, raw: ImportCell, field: string): PersonRef | undefined => {
    const t = cellText(raw);
    if (t === undefined) return undefined;
    const person = context.users.find(
      (u) => squash(u.displayName) === squash(t) || (u.email !== undefined && squash(u.email) === squash(t)),
    );
    if (!person) problem(r, rowNumber, P.planPersoonOnbekend(withinLimit(t, SHOWN_VALUE_MAX)), field, raw);
    return person;
  };

  // The set-up: the file's own Inrichting sheet, checked whole (every problem at its row); else the site's.
  const inrichtingSheet = openSheet('Inrichting', workbook, ['soort', 'naam'], problems);
  let fileInrichting: Inrichting | undefined;
  let inrichtingCount = 0;
  let setup: Inrichting = context.inrichting ?? ZOETERMEER_INRICHTING;
  if (workbook.Inrichting) {
    const rowsOf: Record<(typeof INRICHTING_SHEET_KINDS)[number], number[]> = {
      Gemeente: [],
      Domein: [],
      Thema: [],
      Plateau: [],
    };
    const raw = {
      gemeenten: [] as string[],
      domeinen: [] as { naam: string; concern: boolean }[],
      themas: [] as { code: string; naam: string; adviezen: unknown[] }[],
      plateaus: [] as string[],
    };
    for (const { rowNumber, cells } of inrichtingSheet.rows) {
      const c = (f: string) => inrichtingSheet.cell(cells, f);
      const soortText = cellText(c('soort'));
      const soort =
        soortText === undefined ? undefined : INRICHTING_SHEET_KINDS.find((x) => squash(x) === squash(soortText));
      if (!soort) {
        problem(
          inrichtingSheet,
          rowNumber,
          P.planInrichtingSoort(withinLimit(soortText ?? '', SHOWN_VALUE_MAX), INRICHTING_SHEET_KINDS),
          'soort',
          c('soort'),
        );
        continue;
      }
      const naam = cellText(c('naam')) ?? '';
      const concernText = cellText(c('heleOrganisatie'));
      let concern = false;
      if (concernText !== undefined && JA.has(squash(concernText))) concern = true;
      else if (concernText !== undefined && !NEE.has(squash(concernText))) {
        problem(inrichtingSheet, rowNumber, { key: 'planInrichtingJaNee' }, 'heleOrganisatie', c('heleOrganisatie'));
        continue;
      }
      if (concern && soort !== 'Domein') {
        problem(
          inrichtingSheet,
          rowNumber,
          P.planInrichtingConcernSoort(soort.toLowerCase()),
          'heleOrganisatie',
          c('heleOrganisatie'),
        );
        continue;
      }
      rowsOf[soort].push(rowNumber);
      if (soort === 'Gemeente') raw.gemeenten.push(naam);
      else if (soort === 'Domein') raw.domeinen.push({ naam, concern });
      else if (soort === 'Plateau') raw.plateaus.push(naam);
      else {
        const list = cellList(c('adviezen'));
        raw.themas.push({
          code: cellText(c('code')) ?? '',
          naam,
          adviezen: list.map((n) => (/^\d+$/.test(n) ? Number(n) : n)),
        });
      }
    }
    inrichtingCount = Object.values(rowsOf).reduce((n, rows) => n + rows.length, 0);
    const checked = checkInrichting({
      gemeente: raw.gemeenten.length > 1 ? raw.gemeenten : (raw.gemeenten[0] ?? ''),
      domeinen: raw.domeinen,
      themas: raw.themas,
      plateaus: raw.plateaus,
    });
    if (checked.ok) {
      fileInrichting = checked.inrichting;
      setup = checked.inrichting;
    } else {
      for (const p of checked.problemen) {
        const rows = rowsOf[SOORT_OF_VELD[p.veld]];
        // Several municipalities: the second is the one too many; a problem of the whole part has the sheet's row 0.
        const rowNumber =
          p.nr !== undefined ? (rows[p.nr - 1] ?? 0) : p.veld === 'gemeente' && rows.length > 1 ? (rows[1] ?? 0) : 0;
        const field = p.kenmerk ? FIELD_OF_KENMERK[p.kenmerk] : undefined;
        problem(inrichtingSheet, rowNumber, p.bericht, field);
      }
      // The plan's rows are still checked against what the sheet names, so their problems come in the same run.
      setup = {
        gemeente: raw.gemeenten[0] ?? '',
        domeinen: raw.domeinen.filter((d) => d.naam.trim() !== ''),
        themas: raw.themas
          .filter((t) => t.code.trim() !== '')
          .map((t) => ({ ...t, adviezen: t.adviezen.filter((n): n is number => typeof n === 'number') })),
        plateaus: raw.plateaus.filter((p) => p.trim() !== ''),
      };
    }
  }
  const setupDomeinen = setup.domeinen.map((d) => d.naam.trim());
  const setupThemaCodes = setup.themas.map((t) => t.code.trim());
  const setupPlateaus = setup.plateaus.map((p) => p.trim());
  /*
   * The domain's validators check a row's domains, theme and plateau against this set-up: the same trimmed names the
   * rows are matched to. A value the set-up lacks is named first with the import's own key
   * (planActiePlateauNietIngericht and its kin, as checkPlanInrichting says it), so the validator's own issue on
   * that field is left out.
   */
  const checkSetup: Inrichting = {
    gemeente: setup.gemeente,
    domeinen: setup.domeinen.map((d, i) => ({ naam: setupDomeinen[i] ?? d.naam, concern: d.concern })),
    themas: setup.themas.map((t, i) => ({ ...t, code: setupThemaCodes[i] ?? t.code })),
    plateaus: setupPlateaus,
  };

  // Themes: an optional sheet of the themes the plan uses, each one of the set-up's (by code, with its name).
  const themaSheet = openSheet('Themas', workbook, ['code', 'naam'], problems);
  const themas: Thema[] = [];
  for (const { rowNumber, cells } of themaSheet.rows) {
    const codeText = cellText(themaSheet.cell(cells, 'code'));
    const naam = cellText(themaSheet.cell(cells, 'naam'));
    const known = codeText === undefined ? undefined : setup.themas.find((t) => squash(t.code) === squash(codeText));
    if (!known) {
      problem(
        themaSheet,
        rowNumber,
        P.planThemaOnbekend(
          withinLimit(codeText ?? '', SHOWN_VALUE_MAX),
          setup.themas.map((t) => `${t.code} (${t.naam})`),
        ),
        'code',
        themaSheet.cell(cells, 'code'),
      );
    } else if (naam !== undefined && squash(naam) !== squash(known.naam)) {
      problem(themaSheet, rowNumber, P.planThemaNaam(known.code, known.naam), 'naam', themaSheet.cell(cells, 'naam'));
    } else if (themas.some((t) => t.code === known.code)) {
      problem(themaSheet, rowNumber, P.planThemaDubbel(known.code), 'code');
    } else {
      themas.push({ code: known.code as Thema['code'], naam: known.naam, adviezen: [] });
    }
  }

  // Numbers of rows that have problems of their own: links to them are not reported again as links to nothing.
  const badAdviezen = new Set<number>();
  const badBevindingen = new Set<number>();
  const badActies = new Set<string>();
  const adviesSheet = openSheet('Adviezen', workbook, ['nummer', 'titel', 'thema', 'plateau'], problems);
  const adviezen: Advies[] = [];
  for (const { rowNumber, cells } of adviesSheet.rows) {
    const c = (f: string) => adviesSheet.cell(cells, f);
    const themaText = cellText(c('thema'));
    const plateauText = cellText(c('plateau'));
    const thema = themaText === undefined ? undefined : setupValue(themaText, setupThemaCodes);
    const plateau = plateauText === undefined ? undefined : setupValue(plateauText, setupPlateaus);
    const nummerCell = cellNumber(c('nummer'));
    const before = problems.length;
    if (themaText !== undefined && thema === undefined)
      problem(
        adviesSheet,
        rowNumber,
        P.planAdviesThemaNietIngericht(String(nummerCell ?? ''), themaText),
        'thema',
        c('thema'),
      );
    if (plateauText !== undefined && plateau === undefined)
      problem(
        adviesSheet,
        rowNumber,
        P.planAdviesPlateauNietIngericht(String(nummerCell ?? ''), plateauText),
        'plateau',
        c('plateau'),
      );
    const candidate = {
      nummer: nummerCell,
      titel: cellText(c('titel')),
      thema: thema ?? themaText,
      plateau: plateau ?? plateauText,
      collegeReactie: cellText(c('collegeReactie')),
      collegePlanning: cellText(c('collegePlanning')),
      omschrijving: cellText(c('omschrijving')),
      samenhangMet: cellList(c('samenhangMet')).map((n) => (/^\d+$/.test(n) ? Number(n) : n)),
    };
    const checked = validateAdvies(candidate, checkSetup);
    if (!checked.ok || problems.length > before) {
      // A value the set-up lacks was named above; the domain's own rules name the rest (not that value again).
      if (!checked.ok)
        issues(
          adviesSheet,
          rowNumber,
          cells,
          checked.issues.filter(
            (i) =>
              !(i.path === 'thema' && themaText !== undefined && thema === undefined) &&
              !(i.path === 'plateau' && plateauText !== undefined && plateau === undefined),
          ),
        );
      if (typeof candidate.nummer === 'number') badAdviezen.add(candidate.nummer);
      continue;
    }
    const result = {
      value: checked.value,
    };
    const inrichtingThema = fileInrichting?.themas.find((t) => t.adviezen.includes(result.value.nummer));
    if (inrichtingThema && inrichtingThema.code !== result.value.thema) {
      problem(
        adviesSheet,
        rowNumber,
        P.planAdviesAnderThema(result.value.nummer, inrichtingThema.code, result.value.thema),
        'thema',
        c('thema'),
      );
      badAdviezen.add(result.value.nummer);
      continue;
    }
    if (themaSheet.rows.length > 0 && !themas.some((t) => t.code === result.value.thema)) {
      problem(adviesSheet, rowNumber, P.planThemaNietOpTabblad(result.value.thema), 'thema', c('thema'));
    }
    if (rowOf.adviezen.has(result.value.nummer)) {
      problem(
        adviesSheet,
        rowNumber,
        P.planAdviesDubbel(result.value.nummer, rowOf.adviezen.get(result.value.nummer)?.rowNumber ?? 0),
        'nummer',
        c('nummer'),
      );
      continue;
    }
    rowOf.adviezen.set(result.value.nummer, { sheet: 'Adviezen', rowNumber });
    adviezen.push(result.value);
  }
  // Without a themes sheet, the themes are the set-up's that the recommendations use.
  const planThemas: Thema[] = (
    themaSheet.rows.length > 0
      ? themas
      : setup.themas
          .filter((t) => adviezen.some((a) => a.thema === t.code))
          .map((t) => ({ code: t.code as Thema['code'], naam: t.naam, adviezen: [] }))
  ).map((t) => ({
    ...t,
    adviezen: adviezen
      .filter((a) => a.thema === t.code)
      .map((a) => a.nummer)
      .sort((x, y) => x - y),
  }));

  const bevindingSheet = openSheet('Bevindingen', workbook, ['nummer', 'titel'], problems);
  const bevindingen: Bevinding[] = [];
  for (const { rowNumber, cells } of bevindingSheet.rows) {
    const c = (f: string) => bevindingSheet.cell(cells, f);
    const themaText = cellText(c('thema'));
    const thema = themaText === undefined ? undefined : setupValue(themaText, setupThemaCodes);
    const before = problems.length;
    if (themaText !== undefined && thema === undefined)
      problem(
        bevindingSheet,
        rowNumber,
        P.planBevindingThemaNietIngericht(String(cellNumber(c('nummer')) ?? ''), themaText),
        'thema',
        c('thema'),
      );
    const checked = validateBevinding(
      {
        nummer: cellNumber(c('nummer')),
        titel: cellText(c('titel')),
        toelichting: cellText(c('toelichting')),
        thema,
      },
      checkSetup,
    );
    const result = checked;
    if (!result.ok || problems.length > before) {
      if (!result.ok) issues(bevindingSheet, rowNumber, cells, result.issues);
      const nummer = cellNumber(c('nummer'));
      if (typeof nummer === 'number') badBevindingen.add(nummer);
      continue;
    }
    if (rowOf.bevindingen.has(result.value.nummer)) {
      problem(
        bevindingSheet,
        rowNumber,
        P.planBevindingDubbel(result.value.nummer, rowOf.bevindingen.get(result.value.nummer)?.rowNumber ?? 0),
        'nummer',
        c('nummer'),
      );
      continue;
    }
    rowOf.bevindingen.set(result.value.nummer, { sheet: 'Bevindingen', rowNumber });
    bevindingen.push(result.value);
  }

  const actieSheet = openSheet(
    'Acties',
    workbook,
    ['nummer', 'titel', 'advies', 'plateau', 'domeinen', 'status'],
    problems,
  );
  const acties: Actie[] = [];
  for (const { rowNumber, cells } of actieSheet.rows) {
    const c = (f: string) => actieSheet.cell(cells, f);
    const vervallenText = cellText(c('vervallen'));
    let vervallen: unknown;
    if (vervallenText === undefined || NEE.has(squash(vervallenText))) vervallen = undefined;
    else if (JA.has(squash(vervallenText))) vervallen = true;
    else vervallen = vervallenText;
    const eigenaar = findPerson(actieSheet, rowNumber, c('eigenaar'), 'eigenaar');
    // An unknown owner is named, but the action still counts for the rows that link to it.
    const before = problems.length;
    const nummerText = cellText(typeof c('nummer') === 'number' ? String(c('nummer')) : c('nummer'));
    const plateauText = cellText(c('plateau'));
    const plateau = plateauText === undefined ? undefined : setupValue(plateauText, setupPlateaus);
    if (plateauText !== undefined && plateau === undefined)
      problem(
        actieSheet,
        rowNumber,
        P.planActiePlateauNietIngericht(nummerText ?? '', plateauText),
        'plateau',
        c('plateau'),
      );
    const domeinTexts = cellList(c('domeinen'));
    const domeinen: string[] = [];
    for (const t of domeinTexts) {
      const domein = setupValue(t, setupDomeinen);
      if (domein === undefined)
        problem(actieSheet, rowNumber, P.planActieDomeinNietIngericht(nummerText ?? '', t), 'domeinen', c('domeinen'));
      else if (domeinen.includes(domein))
        problem(actieSheet, rowNumber, { key: 'domeinDubbel' }, 'domeinen', c('domeinen'));
      else domeinen.push(domein);
    }
    const candidate = {
      nummer: nummerText,
      titel: cellText(c('titel')),
      advies: cellNumber(c('advies')),
      plateau: plateau ?? plateauText,
      domeinen,
      status: choice(cellText(c('status')), ACTIE_STATUSES),
      statusToelichting: cellText(c('statusToelichting')),
      eigenaar,
      start: importDate(c('start')),
      deadline: importDate(c('deadline')),
      planning: cellText(c('planning')),
      lopendTraject: cellText(c('lopendTraject')),
      afhankelijkVan: cellList(c('afhankelijkVan')),
      bevindingen: cellList(c('bevindingen')).map((b) => (/^\d+$/.test(b) ? Number(b) : b)),
      vervallen,
      vervallenReden: cellText(c('vervallenReden')),
      omschrijving: cellText(c('omschrijving')),
    };
    const checked = validateActie(candidate, checkSetup);
    // Domains the set-up lacks, or named twice, were named above; with none left the validator would add "no domain".
    const domeinenGenoemd = domeinen.length < domeinTexts.length;
    if (!checked.ok || problems.length > before) {
      if (!checked.ok)
        issues(
          actieSheet,
          rowNumber,
          cells,
          checked.issues.filter(
            (i) =>
              !(i.path === 'plateau' && plateauText !== undefined && plateau === undefined) &&
              !(domeinenGenoemd && (i.path === 'domeinen' || i.path.startsWith('domeinen.'))),
          ),
        );
      if (typeof candidate.nummer === 'string') badActies.add(candidate.nummer);
      continue;
    }
    const result = { value: checked.value };
    if (rowOf.acties.has(result.value.nummer)) {
      problem(
        actieSheet,
        rowNumber,
        P.planActieDubbel(result.value.nummer, rowOf.acties.get(result.value.nummer)?.rowNumber ?? 0),
        'nummer',
        c('nummer'),
      );
      continue;
    }
    rowOf.acties.set(result.value.nummer, { sheet: 'Acties', rowNumber });
    acties.push(result.value);
  }

  // Across rows: links to recommendations, findings and actions, and no dependency cycle.
  const plan: Plan = { themas: planThemas, adviezen, bevindingen, acties };
  const checked = acties.map((a) => ({
    ...a,
    afhankelijkVan: a.afhankelijkVan.filter((n) => !badActies.has(n)),
    bevindingen: a.bevindingen.filter((b) => !badBevindingen.has(b)),
  }));
  // The whole plan's rules are about numbers and links, on rows that each passed against the set-up.
  const whole = validatePlan({ themas: [], adviezen, bevindingen, acties: checked }, checkSetup);
  if (!whole.ok) {
    for (const issue of whole.issues) {
      const [list, index, field] = issue.path.split('.');
      if (list === 'acties') {
        const actie = acties[Number(index)];
        if (field === 'advies' && actie && badAdviezen.has(actie.advies)) continue;
        const ref = actie ? rowOf.acties.get(actie.nummer) : undefined;
        const column = field === 'advies' || field === 'afhankelijkVan' || field === 'bevindingen' ? field : undefined;
        problem(actieSheet, ref?.rowNumber ?? 0, issue.message, column);
      } else if (list === 'adviezen' && field === 'samenhangMet') {
        const advies = adviezen[Number(index)];
        problem(
          adviesSheet,
          (advies && rowOf.adviezen.get(advies.nummer)?.rowNumber) ?? 0,
          issue.message,
          'samenhangMet',
        );
      } else if (list === 'adviezen' || list === 'bevindingen') {
        // Duplicates were already reported per row above; anything else names the sheet.
        if (!issue.message.key.endsWith('Dubbel'))
          problem(list === 'adviezen' ? adviesSheet : bevindingSheet, 0, issue.message);
      }
    }
  }

  const rijSheet = openSheet('DomeinVoortgang', workbook, ['actie', 'domein', 'status'], problems);
  const domeinVoortgang: DomeinVoortgang[] = [];
  const actieByNummer = new Map(acties.map((a) => [a.nummer, a]));
  for (const { rowNumber, cells } of rijSheet.rows) {
    const c = (f: string) => rijSheet.cell(cells, f);
    const before = problems.length;
    const actieNummer = cellText(typeof c('actie') === 'number' ? String(c('actie')) : c('actie'));
    const actie = actieNummer === undefined ? undefined : actieByNummer.get(actieNummer);
    if (actieNummer === undefined) problem(rijSheet, rowNumber, P.planActienummerLeeg, 'actie');
    else if (!actie && badActies.has(actieNummer)) continue;
    else if (!actie)
      problem(
        rijSheet,
        rowNumber,
        P.planActieNietOpTabblad(withinLimit(actieNummer, SHOWN_VALUE_MAX)),
        'actie',
        c('actie'),
      );
    const domeinText = cellText(c('domein'));
    const knownDomein = (domeinText === undefined ? undefined : setupValue(domeinText, setupDomeinen)) as
      DomeinVoortgang['domein'] | undefined;
    if (!knownDomein)
      problem(
        rijSheet,
        rowNumber,
        P.planDomeinOnbekend(withinLimit(domeinText ?? '', SHOWN_VALUE_MAX), setupDomeinen),
        'domein',
        c('domein'),
      );
    else if (actie && !actie.domeinen.includes(knownDomein))
      problem(
        rijSheet,
        rowNumber,
        P.planActieNietVanDomein(actie.nummer, knownDomein, actie.domeinen),
        'domein',
        c('domein'),
      );
    const status = choice(cellText(c('status')), ACTIE_STATUSES);
    const knownStatus = ACTIE_STATUSES.find((s) => s === status);
    if (!knownStatus)
      problem(
        rijSheet,
        rowNumber,
        P.planStatusOnbekend(withinLimit(String(status ?? ''), SHOWN_VALUE_MAX), ACTIE_STATUSES),
        'status',
        c('status'),
      );
    const statusToelichting = cellText(c('statusToelichting'));
    if ((knownStatus === 'Geblokkeerd' || knownStatus === 'Niet overgenomen') && statusToelichting === undefined) {
      problem(rijSheet, rowNumber, P.planToelichtingVerplicht(knownStatus), 'statusToelichting');
    }
    const deadline = importDate(c('deadline'));
    if (deadline !== undefined && !isValidCalendarDate(deadline))
      problem(
        rijSheet,
        rowNumber,
        P.planDatumOngeldig(withinLimit(deadline, SHOWN_VALUE_MAX)),
        'deadline',
        c('deadline'),
      );
    const eigenaar = findPerson(rijSheet, rowNumber, c('eigenaar'), 'eigenaar');
    const notitie = cellText(c('notitie'));
    if (problems.length > before || !actie || !knownDomein || !knownStatus) continue;
    const sleutel = domeinVoortgangKey(actie.nummer, knownDomein);
    const first = rowOf.domeinVoortgang.get(sleutel);
    if (first) {
      problem(
        rijSheet,
        rowNumber,
        P.planDomeinRijDubbel(actie.nummer, knownDomein, first.rowNumber),
        'domein',
        c('domein'),
      );
      continue;
    }
    rowOf.domeinVoortgang.set(sleutel, { sheet: 'DomeinVoortgang', rowNumber });
    const rij: DomeinVoortgang = { actie: actie.nummer, domein: knownDomein, status: knownStatus };
    if (statusToelichting !== undefined) rij.statusToelichting = statusToelichting;
    if (eigenaar) rij.eigenaar = eigenaar;
    if (deadline !== undefined) rij.deadline = deadline;
    if (notitie !== undefined) rij.notitie = notitie;
    domeinVoortgang.push(rij);
  }

  if (adviezen.length === 0 && !problems.some((p) => p.sheet === 'Adviezen'))
    problems.push(planProblem({ sheet: 'Adviezen', rowNumber: 0, own: P.planGeenAdviezen }));
  if (acties.length === 0 && !problems.some((p) => p.sheet === 'Acties'))
    problems.push(planProblem({ sheet: 'Acties', rowNumber: 0, own: P.planGeenActies }));
  problems.sort((a, b) => PLAN_SHEETS.indexOf(a.sheet) - PLAN_SHEETS.indexOf(b.sheet) || a.rowNumber - b.rowNumber);
  return {
    data: { ...(fileInrichting ? { inrichting: fileInrichting } : {}), plan, domeinVoortgang },
    problems,
    counts: {
      inrichting: fileInrichting ? inrichtingCount : 0,
      adviezen: adviezen.length,
      bevindingen: bevindingen.length,
      acties: acties.length,
      domeinVoortgang: domeinVoortgang.length,
    },
    rowOf,
    ok: problems.length === 0,
  };
}

/** A problem as one line: `Acties, rij 5, kolom Status: ...` (sheet-level problems without a row). */
export function describePlanProblem(p: PlanImportProblem): string {
  const where = [
    p.sheet,
    p.rowNumber > 0 ? `rij ${p.rowNumber}` : undefined,
    p.column ? `kolom ${p.column}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}${p.value !== undefined ? ` (waarde: "${p.value}")` : ''}`;
}
