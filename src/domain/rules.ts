/**
 * The plan's rules about time, dependencies and progress. Pure: `now` is always a parameter.
 */
import { amsterdamDate, compareCalendarDates, isValidCalendarDate } from './dates.js';
import type { Actie, ActieStatus, Advies, CalendarDate, Domein, ThemaCode } from './model.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import { deadlineKind } from './planning.js';
import { isOpen, statusCategory } from './status.js';

/** Statuses in which an action still holds up the actions that build on it. */
const BLOCKING_STATUSES: readonly ActieStatus[] = ['Niet gestart', 'Loopt', 'Geblokkeerd'];

/**
 * Whether a deadline still asks something of the action: an open action with a one-off (eenmalig) deadline must be
 * done by it; one with a standing (doorlopend) deadline only has to have started by it, so once it runs (Loopt,
 * Belegd in lopend traject, Geblokkeerd) the date no longer makes it late: a standing practice is judged on being
 * kept up, never on the date passing (docs/decisions.md, revised 2026-12-04).
 */
function deadlineApplies(actie: Actie): boolean {
  if (!isOpen(actie.status)) return false;
  return deadlineKind(actie) === 'eenmalig' || actie.status === 'Niet gestart';
}

/**
 * Whether an action is overdue at `now`: its deadline lies before today in Amsterdam and still applies (see
 * `deadlineApplies`: open, and for a doorlopend deadline not yet started). So an action is overdue from the first
 * moment of the day after its deadline, Amsterdam time, whatever the clock of the server says. An action without a
 * (valid) deadline is never overdue.
 */
export function isOverdue(actie: Actie, now: Date): boolean {
  if (!isValidCalendarDate(actie.deadline) || !deadlineApplies(actie)) return false;
  return compareCalendarDates(actie.deadline, amsterdamDate(now)) < 0;
}

/**
 * Whether an open action has a deadline that still applies (`deadlineApplies`) strictly before `date` (a calendar date
 * in Amsterdam).
 * For "due by the meeting on D, inclusive", pass `addDays(D, 1)`. Closed actions and actions without a (valid)
 * deadline are never due.
 * @throws RangeError when `date` is not a valid calendar date.
 */
export function isDueBefore(actie: Actie, date: CalendarDate): boolean {
  if (!isValidCalendarDate(date)) throw new RangeError(`isDueBefore: not a calendar date: ${JSON.stringify(date)}`);
  if (!isValidCalendarDate(actie.deadline) || !deadlineApplies(actie)) return false;
  return compareCalendarDates(actie.deadline, date) < 0;
}

/**
 * The actions `actie` depends on that still hold it up, in the order of `actie.afhankelijkVan`. A dependency blocks
 * only while it is Niet gestart, Loopt or Geblokkeerd; one that is Afgerond, Belegd in lopend traject or
 * Niet overgenomen does not. A dependency that is not in `allActies` cannot be judged and is left out
 * (see `missingDependencies`).
 */
export function blockingDependencies(actie: Actie, allActies: readonly Actie[]): Actie[] {
  const byNummer = new Map(allActies.map((a) => [a.nummer, a] as const));
  const blocking: Actie[] = [];
  for (const nummer of new Set(actie.afhankelijkVan)) {
    const dep = byNummer.get(nummer);
    // A retired dependency (Vervallen) left the plan and holds nothing up.
    if (dep && dep.vervallen !== true && BLOCKING_STATUSES.includes(dep.status)) blocking.push(dep);
  }
  return blocking;
}

/**
 * Whether an open action is held up by at least one of the actions it depends on. A closed action
 * (Afgerond, Niet overgenomen) is never reported as blocked.
 */
export function isBlockedByDependency(actie: Actie, allActies: readonly Actie[]): boolean {
  return isOpen(actie.status) && blockingDependencies(actie, allActies).length > 0;
}

/** Numbers in `actie.afhankelijkVan` that do not exist in `allActies` (a broken link, to be flagged). */
export function missingDependencies(actie: Actie, allActies: readonly Actie[]): string[] {
  const known = new Set(allActies.map((a) => a.nummer));
  return [...new Set(actie.afhankelijkVan)].filter((n) => !known.has(n));
}

/** What a progress report groups by. */
export type ProgressKey = 'advies' | 'plateau' | 'thema' | 'domein';

/** Counts of one group of actions. The five status counts add up to `total`. */
export type ProgressCounts = {
  total: number;
  afgerond: number;
  /** Loopt plus Belegd in lopend traject. */
  lopend: number;
  geblokkeerd: number;
  nietOvergenomen: number;
  nietGestart: number;
  /** Open actions past their deadline (a subset of the status counts, not a status of its own). */
  achterstallig: number;
  /** `afgerond / total` as a whole percentage (rounded half up); 0 for an empty group. */
  percentAfgerond: number;
};

