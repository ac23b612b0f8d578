/**
 * The meeting schedule as people choose it (issue 14, point 2): weekday(s), a time, every N weeks, the first meeting's
 * date and cancelled dates. Stored underneath as the RFC 5545 text the `Schema` column holds (a DTSTART line, an
 * RRULE line and, for cancelled dates, an EXDATE line), which `parseMeetingSchedule` reads and the one recurrence
 * expansion (`recurrence.ts`) expands. Pure.
 */
import { AMSTERDAM, isValidCalendarDate } from './dates.js';
import { validationMessages as M, type DomainMessage } from './messages.js';
import type { CalendarDate } from './model.js';
import { nextOccurrence, occurrencesBetween, reminderTime } from './recurrence.js';
import { parseMeetingSchedule, WEEKDAY_CODES, type WeekdayCode } from './schedule.js';

/** What the schedule picker holds. Times are wall-clock times in Europe/Amsterdam. */
export type ScheduleChoice = {
  weekdagen: WeekdayCode[];
  /** "09:00". */
  tijd: string;
  /** 1 = every week, 2 = every other week, ... */
  elkeWeken: number;
  /** The first meeting's date; the weeks are counted from it. */
  eersteDatum: CalendarDate;
  /** Dates on which the meeting does not take place. */
  vervallen: CalendarDate[];
};

/** Most weeks between meetings the picker offers (a quarter). */
export const MAX_EVERY_WEEKS = 13;

export type ScheduleChoiceProblem = {
  path: 'weekdagen' | 'tijd' | 'elkeWeken' | 'eersteDatum' | 'vervallen';
  /** The problem as a message key with its values; each adapter says it in its own words. */
  message: DomainMessage;
};

const TIJD = /^([01]\d|2[0-3]):([0-5]\d)$/;

function compact(date: CalendarDate): string {
  return date.replaceAll('-', '');
}

/** The problems of a choice, one per field at most; empty when it can be stored. */
export function scheduleChoiceProblems(k: ScheduleChoice): ScheduleChoiceProblem[] {
  const problems: ScheduleChoiceProblem[] = [];
  if (k.weekdagen.length === 0) problems.push({ path: 'weekdagen', message: M.keuzeGeenVergaderdag });
  if (!TIJD.test(k.tijd)) problems.push({ path: 'tijd', message: M.keuzeTijdOngeldig });
  if (!Number.isInteger(k.elkeWeken) || k.elkeWeken < 1 || k.elkeWeken > MAX_EVERY_WEEKS) {
    problems.push({ path: 'elkeWeken', message: M.keuzeElkeWekenOngeldig(MAX_EVERY_WEEKS) });
  }
  if (!isValidCalendarDate(k.eersteDatum)) {
    problems.push({ path: 'eersteDatum', message: M.keuzeEersteDatumOngeldig });
  } else if (k.weekdagen.length > 0 && !k.weekdagen.includes(weekdayOf(k.eersteDatum))) {
    problems.push({ path: 'eersteDatum', message: M.keuzeEersteDatumGeenVergaderdag });
  }
  const wrong = k.vervallen.filter((d) => !isValidCalendarDate(d));
  if (wrong.length > 0) {
    problems.push({ path: 'vervallen', message: M.keuzeVervallenOngeldig(wrong) });
  } else if (isValidCalendarDate(k.eersteDatum) && k.vervallen.some((d) => d < k.eersteDatum)) {
    problems.push({ path: 'vervallen', message: M.keuzeVervallenVoorEerste });
  }
  return problems;
}

/** The weekday of a calendar date (the date's own weekday, whatever the time zone). */
export function weekdayOf(date: CalendarDate): WeekdayCode {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 12:00 UTC of that date: the same calendar day everywhere, so getUTCDay is the date's weekday.
  const day = new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay();
  return WEEKDAY_CODES[(day + 6) % 7] as WeekdayCode;
}

/**
 * The schedule text of a choice (check it with `scheduleChoiceProblems` first): DTSTART at the first meeting (Amsterdam
 * time), a weekly RRULE with INTERVAL, BYDAY, BYHOUR and BYMINUTE, and an EXDATE line with each cancelled date at the
 * meeting's time.
 */
