import { describe, expect, it } from 'vitest';
import {
  formatGraphInstant,
  parseCalendarDate,
  parseSiteDateTime,
  siteMidnightUtc,
  toSiteDateOnly,
} from '../../../src/sandbox/site-time.js';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : formatGraphInstant(ms));

describe('site dates in Europe/Amsterdam', () => {
  it('puts midnight of a summer date at 22:00 UTC the day before, and of a winter date at 23:00', () => {
    expect(iso(siteMidnightUtc(2025, 6, 30))).toBe('2025-06-29T22:00:00Z');
    expect(iso(siteMidnightUtc(2025, 1, 15))).toBe('2025-01-14T23:00:00Z');
  });

  it('gets the days on which the clocks change right', () => {
    // 30 March 2025: clocks go forward at 02:00, so midnight is still winter time.
    expect(iso(siteMidnightUtc(2025, 3, 30))).toBe('2025-03-29T23:00:00Z');
    expect(iso(siteMidnightUtc(2025, 3, 31))).toBe('2025-03-30T22:00:00Z');
    // 26 October 2025: clocks go back at 03:00, so midnight is still summer time.
    expect(iso(siteMidnightUtc(2025, 10, 26))).toBe('2025-10-25T22:00:00Z');
    expect(iso(siteMidnightUtc(2025, 10, 27))).toBe('2025-10-26T23:00:00Z');
  });

  it('reads calendar dates, zoned instants and local date-times as SharePoint does on write', () => {
    expect(iso(parseSiteDateTime('2025-06-30'))).toBe('2025-06-29T22:00:00Z');
    expect(iso(parseSiteDateTime('2025-06-30T10:00:00Z'))).toBe('2025-06-30T10:00:00Z');
    expect(iso(parseSiteDateTime('2025-06-30T10:00:00+02:00'))).toBe('2025-06-30T08:00:00Z');
    expect(iso(parseSiteDateTime('2025-06-30T10:00:00'))).toBe('2025-06-30T08:00:00Z');
    expect(iso(parseSiteDateTime('2025-01-15T10:00'))).toBe('2025-01-15T09:00:00Z');
    expect(parseSiteDateTime('30-06-2025')).toBeUndefined();
    expect(parseSiteDateTime('2025-02-30')).toBeUndefined();
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('truncates an instant to the site-local date for dateOnly columns', () => {
    // 23:30 UTC on 29 June is 01:30 on 30 June in Amsterdam.
    expect(iso(toSiteDateOnly(Date.parse('2025-06-29T23:30:00Z')))).toBe('2025-06-29T22:00:00Z');
    // 21:30 UTC on 29 June is still 29 June in Amsterdam.
    expect(iso(toSiteDateOnly(Date.parse('2025-06-29T21:30:00Z')))).toBe('2025-06-28T22:00:00Z');
  });
});
