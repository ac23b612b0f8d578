/**
 * Meeting recurrence: the meetings an MT's schedule (`schedule.ts`) yields, and when the reminder for each goes out.
 * One expansion for the reminder job's planner and for the tab (next meeting, reminder status), so both always agree.
 * Pure: every instant is a parameter.
 *
 * Recurrence is expanded by `rrule`, never by our own date arithmetic. rrule has no reliable time-zone support, so it
 * runs in "floating" time: a Date whose UTC fields hold the Amsterdam wall-clock time ("09:00 on Tuesday"). Only at the
 * edges do we convert between floating time and real instants, through @date-fns/tz, which knows the DST switches.
 * That is what keeps a 09:00 meeting at 09:00 local on both sides of the last Sunday of March and October.
 *
 * Schedule exceptions (`ScheduleExceptions`) are local wall-clock texts, because that is what an MT secretary knows:
 * - `cancelled`: `YYYY-MM-DDTHH:mm` cancels the meeting at that local time; `YYYY-MM-DD` cancels every meeting that
 *   day. They become EXDATEs of the rrule set.
 * - `moved`: `{ from, to }`, `from` as above, `to` always `YYYY-MM-DDTHH:mm`. `from` becomes an EXDATE and `to` an
 *   RDATE. A `from` that matches no meeting still adds `to`: better one reminder too many than a meeting without one.
 */
import { TZDate } from '@date-fns/tz';
import { subMinutes } from 'date-fns';
import rrule from 'rrule';
import type {
  Options as RRuleOptions,
  RRule as RRuleType,
  RRuleSet as RRuleSetType,
  Weekday as WeekdayType,
} from 'rrule';
import { addDays, AMSTERDAM, amsterdamDate, isValidCalendarDate } from './dates.js';
import type { CalendarDate } from './model.js';
import { scheduleGaps, type MeetingSchedule } from './schedule.js';

// rrule 2.8 ships CommonJS under "main" (a UMD bundle whose names Node's ESM loader cannot see: only `default`, its
// module.exports) and ESM under "module" (named exports, no default). One import form for both runtimes: the default
// import, which is module.exports in Node; the browser builds take the same CommonJS file (vite.config.ts,
// vite.addin.config.ts alias `rrule`), so no runtime imports a default the module does not have.
const { RRule, RRuleSet, Weekday } = rrule;

// ---------- exceptions ----------

/** Cancelled and moved meetings, as local Amsterdam wall-clock texts (see the module comment). */
export type ScheduleExceptions = {
  cancelled: readonly string[];
  moved: readonly { from: string; to: string }[];
};

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

type LocalMoment = { kind: 'moment'; floating: Date } | { kind: 'day'; date: CalendarDate };

function parseLocal(text: string, allowDay: boolean, what: string): LocalMoment {
  const t = text.trim();
  if (allowDay && isValidCalendarDate(t)) return { kind: 'day', date: t };
  const m = LOCAL_DATE_TIME.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s] = m;
    const date = `${y}-${mo}-${d}`;
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (isValidCalendarDate(date) && hour <= 23 && minute <= 59 && second <= 59) {
      return { kind: 'moment', floating: floatingAt(date, hour, minute, second) };
    }
  }
  const expected = allowDay ? 'YYYY-MM-DD of YYYY-MM-DDTHH:mm' : 'YYYY-MM-DDTHH:mm';
  throw new RangeError(`${what}: ${JSON.stringify(text)} is geen lokale tijd (${expected}, Europe/Amsterdam)`);
}

// ---------- floating time ----------

/** The Amsterdam wall-clock time of an instant, as a floating Date (UTC fields = local time). */
function toFloating(instant: Date): Date {
  const t = new TZDate(instant.getTime(), AMSTERDAM);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

/** The instant at which an Amsterdam wall-clock time (floating Date) happens. */
function fromFloating(f: Date): Date {
  const t = new TZDate(
    f.getUTCFullYear(),
    f.getUTCMonth(),
    f.getUTCDate(),
    f.getUTCHours(),
    f.getUTCMinutes(),
    f.getUTCSeconds(),
    AMSTERDAM,
  );
  return new Date(t.getTime());
}

/** A local Amsterdam date and time as a floating Date. */
function floatingAt(date: CalendarDate, hour: number, minute: number, second: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute, second));
}

