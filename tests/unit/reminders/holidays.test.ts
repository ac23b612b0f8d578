import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays, reminderHolidays } from '../../../src/reminders/holidays.js';

describe('the Dutch public holidays', () => {
  it('are the official days off of 2026, Easter and Whitsun computed', () => {
    expect(dutchPublicHolidays([2026])).toEqual([
      '2026-01-01', // Nieuwjaarsdag
      '2026-04-05', // Pasen
      '2026-04-06', // Tweede Paasdag
      '2026-04-27', // Koningsdag
      '2026-05-14', // Hemelvaartsdag
      '2026-05-24', // Pinksteren
      '2026-05-25', // Tweede Pinksterdag
      '2026-12-25',
      '2026-12-26',
    ]);
  });
  it('move Koningsdag to Saturday 26 April when 27 April is a Sunday (2025)', () => {
    expect(dutchPublicHolidays([2025])).toContain('2025-04-26');
    expect(dutchPublicHolidays([2025])).not.toContain('2025-04-27');
  });
  it('around a run: last year, this year and next, plus the configured extra days, sorted', () => {
    const days = reminderHolidays(new Date('2026-12-31T23:30:00Z'), ['2027-05-05']);
    // 31 Dec 23:30 UTC is already 1 January 2027 in Amsterdam: 2026, 2027 and 2028.
    expect(days).toContain('2026-04-06');
    expect(days).toContain('2028-04-17');
    expect(days).not.toContain('2025-04-21');
    expect(days).toContain('2027-05-05');
    expect(days).toEqual([...days].sort());
    expect(() => reminderHolidays(new Date(), ['5 mei'])).toThrow(RangeError);
  });
});
