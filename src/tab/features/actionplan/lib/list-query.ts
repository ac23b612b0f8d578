/**
 * The list view's query: filters, free-text search, sorting and grouping, and their form in the URL
 * (`#/lijst?status=Loopt&sort=deadline`), so that a view can be linked, saved and restored. Pure functions.
 * Plateaus, themes and domains are the municipality's (its set-up, `Inrichting`, read with the plan): they decide
 * which values a URL may filter on and the order of the groups and of the plateau sort.
 */
import { compareActienummers } from '../../../../domain/actienummer.js';
import { addDays, isValidCalendarDate, kwartaalOf } from '../../../../domain/dates.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import {
  ACTIE_STATUSES,
  type ActieStatus,
  type CalendarDate,
  type Domein,
  type Plateau,
  type ThemaCode,
} from '../../../../domain/model.js';
import { waitsOnOtherActie } from '../../../../domain/counts.js';
import { isDueBefore } from '../../../../domain/rules.js';
import { isOpen } from '../../../../domain/status.js';
import { NO_OWNER, PER_DOMEIN_OWNER, personKey, type ActieRow } from '../../../lib/plan/derive.js';

export const DUE_WINDOWS = ['alle', 'achterstallig', '7-dagen', '30-dagen', 'dit-kwartaal', 'geen-deadline'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
export const SORT_KEYS = ['nummer', 'titel', 'status', 'eigenaar', 'deadline', 'plateau'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const GROUP_KEYS = ['geen', 'status', 'advies', 'plateau', 'thema', 'domein', 'eigenaar'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export type ListFilters = {
  status: ActieStatus[];
  advies: number[];
  plateau: Plateau[];
  thema: ThemaCode[];
  domein: Domein[];
  /** Owner keys (site-user id); '' is "no owner". */
  eigenaar: string[];
  due: DueWindow;
  /**
   * Only open actions that are not overdue with a deadline up to and including this date (`tot=2026-12-15`): the
   * agenda card's "Deadline tot en met …" section. In the toolbar it takes the due window's place (`due` is then
   * 'alle'); choosing a window there clears it.
   */
  tot: CalendarDate | undefined;
  /** Only items the tolerant reader flagged (unknown values typed in SharePoint, missing links). */
  problemen: boolean;
  /** Only actions that wait on another action, as the plan's counts define it (`waitsOnOtherActie`). */
  wacht: boolean;
  /**
   * Only actions that are Geblokkeerd or wait on another action (`vast=1`): the agenda card's "Geblokkeerd of
   * wachtend" section, the plan's counts `geblokkeerd + wachtOp`. A filter of its own because the list's filters
   * combine with AND, and `status=Geblokkeerd&wacht=1` therefore finds nothing (a waiting action is not Geblokkeerd).
   */
  vast: boolean;
  q: string;
};

export type ListQuery = { filters: ListFilters; sort: { key: SortKey; dir: SortDirection }; group: GroupKey };

export const EMPTY_FILTERS: ListFilters = {
  status: [],
  advies: [],
  plateau: [],
  thema: [],
  domein: [],
  eigenaar: [],
  due: 'alle',
  tot: undefined,
  problemen: false,
  wacht: false,
  vast: false,
  q: '',
};
export const DEFAULT_QUERY: ListQuery = { filters: EMPTY_FILTERS, sort: { key: 'nummer', dir: 'asc' }, group: 'geen' };

function pick<T extends string>(allowed: readonly T[], values: readonly string[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '' || name === 'eigenaar');
}

/** The set-up's values the list filters, sorts and groups by, in the set-up's order. */
function keuzes(inrichting: Inrichting) {
  return {
    plateaus: inrichting.plateaus,
    themas: inrichting.themas.map((t) => t.code),
    domeinen: inrichting.domeinen.map((d) => d.naam),
  };
}

/**
 * Reads a query from URL parameters. Unknown values are dropped, never trusted: the URL is user input; a plateau,
 * theme or domain is known when the set-up has it.
 */
export function queryFromParams(params: URLSearchParams, inrichting: Inrichting = ZOETERMEER_INRICHTING): ListQuery {
  const k = keuzes(inrichting);
  const [sortKey = 'nummer', sortDir = 'asc'] = (params.get('sort') ?? '').split(':');
  const totParam = params.get('tot') ?? '';
  const tot = isValidCalendarDate(totParam) ? totParam : undefined;
  return {
    filters: {
      status: pick(ACTIE_STATUSES, list(params, 'status')),
      advies: list(params, 'advies')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
      plateau: pick(k.plateaus, list(params, 'plateau')),
      thema: pick(k.themas, list(params, 'thema')),
      domein: pick(k.domeinen, list(params, 'domein')),
      eigenaar: params.has('eigenaar') ? list(params, 'eigenaar') : [],
      due: tot ? 'alle' : (pick(DUE_WINDOWS, [params.get('due') ?? ''])[0] ?? 'alle'),
      tot,
      problemen: params.get('problemen') === '1',
      wacht: params.get('wacht') === '1',
      vast: params.get('vast') === '1',
      q: (params.get('q') ?? '').slice(0, 200),
    },
    sort: { key: pick(SORT_KEYS, [sortKey])[0] ?? 'nummer', dir: sortDir === 'desc' ? 'desc' : 'asc' },
    group: pick(GROUP_KEYS, [params.get('group') ?? ''])[0] ?? 'geen',
  };
}

/** The URL parameters of a query; defaults are left out so links stay short. */
export function queryToParams(query: ListQuery): URLSearchParams {
  const p = new URLSearchParams();
  const f = query.filters;
  if (f.q.trim()) p.set('q', f.q);
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.advies.length) p.set('advies', f.advies.join(','));
  if (f.plateau.length) p.set('plateau', f.plateau.join(','));
  if (f.thema.length) p.set('thema', f.thema.join(','));
  if (f.domein.length) p.set('domein', f.domein.join(','));
  if (f.eigenaar.length) p.set('eigenaar', f.eigenaar.join(','));
  if (f.due !== 'alle') p.set('due', f.due);
  if (f.tot) p.set('tot', f.tot);
  if (f.problemen) p.set('problemen', '1');
  if (f.wacht) p.set('wacht', '1');
  if (f.vast) p.set('vast', '1');
  if (query.sort.key !== 'nummer' || query.sort.dir !== 'asc') p.set('sort', `${query.sort.key}:${query.sort.dir}`);
  if (query.group !== 'geen') p.set('group', query.group);
  return p;
}

/** How many filters are set (search included), for the "clear filters" affordance. */
export function activeFilterCount(f: ListFilters): number {
  return [
    f.status.length,
    f.advies.length,
    f.plateau.length,
    f.thema.length,
    f.domein.length,
    f.eigenaar.length,
    f.due !== 'alle',
    f.tot !== undefined,
    f.problemen,
    f.wacht,
    f.vast,
    f.q.trim() !== '',
  ].filter(Boolean).length;
}

/** Lower-cased search words; every word must occur (in any field). */
export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function inDueWindow(row: ActieRow, due: DueWindow, today: CalendarDate): boolean {
  const { deadline, status } = row.actie;
  switch (due) {
    case 'alle':
      return true;
    case 'achterstallig':
      return row.overdue;
    case 'geen-deadline':
      return !deadline;
    case '7-dagen':
      return !!deadline && isOpen(status) && deadline >= today && deadline <= addDays(today, 7);
    case '30-dagen':
      return !!deadline && isOpen(status) && deadline >= today && deadline <= addDays(today, 30);
    case 'dit-kwartaal':
      return !!deadline && isOpen(status) && kwartaalOf(deadline) === kwartaalOf(today);
  }
}

/**
 * `tot`: what the agenda card lists under "Deadline tot en met …" (`composeAgenda`'s `dueBeforeNextMeeting`): open,
 * not overdue, with a deadline up to and including the date. A retired action (Vervallen) is on no agenda.
 */
function isDueUpTo(row: ActieRow, tot: CalendarDate): boolean {
  // The plan's own rules, as the agenda applies them: open, with a deadline that still applies (a standing commitment
  // that runs has none), before the day after `tot`.
  return row.actie.vervallen !== true && !row.overdue && isDueBefore(row.actie, addDays(tot, 1));
}

/**
 * `vast=1`: exactly what the plan's counts call `geblokkeerd + wachtOp` and the agenda card lists under "Geblokkeerd
 * of wachtend" (docs/decisions.md: blocked = Geblokkeerd; a dependency blocks only while it is open). A closed action
 * (Afgerond, Niet overgenomen) waits on nothing, and a retired one (Vervallen) left the counts and the agendas, so it
 * is not "vast" even when the list shows retired actions ("Toon vervallen"). The secretary's "Niet nodig" is a choice
 * for one meeting, not a state of the action (README, Volgende vergadering): the list has no meeting, so it keeps them.
 */
function isVast(row: ActieRow): boolean {
  const a = row.actie;
  if (a.vervallen === true) return false;
  return a.status === 'Geblokkeerd' || waitsOnOtherActie(a, row.blockedBy);
}

/** Whether a row passes every filter. `today` is the calendar date in Amsterdam. */
/** The action's own owner is one of `keys`, or (on the roll-up) one of its domains' rows is owned by one of them. */
function ownedBy(row: ActieRow, keys: readonly string[]): boolean {
  return keys.includes(row.ownerKey) || (row.domeinEigenaren ?? []).some((p) => keys.includes(personKey(p)));
}

export function matchesFilters(row: ActieRow, f: ListFilters, today: CalendarDate, terms = searchTerms(f.q)): boolean {
  const a = row.actie;
  if (f.status.length && !f.status.includes(a.status)) return false;
  if (f.advies.length && !f.advies.includes(a.advies)) return false;
  if (f.plateau.length && !f.plateau.includes(a.plateau)) return false;
  if (f.thema.length && (!row.thema || !f.thema.includes(row.thema))) return false;
  if (f.domein.length && !a.domeinen.some((d) => f.domein.includes(d))) return false;
  if (f.eigenaar.length && !ownedBy(row, f.eigenaar)) return false;
  if (f.problemen && row.item.problems.length === 0) return false;
  if (f.wacht && !waitsOnOtherActie(a, row.blockedBy)) return false;
  if (f.vast && !isVast(row)) return false;
  if (!inDueWindow(row, f.due, today)) return false;
  if (f.tot && !isDueUpTo(row, f.tot)) return false;
  return terms.every((term) => row.searchText.includes(term));
}

export function filterRows(rows: readonly ActieRow[], f: ListFilters, today: CalendarDate): ActieRow[] {
  const terms = searchTerms(f.q);
  return rows.filter((r) => matchesFilters(r, f, today, terms));
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** A plateau's place in the set-up's order; a plateau the set-up lacks (a stored old value) sorts after them. */
function plateauIndex(plateau: string, plateaus: readonly string[]): number {
  const i = plateaus.indexOf(plateau);
  return i < 0 ? plateaus.length : i;
}

/** Missing values sort last whatever the direction: an empty deadline is never "the earliest". */
function compareOptional<T>(a: T | undefined, b: T | undefined, compare: (x: T, y: T) => number, dir: number): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return compare(a, b) * dir;
}

/**
 * Sorts a copy of the rows; ties fall back to the action number, so the order is always stable. Plateaus sort in
 * the set-up's roadmap order.
 */
export function sortRows(
  rows: readonly ActieRow[],
  sort: ListQuery['sort'],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ActieRow[] {
  const dir = sort.dir === 'desc' ? -1 : 1;
  const byKey = (a: ActieRow, b: ActieRow): number => {
    switch (sort.key) {
      case 'nummer':
        return compareActienummers(a.actie.nummer, b.actie.nummer) * dir;
      case 'titel':
        return collator.compare(a.actie.titel, b.actie.titel) * dir;
      case 'status':
        return (ACTIE_STATUSES.indexOf(a.actie.status) - ACTIE_STATUSES.indexOf(b.actie.status)) * dir;
      case 'plateau':
        return (
          (plateauIndex(a.actie.plateau, inrichting.plateaus) - plateauIndex(b.actie.plateau, inrichting.plateaus)) *
          dir
        );
      case 'eigenaar':
        // People by name; then the actions their domains carry; the actions without an owner always last.
        return (
          compareOptional(a.actie.eigenaar?.displayName, b.actie.eigenaar?.displayName, collator.compare, dir) ||
          (a.actie.eigenaar || b.actie.eigenaar
            ? 0
            : Number(a.ownerKey !== PER_DOMEIN_OWNER) - Number(b.ownerKey !== PER_DOMEIN_OWNER))
        );
      case 'deadline':
        return compareOptional(a.actie.deadline, b.actie.deadline, (x, y) => (x < y ? -1 : x > y ? 1 : 0), dir);
    }
  };
  return [...rows].sort((a, b) => byKey(a, b) || compareActienummers(a.actie.nummer, b.actie.nummer));
}

export type RowGroup = { key: string; rows: ActieRow[] };

function groupKeysOf(row: ActieRow, group: GroupKey): string[] {
  switch (group) {
    case 'geen':
      return [''];
    case 'status':
      return [row.actie.status];
    case 'advies':
      return [String(row.actie.advies)];
    case 'plateau':
      return [row.actie.plateau];
    case 'thema':
      return [row.thema ?? '?'];
    case 'domein':
      return row.actie.domeinen.length ? [...new Set(row.actie.domeinen)] : ['?'];
    case 'eigenaar':
      return [row.ownerKey];
  }
}

function groupOrder(
  group: GroupKey,
  rows: readonly ActieRow[],
  inrichting: Inrichting,
): (a: string, b: string) => number {
  const k = keuzes(inrichting);
  const indexIn = (values: readonly string[]) => (a: string, b: string) => {
    const ia = values.indexOf(a);
    const ib = values.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || collator.compare(a, b);
  };
  switch (group) {
    case 'status':
      return indexIn(ACTIE_STATUSES);
    case 'plateau':
      return indexIn(k.plateaus);
    case 'thema':
      return indexIn(k.themas);
    case 'domein':
      return indexIn(k.domeinen);
    case 'advies':
      return (a, b) => Number(a) - Number(b);
    case 'eigenaar': {
      // People by name, then the actions their domains carry (PER_DOMEIN_OWNER), then those without an owner.
      const names = new Map(rows.map((r) => [r.ownerKey, r.actie.eigenaar?.displayName ?? ''] as const));
      const rank = (k: string) => (k === NO_OWNER ? 2 : k === PER_DOMEIN_OWNER ? 1 : 0);
      return (a, b) => rank(a) - rank(b) || collator.compare(names.get(a) ?? a, names.get(b) ?? b);
    }
    case 'geen':
      return () => 0;
  }
}

/**
 * Groups sorted rows, keeping their order inside each group. An action in several domains appears in each of
 * their groups, as in the progress report. Plateau, theme and domain groups come in the set-up's order, a value it
 * lacks after them.
 */
export function groupRows(
  rows: readonly ActieRow[],
  group: GroupKey,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): RowGroup[] {
  if (group === 'geen') return [{ key: '', rows: [...rows] }];
  const map = new Map<string, ActieRow[]>();
  for (const row of rows) {
    for (const key of groupKeysOf(row, group)) {
      const list = map.get(key) ?? [];
      list.push(row);
      map.set(key, list);
    }
  }
  const order = groupOrder(group, rows, inrichting);
  return [...map.entries()].sort(([a], [b]) => order(a, b)).map(([key, list]) => ({ key, rows: list }));
}

/** One line of the virtualised list: a group header or an action. */
export type ListEntry =
  { kind: 'group'; key: string; count: number; collapsed: boolean } | { kind: 'row'; row: ActieRow; groupKey: string };

/**
 * Filters, sorts and groups in one go, flattened for the virtualiser; collapsed groups keep only their header.
 * `inrichting`: the set-up whose plateau, theme and domain order the sort and the groups follow.
 */
export function buildEntries(
  rows: readonly ActieRow[],
  query: ListQuery,
  today: CalendarDate,
  collapsed: ReadonlySet<string> = new Set(),
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): { entries: ListEntry[]; matched: ActieRow[] } {
  const matched = sortRows(filterRows(rows, query.filters, today), query.sort, inrichting);
  if (query.group === 'geen') return { entries: matched.map((row) => ({ kind: 'row', row, groupKey: '' })), matched };
  const entries: ListEntry[] = [];
  for (const g of groupRows(matched, query.group, inrichting)) {
    const isCollapsed = collapsed.has(g.key);
    entries.push({ kind: 'group', key: g.key, count: g.rows.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const row of g.rows) entries.push({ kind: 'row', row, groupKey: g.key });
  }
  return { entries, matched };
}
