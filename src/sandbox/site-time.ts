/**
 * Dates as SharePoint stores them for a site in Europe/Amsterdam.
 *
 * A `dateOnly` column holds a calendar date, kept as midnight in the site's time zone; Graph hands
 * it out as that instant in UTC (30 June 2025 becomes `2025-06-29T22:00:00Z`, 15 January becomes
 * `2025-01-14T23:00:00Z`). Graph writes instants with second precision and a `Z`.
 */

/** The site's regional setting. */
export const SITE_TIME_ZONE = 'Europe/Amsterdam';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: SITE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function zonedParts(epochMs: number): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** The site zone's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetMs(epochMs: number): number {
  const p = zonedParts(epochMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The UTC instant of midnight at the start of a calendar date in the site's time zone. */
export function siteMidnightUtc(year: number, month: number, day: number): number {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetMs(guess);
  // A second pass settles the offset on the other side of a DST switch.
  return guess - offsetMs(first);
}

/** The calendar date (in the site's time zone) of an instant. */
export function siteDateOf(epochMs: number): { year: number; month: number; day: number } {
  const p = zonedParts(epochMs);
  return { year: p.year, month: p.month, day: p.day };
}

/** Formats an instant the way Graph returns SharePoint dates: `YYYY-MM-DDTHH:mm:ssZ`. */
export function formatGraphInstant(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;

/** Parses `YYYY-MM-DD` into its parts, or undefined when it is not a real calendar date. */
export function parseCalendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_ONLY.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

/**
 * Reads a date value as SharePoint does on write. A calendar date means midnight in the site's
 * zone; an instant with a zone is taken as is; a date-time without a zone is site-local time.
 * Returns epoch milliseconds, or undefined for anything else.
 */
export function parseSiteDateTime(text: string): number | undefined {
  const date = parseCalendarDate(text);
  if (date) return siteMidnightUtc(date.year, date.month, date.day);
  if (INSTANT.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (LOCAL_DATE_TIME.test(text)) {
    const asUtc = Date.parse(`${text}Z`);
    if (Number.isNaN(asUtc)) return undefined;
    return asUtc - offsetMs(asUtc - offsetMs(asUtc));
  }
  return undefined;
}

/** Truncates an instant to the midnight (site zone) of its calendar date: how a `dateOnly` column stores it. */
export function toSiteDateOnly(epochMs: number): number {
  const d = siteDateOf(epochMs);
  return siteMidnightUtc(d.year, d.month, d.day);
}