function floatingDay(date: CalendarDate): { start: Date; end: Date } {
  return { start: floatingAt(date, 0, 0, 0), end: floatingAt(date, 23, 59, 59) };
}

// ---------- recurrence ----------

/** What a schedule must name to pin down meetings without depending on the window it is asked about. */
export function recurrenceGaps(s: MeetingSchedule): ('start' | 'tijd')[] {
  const gaps = new Set(scheduleGaps(s));
  if (!s.dtstart) {
    // Without DTSTART rrule anchors on the window's start: COUNT would count from there, and a monthly rule without a
    // day would take the window's day of month.
    if (s.count !== undefined) gaps.add('start');
    if (s.freq === 'MONTHLY' && s.byDay.length === 0 && s.byMonthDay.length === 0) gaps.add('start');
  }
  return [...gaps].sort();
}

function parseUntil(raw: string): Date {
  const y = Number(raw.slice(0, 4));
  const mo = Number(raw.slice(4, 6)) - 1;
  const d = Number(raw.slice(6, 8));
  if (raw.length === 8) return new Date(Date.UTC(y, mo, d, 23, 59, 59));
  const time = new Date(
    Date.UTC(y, mo, d, Number(raw.slice(9, 11)), Number(raw.slice(11, 13)), Number(raw.slice(13, 15))),
  );
  // UNTIL in UTC (…Z) is an instant; without Z it is already local wall-clock time.
  return raw.endsWith('Z') ? toFloating(time) : time;
}

function weekday(day: MeetingSchedule['byDay'][number]): WeekdayType {
  const w = Weekday.fromStr(day.day);
  return day.ordinal === undefined ? w : w.nth(day.ordinal);
}

function baseRule(s: MeetingSchedule, anchor: Date): RRuleType {
  const options: Partial<RRuleOptions> = {
    freq: s.freq === 'DAILY' ? RRule.DAILY : s.freq === 'WEEKLY' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: s.interval,
    // Without DTSTART: midnight (local) before the window; with BYHOUR given, minute and second then default to 0.
    dtstart: s.dtstart
      ? floatingAt(s.dtstart.date, s.dtstart.hour, s.dtstart.minute, s.dtstart.second)
      : floatingDay(amsterdamDate(anchor)).start,
    tzid: null,
  };
  if (s.byDay.length > 0) options.byweekday = s.byDay.map(weekday);
  if (s.byMonthDay.length > 0) options.bymonthday = s.byMonthDay;
  if (s.byHour.length > 0) options.byhour = s.byHour;
  if (s.byMinute.length > 0) options.byminute = s.byMinute;
  if (s.count !== undefined) options.count = s.count;
  if (s.until !== undefined) options.until = parseUntil(s.until);
  if (s.wkst !== undefined) options.wkst = Weekday.fromStr(s.wkst);
  return new RRule(options);
}

/** One meeting as the planner sees it. Times are instants. */
export type Occurrence = {
  start: Date;
  /** For a moved meeting: when it was originally planned. */
  movedFrom?: Date;
};

/** An occurrence with whether it was cancelled (the planner reports cancellations while their reminder was due). */
export type ExpandedOccurrence = Occurrence & { cancelled: boolean };

/** Most meetings one schedule may yield in one window; a runaway rule (every minute) must not stall the job. */
export const MAX_OCCURRENCES_PER_WINDOW = 500;

type RecurrenceSet = { set: RRuleSetType; base: RRuleType; cancelled: Date[]; movedFromByTo: Map<number, Date> };

function buildRecurrence(s: MeetingSchedule, anchor: Date, exceptions: ScheduleExceptions | undefined): RecurrenceSet {
  const base = baseRule(s, anchor);
  const set = new RRuleSet();
  set.rrule(base);
  const cancelled: Date[] = [];
  const movedFromByTo = new Map<number, Date>();
  const momentsOf = (m: LocalMoment): Date[] => {
    if (m.kind === 'moment') return [m.floating];
    const day = floatingDay(m.date);
    return base.between(day.start, day.end, true);
  };
  // The schedule's own EXDATEs (the tab's "vervallen" dates) and the exceptions given are one list of cancellations.
  for (const text of [...(s.exdates ?? []), ...(exceptions?.cancelled ?? [])]) {
    for (const f of momentsOf(parseLocal(text, true, 'Vervallen vergadering'))) {
      set.exdate(f);
      cancelled.push(f);
    }
  }
  for (const move of exceptions?.moved ?? []) {
    const from = momentsOf(parseLocal(move.from, true, 'Verplaatst van'));
    const to = parseLocal(move.to, false, 'Verplaatst naar');
    if (to.kind !== 'moment') throw new RangeError('Verplaatst naar: tijd ontbreekt');
    for (const f of from) set.exdate(f);
    set.rdate(to.floating);
    const original = from[0];
    if (original) movedFromByTo.set(to.floating.getTime(), original);
  }
  return { set, base, cancelled, movedFromByTo };
}

