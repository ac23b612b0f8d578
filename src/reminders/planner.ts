/**
 * The reminder planner: which MT meetings need their digitalisering agenda item posted now. Pure: the clock, what
 * was already sent and when the job last ran are all parameters, so a double timer tick, two instances or a restart
 * all plan the same thing; the reminder log's unique key (not this module) then decides who actually sends.
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
import rrulePackage from 'rrule';
import type { Options as RRuleOptions, RRule as RRuleType, RRuleSet as RRuleSetType, Weekday as WeekdayType } from 'rrule';
import { occurrenceKey } from '../domain/agenda.js';
import { addDays, AMSTERDAM, amsterdamDate, isValidCalendarDate } from '../domain/dates.js';
import type { CalendarDate, MT } from '../domain/model.js';
import { parseMeetingSchedule, scheduleGaps, type MeetingSchedule } from '../domain/schedule.js';

// rrule 2.8 ships CommonJS under "main"; Node's ESM loader exposes only its default export (module.exports).
const { RRule, RRuleSet, Weekday } = rrulePackage;

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
  const t = new TZDate(f.getUTCFullYear(), f.getUTCMonth(), f.getUTCDate(), f.getUTCHours(), f.getUTCMinutes(), f.getUTCSeconds(), AMSTERDAM);
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
export function plannerScheduleGaps(s: MeetingSchedule): ('start' | 'tijd')[] {
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
  const time = new Date(Date.UTC(y, mo, d, Number(raw.slice(9, 11)), Number(raw.slice(11, 13)), Number(raw.slice(13, 15))));
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
    dtstart: s.dtstart ? floatingAt(s.dtstart.date, s.dtstart.hour, s.dtstart.minute, s.dtstart.second) : floatingDay(amsterdamDate(anchor)).start,
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

type ExpandedOccurrence = Occurrence & { cancelled: boolean };

/** Most meetings one schedule may yield in one window; a runaway rule (every minute) must not stall the job. */
export const MAX_OCCURRENCES_PER_WINDOW = 500;

type Recurrence = { set: RRuleSetType; base: RRuleType; cancelled: Date[]; movedFromByTo: Map<number, Date> };

function buildRecurrence(s: MeetingSchedule, anchor: Date, exceptions: ScheduleExceptions | undefined): Recurrence {
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
  for (const text of exceptions?.cancelled ?? []) {
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

function expand(rec: Recurrence, from: Date, to: Date): ExpandedOccurrence[] {
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
  return out.filter((o) => o.start >= from && o.start <= to).sort((a, b) => a.start.getTime() - b.start.getTime() || Number(a.cancelled) - Number(b.cancelled));
}

function nextAfter(rec: Recurrence, start: Date): Date | undefined {
  const f = rec.set.after(toFloating(start), false);
  return f ? fromFloating(f) : undefined;
}

/**
 * The meetings of a schedule that start in [from, to] (inclusive), in order, as instants: the rule expanded in
 * Amsterdam wall-clock time, minus cancelled meetings, with moved meetings at their new time.
 * @throws RangeError when an exception text is not a local time, or the schedule lacks a start it needs
 *   (`plannerScheduleGaps`).
 */
export function occurrencesBetween(schedule: MeetingSchedule, from: Date, to: Date, exceptions?: ScheduleExceptions): Occurrence[] {
  const gaps = plannerScheduleGaps(schedule);
  if (gaps.length > 0) throw new RangeError(`occurrencesBetween: het schema mist ${gaps.join(' en ')}`);
  return expand(buildRecurrence(schedule, from, exceptions), from, to)
    .filter((o) => !o.cancelled)
    .map(({ cancelled: _c, ...o }) => o);
}

// ---------- lead time ----------

/** The hour (Amsterdam) at which the default reminder goes out on the working day before the meeting. */
export const DEFAULT_REMINDER_HOUR = 9;
/** How far back the default lead time looks for a working day before giving up (a month of holidays is a typo). */
const MAX_DAYS_BACK = 31;

function isWorkingDay(date: CalendarDate, holidays: ReadonlySet<CalendarDate>): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = new TZDate(y, m - 1, d, 12, 0, 0, AMSTERDAM).getDay();
  return dow !== 0 && dow !== 6 && !holidays.has(date);
}

/**
 * When the reminder for a meeting starting at `start` goes out:
 * - with `voorlooptijdMinuten` (a whole number ≥ 1): exactly that many minutes before the start. This is a duration,
 *   so a 1440-minute lead before a meeting just after a DST switch lands at 08:00 or 10:00 local the day before;
 * - otherwise (absent, 0, negative or not a number): 09:00 Amsterdam on the last working day before the meeting's
 *   date, skipping Saturdays, Sundays and `holidays` (Friday 09:00 for a Monday meeting).
 * @throws RangeError when no working day lies within 31 days before the meeting.
 */
export function reminderTime(start: Date, options: { voorlooptijdMinuten?: number; holidays?: Iterable<CalendarDate> } = {}): Date {
  const lead = options.voorlooptijdMinuten;
  if (lead !== undefined && Number.isInteger(lead) && lead >= 1) return subMinutes(start, lead);
  const holidays = new Set(options.holidays ?? []);
  let day = addDays(amsterdamDate(start), -1);
  for (let i = 0; i < MAX_DAYS_BACK; i += 1) {
    if (isWorkingDay(day, holidays)) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return new Date(new TZDate(y, m - 1, d, DEFAULT_REMINDER_HOUR, 0, 0, AMSTERDAM).getTime());
    }
    day = addDays(day, -1);
  }
  throw new RangeError(`reminderTime: geen werkdag in de ${MAX_DAYS_BACK} dagen voor ${amsterdamDate(start)}`);
}

