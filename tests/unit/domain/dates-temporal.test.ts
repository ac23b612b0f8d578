/**
 * Issue 16: where the platform has Temporal (the browsers), the Amsterdam calendar date of an instant comes from it; a
 * page's first Intl.DateTimeFormat cost 15–40 ms of a cold start. Node 20 has none, so the other tests of dates.ts run
 * the Intl way; here Temporal is given (the temporal-polyfill package, which reads ICU's time zone data through Intl)
 * and both ways must answer the same for every hour of three years and around every change to and from summer time.
 */
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { amsterdamDate, instantToCalendarDate, prepareAmsterdamDates } from '../../../src/domain/dates.js';

const global = globalThis as { Temporal?: unknown };

function withTemporal<T>(run: () => T): T {
  global.Temporal = Temporal;
  try {
    return run();
  } finally {
    delete global.Temporal;
  }
}

/** The last Sunday of a month at 01:00 UTC: when the EU changes to and from summer time. */
function changeOver(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

describe('the Amsterdam calendar date, with and without Temporal', () => {
  afterEach(() => {
    delete global.Temporal;
    vi.restoreAllMocks();
  });

  it('is the same both ways for every hour of 2025–2027 and every minute around each summer-time change', () => {
    const instants: number[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) instants.push(t);
    for (const year of [2025, 2026, 2027])
      for (const month of [2, 9])
        for (let minute = -150; minute <= 150; minute += 1) instants.push(changeOver(year, month) + minute * 60_000);
    const withoutTemporal = instants.map((t) => amsterdamDate(new Date(t)));
    const viaTemporal = withTemporal(() => instants.map((t) => amsterdamDate(new Date(t))));
    expect(viaTemporal).toEqual(withoutTemporal);
    // Not vacuous: the day turns at 22:00 UTC in summer and at 23:00 UTC in winter.
    expect(withTemporal(() => amsterdamDate(new Date('2026-06-29T22:00:00Z')))).toBe('2026-06-30');
    expect(withTemporal(() => amsterdamDate(new Date('2026-06-29T21:59:59Z')))).toBe('2026-06-29');
    expect(withTemporal(() => amsterdamDate(new Date('2026-01-14T23:00:00Z')))).toBe('2026-01-15');
    expect(withTemporal(() => amsterdamDate(new Date('2026-01-14T22:59:59Z')))).toBe('2026-01-14');
    // About 27,000 dates through the Temporal polyfill: 1.5 s on a quiet machine, past vitest's 5 s under load.
  }, 30_000);

  it('reads SharePoint’s date-only instants the same both ways, through Temporal when there is one', () => {
    const stored = ['2025-06-29T22:00:00Z', '2025-01-14T23:00:00Z', '2026-03-28T23:00:00Z', '2026-10-24T22:00:00Z'];
    const withoutTemporal = stored.map(instantToCalendarDate);
    const asked = vi.spyOn(Temporal.Instant, 'fromEpochMilliseconds');
    const viaTemporal = withTemporal(() => {
      prepareAmsterdamDates();
      return stored.map(instantToCalendarDate);
    });
    expect(viaTemporal).toEqual(withoutTemporal);
    expect(viaTemporal).toEqual(['2025-06-30', '2025-01-15', '2026-03-29', '2026-10-25']);
    // The first view's own check, that no Intl.DateTimeFormat is made (the polyfill makes them), is in the browser:
    // tests/e2e/tab-plan.test.ts, "makes no date formatter…".
    expect(asked).toHaveBeenCalledTimes(stored.length + 1);
  });

  it('falls back to Intl for good when the platform’s Temporal throws on the time zone (a partial one)', () => {
    const fromEpochMilliseconds = vi.fn(() => ({
      toZonedDateTimeISO: () => {
        throw new RangeError('Invalid time zone: Europe/Amsterdam');
      },
    }));
    global.Temporal = { Instant: { fromEpochMilliseconds } };
    expect(amsterdamDate(new Date('2026-06-29T22:00:00Z'))).toBe('2026-06-30');
    expect(amsterdamDate(new Date('2026-01-14T22:59:59Z'))).toBe('2026-01-14');
    expect(fromEpochMilliseconds).toHaveBeenCalledTimes(1);
  });

  it('takes the Intl way again when the platform has no (usable) Temporal', () => {
    const formatted = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    global.Temporal = {};
    expect(amsterdamDate(new Date('2026-06-29T22:00:00Z'))).toBe('2026-06-30');
    expect(formatted).toHaveBeenCalled();
  });
});
