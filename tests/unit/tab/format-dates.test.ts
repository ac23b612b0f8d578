import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCalendarDate, formatInstant, SHORT_MONTHS } from '../../../src/tab/i18n/format.js';

describe('formatCalendarDate and formatInstant', () => {
  afterEach(() => vi.restoreAllMocks());

  it('write dates in Dutch and English, per style, as the platform does', () => {
    expect(formatCalendarDate('2025-06-30', 'nl')).toBe('30 jun 2025');
    expect(formatCalendarDate('2025-06-30', 'nl', 'long')).toBe('30 juni 2025');
    expect(formatCalendarDate('2025-06-30', 'en')).toBe('30 Jun 2025');
    expect(formatCalendarDate('2025-06-30', 'en', 'long')).toBe('30 June 2025');
    expect(formatCalendarDate('geen datum', 'nl')).toBe('geen datum');
    // Beyond the range of a JavaScript date: the text as it came, in both styles.
    expect(formatCalendarDate('275760-09-14', 'nl')).toBe('275760-09-14');
    expect(formatCalendarDate('275760-09-14', 'en', 'long')).toBe('275760-09-14');
    // 22:30 UTC on 29 June is 00:30 on 30 June in Amsterdam (CEST).
    expect(formatInstant('2025-06-29T22:30:00Z', 'nl')).toBe(
      new Intl.DateTimeFormat('nl-NL', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Amsterdam',
      }).format(new Date('2025-06-29T22:30:00Z')),
    );
    expect(formatInstant('geen tijd', 'en')).toBe('geen tijd');
  });

  it('reuse one formatter per language and pattern (issue 16: a new one per card cost tens of ms on a cold start)', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (let day = 1; day <= 28; day += 1) {
      const date = `2026-02-${String(day).padStart(2, '0')}`;
      formatCalendarDate(date, 'nl');
      formatCalendarDate(date, 'en', 'long');
      formatInstant(`${date}T10:00:00Z`, 'nl');
    }
    // At most one per language and pattern (none when an earlier test made them already).
    expect(made.mock.calls.length).toBeLessThanOrEqual(3);
    expect(formatCalendarDate('2026-02-14', 'nl')).toBe('14 feb 2026');
  });

  it('write a short date with no Intl.DateTimeFormat at all, exactly as the platform would (issue 16)', () => {
    const platform = {
      nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    };
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    // Every day of a leap year and of a common one, both languages; and days Date.UTC rolls over.
    const dates: string[] = [];
    for (const year of [2024, 2026])
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
        dates.push(new Date(t).toISOString().slice(0, 10));
    dates.push('2026-02-31', '2026-13-01', '0999-06-30');
    for (const locale of ['nl', 'en'] as const)
      for (const date of dates) {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(formatCalendarDate(date, locale), `${date} ${locale}`).toBe(
          platform[locale].format(new Date(Date.UTC(y, m - 1, d, 12))),
        );
      }
    expect(made).not.toHaveBeenCalled();
    expect(SHORT_MONTHS.nl).toHaveLength(12);
    expect(SHORT_MONTHS.en).toHaveLength(12);
  });
});
