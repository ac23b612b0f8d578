import { describe, expect, it } from 'vitest';
import {
  dutchPublicHolidays,
  holidayWindowPerDay,
  reminderHolidayWindow,
  reminderHolidays,
} from '../../../src/reminders/holidays.js';

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

describe('the holidays the server hands to the tab', () => {
  it('cover the window around today (Amsterdam), every year it touches, with the extra days inside it only', () => {
    // 5 December 2026: 62 days back is 4 October 2026, 400 days ahead 9 January 2028.
    const w = reminderHolidayWindow(new Date('2026-12-05T10:00:00Z'), ['2027-05-05', '2026-01-02', '2028-05-05']);
    expect(w.from).toBe('2026-10-04');
    expect(w.to).toBe('2028-01-09');
    expect(w.dates).toContain('2026-12-25');
    expect(w.dates).toContain('2027-03-29'); // Tweede Paasdag 2027
    expect(w.dates).toContain('2028-01-01');
    expect(w.dates).toContain('2027-05-05'); // the extra day
    expect(w.dates).not.toContain('2026-01-02'); // extra, before the window
    expect(w.dates).not.toContain('2028-05-05'); // extra, after it
    expect(w.dates).not.toContain('2026-05-25'); // Tweede Pinksterdag 2026, before it
    expect(w.dates).toEqual([...w.dates].sort());
    expect(w.dates.every((d) => d >= w.from && d <= w.to)).toBe(true);
  });
  it('are the days the job skips at a moment in the window (reminderHolidays then)', () => {
    const now = new Date('2026-12-05T10:00:00Z');
    const extra = ['2027-05-05'];
    const w = reminderHolidayWindow(now, extra);
    // The job running on 1 March 2027 uses reminderHolidays of that moment: the same days within the window.
    const job = reminderHolidays(new Date('2027-03-01T08:00:00Z'), extra).filter((d) => d >= w.from && d <= w.to);
    expect(w.dates).toEqual(job);
  });
  it('use the Amsterdam date: 23:30 UTC on 31 December is already the next year', () => {
    const w = reminderHolidayWindow(new Date('2026-12-31T23:30:00Z'), [], { daysBefore: 0, daysAfter: 0 });
    expect(w).toEqual({ from: '2027-01-01', to: '2027-01-01', dates: ['2027-01-01'] });
  });
  it('refuse an extra day that is no date', () => {
    expect(() => reminderHolidayWindow(new Date(), ['5 mei'])).toThrow(RangeError);
  });
  it('are computed once per Amsterdam day, and a caller cannot change the cached answer', () => {
    const perDay = holidayWindowPerDay(['2027-05-05']);
    const first = perDay(new Date('2026-12-05T08:00:00Z'));
    first.dates.length = 0;
    const again = perDay(new Date('2026-12-05T22:00:00Z'));
    expect(again.dates).toContain('2027-05-05');
    expect(again.from).toBe('2026-10-04');
    // 23:30 UTC is 6 December in Amsterdam: the window moves.
    expect(perDay(new Date('2026-12-05T23:30:00Z')).from).toBe('2026-10-05');
  });
});