function expand(rec: RecurrenceSet, from: Date, to: Date): ExpandedOccurrence[] {
  // Pad the floating window by a day: around the October switch one local hour happens twice, so the floating window
  // is only approximately the real one. The exact filter on instants follows.
  const fFrom = new Date(toFloating(from).getTime() - 86_400_000);
  const fTo = new Date(toFloating(to).getTime() + 86_400_000);
  const limit = (_d: Date, len: number): boolean => len < MAX_OCCURRENCES_PER_WINDOW;
  const out: ExpandedOccurrence[] = [];
  for (const f of rec.set.between(fFrom, fTo, true, limit)) {
    const o: ExpandedOccurrence = { start: fromFloating(f), cancelled: false };
    const original = rec.movedFromByTo.get(f.getTime());
    if (original) o.movedFrom = fromFloating(original);
    out.push(o);
  }
  for (const f of rec.cancelled) {
    if (f >= fFrom && f <= fTo) out.push({ start: fromFloating(f), cancelled: true });
  }
  return out
    .filter((o) => o.start >= from && o.start <= to)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || Number(a.cancelled) - Number(b.cancelled));
}

function nextAfter(rec: RecurrenceSet, start: Date): Date | undefined {
  const f = rec.set.after(toFloating(start), false);
  return f ? fromFloating(f) : undefined;
}

/**
 * The meetings of a schedule that start in [from, to] (inclusive), in order, as instants: the rule expanded in
 * Amsterdam wall-clock time, minus cancelled meetings, with moved meetings at their new time.
 * @throws RangeError when an exception text is not a local time, or the schedule lacks a start it needs
 *   (`recurrenceGaps`).
 */
export function occurrencesBetween(
  schedule: MeetingSchedule,
  from: Date,
  to: Date,
  exceptions?: ScheduleExceptions,
): Occurrence[] {
  const gaps = recurrenceGaps(schedule);
  if (gaps.length > 0) throw new RangeError(`occurrencesBetween: het schema mist ${gaps.join(' en ')}`);
  return expand(buildRecurrence(schedule, from, exceptions), from, to)
    .filter((o) => !o.cancelled)
    .map(({ cancelled: _c, ...o }) => o);
}

/** A schedule with its exceptions, expanded on demand. */
export type Recurrence = {
  /** The meetings that start in [from, to] (inclusive), in order, cancelled ones included and marked. */
  between(from: Date, to: Date): ExpandedOccurrence[];
  /** The first meeting strictly after `start` (cancelled meetings left out), or undefined when the rule has ended. */
  after(start: Date): Date | undefined;
};

/**
 * The recurrence of a schedule. `anchor` stands in for a missing DTSTART (midnight of its Amsterdam date); pass the
 * start of the window you will ask about.
 * @throws RangeError when an exception text is not a local time, or the schedule lacks a start it needs
 *   (`recurrenceGaps`).
 */
export function recurrence(schedule: MeetingSchedule, anchor: Date, exceptions?: ScheduleExceptions): Recurrence {
  const gaps = recurrenceGaps(schedule);
  if (gaps.length > 0) throw new RangeError(`recurrence: het schema mist ${gaps.join(' en ')}`);
  const rec = buildRecurrence(schedule, anchor, exceptions);
  return { between: (from, to) => expand(rec, from, to), after: (start) => nextAfter(rec, start) };
}

/**
 * The first meeting strictly after `now`, or undefined: the rule has ended, or the schedule lacks a start or time it
 * needs (`recurrenceGaps`). What the tab shows as "next meeting"; the job's planner expands the same way.
 */
export function nextOccurrence(
  schedule: MeetingSchedule,
  now: Date,
  exceptions?: ScheduleExceptions,
): Date | undefined {
  if (recurrenceGaps(schedule).length > 0) return undefined;
  return nextAfter(buildRecurrence(schedule, now, exceptions), now);
}

