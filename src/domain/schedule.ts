/**
 * An MT's meeting schedule as text (the `Schema` column): an RFC 5545 recurrence rule in Europe/Amsterdam time,
 * optionally preceded by a DTSTART line that anchors it. This module only reads the text into a typed value;
 * expanding occurrences is the reminder job's business.
 *
 * Accepted forms:
 *   FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30
 *   RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30
 *   DTSTART;TZID=Europe/Amsterdam:20260108T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH
 * A DTSTART without TZID is read as Amsterdam local time; UTC (`Z`) and other zones are refused, because a
 * meeting's wall-clock time must not move at a DST switch.
 */
import { AMSTERDAM, isValidCalendarDate } from './dates.js';
import type { CalendarDate } from './model.js';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const SCHEDULE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

/** A meeting schedule read from text. Times are wall-clock times in Europe/Amsterdam. */
export type MeetingSchedule = {
  freq: ScheduleFrequency;
  /** 1 = every period; 2 = every other week (needs `dtstart` to know which weeks). */
  interval: number;
  /** Meeting days; `ordinal` only with MONTHLY ("2TU" = second Tuesday, "-1FR" = last Friday). */
  byDay: { day: WeekdayCode; ordinal?: number }[];
  byMonthDay: number[];
  byHour: number[];
  byMinute: number[];
  count?: number;
  /** The raw UNTIL value (`20261231` or `20261231T235959Z`). */
  until?: string;
  wkst?: WeekdayCode;
  /** The anchor, local time in Amsterdam. */
  dtstart?: { date: CalendarDate; hour: number; minute: number; second: number };
  /**
   * Cancelled meetings from EXDATE lines, as local Amsterdam texts the recurrence reads as cancellations:
   * `YYYY-MM-DDTHH:mm` (one meeting) or `YYYY-MM-DD` (every meeting that day, `EXDATE;VALUE=DATE:`).
   */
  exdates?: string[];
};

const DAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const DTSTART = /^DTSTART(?:;TZID=([^:;]+))?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;
const EXDATE = /^EXDATE(?:;TZID=([^:;]+)|;VALUE=(DATE))?:(.+)$/i;
const EXDATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;
const EXDATE_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const POSITIVE_INT = /^[1-9]\d*$/;
const INT = /^[+-]?\d+$/;

function intList(value: string, min: number, max: number, allowNegative = false): number[] | undefined {
  const out: number[] = [];
  for (const part of value.split(',')) {
    if (!INT.test(part)) return undefined;
    const n = Number(part);
    const ok = (n >= min && n <= max) || (allowNegative && n <= -min && n >= -max);
    if (!ok) return undefined;
    out.push(n);
  }
  return out;
}

function isWeekdag(s: string): s is WeekdayCode {
  return (WEEKDAY_CODES as readonly string[]).includes(s);
}

function parseDtstart(line: string): MeetingSchedule['dtstart'] | undefined {
  const m = DTSTART.exec(line);
  if (!m) return undefined;
  const [, tzid, y, mo, d, h, mi, s] = m;
  if (tzid !== undefined && tzid !== AMSTERDAM) return undefined;
  const date = `${y ?? ''}-${mo ?? ''}-${d ?? ''}`;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (!isValidCalendarDate(date) || hour > 23 || minute > 59 || second > 59) return undefined;
  return { date, hour, minute, second };
}

/**
 * An EXDATE line in Amsterdam time (`EXDATE;TZID=Europe/Amsterdam:20261222T090000,…`, without TZID read as Amsterdam
 * too) or whole days (`EXDATE;VALUE=DATE:20261222,…`), as the local texts `ScheduleExceptions.cancelled` takes.
 */
function parseExdate(line: string): string[] | undefined {
  const m = EXDATE.exec(line);
  if (!m) return undefined;
  const [, tzid, valueDate, list] = m;
  if (tzid !== undefined && tzid !== AMSTERDAM) return undefined;
  const out: string[] = [];
  for (const raw of (list ?? '').split(',')) {
    const t = raw.trim();
    const day = EXDATE_DAY.exec(t);
    const time = EXDATE_TIME.exec(t);
    if (valueDate && day) {
      const date = `${day[1]}-${day[2]}-${day[3]}`;
      if (!isValidCalendarDate(date)) return undefined;
      out.push(date);
    } else if (!valueDate && time) {
      const date = `${time[1]}-${time[2]}-${time[3]}`;
      if (!isValidCalendarDate(date) || Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6]) > 59)
        return undefined;
      out.push(`${date}T${time[4]}:${time[5]}`);
    } else {
      return undefined;
    }
  }
  return out.length > 0 ? out : undefined;
}