/** One row of a progress report: the group's key and its counts. */
export type ProgressRow = ProgressCounts & {
  /** Advies number as text ("1" … "11"), plateau name, thema code ("A"), or domein name. */
  key: string;
};

/** Label of the group for actions whose advies is not in the given list (only with key 'thema'). */
export const UNKNOWN_THEMA = 'onbekend';

function emptyCounts(): ProgressCounts {
  return {
    total: 0,
    afgerond: 0,
    lopend: 0,
    geblokkeerd: 0,
    nietOvergenomen: 0,
    nietGestart: 0,
    achterstallig: 0,
    percentAfgerond: 0,
  };
}

function count(into: ProgressCounts, actie: Actie, now: Date): void {
  into.total += 1;
  switch (statusCategory(actie.status)) {
    case 'afgerond':
      into.afgerond += 1;
      break;
    case 'lopend':
      into.lopend += 1;
      break;
    case 'geblokkeerd':
      into.geblokkeerd += 1;
      break;
    case 'niet-overgenomen':
      into.nietOvergenomen += 1;
      break;
    case 'niet-gestart':
      into.nietGestart += 1;
      break;
  }
  if (isOverdue(actie, now)) into.achterstallig += 1;
}

function withPercentage<T extends ProgressCounts>(c: T): T {
  return { ...c, percentAfgerond: c.total === 0 ? 0 : Math.round((c.afgerond / c.total) * 100) };
}

/** The totals over all actions, with the same counting rules as `progressBy`. */
export function progressTotals(acties: readonly Actie[], now: Date): ProgressCounts {
  const c = emptyCounts();
  for (const a of acties) count(c, a, now);
  return withPercentage(c);
}

/**
 * Progress per group, in a stable order: advies by number, and plateau, thema and domein in the order of the
 * municipality's set-up (`inrichting`, Zoetermeer's when left out: Randvoorwaardelijk first, thema A-C, the four
 * business domains and then Concern). Every group of the plan appears, also when it has no actions (so a chart keeps
 * its axis): every advies in `adviezen`, every plateau, every theme of those adviezen, and every domain that an action
 * in `acties` carries (a plan of another municipality may use fewer themes and domains than Zoetermeer's; issue 12,
 * point 8). An action with several domains counts in each.
 * Values the lists do not know (an advies missing from `adviezen`, a plateau or domain typed into SharePoint) get
 * their own rows after the known ones, sorted; for 'thema' such actions land in the row `UNKNOWN_THEMA`.
 * Overdue (`achterstallig`) is judged at `now`, Amsterdam time.
 */
export function progressBy(
  acties: readonly Actie[],
  key: ProgressKey,
  now: Date,
  adviezen: readonly Advies[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): ProgressRow[] {
  const knownKeys = knownGroupKeys(key, adviezen, acties, inrichting);
  const groups = new Map<string, ProgressCounts>(knownKeys.map((k) => [k, emptyCounts()]));
  const extra = new Set<string>();
  const themaOf = new Map<number, ThemaCode>(adviezen.map((a) => [a.nummer, a.thema]));

  for (const actie of acties) {
    for (const k of groupKeysOf(actie, key, themaOf)) {
      let c = groups.get(k);
      if (!c) {
        c = emptyCounts();
        groups.set(k, c);
        extra.add(k);
      }
      count(c, actie, now);
    }
  }

  const extraSorted = [...extra].sort((a, b) => compareExtraKeys(key, a, b));
  return [...knownKeys, ...extraSorted].map((k) => withPercentage({ key: k, ...(groups.get(k) ?? emptyCounts()) }));
}

function knownGroupKeys(
  key: ProgressKey,
  adviezen: readonly Advies[],
  acties: readonly Actie[],
  inrichting: Inrichting,
): string[] {
  switch (key) {
    case 'advies':
      return [...new Set(adviezen.map((a) => a.nummer))].sort((a, b) => a - b).map(String);
    case 'plateau':
      return [...inrichting.plateaus];
    case 'thema':
      // The set-up's themes that the plan's recommendations use (a plan may use fewer), in the set-up's order.
      return inrichting.themas.map((t) => t.code).filter((code) => adviezen.some((a) => a.thema === code));
    case 'domein':
      // The set-up's domains that the plan's actions carry, in the set-up's order: a plan may use fewer.
      return inrichting.domeinen.map((d) => d.naam).filter((d) => acties.some((a) => a.domeinen.includes(d)));
  }
}

function groupKeysOf(actie: Actie, key: ProgressKey, themaOf: ReadonlyMap<number, ThemaCode>): string[] {
  switch (key) {
    case 'advies':
      return [String(actie.advies)];
    case 'plateau':
      return [actie.plateau];
    case 'thema':
      return [themaOf.get(actie.advies) ?? UNKNOWN_THEMA];
    case 'domein':
      return [...new Set<Domein>(actie.domeinen)];
  }
}

function compareExtraKeys(key: ProgressKey, a: string, b: string): number {
  if (key === 'advies') return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