export function scheduleTextFromChoice(k: ScheduleChoice): string {
  const [hh = '09', mm = '00'] = k.tijd.split(':');
  const days = WEEKDAY_CODES.filter((d) => k.weekdagen.includes(d));
  const lines = [
    `DTSTART;TZID=${AMSTERDAM}:${compact(k.eersteDatum)}T${hh}${mm}00`,
    `RRULE:FREQ=WEEKLY;INTERVAL=${k.elkeWeken};BYDAY=${days.join(',')};BYHOUR=${Number(hh)};BYMINUTE=${Number(mm)}`,
  ];
  const vervallen = [...new Set(k.vervallen)].sort();
  if (vervallen.length > 0)
    lines.push(`EXDATE;TZID=${AMSTERDAM}:${vervallen.map((d) => `${compact(d)}T${hh}${mm}00`).join(',')}`);
  return lines.join('\n');
}

/**
 * The choice a schedule text stands for, when the picker can show it exactly: weekly, with weekdays, one time, a
 * DTSTART and cancelled meetings at that time. Undefined otherwise (a monthly rule, two times, COUNT, ...): the
 * form then offers the text itself.
 */
export function scheduleChoiceFromText(text: string): ScheduleChoice | undefined {
  const s = parseMeetingSchedule(text);
  if (!s || s.freq !== 'WEEKLY' || s.byDay.length === 0 || s.byDay.some((d) => d.ordinal !== undefined) || !s.dtstart)
    return undefined;
  if (
    s.byMonthDay.length > 0 ||
    s.count !== undefined ||
    s.until !== undefined ||
    s.byHour.length > 1 ||
    s.byMinute.length > 1
  )
    return undefined;
  const hour = s.byHour[0] ?? s.dtstart.hour;
  const minute = s.byMinute[0] ?? (s.byHour.length > 0 ? 0 : s.dtstart.minute);
  if (s.dtstart.hour !== hour || s.dtstart.minute !== minute || s.dtstart.second !== 0) return undefined;
  const tijd = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const vervallen: CalendarDate[] = [];
  for (const x of s.exdates ?? []) {
    const [date, time] = x.split('T');
    if (!date || (time !== undefined && time !== tijd)) return undefined;
    vervallen.push(date);
  }
  const keuze: ScheduleChoice = {
    weekdagen: s.byDay.map((d) => d.day),
    tijd,
    elkeWeken: s.interval,
    eersteDatum: s.dtstart.date,
    vervallen,
  };
  return scheduleChoiceProblems(keuze).length === 0 ? keuze : undefined;
}

/** A meeting to come and when its card goes out. */
export type UpcomingVergadering = { start: Date; kaartOm: Date };

/**
 * The next `countPhrase` meetings after `now` of a schedule text, each with when its card goes out (`reminderTime`, the
 * same rule the job uses), from the one recurrence expansion. Empty when the text is no schedule or yields none within
 * `horizonDagen`.
 */
export function upcomingVergaderingen(
  text: string,
  now: Date,
  options: {
    aantal?: number;
    voorlooptijdMinuten?: number;
    holidays?: Iterable<CalendarDate>;
    horizonDagen?: number;
  } = {},
): UpcomingVergadering[] {
  const schedule = parseMeetingSchedule(text);
  if (!schedule) return [];
  const aantal = options.aantal ?? 3;
  const first = nextOccurrence(schedule, now);
  if (!first) return [];
  const to = new Date(now.getTime() + (options.horizonDagen ?? 400) * 86_400_000);
  const holidays = options.holidays ? [...options.holidays] : [];
  try {
    return occurrencesBetween(schedule, first, to)
      .slice(0, aantal)
      .map((o) => ({
        start: o.start,
        kaartOm: reminderTime(o.start, {
          ...(options.voorlooptijdMinuten !== undefined ? { voorlooptijdMinuten: options.voorlooptijdMinuten } : {}),
          holidays,
        }),
      }));
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

/** Lead time as people choose it: a number of days or of hours. */
export type Voorlooptijd = { aantal: number; eenheid: 'dagen' | 'uren' };

/** Minutes for the `Voorlooptijd` column; undefined when the choice is no whole number ≥ 1 (then: the default rule). */
export function voorlooptijdMinuten(v: Voorlooptijd): number | undefined {
  if (!Number.isInteger(v.aantal) || v.aantal < 1) return undefined;
  return v.aantal * (v.eenheid === 'dagen' ? 1440 : 60);
}