function parseRule(rule: string): Omit<MeetingSchedule, 'dtstart'> | undefined {
  const fields = new Map<string, string>();
  for (const part of rule.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const k = part.slice(0, eq).toUpperCase();
    const v = part.slice(eq + 1).toUpperCase();
    if (v === '' || fields.has(k)) return undefined;
    fields.set(k, v);
  }

  const freq = fields.get('FREQ');
  if (freq === undefined || !(SCHEDULE_FREQUENCIES as readonly string[]).includes(freq)) return undefined;
  const result: Omit<MeetingSchedule, 'dtstart'> = {
    freq: freq as ScheduleFrequency,
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byHour: [],
    byMinute: [],
  };

  for (const [k, v] of fields) {
    switch (k) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        if (!POSITIVE_INT.test(v)) return undefined;
        result.interval = Number(v);
        break;
      case 'BYDAY':
        for (const part of v.split(',')) {
          const m = DAY.exec(part);
          if (!m || m[2] === undefined || !isWeekdag(m[2])) return undefined;
          if (m[1] !== undefined && result.freq !== 'MONTHLY') return undefined;
          result.byDay.push(m[1] === undefined ? { day: m[2] } : { day: m[2], ordinal: Number(m[1]) });
        }
        break;
      case 'BYMONTHDAY': {
        if (result.freq !== 'MONTHLY') return undefined;
        const days = intList(v, 1, 31, true);
        if (!days) return undefined;
        result.byMonthDay = days;
        break;
      }
      case 'BYHOUR': {
        const hours = intList(v, 0, 23);
        if (!hours) return undefined;
        result.byHour = hours;
        break;
      }
      case 'BYMINUTE': {
        const minutes = intList(v, 0, 59);
        if (!minutes) return undefined;
        result.byMinute = minutes;
        break;
      }
      case 'COUNT':
        if (!POSITIVE_INT.test(v) || fields.has('UNTIL')) return undefined;
        result.count = Number(v);
        break;
      case 'UNTIL':
        if (!/^\d{8}(T\d{6}Z?)?$/.test(v)) return undefined;
        if (!isValidCalendarDate(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`)) return undefined;
        result.until = v;
        break;
      case 'WKST':
        if (!isWeekdag(v)) return undefined;
        result.wkst = v;
        break;
      default:
        return undefined;
    }
  }
  return result;
}

/**
 * Reads an MT's schedule text. Returns undefined when the text is not a recurrence rule this app understands
 * (unknown parts, out-of-range numbers, a DTSTART in another zone than Europe/Amsterdam, two rules, ...).
 * Whether the schedule is complete enough to find meetings is `scheduleGaps`' question.
 */
export function parseMeetingSchedule(text: string): MeetingSchedule | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let dtstart: MeetingSchedule['dtstart'];
  let rule: Omit<MeetingSchedule, 'dtstart'> | undefined;
  const exdates: string[] = [];
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper.startsWith('EXDATE')) {
      const found = parseExdate(line);
      if (!found) return undefined;
      exdates.push(...found);
    } else if (upper.startsWith('DTSTART')) {
      if (dtstart) return undefined;
      dtstart = parseDtstart(line);
      if (!dtstart) return undefined;
    } else {
      if (rule) return undefined;
      rule = parseRule(upper.startsWith('RRULE:') ? line.slice('RRULE:'.length) : line);
      if (!rule) return undefined;
    }
  }
  if (!rule) return undefined;
  const schedule: MeetingSchedule = dtstart ? { ...rule, dtstart } : rule;
  if (exdates.length > 0) schedule.exdates = [...new Set(exdates)].sort();
  return schedule;
}

/**
 * What a parsed schedule lacks to pin down meetings: 'start' when it repeats less than every period (INTERVAL > 1),
 * or weekly without a BYDAY, and has no DTSTART to anchor it; 'tijd' when it names no time (no BYHOUR, no DTSTART).
 */
export function scheduleGaps(s: MeetingSchedule): ('start' | 'tijd')[] {
  const gaps: ('start' | 'tijd')[] = [];
  const needsAnchor = s.interval > 1 || (s.freq === 'WEEKLY' && s.byDay.length === 0);
  if (needsAnchor && !s.dtstart) gaps.push('start');
  if (s.byHour.length === 0 && !s.dtstart) gaps.push('tijd');
  return gaps;
}