// ---------- the plan ----------

export type PlannerInput = {
  mts: readonly MT[];
  now: Date;
  /**
   * Keys (`occurrenceKey`) already in the reminder log, whatever their state (claimed, sent, failed): the planner
   * never proposes them again. Retrying a failed send is the executor's decision, not a new plan.
   */
  sentKeys: Iterable<string>;
  /** When the job last ran; meetings that started since then without a reminder are reported as missed. */
  lastRunAt?: Date;
  /** Per MT key: cancelled and moved meetings. */
  exceptions?: Readonly<Record<string, ScheduleExceptions>>;
  /** Public holidays (Amsterdam dates) the default lead time skips. */
  holidays?: readonly CalendarDate[];
  /**
   * Per MT key: meeting starts from another source (the team's group calendar through Graph calendarView). When an MT
   * has an entry, it replaces the MT's rule and its exceptions: the calendar already shows moves and cancellations.
   */
  calendarOccurrences?: Readonly<Record<string, readonly Date[]>>;
  /** A reminder sent more than this many minutes after its time is reported as a catch-up. Default 15. */
  lateAfterMinutes?: number;
};

export type SendReason = 'due' | 'catch-up';
export type SkipReason = 'inactive' | 'no-schedule' | 'invalid-schedule' | 'already-sent' | 'cancelled' | 'meeting-started';
export type WaitReason = 'not-yet' | 'no-upcoming';

type DecisionBase = {
  mtKey: string;
  /** Dutch, for the log and the status view. */
  detail: string;
};

/** Send the agenda item of this meeting now. */
export type SendDecision = DecisionBase & {
  action: 'send';
  reason: SendReason;
  key: string;
  occurrenceStart: Date;
  /** The meeting after this one, for the agenda's "due before the next meeting". */
  nextOccurrenceStart?: Date;
  reminderAt: Date;
  /** Whole minutes between the planned reminder time and now. */
  lateMinutes: number;
  movedFrom?: Date;
};

export type SkipDecision = DecisionBase & {
  action: 'skip';
  reason: SkipReason;
  key?: string;
  occurrenceStart?: Date;
  reminderAt?: Date;
};

export type WaitDecision = DecisionBase & {
  action: 'wait';
  reason: WaitReason;
  key?: string;
  occurrenceStart?: Date;
  reminderAt?: Date;
};

export type ReminderDecision = SendDecision | SkipDecision | WaitDecision;

export type ReminderPlan = {
  /** What to send now, by MT key, then meeting start. */
  toSend: SendDecision[];
  /** Every decision with its reason, including `toSend`, in the same order. */
  decisions: ReminderDecision[];
};

