/**
 * The public holidays the reminder's default lead time skips: the Dutch ones (Nieuwjaarsdag, Pasen and Tweede
 * Paasdag, Koningsdag, Hemelvaartsdag, Pinksteren, Kerstmis) from `date-holidays`, which computes them offline
 * (Easter rules, Koningsdag moving to Saturday when 27 April is a Sunday), plus the municipality's own closing days
 * from configuration (`EXTRA_HOLIDAYS`). Goede Vrijdag and Bevrijdingsdag are not general days off in the library's
 * "public" sense; an organisation that closes on them lists them as extra days.
 */
import Holidays from 'date-holidays';
import { amsterdamDate, isValidCalendarDate } from '../domain/dates.js';
import type { CalendarDate } from '../domain/model.js';

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
