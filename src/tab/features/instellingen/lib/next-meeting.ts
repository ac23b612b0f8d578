/**
 * The next meeting of an MT and when its reminder goes out, in the browser. This follows src/reminders/planner.ts
 * (rrule in floating Amsterdam wall-clock time, converted at the edges with @date-fns/tz; the same default lead time),
 * which the tab cannot import: the layer rule keeps the tab off src/reminders, and the planner's default import of
 * rrule does not bundle (Vite picks rrule's ESM build, which has no default export). A unit test checks that both
 * agree on the seeded schedules and around the DST switches.
 */
import { TZDate } from '@date-fns/tz';
import * as rruleModule from 'rrule';
import { AMSTERDAM } from '../../../../domain/dates.js';
import { scheduleGaps, type MeetingSchedule } from '../../../../domain/schedule.js';

type RRuleModule = typeof rruleModule;
// Bundled: rrule's ESM build (named exports). Under Node (unit tests): its CommonJS build, exposed as `default`.
const rrule: RRuleModule = 'RRule' in rruleModule ? rruleModule : (rruleModule as unknown as { default: RRuleModule }).default;

/** The Amsterdam wall-clock time of an instant, as a floating Date (UTC fields = local time). */
function toFloating(instant: Date): Date {
  const t = new TZDate(instant.getTime(), AMSTERDAM);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

/** The instant at which an Amsterdam wall-clock time (floating Date) happens. */
function fromFloating(f: Date): Date {
  return new Date(new TZDate(f.getUTCFullYear(), f.getUTCMonth(), f.getUTCDate(), f.getUTCHours(), f.getUTCMinutes(), f.getUTCSeconds(), AMSTERDAM).getTime());
}

function floatingAt(date: string, hour: number, minute: number, second: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute, second));
}

function until(raw: string): Date {
  const y = Number(raw.slice(0, 4));
  const mo = Number(raw.slice(4, 6)) - 1;
  const d = Number(raw.slice(6, 8));
  if (raw.length === 8) return new Date(Date.UTC(y, mo, d, 23, 59, 59));
  const time = new Date(Date.UTC(y, mo, d, Number(raw.slice(9, 11)), Number(raw.slice(11, 13)), Number(raw.slice(13, 15))));
  return raw.endsWith('Z') ? toFloating(time) : time;
}

/** The first meeting strictly after `now`, or undefined (no more meetings, or a schedule that needs a start it lacks). */
export function nextMeeting(s: MeetingSchedule, now: Date): Date | undefined {
  if (scheduleGaps(s).length > 0) return undefined;
  if (!s.dtstart && (s.count !== undefined || (s.freq === 'MONTHLY' && s.byDay.length === 0 && s.byMonthDay.length === 0))) return undefined;
  const { RRule, Weekday } = rrule;
  const floatingNow = toFloating(now);
  const options: ConstructorParameters<typeof RRule>[0] = {
    freq: s.freq === 'DAILY' ? RRule.DAILY : s.freq === 'WEEKLY' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: s.interval,
    dtstart: s.dtstart
      ? floatingAt(s.dtstart.date, s.dtstart.hour, s.dtstart.minute, s.dtstart.second)
      : new Date(Date.UTC(floatingNow.getUTCFullYear(), floatingNow.getUTCMonth(), floatingNow.getUTCDate() - 1)),
    tzid: null,
  };
  if (s.byDay.length > 0) options.byweekday = s.byDay.map((d) => (d.ordinal === undefined ? Weekday.fromStr(d.day) : Weekday.fromStr(d.day).nth(d.ordinal)));
  if (s.byMonthDay.length > 0) options.bymonthday = s.byMonthDay;
  if (s.byHour.length > 0) options.byhour = s.byHour;
  if (s.byMinute.length > 0) options.byminute = s.byMinute;
  if (s.count !== undefined) options.count = s.count;
  if (s.until !== undefined) options.until = until(s.until);
  if (s.wkst !== undefined) options.wkst = Weekday.fromStr(s.wkst);
  const next = new RRule(options).after(floatingNow, false);
  return next ? fromFloating(next) : undefined;
}

/** As the planner's `reminderTime` without holidays: the lead in minutes, or 09:00 on the last working day before. */
export function plannedReminder(start: Date, voorlooptijdMinuten: number | undefined): Date {
  if (voorlooptijdMinuten !== undefined && Number.isInteger(voorlooptijdMinuten) && voorlooptijdMinuten >= 1) return new Date(start.getTime() - voorlooptijdMinuten * 60_000);
  const local = new TZDate(start.getTime(), AMSTERDAM);
  for (let back = 1; back <= 7; back += 1) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - back, 9, 0, 0, AMSTERDAM);
    if (day.getDay() !== 0 && day.getDay() !== 6) return new Date(day.getTime());
  }
  return new Date(start.getTime() - 86_400_000);
}