/** How far back missed meetings are reported when the job does not know when it last ran, or was down very long. */
const LOOK_BACK_DEFAULT_MS = 86_400_000;
const LOOK_BACK_MAX_MS = 7 * 86_400_000;
/** How far ahead the default lead time can reach (a Monday after a long holiday); also the "next reminder" horizon. */
const HORIZON_DEFAULT_MS = 35 * 86_400_000;

function amsterdamText(d: Date): string {
  const t = new TZDate(d.getTime(), AMSTERDAM);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${amsterdamDate(d)} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

type Source =
  | { kind: 'rule'; rec: (anchor: Date) => Recurrence }
  | { kind: 'calendar'; starts: Date[] }
  | { kind: 'skip'; decision: SkipDecision };

function sourceOf(mt: MT, input: PlannerInput): Source {
  const calendar = input.calendarOccurrences?.[mt.key];
  if (calendar) {
    const unique = new Map<number, Date>();
    for (const d of calendar) if (!Number.isNaN(d.getTime())) unique.set(d.getTime(), new Date(d.getTime()));
    return { kind: 'calendar', starts: [...unique.values()].sort((a, b) => a.getTime() - b.getTime()) };
  }
  if (mt.schema === undefined || mt.schema.trim() === '') {
    return { kind: 'skip', decision: { action: 'skip', reason: 'no-schedule', mtKey: mt.key, detail: 'Geen vergaderschema ingesteld.' } };
  }
  const schedule = parseMeetingSchedule(mt.schema);
  if (!schedule) {
    return { kind: 'skip', decision: { action: 'skip', reason: 'invalid-schedule', mtKey: mt.key, detail: 'Het vergaderschema is geen geldige herhalingsregel.' } };
  }
  const gaps = plannerScheduleGaps(schedule);
  if (gaps.length > 0) {
    const wat = gaps.map((g) => (g === 'start' ? 'een startmoment (DTSTART)' : 'een tijd (BYHOUR)')).join(' en ');
    return { kind: 'skip', decision: { action: 'skip', reason: 'invalid-schedule', mtKey: mt.key, detail: `Het vergaderschema mist ${wat}.` } };
  }
  const exceptions = input.exceptions?.[mt.key];
  return { kind: 'rule', rec: (anchor) => buildRecurrence(schedule, anchor, exceptions) };
}

function planMT(mt: MT, input: PlannerInput, sent: ReadonlySet<string>): ReminderDecision[] {
  if (mt.actief === false) return [{ action: 'skip', reason: 'inactive', mtKey: mt.key, detail: 'Dit MT staat op niet actief.' }];
  const source = sourceOf(mt, input);
  if (source.kind === 'skip') return [source.decision];

  const now = input.now;
  const lookBackMs = input.lastRunAt && input.lastRunAt < now ? now.getTime() - input.lastRunAt.getTime() : LOOK_BACK_DEFAULT_MS;
  const from = new Date(now.getTime() - Math.min(lookBackMs, LOOK_BACK_MAX_MS));
  const lead = mt.voorlooptijdMinuten;
  const leadMs = lead !== undefined && Number.isInteger(lead) && lead >= 1 ? lead * 60_000 : 0;
  const to = new Date(now.getTime() + Math.max(HORIZON_DEFAULT_MS, leadMs + 86_400_000));

  let occurrences: ExpandedOccurrence[];
  let next: (start: Date) => Date | undefined;
  if (source.kind === 'calendar') {
    const starts = source.starts;
    occurrences = starts.filter((s) => s >= from && s <= to).map((s) => ({ start: s, cancelled: false }));
    next = (start) => starts.find((s) => s > start);
  } else {
    let rec: Recurrence;
    try {
      rec = source.rec(from);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      return [{ action: 'skip', reason: 'invalid-schedule', mtKey: mt.key, detail: `Uitzondering in het vergaderschema klopt niet: ${e.message}` }];
    }
    occurrences = expand(rec, from, to);
    next = (start) => nextAfter(rec, start);
  }

  const holidays = input.holidays ?? [];
  const lateAfterMs = (input.lateAfterMinutes ?? 15) * 60_000;
  const decisions: ReminderDecision[] = [];
  let waiting = false;
  for (const o of occurrences) {
    const key = occurrenceKey(mt.key, o.start);
    let reminderAt: Date;
    try {
      reminderAt = reminderTime(o.start, { voorlooptijdMinuten: lead, holidays });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      decisions.push({ action: 'skip', reason: 'invalid-schedule', mtKey: mt.key, key, occurrenceStart: o.start, detail: e.message });
      continue;
    }
    const when = amsterdamText(o.start);
    if (o.cancelled) {
      // Only worth a line while its reminder would have been due; older and later cancellations are just absent.
      if (reminderAt <= now && now < o.start) {
        decisions.push({ action: 'skip', reason: 'cancelled', mtKey: mt.key, key, occurrenceStart: o.start, reminderAt, detail: `Vergadering van ${when} vervalt.` });
      }
      continue;
    }
    const movedKey = o.movedFrom ? occurrenceKey(mt.key, o.movedFrom) : undefined;
    const alreadySent = sent.has(key) || (movedKey !== undefined && sent.has(movedKey));
    if (o.start <= now) {
      if (!alreadySent) {
        decisions.push({
          action: 'skip',
          reason: 'meeting-started',
          mtKey: mt.key,
          key,
          occurrenceStart: o.start,
          reminderAt,
          detail: `Herinnering voor ${when} niet verstuurd: de vergadering was al begonnen.`,
        });
      }
      continue;
    }
    if (alreadySent) {
      const detail = sent.has(key)
        ? `Herinnering voor ${when} is al verstuurd.`
        : `Vergadering verplaatst naar ${when}; de herinnering voor het oorspronkelijke tijdstip is al verstuurd.`;
      decisions.push({ action: 'skip', reason: 'already-sent', mtKey: mt.key, key, occurrenceStart: o.start, reminderAt, detail });
      continue;
    }
    if (reminderAt <= now) {
      const lateMs = now.getTime() - reminderAt.getTime();
      const reason: SendReason = lateMs > lateAfterMs ? 'catch-up' : 'due';
      const lateMinutes = Math.floor(lateMs / 60_000);
      const decision: SendDecision = {
        action: 'send',
        reason,
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        reminderAt,
        lateMinutes,
        detail:
          reason === 'due'
            ? `Herinnering voor de vergadering van ${when} versturen.`
            : `Herinnering voor ${when} alsnog versturen (${lateMinutes} minuten te laat; de vergadering is nog niet begonnen).`,
      };
      const after = next(o.start);
      if (after) decision.nextOccurrenceStart = after;
      if (o.movedFrom) decision.movedFrom = o.movedFrom;
      decisions.push(decision);
      continue;
    }
    if (!waiting) {
      waiting = true;
      decisions.push({
        action: 'wait',
        reason: 'not-yet',
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        reminderAt,
        detail: `Volgende herinnering op ${amsterdamText(reminderAt)} voor de vergadering van ${when}.`,
      });
    }
  }
  if (!decisions.some((d) => d.action === 'send' || d.action === 'wait')) {
    decisions.push({ action: 'wait', reason: 'no-upcoming', mtKey: mt.key, detail: 'Geen vergadering gepland in de komende weken.' });
  }
  return decisions;
}

function decisionStart(d: ReminderDecision): number {
  return d.occurrenceStart?.getTime() ?? Number.POSITIVE_INFINITY;
}

/**
 * Decides, for every MT, which meetings need their reminder now:
 * - inactive MTs (`actief === false`) get nothing;
 * - a meeting's reminder is due from `reminderTime` until the meeting starts. A reminder missed while the job was down
 *   is therefore sent late as long as the meeting has not started ("catch-up" when more than `lateAfterMinutes`
 *   late), and never once it has started (reported as `meeting-started`);
 * - a key in `sentKeys` is never proposed again, and neither is a moved meeting whose original key was sent;
 * - cancelled meetings get no reminder.
 * The result is sorted by MT key and meeting start, so two runs with the same input log the same lines.
 */
export function planReminders(input: PlannerInput): ReminderPlan {
  if (Number.isNaN(input.now.getTime())) throw new RangeError('planReminders: now is an invalid Date');
  const sent = new Set(input.sentKeys);
  const mts = [...input.mts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const decisions: ReminderDecision[] = [];
  for (const mt of mts) {
    const own = planMT(mt, input, sent);
    own.sort((a, b) => decisionStart(a) - decisionStart(b));
    decisions.push(...own);
  }
  return { toSend: decisions.filter((d): d is SendDecision => d.action === 'send'), decisions };
}
