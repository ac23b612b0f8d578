/**
 * Group calendar events as Microsoft Graph models them (https://learn.microsoft.com/graph/api/resources/event,
 * https://learn.microsoft.com/graph/api/resources/patternedrecurrence), and the expansion of a
 * series into the occurrences a calendarView returns. Pure: no storage, no clock.
 *
 * Times are wall-clock times in a time zone (`{dateTime, timeZone}`), so a weekly 09:00 meeting in
 * Europe/Amsterdam stays at 09:00 across daylight saving time, as Outlook keeps it.
 */
import { z } from 'zod';

/** Windows zone names Graph uses, mapped to IANA; IANA names are accepted as they are. */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Eastern Standard Time': 'America/New_York',
};

/** The IANA zone for a Graph time zone name, or undefined when unknown. */
export function ianaZone(name: string): string | undefined {
  const mapped = WINDOWS_ZONES[name] ?? name;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: mapped });
    return mapped;
  } catch {
    return undefined; // not a zone Intl knows: the caller refuses it with 400
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock time of an instant in a zone. */
export function toLocal(epochMs: number, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochMs)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function offsetMs(epochMs: number, zone: string): number {
  const p = toLocal(epochMs, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone (a time skipped by DST moves forward, as Outlook does). */
export function fromLocal(local: LocalDateTime, zone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = guess - offsetMs(guess, zone);
  return guess - offsetMs(first, zone);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** Reads Graph's `dateTime` (local, no zone): `2026-03-02T09:00:00` or with fractions. */
export function parseLocal(text: string): LocalDateTime | undefined {
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const local = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day));
  if (check.getUTCMonth() !== local.month - 1 || local.hour > 23 || local.minute > 59 || local.second > 59)
    return undefined;
  return local;
}

/** Graph's `dateTimeTimeZone.dateTime` for an instant in a zone: seven fraction digits, no offset. */
export function formatLocal(epochMs: number, zone: string): string {
  const p = toLocal(epochMs, zone);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.0000000`;
}

// ---------------------------------------------------------------------------------------------
// The event resource (the part the sandbox keeps)
// ---------------------------------------------------------------------------------------------

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
type DayOfWeek = (typeof DAYS)[number];
const WEEK_INDEX = ['first', 'second', 'third', 'fourth', 'last'] as const;

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().default('UTC') });
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const recurrenceSchema = z.object({
  pattern: z.object({
    type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
    interval: z.number().int().min(1).max(99),
    daysOfWeek: z.array(z.enum(DAYS)).optional(),
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    firstDayOfWeek: z.enum(DAYS).optional(),
    index: z.enum(WEEK_INDEX).optional(),
  }),
  range: z.object({
    type: z.enum(['endDate', 'noEnd', 'numbered']),
    startDate: calendarDate,
    endDate: calendarDate.optional(),
    numberOfOccurrences: z.number().int().min(0).optional(),
    recurrenceTimeZone: z.string().optional(),
  }),
});

export type PatternedRecurrence = z.infer<typeof recurrenceSchema>;

/**
 * What a test (or `npm start`) posts to `POST /_sandbox/groups/{id}/events`: Graph's event create
 * body, plus what a series collects over time in Outlook: cancelled occurrences and moved ones
 * (exceptions), named by their original local date.
 */
export const eventInputSchema = z
  .object({
    subject: z.string().min(1),
    start: dateTimeTimeZone,
    end: dateTimeTimeZone,
    location: z.object({ displayName: z.string() }).optional(),
    recurrence: recurrenceSchema.nullable().optional(),
    isCancelled: z.boolean().optional(),
    cancelledOccurrences: z.array(calendarDate).optional(),
    exceptions: z
      .array(z.object({ originalDate: calendarDate, start: dateTimeTimeZone, end: dateTimeTimeZone }))
      .optional(),
  })
  .strict();

export type EventInput = z.infer<typeof eventInputSchema>;

export type EventRecord = EventInput & { id: string; groupId: string; createdAt: number; modifiedAt: number };

/** Checks what zod cannot: real zones, times, order, and what the expansion supports. Returns the problem, or undefined. */
export function eventProblem(input: EventInput): string | undefined {
  for (const [name, value] of [
    ['start', input.start],
    ['end', input.end],
    ...(input.exceptions ?? []).flatMap(
      (e) =>
        [
          ['exception start', e.start],
          ['exception end', e.end],
        ] as const,
    ),
  ] as const) {
    if (!parseLocal(value.dateTime))
      return `${name}.dateTime '${value.dateTime}' is not a local date-time (YYYY-MM-DDTHH:mm:ss).`;
    if (!ianaZone(value.timeZone)) return `${name}.timeZone '${value.timeZone}' is not a known time zone.`;
  }
  if (instantOf(input.end) <= instantOf(input.start)) return 'end must be after start.';
  const r = input.recurrence;
  if (!r) return undefined;
  if (r.pattern.type === 'absoluteYearly' || r.pattern.type === 'relativeYearly')
    return `The sandbox does not expand ${r.pattern.type} recurrences.`;
  if (r.pattern.type === 'weekly' && !r.pattern.daysOfWeek?.length) return 'A weekly pattern needs daysOfWeek.';
  if (r.pattern.type === 'absoluteMonthly' && r.pattern.dayOfMonth === undefined)
    return 'An absoluteMonthly pattern needs dayOfMonth.';
  if (r.pattern.type === 'relativeMonthly' && r.pattern.daysOfWeek?.length !== 1)
    return 'The sandbox expands relativeMonthly patterns with exactly one day of the week.';
  if (r.range.type === 'endDate' && !r.range.endDate) return 'A range of type endDate needs endDate.';
  if (r.range.type === 'numbered' && !r.range.numberOfOccurrences)
    return 'A range of type numbered needs numberOfOccurrences.';
  if (r.range.recurrenceTimeZone && !ianaZone(r.range.recurrenceTimeZone))
    return `recurrenceTimeZone '${r.range.recurrenceTimeZone}' is not a known time zone.`;
  return undefined;
}

/** The instant of a `{dateTime, timeZone}`. Only call after {@link eventProblem} passed. */
export function instantOf(value: { dateTime: string; timeZone: string }): number {
  const local = parseLocal(value.dateTime);
  const zone = ianaZone(value.timeZone);
  if (!local || !zone) throw new Error(`Invalid dateTimeTimeZone ${JSON.stringify(value)}`);
  return fromLocal(local, zone);
}

// ---------------------------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------------------------

export type Occurrence = {
  type: 'singleInstance' | 'occurrence' | 'exception';
  /** The original local date (YYYY-MM-DD) in the series' zone; undefined for a single instance. */
  originalDate?: string;
  /** The original start, before any move. */
  originalStart: number;
  start: number;
  end: number;
};

type Day = { year: number; month: number; day: number };

function dayNumber(d: Day): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

function fromDayNumber(n: number): Day {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function dayKey(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function parseDay(text: string): Day {
  const [y, m, d] = text.split('-').map(Number);
  return { year: y ?? 0, month: m ?? 1, day: d ?? 1 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates of a pattern from the range's start date, in order, until `stop` says so. */
function* patternDates(r: PatternedRecurrence): Generator<Day> {
  const start = parseDay(r.range.startDate);
  const startN = dayNumber(start);
  const p = r.pattern;
  if (p.type === 'daily') {
    for (let n = startN; ; n += p.interval) yield fromDayNumber(n);
  }
  if (p.type === 'weekly') {
    const first = DAYS.indexOf(p.firstDayOfWeek ?? 'sunday');
    const weekday = (n: number) => (n + 4) % 7; // day number 0 (1970-01-01) was a Thursday
    const weekStart = startN - ((weekday(startN) - first + 7) % 7);
    const offsets = [...new Set((p.daysOfWeek ?? []).map((d: DayOfWeek) => (DAYS.indexOf(d) - first + 7) % 7))].sort(
      (a, b) => a - b,
    );
    for (let w = weekStart; ; w += 7 * p.interval) {
      for (const o of offsets) if (w + o >= startN) yield fromDayNumber(w + o);
    }
  }
  for (let k = 0; ; k += p.interval) {
    const monthIndex = start.month - 1 + k;
    const year = start.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    let day: number;
    if (p.type === 'absoluteMonthly') {
      day = Math.min(p.dayOfMonth ?? 1, daysInMonth(year, month));
    } else {
      const target = DAYS.indexOf(p.daysOfWeek?.[0] ?? 'monday');
      const firstWeekday = (dayNumber({ year, month, day: 1 }) + 4) % 7;
      const firstMatch = 1 + ((target - firstWeekday + 7) % 7);
      const index = p.index ?? 'first';
      if (index === 'last') {
        day = firstMatch + 7 * Math.floor((daysInMonth(year, month) - firstMatch) / 7);
      } else {
        day = firstMatch + 7 * WEEK_INDEX.indexOf(index);
        if (day > daysInMonth(year, month)) continue;
      }
    }
    const candidate = { year, month, day };
    if (dayNumber(candidate) >= startN) yield candidate;
  }
}

/** Stops runaway expansions (a daily series over centuries) with a clear error instead of a hang. */
const MAX_STEPS = 200_000;

/**
 * The occurrences of an event that overlap [from, to): a single instance as itself, a series
 * expanded by its pattern and range, without cancelled occurrences, with moved ones at their new
 * time (type `exception`). Ordered by start.
 */
export function expandEvent(event: EventInput, from: number, to: number): Occurrence[] {
  if (event.isCancelled) return [];
  const start = instantOf(event.start);
  const duration = instantOf(event.end) - start;
  const overlaps = (o: { start: number; end: number }) => o.start < to && o.end > from;
  if (!event.recurrence) {
    const single = { type: 'singleInstance' as const, originalStart: start, start, end: start + duration };
    return overlaps(single) ? [single] : [];
  }
  const r = event.recurrence;
  const zone = ianaZone(r.range.recurrenceTimeZone ?? event.start.timeZone) ?? 'UTC';
  const time = toLocal(start, zone);
  const cancelled = new Set(event.cancelledOccurrences ?? []);
  const moved = new Map((event.exceptions ?? []).map((e) => [e.originalDate, e]));
  const endDay = r.range.type === 'endDate' && r.range.endDate ? dayNumber(parseDay(r.range.endDate)) : Infinity;
  const count = r.range.type === 'numbered' ? (r.range.numberOfOccurrences ?? 0) : Infinity;
  // Moved occurrences may land far from their original date; look that far around the window.
  const slack =
    Math.max(
      0,
      ...[...moved.values()].map((e) =>
        Math.abs(instantOf(e.start) - instantOf({ dateTime: `${e.originalDate}T00:00:00`, timeZone: zone })),
      ),
    ) + 86_400_000;

  const out: Occurrence[] = [];
  let seen = 0;
  let steps = 0;
  for (const day of patternDates(r)) {
    if ((steps += 1) > MAX_STEPS) throw new Error('The recurrence expands to too many occurrences for this window.');
    if (dayNumber(day) > endDay || seen >= count) break;
    seen += 1;
    const originalStart = fromLocal({ ...day, hour: time.hour, minute: time.minute, second: time.second }, zone);
    if (originalStart - slack >= to) break;
    const key = dayKey(day);
    if (cancelled.has(key)) continue;
    const exception = moved.get(key);
    const occurrence: Occurrence = exception
      ? {
          type: 'exception',
          originalDate: key,
          originalStart,
          start: instantOf(exception.start),
          end: instantOf(exception.end),
        }
      : { type: 'occurrence', originalDate: key, originalStart, start: originalStart, end: originalStart + duration };
    if (overlaps(occurrence)) out.push(occurrence);
  }
  return out.sort((a, b) => a.start - b.start);
}
