import { describe, expect, it } from 'vitest';
import { parseMeetingSchedule, scheduleGaps } from '../../../src/domain/schedule.js';

describe('reading an MT schedule', () => {
  it('reads a weekly rule with day and time', () => {
    expect(parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=30')).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      byDay: [{ day: 'TU' }],
      byMonthDay: [],
      byHour: [9],
      byMinute: [30],
    });
  });

  it('accepts the RRULE: prefix and lower case', () => {
    expect(parseMeetingSchedule('RRULE:freq=weekly;byday=we;byhour=10')?.byDay).toEqual([{ day: 'WE' }]);
  });

  it('reads an every-other-week rule anchored by a DTSTART in Amsterdam time', () => {
    const s = parseMeetingSchedule(
      'DTSTART;TZID=Europe/Amsterdam:20260108T093000\r\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    );
    expect(s?.interval).toBe(2);
    expect(s?.dtstart).toEqual({ date: '2026-01-08', hour: 9, minute: 30, second: 0 });
    expect(s && scheduleGaps(s)).toEqual([]);
  });

  it('reads a DTSTART without a zone as Amsterdam wall-clock time', () => {
    expect(parseMeetingSchedule('DTSTART:20260106T090000\nFREQ=WEEKLY;BYDAY=TU')?.dtstart?.hour).toBe(9);
  });

  it('reads monthly rules with an ordinal day or a day of the month', () => {
    expect(parseMeetingSchedule('FREQ=MONTHLY;BYDAY=2TU,-1FR;BYHOUR=14')?.byDay).toEqual([
      { day: 'TU', ordinal: 2 },
      { day: 'FR', ordinal: -1 },
    ]);
    expect(parseMeetingSchedule('FREQ=MONTHLY;BYMONTHDAY=1,-1;BYHOUR=14')?.byMonthDay).toEqual([1, -1]);
  });

  it('keeps COUNT, UNTIL and WKST', () => {
    expect(parseMeetingSchedule('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;COUNT=10;WKST=MO')).toMatchObject({
      count: 10,
      wkst: 'MO',
    });
    expect(parseMeetingSchedule('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;UNTIL=20261231T225959Z')?.until).toBe(
      '20261231T225959Z',
    );
    expect(parseMeetingSchedule('FREQ=DAILY;BYHOUR=8;UNTIL=20261231')?.until).toBe('20261231');
  });

  it.each([
    '',
    'elke dinsdag',
    'BYDAY=TU',
    'FREQ=YEARLY',
    'FREQ=HOURLY',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;BYDAY=2TU',
    'FREQ=WEEKLY;BYMONTHDAY=3',
    'FREQ=MONTHLY;BYMONTHDAY=32',
    'FREQ=WEEKLY;BYHOUR=24',
    'FREQ=WEEKLY;BYMINUTE=60',
    'FREQ=WEEKLY;BYHOUR=9.5',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=WEEKLY;INTERVAL=-1',
    'FREQ=WEEKLY;FREQ=DAILY',
    'FREQ=WEEKLY;BYDAY=',
    'FREQ=WEEKLY;COUNT=3;UNTIL=20261231',
    'FREQ=WEEKLY;UNTIL=20260231',
    'FREQ=WEEKLY;UNTIL=2026-12-31',
    'FREQ=WEEKLY;WKST=XX',
    'FREQ=WEEKLY;BYSETPOS=1',
    'FREQ=WEEKLY;;BYDAY=TU',
    'DTSTART;TZID=Europe/Amsterdam:20260108T093000',
    'DTSTART;TZID=Europe/London:20260108T093000\nRRULE:FREQ=WEEKLY',
    'DTSTART:20260108T083000Z\nRRULE:FREQ=WEEKLY',
    'DTSTART;TZID=Europe/Amsterdam:20260230T093000\nRRULE:FREQ=WEEKLY',
    'DTSTART;TZID=Europe/Amsterdam:20260108T253000\nRRULE:FREQ=WEEKLY',
    'DTSTART:20260108T093000\nDTSTART:20260115T093000\nRRULE:FREQ=WEEKLY',
    'RRULE:FREQ=WEEKLY\nRRULE:FREQ=DAILY',
  ])('refuses %j', (text) => {
    expect(parseMeetingSchedule(text)).toBeUndefined();
  });
});

describe('what a schedule needs to pin down meetings', () => {
  it('a weekly rule with day and hour is complete', () => {
    const s = parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9');
    expect(s && scheduleGaps(s)).toEqual([]);
  });

  it('every other week needs a start, or the weeks are unknown', () => {
    const s = parseMeetingSchedule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9');
    expect(s && scheduleGaps(s)).toEqual(['start']);
  });

  it('weekly without a day needs a start to take the day from', () => {
    const s = parseMeetingSchedule('FREQ=WEEKLY;BYHOUR=9');
    expect(s && scheduleGaps(s)).toEqual(['start']);
  });

  it('a rule without hour and without start has no meeting time', () => {
    const s = parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU');
    expect(s && scheduleGaps(s)).toEqual(['tijd']);
    const both = parseMeetingSchedule('FREQ=DAILY;INTERVAL=3');
    expect(both && scheduleGaps(both)).toEqual(['start', 'tijd']);
  });
});