// ---------- lead time ----------

/** The hour (Amsterdam) at which the default reminder goes out on the working day before the meeting. */
export const DEFAULT_REMINDER_HOUR = 9;
/** How far back the default lead time looks for a working day before giving up (a month of holidays is a typo). */
export const MAX_DAYS_BACK = 31;

function isWorkingDay(date: CalendarDate, holidays: ReadonlySet<CalendarDate>): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = new TZDate(y, m - 1, d, 12, 0, 0, AMSTERDAM).getDay();
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

/**
 * The longest run of consecutive days without a working day (Saturdays, Sundays and `holidays`) that holds at least
 * one of the `holidays`, when it is `MAX_DAYS_BACK` days or longer: with such a run `reminderTime` finds no day to send
 * a card on before a meeting just after it, and throws. Undefined when every run is shorter. The configuration checks
 * its closing days with it, so that a month of closing days is refused at start, naming the variable.
 */
export function stretchWithoutWorkingDay(
  holidays: Iterable<CalendarDate>,
): { from: CalendarDate; to: CalendarDate; days: number } | undefined {
  const set = new Set(holidays);
  const seen = new Set<CalendarDate>();
  let longest: { from: CalendarDate; to: CalendarDate; days: number } | undefined;
  for (const holiday of [...set].sort()) {
    if (seen.has(holiday)) continue;
    let from = holiday;
    let to = holiday;
    // Bounded: each step needs a weekend day or a listed holiday, and the holidays are finite.
    while (!isWorkingDay(addDays(from, -1), set)) from = addDays(from, -1);
    while (!isWorkingDay(addDays(to, 1), set)) to = addDays(to, 1);
    for (let d = from; d <= to; d = addDays(d, 1)) seen.add(d);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
    if (days >= MAX_DAYS_BACK && (!longest || days > longest.days)) longest = { from, to, days };
  }
  return longest;
}

/** `hour:minute:second` Amsterdam time on the last working day before `date`. */
function onWorkingDayBefore(
  date: CalendarDate,
  time: { hour: number; minute: number; second: number },
  holidays: ReadonlySet<CalendarDate>,
  start: Date,
): Date {
  let day = addDays(date, -1);
  for (let i = 0; i < MAX_DAYS_BACK; i += 1) {
    if (isWorkingDay(day, holidays)) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return new Date(new TZDate(y, m - 1, d, time.hour, time.minute, time.second, AMSTERDAM).getTime());
    }
    day = addDays(day, -1);
  }
  throw new RangeError(`reminderTime: geen werkdag in de ${MAX_DAYS_BACK} dagen voor ${amsterdamDate(start)}`);
}

/**
 * When the reminder for a meeting starting at `start` goes out:
 * - with `voorlooptijdMinuten` (a whole number ≥ 1): exactly that many minutes before the start. This is a duration,
 *   so a 1440-minute lead before a meeting just after a DST switch lands at 08:00 or 10:00 local the day before.
 *   When that moment falls on one of the `holidays`, the card goes out at the same local time on the last working
 *   day before it (a Tuesday meeting after Easter Monday: the Friday before);
 * - otherwise (absent, 0, negative or not a number): 09:00 Amsterdam on the last working day before the meeting's
 *   date, skipping Saturdays, Sundays and `holidays` (Friday 09:00 for a Monday meeting).
 * @throws RangeError when no working day lies within 31 days before the meeting (or the holiday).
 */
export function reminderTime(
  start: Date,
  options: { voorlooptijdMinuten?: number; holidays?: Iterable<CalendarDate> } = {},
): Date {
  const lead = options.voorlooptijdMinuten;
  const holidays = new Set(options.holidays ?? []);
  if (lead !== undefined && Number.isInteger(lead) && lead >= 1) {
    const at = subMinutes(start, lead);
    const day = amsterdamDate(at);
    if (!holidays.has(day)) return at;
    const local = new TZDate(at.getTime(), AMSTERDAM);
    return onWorkingDayBefore(
      day,
      { hour: local.getHours(), minute: local.getMinutes(), second: local.getSeconds() },
      holidays,
      start,
    );
  }
  return onWorkingDayBefore(
    amsterdamDate(start),
    { hour: DEFAULT_REMINDER_HOUR, minute: 0, second: 0 },
    holidays,
    start,
  );
}
