/**
 * From the college's planning text to dates (decisions.md, "Deadlines come from the planning text").
 */
import type { CalendarDate } from './model.js';

/** The dates a planning text implies. Both absent when the text names no period. */
export type PlanningDates = { deadline?: CalendarDate; start?: CalendarDate };

/**
 * The deadline (or start) the college's planning text implies:
 * - "1e halfjaar 2025" and "1e halfjaar 2025 en verder" → deadline 30 June of that year;
 * - "Geheel 2025", "2025 en verder" and "Geheel 2025 en verder" → deadline 31 December of that year;
 * - "Vanaf 2026" → no deadline, start 1 January of that year;
 * - anything else ("Loopt reeds", "Blijft onder de aandacht", no text) → neither.
 * Case, surrounding spaces and a final full stop do not matter. The seeded plan stores the outcome as data;
 * this function documents and tests the mapping, and can propose dates when an advies is added.
 */
export function datesFromPlanning(planning: string | undefined): PlanningDates {
  if (planning === undefined) return {};
  const text = planning.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');

  const halfjaar = /^1e halfjaar (\d{4})( en verder)?$/.exec(text);
  if (halfjaar?.[1]) return { deadline: `${halfjaar[1]}-06-30` };

  const jaar = /^(?:geheel (\d{4})|(\d{4}) en verder|geheel (\d{4}) en verder)$/.exec(text);
  const year = jaar?.[1] ?? jaar?.[2] ?? jaar?.[3];
  if (year) return { deadline: `${year}-12-31` };

  const vanaf = /^vanaf (\d{4})$/.exec(text);
  if (vanaf?.[1]) return { start: `${vanaf[1]}-01-01` };

  return {};
}
