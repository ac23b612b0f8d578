/**
 * The public holidays the reminder's default lead time skips: the Dutch ones (Nieuwjaarsdag, Pasen and Tweede
 * Paasdag, Koningsdag, Hemelvaartsdag, Pinksteren, Kerstmis) from `date-holidays`, which computes them offline
 * (Easter rules, Koningsdag moving to Saturday when 27 April is a Sunday), plus the municipality's own closing days
 * from configuration (`EXTRA_HOLIDAYS`). Goede Vrijdag and Bevrijdingsdag are not general days off in the library's
 * "public" sense; an organisation that closes on them lists them as extra days. The app server hands the same days
 * to the tab (`/healthz`, `reminderHolidayWindow`), so the tab's "when the card goes out" skips them too.
 */
import Holidays from 'date-holidays';
import { addDays, amsterdamDate, isValidCalendarDate } from '../domain/dates.js';
import type { CalendarDate } from '../domain/model.js';
import type { ReminderHolidays } from '../shared/wire.js';

const netherlands = new Holidays('NL', { types: ['public'] });

/** The Dutch public holidays of the given years, as Amsterdam calendar dates, in order. */
export function dutchPublicHolidays(years: Iterable<number>): CalendarDate[] {
  const out = new Set<CalendarDate>();
  for (const year of years) {
    // `date` is "YYYY-MM-DD 00:00:00" in the country's own time zone: its first ten characters are the local date.
    for (const h of netherlands.getHolidays(year)) if (h.type === 'public') out.add(h.date.slice(0, 10));
  }
  return [...out].sort();
}

/**
 * The holidays a reminder run around `now` may meet: the Dutch public holidays of the year before, this year and
 * the next (a run looks back a week and ahead a few weeks; the lead time a month back), plus `extra` dates.
 * @throws RangeError when an extra date is not a calendar date.
 */
export function reminderHolidays(now: Date, extra: readonly CalendarDate[] = []): CalendarDate[] {
  for (const d of extra)
    if (!isValidCalendarDate(d))
      throw new RangeError(`reminderHolidays: ${JSON.stringify(d)} is geen datum (YYYY-MM-DD)`);
  const year = Number(amsterdamDate(now).slice(0, 4));
  return [...new Set([...dutchPublicHolidays([year - 1, year, year + 1]), ...extra])].sort();
}

/** How far the tab's previews look: back for a card already out (a long lead time), ahead as far as they list meetings. */
export const HOLIDAY_WINDOW = { daysBefore: 62, daysAfter: 400 } as const;

/**
 * The reminder rule's holidays from `daysBefore` days before `now`'s Amsterdam date to `daysAfter` days after it: the
 * Dutch public holidays of every year the window touches plus the `extra` dates inside it. The same days the job skips
 * when it sends a card in that window (`reminderHolidays` at that moment), for the tab's previews (`/healthz`).
 * @throws RangeError when an extra date is not a calendar date.
 */
export function reminderHolidayWindow(
  now: Date,
  extra: readonly CalendarDate[] = [],
  window: { daysBefore: number; daysAfter: number } = HOLIDAY_WINDOW,
): ReminderHolidays {
  for (const d of extra)
    if (!isValidCalendarDate(d))
      throw new RangeError(`reminderHolidayWindow: ${JSON.stringify(d)} is geen datum (YYYY-MM-DD)`);
  const today = amsterdamDate(now);
  const from = addDays(today, -window.daysBefore);
  const to = addDays(today, window.daysAfter);
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) years.push(y);
  const dates = [...new Set([...dutchPublicHolidays(years), ...extra])].filter((d) => d >= from && d <= to).sort();
  return { from, to, dates };
}

/**
 * `reminderHolidayWindow` for a server that answers every `/healthz`: computed once per Amsterdam day (date-holidays
 * takes milliseconds per year), with the configured extra days.
 */
export function holidayWindowPerDay(extra: readonly CalendarDate[] = []): (now: Date) => ReminderHolidays {
  let last: { day: CalendarDate; value: ReminderHolidays } | undefined;
  return (now) => {
    const day = amsterdamDate(now);
    if (last?.day !== day) last = { day, value: reminderHolidayWindow(now, extra) };
    return structuredClone(last.value);
  };
}
