import { MONTHS_NL } from '../../domain/dates.js';
import type { Locale } from '../i18n/format.js';

/**
 * The calendar-date text a person may type into a date field, read the way a Dutch reader means it: day first.
 * Accepted: `30-6-2025`, `30/06/2025`, `30.6.2025`, `30 jun 2025`, `30 juni 2025` (Dutch and English month
 * names, with or without a dot) and the ISO form `2025-06-30`. Anything else, or a day that does not exist
 * (31 april, 29 februari of a common year), is `undefined`: the field says so instead of guessing.
 */
export function parseCalendarDateText(text: string, locale: Locale): string | undefined {
  const s = text.trim().toLowerCase();
  if (!s) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (numeric) return validDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})\s+([a-z\u00e0-\u00ff]+)\.?\s+(\d{4})$/.exec(s);
  if (named) {
    const month = monthFromName(named[2] ?? '', locale);
    return month ? validDate(Number(named[3]), month, Number(named[1])) : undefined;
  }
  return undefined;
}

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month by its name or an abbreviation of at least three letters ("mrt" as Dutch writes March too). */
function monthFromName(name: string, locale: Locale): number | undefined {
  if (name === 'mrt') return 3;
  const lists = locale === 'en' ? [MONTHS_EN, MONTHS_NL] : [MONTHS_NL, MONTHS_EN];
  for (const list of lists) {
    const index = list.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (index >= 0) return index + 1;
  }
  return undefined;
}

function validDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A calendar date as the picker's `Date`: local noon of that day, so neither the browser's time zone nor a
 * daylight-saving switch can move it to another day. `undefined` for empty or malformed text.
 */
export function calendarDateToPickerDate(date: string | undefined): Date | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

/** The picker's `Date` back as a calendar date, read in local time as the calendar showed it. */
export function pickerDateToCalendarDate(date: Date): string {
  return `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
