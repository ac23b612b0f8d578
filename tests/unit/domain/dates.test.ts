import { afterEach, describe, expect, it, vi } from 'vitest';
import { TZDate } from '@date-fns/tz';
import {
  addDays,
  AMSTERDAM,
  amsterdamDate,
  calendarDateToInstant,
  compareCalendarDates,
  currentKwartaal,
  instantToCalendarDate,
  isValidCalendarDate,
  isValidKwartaal,
  kwartaalPeriod,
  kwartaalOf,
} from '../../../src/domain/dates.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('today in Amsterdam', () => {
  it.each([
    // summer (CEST, UTC+2): midnight Amsterdam is 22:00Z the day before
    ['2025-06-29T21:59:59Z', '2025-06-29'],
    ['2025-06-29T22:00:00Z', '2025-06-30'],
    ['2025-06-29T22:30:00Z', '2025-06-30'],
    ['2025-06-29T23:30:00Z', '2025-06-30'],
    ['2025-06-30T00:30:00Z', '2025-06-30'],
    // winter (CET, UTC+1): midnight Amsterdam is 23:00Z the day before
    ['2025-01-14T22:30:00Z', '2025-01-14'],
    ['2025-01-14T22:59:59Z', '2025-01-14'],
    ['2025-01-14T23:00:00Z', '2025-01-15'],
    ['2025-01-14T23:30:00Z', '2025-01-15'],
    ['2025-01-15T00:30:00Z', '2025-01-15'],
    // the night clocks go forward (30 March 2025, 02:00 CET → 03:00 CEST)
    ['2025-03-29T22:30:00Z', '2025-03-29'],
    ['2025-03-29T23:00:00Z', '2025-03-30'],
    ['2025-03-30T00:30:00Z', '2025-03-30'],
    ['2025-03-30T21:59:59Z', '2025-03-30'],
    ['2025-03-30T22:00:00Z', '2025-03-31'],
    // the night clocks go back (26 October 2025, 03:00 CEST → 02:00 CET)
    ['2025-10-25T21:59:59Z', '2025-10-25'],
    ['2025-10-25T22:00:00Z', '2025-10-26'],
    ['2025-10-26T22:30:00Z', '2025-10-26'],
    ['2025-10-26T22:59:59Z', '2025-10-26'],
    ['2025-10-26T23:00:00Z', '2025-10-27'],
    // new year's eve
    ['2025-12-31T22:59:59Z', '2025-12-31'],
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ])('at %s it is %s in Amsterdam', (instant, expected) => {
    expect(amsterdamDate(new Date(instant))).toBe(expected);
  });

  it("does not depend on the server's own time zone", () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(amsterdamDate(new Date('2025-06-29T22:30:00Z'))).toBe('2025-06-30');
      expect(amsterdamDate(new Date('2025-01-14T22:30:00Z'))).toBe('2025-01-14');
      expect(calendarDateToInstant('2025-06-30')).toBe('2025-06-29T22:00:00Z');
      expect(instantToCalendarDate('2025-01-14T23:00:00Z')).toBe('2025-01-15');
      expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => amsterdamDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it.each(['2025-06-30', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01'])('%s is a calendar date', (s) => {
    expect(isValidCalendarDate(s)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-06-00',
    '0000-01-01',
    '2025-6-30',
    '30-06-2025',
    '2025-06-30T00:00:00Z',
    ' 2025-06-30',
    '',
  ])('%j is not a calendar date', (s) => {
    expect(isValidCalendarDate(s)).toBe(false);
  });

  it.each([undefined, null, 20250630, new Date('2025-06-30'), {}])('a non-string (%j) is not a calendar date', (v) => {
    expect(isValidCalendarDate(v)).toBe(false);
  });

  it('orders dates in time and can sort them', () => {
    expect(compareCalendarDates('2025-06-30', '2025-07-01')).toBeLessThan(0);
    expect(compareCalendarDates('2025-07-01', '2025-06-30')).toBeGreaterThan(0);
    expect(compareCalendarDates('2025-06-30', '2025-06-30')).toBe(0);
    expect(['2026-01-01', '2025-12-31', '2025-01-15'].sort(compareCalendarDates)).toEqual([
      '2025-01-15',
      '2025-12-31',
      '2026-01-01',
    ]);
  });

  it('refuses to compare something that is not a calendar date', () => {
    expect(() => compareCalendarDates('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => compareCalendarDates('2025-03-01', 'morgen')).toThrow(RangeError);
  });

  it.each([
    ['2025-03-29', 1, '2025-03-30'],
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-10-25', 1, '2025-10-26'],
    ['2025-10-26', 1, '2025-10-27'],
    ['2025-03-31', -2, '2025-03-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-06-30', 0, '2025-06-30'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s plus %i days is %s, also across a DST switch', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('adds only whole days to valid dates', () => {
    expect(() => addDays('2025-06-30', 0.5)).toThrow(RangeError);
    expect(() => addDays('2025-06-31', 1)).toThrow(RangeError);
  });
});

describe('date-only columns as SharePoint returns them', () => {
  it.each([
    ['2025-06-30', '2025-06-29T22:00:00Z'],
    ['2025-01-15', '2025-01-14T23:00:00Z'],
    ['2025-03-30', '2025-03-29T23:00:00Z'], // midnight comes before the switch at 02:00: still CET
    ['2025-03-31', '2025-03-30T22:00:00Z'],
    ['2025-10-26', '2025-10-25T22:00:00Z'], // midnight comes before the switch at 03:00: still CEST
    ['2025-10-27', '2025-10-26T23:00:00Z'],
    ['2025-12-31', '2025-12-30T23:00:00Z'],
    ['2026-01-01', '2025-12-31T23:00:00Z'],
    ['2024-02-29', '2024-02-28T23:00:00Z'],
  ])('%s is stored as the instant %s (midnight in Amsterdam)', (date, instant) => {
    expect(calendarDateToInstant(date)).toBe(instant);
    expect(instantToCalendarDate(instant)).toBe(date);
  });

  it('round-trips every day of 2024 to 2026', () => {
    let d = '2024-01-01';
    while (d !== '2027-01-01') {
      const instant = calendarDateToInstant(d);
      expect(instant).toMatch(/^\d{4}-\d{2}-\d{2}T(22|23):00:00Z$/);
      expect(instantToCalendarDate(instant)).toBe(d);
      d = addDays(d, 1);
    }
  });

  it('reads instants with milliseconds or an explicit offset', () => {
    expect(instantToCalendarDate('2025-06-29T22:00:00.000Z')).toBe('2025-06-30');
    expect(instantToCalendarDate('2025-06-30T00:00:00+02:00')).toBe('2025-06-30');
    expect(instantToCalendarDate('2025-06-29T23:59:00-01:00')).toBe('2025-06-30');
    expect(instantToCalendarDate('2025-06-29T21:59Z')).toBe('2025-06-29');
  });

  it('passes a bare calendar date through unchanged', () => {
    expect(instantToCalendarDate('2025-06-30')).toBe('2025-06-30');
  });

  it('refuses what is not an instant', () => {
    for (const s of [
      '',
      'gisteren',
      '2025-06-30 22:00',
      '2025-06-30T22:00:00',
      '2025-02-30T22:00:00Z',
      '2025-06-30T25:00:00Z',
      '2025-02-31',
    ]) {
      expect(() => instantToCalendarDate(s), s).toThrow(RangeError);
    }
    expect(() => calendarDateToInstant('2025-02-29')).toThrow(RangeError);
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-07-01', '2026-Q3'],
    ['2026-09-30', '2026-Q3'],
    ['2026-10-01', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
  ])('%s lies in %s', (d, k) => {
    expect(kwartaalOf(d)).toBe(k);
  });

  it('the current quarter follows the Amsterdam date', () => {
    expect(currentKwartaal(new Date('2026-09-30T21:59:59Z'))).toBe('2026-Q3');
    expect(currentKwartaal(new Date('2026-09-30T22:00:00Z'))).toBe('2026-Q4');
  });

  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs from %s to %s', (k, start, einde) => {
    expect(kwartaalPeriod(k)).toEqual({ start, einde });
  });

  it('knows what a quarter looks like', () => {
    expect(isValidKwartaal('2026-Q1')).toBe(true);
    for (const s of ['2026-Q0', '2026-Q5', '2026Q1', '26-Q1', '2026-q1', '', 2026])
      expect(isValidKwartaal(s)).toBe(false);
    expect(() => kwartaalPeriod('2026-Q5')).toThrow(RangeError);
  });
});

describe('instantToCalendarDate and amsterdamDate agree with @date-fns/tz (cached Intl formatter, not a TZDate per call)', () => {
  const viaTzDate = (ms: number) => {
    const t = new TZDate(ms, AMSTERDAM);
    return `${String(t.getFullYear()).padStart(4, '0')}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  };

  it('every quarter hour around both DST switches and the turn of a year', () => {
    const windows = ['2025-03-29T00:00:00Z', '2025-10-25T00:00:00Z', '2025-12-31T00:00:00Z', '2026-03-28T00:00:00Z'];
    for (const start of windows) {
      for (let ms = Date.parse(start); ms < Date.parse(start) + 3 * 86_400_000; ms += 15 * 60_000) {
        const iso = new Date(ms).toISOString();
        expect(instantToCalendarDate(iso), iso).toBe(viaTzDate(ms));
        expect(amsterdamDate(new Date(ms)), iso).toBe(viaTzDate(ms));
      }
    }
  });

  it('instants spread over two centuries', () => {
    for (
      let ms = Date.parse('1950-01-01T00:00:00Z');
      ms < Date.parse('2150-01-01T00:00:00Z');
      ms += 86_400_000 * 37 + 3_600_000 * 7
    ) {
      expect(instantToCalendarDate(new Date(ms).toISOString())).toBe(viaTzDate(ms));
    }
  });
});

describe('prepareAmsterdamDates (issue 16: the tab makes the formatter while its $batch travels)', () => {
  it('makes the one Amsterdam formatter, so that reading dates afterwards makes none', async () => {
    vi.resetModules();
    const original = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = new Proxy(original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made += 1;
        return new target(...args);
      },
    });
    try {
      const fresh = await import('../../../src/domain/dates.js');
      fresh.prepareAmsterdamDates();
      expect(made).toBe(1);
      expect(fresh.instantToCalendarDate('2025-06-29T22:00:00Z')).toBe('2025-06-30');
      expect(fresh.amsterdamDate(new Date('2025-01-14T22:30:00Z'))).toBe('2025-01-14');
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
