/**
 * An MT's meeting schedule in words ("elke dinsdag 09:00", "om de week donderdag 09:30"), derived from the parsed
 * rule, never from the raw text, with the cancelled meetings (EXDATE) after it ("; vervalt op 22 dec 2026").
 * Returns undefined for a text the app cannot read (the form says why).
 */
import type { CalendarDate } from '../../../../domain/model.js';
import { parseMeetingSchedule, type MeetingSchedule, type WeekdayCode } from '../../../../domain/schedule.js';
import { formatCalendarDate, type Locale } from '../../../i18n/format.js';

const DAYS: Record<Locale, Record<WeekdayCode, string>> = {
  nl: { MO: 'maandag', TU: 'dinsdag', WE: 'woensdag', TH: 'donderdag', FR: 'vrijdag', SA: 'zaterdag', SU: 'zondag' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
};

const ORDINALS: Record<Locale, Record<string, string>> = {
  nl: {
    '1': 'eerste',
    '2': 'tweede',
    '3': 'derde',
    '4': 'vierde',
    '5': 'vijfde',
    '-1': 'laatste',
    '-2': 'op een na laatste',
  },
  en: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last', '-2': 'second-to-last' },
};

const pad = (n: number) => String(n).padStart(2, '0');

function list(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'nl' ? 'en' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The meeting times of a schedule, "09:00" or "09:00 en 14:00". */
function times(s: MeetingSchedule, locale: Locale): string {
  const hours = s.byHour.length > 0 ? s.byHour : s.dtstart ? [s.dtstart.hour] : [];
  const minutes = s.byMinute.length > 0 ? s.byMinute : [s.byHour.length === 0 && s.dtstart ? s.dtstart.minute : 0];
  return list(
    hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)),
    locale,
  );
}

function days(s: MeetingSchedule, locale: Locale): string {
  return list(
    s.byDay.map((d) =>
      d.ordinal === undefined
        ? DAYS[locale][d.day]
        : `${ORDINALS[locale][String(d.ordinal)] ?? `${d.ordinal}e`} ${DAYS[locale][d.day]}`,
    ),
    locale,
  );
}

function weekdayOfStart(s: MeetingSchedule): WeekdayCode | undefined {
  if (!s.dtstart) return undefined;
  const [y, m, d] = s.dtstart.date.split('-').map(Number) as [number, number, number];
  return (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** "elke dinsdag 09:00"; "om de week donderdag 09:30"; "every other week on Thursday 09:30". */
export function describeSchedule(s: MeetingSchedule, locale: Locale): string {
  const at = times(s, locale);
  const nl = locale === 'nl';
  const withTime = (text: string) => (at ? `${text} ${at}` : text);
  if (s.freq === 'DAILY') {
    if (s.interval === 1) return withTime(nl ? 'elke dag' : 'every day');
    return withTime(nl ? `om de ${s.interval} dagen` : `every ${s.interval} days`);
  }
  if (s.freq === 'WEEKLY') {
    const startDay = weekdayOfStart(s);
    const on = s.byDay.length > 0 ? days(s, locale) : startDay ? DAYS[locale][startDay] : '';
    if (s.interval === 1) return withTime(nl ? `elke ${on}`.trim() : `every ${on}`.trim());
    if (s.interval === 2) return withTime(nl ? `om de week ${on}`.trim() : `every other week on ${on}`.trim());
    return withTime(nl ? `om de ${s.interval} weken ${on}`.trim() : `every ${s.interval} weeks on ${on}`.trim());
  }
  const every =
    s.interval === 1
      ? nl
        ? 'elke maand'
        : 'every month'
      : nl
        ? `om de ${s.interval} maanden`
        : `every ${s.interval} months`;
  if (s.byDay.length > 0)
    return withTime(nl ? `${every} op de ${days(s, locale)}` : `${every} on the ${days(s, locale)}`);
  const monthDays = s.byMonthDay.length > 0 ? s.byMonthDay : s.dtstart ? [Number(s.dtstart.date.slice(8, 10))] : [];
  const dayText = list(
    monthDays.map((d) =>
      d < 0
        ? nl
          ? `${-d === 1 ? 'laatste' : `${-d}e na laatste`} dag`
          : `${-d === 1 ? 'last' : `${-d}th-to-last`} day`
        : nl
          ? `dag ${d}`
          : `day ${d}`,
    ),
    locale,
  );
  return withTime(dayText ? `${every} ${nl ? 'op' : 'on'} ${dayText}` : every);
}

/** How many cancelled meetings the words name before they say how many more there are. */
const CANCELLED_SHOWN = 5;

/**
 * The cancelled meetings in words: "vervalt op 22 dec 2026 en 5 jan 2027" / "cancelled on 22 Dec 2026 and 5 Jan 2027",
 * from `from` on when given (a cancellation that has passed no longer matters), at most five and then how many more.
 * A cancelled single meeting (`…T14:30`) names its time only when the schedule meets more than once a day.
 */
export function describeCancelled(s: MeetingSchedule, locale: Locale, from?: CalendarDate): string | undefined {
  const nl = locale === 'nl';
  const timesPerDay = Math.max(1, s.byHour.length) * Math.max(1, s.byMinute.length);
  const upcoming = (s.exdates ?? []).filter((e) => from === undefined || e.slice(0, 10) >= from);
  if (upcoming.length === 0) return undefined;
  const named = upcoming.slice(0, CANCELLED_SHOWN).map((e) => {
    const date = formatCalendarDate(e.slice(0, 10), locale);
    return e.length > 10 && timesPerDay > 1 ? `${date} ${e.slice(11, 16)}` : date;
  });
  const more = upcoming.length - named.length;
  if (more > 0) named.push(nl ? `nog ${more} andere` : `${more} more`);
  return `${nl ? 'vervalt op' : 'cancelled on'} ${list(named, locale)}`;
}

/**
 * The schedule text in words, with its cancelled meetings from `from` on (all when `from` is not given), or undefined
 * when it is empty or not a rule this app reads.
 */
export function describeScheduleText(
  text: string | undefined,
  locale: Locale,
  from?: CalendarDate,
): string | undefined {
  if (!text?.trim()) return undefined;
  const parsed = parseMeetingSchedule(text);
  if (!parsed) return undefined;
  const words = describeSchedule(parsed, locale);
  const cancelled = describeCancelled(parsed, locale, from);
  return cancelled ? `${words}; ${cancelled}` : words;
}
