import { describe, expect, it } from 'vitest';
import type { HealthBody } from '../../../src/shared/wire.js';
import { holidaysFromHealth, holidaysStaleTime } from '../../../src/tab/lib/reminder-holidays.js';

const body = (reminderHolidays: unknown): unknown => ({
  status: 'ok',
  problems: [],
  reminderJob: null,
  reminderHolidays,
});

describe("the tab reads the job's holidays from /healthz", () => {
  it('takes the dates of the body', () => {
    const health: HealthBody = {
      status: 'ok',
      problems: [],
      reminderJob: null,
      reminderHolidays: { from: '2026-10-04', to: '2028-01-09', dates: ['2026-12-25', '2026-12-26', '2027-05-05'] },
    };
    expect(holidaysFromHealth(health)).toEqual(['2026-12-25', '2026-12-26', '2027-05-05']);
  });
  it('says "unknown" for a server that sends none: still starting (null), older (absent), or no body at all', () => {
    expect(holidaysFromHealth(body(null))).toBeUndefined();
    expect(holidaysFromHealth({ status: 'ok', problems: [], reminderJob: null })).toBeUndefined();
    expect(holidaysFromHealth(body({ from: '2026-10-04', to: '2028-01-09', dates: 'kerst' }))).toBeUndefined();
    expect(holidaysFromHealth(null)).toBeUndefined();
    expect(holidaysFromHealth('ok')).toBeUndefined();
  });
  it('keeps only calendar dates: the body is input like any other', () => {
    expect(
      holidaysFromHealth(body({ from: '', to: '', dates: ['2026-12-25', '2026-02-30', 25, '<b>', '2027-01-01'] })),
    ).toEqual(['2026-12-25', '2027-01-01']);
  });
  it('an answer with the holidays serves the previews for an hour; one without (a server still starting) is asked again', () => {
    expect(holidaysStaleTime(body({ from: '2026-10-04', to: '2028-01-09', dates: ['2026-12-25'] }))).toBe(3_600_000);
    expect(holidaysStaleTime(body(null))).toBe(0);
    expect(holidaysStaleTime(undefined)).toBe(0);
  });
});
