/**
 * Calendar dates as the plan knows them: a day in Europe/Amsterdam, written `YYYY-MM-DD`.
 *
 * Deadlines are date-only. SharePoint (and Graph) return a date-only column as the UTC instant of
 * midnight in the site's time zone, so 30 June comes back as `2025-06-29T22:00:00Z` in summer and
 * 15 January as `2025-01-14T23:00:00Z` in winter. Every conversion takes the offset (and its DST switches) from the
 * time zone database, never from our own arithmetic: through Temporal or Intl (below) and @date-fns/tz.
 */
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysFns } from 'date-fns';
import type { CalendarDate, Kwartaal } from './model.js';

/** The time zone of every calendar date in the plan. */
export const AMSTERDAM = 'Europe/Amsterdam';

/** The Dutch month names, January first: the report writes dates with them and the tab reads typed dates with them. */
export const MONTHS_NL = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const KWARTAAL = /^(\d{4})-Q([1-4])$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatParts(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Splits a valid calendar date into numbers; throws a RangeError for anything else. */
function parts(d: CalendarDate): { year: number; month: number; day: number } {
  if (!isValidCalendarDate(d)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  const m = CALENDAR_DATE.exec(d);
  // isValidCalendarDate guarantees the match; the check keeps noUncheckedIndexedAccess honest.
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined)
    throw new RangeError(`Not a calendar date: ${d}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The calendar date of an instant in a time zone comes from the time zone database in one of two ways, both the
 * platform's (ICU's data either way, never our own arithmetic):
 * - `Temporal`, ECMAScript's date API, where the platform has it (the browsers the tab runs in are getting it; Chromium
 *   156 on our machines has it, Node 20 has not). Its first conversion costs about half a millisecond;
 * - otherwise one `Intl.DateTimeFormat` per time zone, made once and reused. A page's first `Intl.DateTimeFormat`
 *   loads ICU's calendar and locale data as well: 15–40 ms of a cold page's main thread, where the tab's first view has
 *   no other use for it (issue 16). A new TZDate (or formatter) per call cost tens of milliseconds more.
 * Both answer the same; tests/unit/domain/dates-temporal.test.ts compares them hour by hour across DST changes.
 */
type ZonedCalendar = { year: number; month: number; day: number };
type PlatformTemporal = {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): ZonedCalendar } };
};

/** The platform's Temporal, when it has one (read per call: a test may give or take it). */
function platformTemporal(): PlatformTemporal | undefined {
  const candidate = (globalThis as { Temporal?: Partial<PlatformTemporal> }).Temporal;
  return typeof candidate?.Instant?.fromEpochMilliseconds === 'function' && candidate !== unusableTemporal
    ? (candidate as PlatformTemporal)
    : undefined;
}

/** A Temporal that threw on a conversion (a partial or early one, without the named time zones): not asked again. */
let unusableTemporal: unknown;

const formatters = new Map<string, Intl.DateTimeFormat>();

function calendarDateFormatter(timeZone: string): Intl.DateTimeFormat {
  const key = `${timeZone}|y-m-d`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date of the instant `ms` on a clock in `timeZone`. */
function zonedCalendarDate(ms: number, timeZone: string): CalendarDate {
  const temporal = platformTemporal();
  if (temporal) {
    try {
      const zoned = temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
      return formatParts(zoned.year, zoned.month, zoned.day);
    } catch {
      unusableTemporal = temporal;
    }
  }
  return intlCalendarDate(ms, timeZone);
}

/** The same through `Intl.DateTimeFormat`: the way without Temporal. */
function intlCalendarDate(ms: number, timeZone: string): CalendarDate {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of calendarDateFormatter(timeZone).formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return formatParts(year, month, day);
}

/**
 * Makes the first Amsterdam calendar date now, so that the first date read later does not pay for it: without Temporal
 * that is the first `Intl.DateTimeFormat` (see above), 15–40 ms of a cold page's main thread; with it, about half a
 * millisecond. The tab calls it while its plan's `$batch` travels, so the plan's mapping after the answer runs without
 * it (issue 16).
 */
export function prepareAmsterdamDates(): void {
  zonedCalendarDate(0, AMSTERDAM);
}

/** Midnight at the start of `d` in Amsterdam, as a TZDate. */
function amsterdamMidnight(d: CalendarDate): TZDate {
  const { year, month, day } = parts(d);
  return new TZDate(year, month - 1, day, AMSTERDAM);
}

/** The Amsterdam calendar date a TZDate (in Amsterdam) falls on. */
function toCalendarDate(t: TZDate): CalendarDate {
  return formatParts(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/**
 * Today in Amsterdam: the calendar date of the instant `now` on a clock in Europe/Amsterdam.
 * `2025-06-29T22:30:00Z` is already 30 June there (CEST, UTC+2); `2025-01-14T22:30:00Z` is still 14 January (CET, UTC+1).
 * @throws RangeError when `now` is an invalid Date.
 */
export function amsterdamDate(now: Date): CalendarDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('amsterdamDate: now is an invalid Date');
  return zonedCalendarDate(now.getTime(), AMSTERDAM);
}

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD` (so `2025-02-29` and `2025-13-01` are not).
 * Accepts any value so it can guard untrusted input.
 */
export function isValidCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = CALENDAR_DATE.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month; a pure calendar question, no time zone involved.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Orders two calendar dates: negative when `a` is earlier, 0 when equal, positive when later.
 * Usable as an `Array.prototype.sort` comparator.
 * @throws RangeError when either is not a valid calendar date.
 */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  parts(a);
  parts(b);
  // Zero-padded ISO dates order lexicographically exactly as they order in time.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date `days` days after `d` (before, when negative). Calendar days, so a DST switch
 * in between does not move the result.
 * @throws RangeError when `d` is not a valid calendar date or `days` is not a whole number.
 */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be a whole number, got ${days}`);
  return toCalendarDate(addDaysFns(amsterdamMidnight(d), days));
}

/**
 * The UTC instant of midnight Amsterdam at the start of `d`, as `YYYY-MM-DDTHH:mm:ssZ`: the form in which
 * SharePoint stores and returns a date-only column on a site in Europe/Amsterdam.
 * `'2025-06-30'` → `'2025-06-29T22:00:00Z'`, `'2025-01-15'` → `'2025-01-14T23:00:00Z'`.
 * @throws RangeError when `d` is not a valid calendar date.
 */
export function calendarDateToInstant(d: CalendarDate): string {
  const iso = new Date(amsterdamMidnight(d).getTime()).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/**
 * The Amsterdam calendar date of an ISO instant (the reverse of `calendarDateToInstant`).
 * `'2025-06-29T22:00:00Z'` → `'2025-06-30'`. Fractional seconds and explicit offsets are accepted;
 * a bare `YYYY-MM-DD` is already a calendar date and is returned as is.
 * @throws RangeError when `iso` is neither an ISO instant nor a calendar date.
 */
export function instantToCalendarDate(iso: string): CalendarDate {
  const datePart = iso.slice(0, 10);
  if (datePart === iso && isValidCalendarDate(iso)) return iso;
  // V8's Date.parse rolls 30 February over into March; the date part must be a real date first.
  if (!ISO_INSTANT.test(iso) || !isValidCalendarDate(datePart)) {
    throw new RangeError(`Not an ISO instant: ${JSON.stringify(iso)}`);
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${JSON.stringify(iso)}`);
  return zonedCalendarDate(ms, AMSTERDAM);
}

/** Whether `s` is a quarter written `YYYY-Qn`, e.g. `2026-Q1`. */
export function isValidKwartaal(s: unknown): s is Kwartaal {
  return typeof s === 'string' && KWARTAAL.test(s);
}

/**
 * The quarter (`2026-Q3`) a calendar date falls in.
 * @throws RangeError when `d` is not a valid calendar date.
 */
export function kwartaalOf(d: CalendarDate): Kwartaal {
  const { year, month } = parts(d);
  return `${pad(year, 4)}-Q${Math.ceil(month / 3)}`;
}

/** The current quarter in Amsterdam at the instant `now`. */
export function currentKwartaal(now: Date): Kwartaal {
  return kwartaalOf(amsterdamDate(now));
}

/**
 * The first and last calendar date of a quarter: `2026-Q3` → `{ start: '2026-07-01', einde: '2026-09-30' }`.
 * @throws RangeError when `k` is not of the form `YYYY-Qn`.
 */
export function kwartaalPeriod(k: Kwartaal): { start: CalendarDate; einde: CalendarDate } {
  const m = KWARTAAL.exec(k);
  if (!m || m[1] === undefined || m[2] === undefined)
    throw new RangeError(`Not a quarter (YYYY-Qn): ${JSON.stringify(k)}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const start = formatParts(year, (q - 1) * 3 + 1, 1);
  const nextStart = q === 4 ? formatParts(year + 1, 1, 1) : formatParts(year, q * 3 + 1, 1);
  return { start, einde: addDays(nextStart, -1) };
}
