/**
 * From the college's planning text to dates and a deadline kind (docs/decisions.md, "Deadlines come from the planning
 * text, with a kind", revised 2026-12-04).
 */
import type { Actie, CalendarDate } from './model.js';

/**
 * The kind of a deadline:
 * - `eenmalig`: a one-off term; the work is to be done by the date;
 * - `doorlopend`: "doorlopend vanaf" the date; a standing commitment ("… en verder") that is on time when the work has
 *   started by the date, and after it is judged on being kept up, never "niet gehaald" because the date passed.
 */
export type DeadlineKind = 'eenmalig' | 'doorlopend';

/** The dates a planning text implies. All absent when the text names no period. */
export type PlanningDates = { deadline?: CalendarDate; start?: CalendarDate; soort?: DeadlineKind };

/**
 * The deadline (or start) and its kind that the college's planning text implies:
 * - "1e halfjaar 2025" → eenmalig, 30 June of that year; "Geheel 2025" → eenmalig, 31 December of that year;
 * - a text ending in "en verder" ("1e halfjaar 2025 en verder", "2025 en verder", "Geheel 2025 en verder") →
 *   doorlopend vanaf 30 June / 31 December of that year;
 * - "Vanaf 2026" → no deadline, start 1 January of that year;
 * - anything else ("Loopt reeds", "Blijft onder de aandacht", no text) → nothing.
 * Case, surrounding spaces and a final full stop do not matter. The seeded plan stores the dates as data; the kind
 * follows from the action's planning text (`deadlineKind`).
 */
export function datesFromPlanning(planning: string | undefined): PlanningDates {
  if (planning === undefined) return {};
  const text = planning.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');

  const halfjaar = /^1e halfjaar (\d{4})( en verder)?$/.exec(text);
  if (halfjaar?.[1]) return { deadline: `${halfjaar[1]}-06-30`, soort: halfjaar[2] ? 'doorlopend' : 'eenmalig' };

  const jaar = /^(?:geheel (\d{4})|(\d{4}) en verder|geheel (\d{4}) en verder)$/.exec(text);
  const year = jaar?.[1] ?? jaar?.[2] ?? jaar?.[3];
  if (year) return { deadline: `${year}-12-31`, soort: text.endsWith(' en verder') ? 'doorlopend' : 'eenmalig' };

  const vanaf = /^vanaf (\d{4})$/.exec(text);
  if (vanaf?.[1]) return { start: `${vanaf[1]}-01-01` };

  return {};
}

/**
 * The kind of an action's deadline: `doorlopend` when its planning text is a standing commitment ("… en verder"),
 * otherwise `eenmalig` (also for a deadline set by hand without a planning text).
 */
export function deadlineKind(actie: Pick<Actie, 'planning'>): DeadlineKind {
  return datesFromPlanning(actie.planning).soort === 'doorlopend' ? 'doorlopend' : 'eenmalig';
}

/** The rule for standing commitments in one Dutch sentence, as the dashboard and the report show it. */
export const DOORLOPEND_LINE =
  'Een planning die eindigt op “en verder” is een doorlopende afspraak: op tijd als het werk op die datum is begonnen, daarna beoordeeld op het volhouden (voor 11.5 de borging per MT), nooit “niet gehaald” omdat de datum voorbij is.';
