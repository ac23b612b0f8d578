import { afterEach, describe, expect, it } from 'vitest';
import type { MT } from '../../../src/domain/model.js';
import { zoetermeerMTs } from '../../../src/domain/plan/zoetermeer.js';
import { parseMeetingSchedule, type MeetingSchedule } from '../../../src/domain/schedule.js';
import {
  MAX_DAYS_BACK,
  occurrencesBetween,
  recurrenceGaps,
  reminderTime,
  stretchWithoutWorkingDay,
} from '../../../src/domain/recurrence.js';
import { addDays } from '../../../src/domain/dates.js';
import { planReminders, type PlannerInput, type ReminderDecision } from '../../../src/reminders/planner.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function schedule(text: string): MeetingSchedule {
  const s = parseMeetingSchedule(text);
  if (!s) throw new Error(`test schedule does not parse: ${text}`);
  return s;
}

const iso = (d: Date): string => d.toISOString();
const starts = (
  s: MeetingSchedule,
  from: string,
  to: string,
  exceptions?: Parameters<typeof occurrencesBetween>[3],
): string[] => occurrencesBetween(s, new Date(from), new Date(to), exceptions).map((o) => iso(o.start));

/** A weekly Tuesday 09:00 MT, like the CMT, with the default lead time unless given. */
function mt(overrides: Partial<MT> = {}): MT {
  return {
    key: 'cmt',
    naam: 'CMT',
    domeinen: ['Concern'],
    schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
    actief: true,
    ...overrides,
  };
}

function plan(overrides: Partial<PlannerInput> & Pick<PlannerInput, 'now'>): ReturnType<typeof planReminders> {
  return planReminders({ mts: [mt()], sentKeys: [], ...overrides });
}

const summary = (d: ReminderDecision): string =>
  `${d.action}:${d.reason}${d.occurrenceStart ? `@${iso(d.occurrenceStart)}` : ''}`;

describe('occurrences in Amsterdam wall-clock time', () => {
  const weeklyTuesday = schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');

  it('a 09:00 Tuesday meeting stays 09:00 local when the clocks go forward (29 March 2026)', () => {
    expect(starts(weeklyTuesday, '2026-03-20T00:00:00Z', '2026-04-08T00:00:00Z')).toEqual([
      '2026-03-24T08:00:00.000Z', // CET, UTC+1
      '2026-03-31T07:00:00.000Z', // CEST, UTC+2
      '2026-04-07T07:00:00.000Z',
    ]);
  });

  it('a 09:00 Tuesday meeting stays 09:00 local when the clocks go back (25 October 2026)', () => {
    expect(starts(weeklyTuesday, '2026-10-15T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual([
      '2026-10-20T07:00:00.000Z', // CEST
      '2026-10-27T08:00:00.000Z', // CET
      '2026-11-03T08:00:00.000Z',
    ]);
  });

  it('a daily 09:00 meeting is at 09:00 local on the switch days themselves', () => {
    const daily = schedule('FREQ=DAILY;BYHOUR=9');
    expect(starts(daily, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
    expect(starts(daily, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('every other week follows its DTSTART anchor (MT Dienstverlening: Thursdays from 8 January 2026, 09:30)', () => {
    const biweekly = schedule(zoetermeerMTs.find((m) => m.key === 'mt-dienstverlening')?.schema ?? '');
    expect(starts(biweekly, '2026-01-01T00:00:00Z', '2026-02-06T00:00:00Z')).toEqual([
      '2026-01-08T08:30:00.000Z',
      '2026-01-22T08:30:00.000Z',
      '2026-02-05T08:30:00.000Z',
    ]);
    // Across the March switch, still 09:30 local and still the anchored weeks.
    expect(starts(biweekly, '2026-03-15T00:00:00Z', '2026-04-17T00:00:00Z')).toEqual([
      '2026-03-19T08:30:00.000Z',
      '2026-04-02T07:30:00.000Z',
      '2026-04-16T07:30:00.000Z',
    ]);
  });

  it('takes the meeting time from DTSTART when the rule has no BYHOUR', () => {
    const s = schedule('DTSTART;TZID=Europe/Amsterdam:20260113T133000\nRRULE:FREQ=WEEKLY;INTERVAL=2');
    expect(starts(s, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')).toEqual([
      '2026-01-13T12:30:00.000Z',
      '2026-01-27T12:30:00.000Z',
    ]);
  });

  it('a monthly rule ("second Tuesday") needs no anchor', () => {
    const s = schedule('FREQ=MONTHLY;BYDAY=2TU;BYHOUR=14');
    expect(starts(s, '2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      '2026-09-08T12:00:00.000Z',
      '2026-10-13T12:00:00.000Z',
      '2026-11-10T13:00:00.000Z',
    ]);
  });

  it('UNTIL ends the series (date-only UNTIL includes that day)', () => {
    const s = schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20261110');
    expect(starts(s, '2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      '2026-11-03T08:00:00.000Z',
      '2026-11-10T08:00:00.000Z',
    ]);
  });

  it('refuses a schedule whose meetings would depend on the window asked about', () => {
    for (const text of [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9',
      'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;COUNT=5',
      'FREQ=MONTHLY;BYHOUR=9',
      'FREQ=WEEKLY;BYDAY=TU',
    ]) {
      expect(recurrenceGaps(schedule(text)).length, text).toBeGreaterThan(0);
      expect(() =>
        occurrencesBetween(schedule(text), new Date('2026-01-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z')),
      ).toThrow(RangeError);
    }
  });

  it('does not depend on the server’s own time zone', () => {
    const expected = starts(weeklyTuesday, '2026-10-15T00:00:00Z', '2026-11-04T00:00:00Z');
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      expect(starts(weeklyTuesday, '2026-10-15T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual(expected);
      expect(iso(reminderTime(new Date('2026-03-30T07:00:00Z')))).toBe('2026-03-27T08:00:00.000Z');
    }
  });
});

describe('cancelled and moved meetings', () => {
  const weeklyTuesday = schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');
  const window = ['2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'] as const;

  it('a cancelled meeting (local date and time) is left out, the others stay', () => {
    expect(starts(weeklyTuesday, ...window, { cancelled: ['2026-12-22T09:00'], moved: [] })).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
      '2026-12-29T08:00:00.000Z',
    ]);
  });

  it('a cancelled date cancels every meeting that day; a cancellation that matches nothing changes nothing', () => {
    expect(starts(weeklyTuesday, ...window, { cancelled: ['2026-12-29', '2026-12-23T09:00'], moved: [] })).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2026-12-08T08:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
      '2026-12-22T08:00:00.000Z',
    ]);
  });

  it('a moved meeting is at its new local time, remembering where it came from', () => {
    const result = occurrencesBetween(weeklyTuesday, new Date(window[0]), new Date(window[1]), {
      cancelled: [],
      moved: [{ from: '2026-12-15T09:00', to: '2026-12-17T14:30' }],
    });
    expect(result.map((o) => [iso(o.start), o.movedFrom ? iso(o.movedFrom) : '-'])).toEqual([
      ['2026-12-01T08:00:00.000Z', '-'],
      ['2026-12-08T08:00:00.000Z', '-'],
      ['2026-12-17T13:30:00.000Z', '2026-12-15T08:00:00.000Z'],
      ['2026-12-22T08:00:00.000Z', '-'],
      ['2026-12-29T08:00:00.000Z', '-'],
    ]);
  });

  it('moving across the DST switch keeps the new wall-clock time', () => {
    expect(
      starts(weeklyTuesday, '2026-03-20T00:00:00Z', '2026-04-01T00:00:00Z', {
        cancelled: [],
        moved: [{ from: '2026-03-24', to: '2026-03-30T09:00' }],
      }),
    ).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z']);
  });

  it('an exception that is not a local time is refused with a Dutch message', () => {
    expect(() =>
      occurrencesBetween(weeklyTuesday, new Date(window[0]), new Date(window[1]), {
        cancelled: ['22-12-2026'],
        moved: [],
      }),
    ).toThrow(/geen lokale tijd/);
    expect(() =>
      occurrencesBetween(weeklyTuesday, new Date(window[0]), new Date(window[1]), {
        cancelled: [],
        moved: [{ from: '2026-12-22', to: '2026-12-23' }],
      }),
    ).toThrow(/geen lokale tijd/);
  });

  it('the planner sends nothing for a cancelled meeting and says so while its reminder would have been due', () => {
    const result = plan({
      now: new Date('2026-12-21T08:30:00Z'),
      exceptions: { cmt: { cancelled: ['2026-12-22'], moved: [] } },
    });
    expect(result.toSend).toEqual([]);
    expect(result.decisions.map(summary)).toContain('skip:cancelled@2026-12-22T08:00:00.000Z');
  });

  it('the planner plans a moved meeting under its new key and lead time', () => {
    const result = plan({
      now: new Date('2026-12-16T08:05:00Z'),
      exceptions: { cmt: { cancelled: [], moved: [{ from: '2026-12-15T09:00', to: '2026-12-17T14:30' }] } },
    });
    expect(result.toSend.map((d) => [d.key, iso(d.reminderAt), d.movedFrom ? iso(d.movedFrom) : '-'])).toEqual([
      ['cmt|2026-12-17T13:30:00Z', '2026-12-16T08:00:00.000Z', '2026-12-15T08:00:00.000Z'],
    ]);
  });

  it('a meeting moved after its reminder went out does not get a second card', () => {
    const result = plan({
      now: new Date('2026-12-16T08:05:00Z'),
      sentKeys: ['cmt|2026-12-15T08:00:00Z'],
      exceptions: { cmt: { cancelled: [], moved: [{ from: '2026-12-15T09:00', to: '2026-12-17T14:30' }] } },
    });
    expect(result.toSend).toEqual([]);
    expect(result.decisions.map(summary)).toContain('skip:already-sent@2026-12-17T13:30:00.000Z');
  });
});

describe('lead time', () => {
  it('by default the reminder goes out at 09:00 on the working day before: Friday 09:00 for a Monday meeting', () => {
    expect(iso(reminderTime(new Date('2026-11-30T09:00:00Z')))).toBe('2026-11-27T08:00:00.000Z');
  });

  it('Monday 09:00 for a Tuesday meeting, whatever the meeting’s hour', () => {
    expect(iso(reminderTime(new Date('2026-11-24T07:00:00Z')))).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(reminderTime(new Date('2026-11-24T15:00:00Z')))).toBe('2026-11-23T08:00:00.000Z');
  });

  it('skips holidays: the Tuesday after Easter Monday (6 April 2026) is reminded on Friday 3 April, 09:00 CEST', () => {
    expect(iso(reminderTime(new Date('2026-04-07T07:00:00Z'), { holidays: ['2026-04-06'] }))).toBe(
      '2026-04-03T07:00:00.000Z',
    );
    expect(iso(reminderTime(new Date('2026-04-07T07:00:00Z'), { holidays: ['2026-04-06', '2026-04-03'] }))).toBe(
      '2026-04-02T07:00:00.000Z',
    );
  });

  it('the Friday before the March switch is still winter time: a Monday 30 March meeting is reminded at 08:00Z', () => {
    expect(iso(reminderTime(new Date('2026-03-30T07:00:00Z')))).toBe('2026-03-27T08:00:00.000Z');
    expect(iso(reminderTime(new Date('2026-10-26T08:00:00Z')))).toBe('2026-10-23T07:00:00.000Z');
  });

  it('an MT’s voorlooptijdMinuten replaces the default: exactly that many minutes before the start', () => {
    expect(iso(reminderTime(new Date('2026-11-24T08:00:00Z'), { voorlooptijdMinuten: 1440 }))).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(iso(reminderTime(new Date('2026-11-24T08:00:00Z'), { voorlooptijdMinuten: 90 }))).toBe(
      '2026-11-24T06:30:00.000Z',
    );
    // A fixed lead that lands on a holiday goes out at the same local time on the working day before it.
    expect(
      iso(reminderTime(new Date('2026-04-07T07:00:00Z'), { voorlooptijdMinuten: 1440, holidays: ['2026-04-06'] })),
    ).toBe('2026-04-03T07:00:00.000Z');
    expect(
      iso(
        reminderTime(new Date('2026-04-07T07:00:00Z'), {
          voorlooptijdMinuten: 1440,
          holidays: ['2026-04-06', '2026-04-03'],
        }),
      ),
    ).toBe('2026-04-02T07:00:00.000Z');
    expect(
      iso(reminderTime(new Date('2026-04-07T07:00:00Z'), { voorlooptijdMinuten: 90, holidays: ['2026-04-06'] })),
    ).toBe('2026-04-07T05:30:00.000Z');
  });

  it('a month of closing days leaves no working day: reminderTime throws, and stretchWithoutWorkingDay names the run', () => {
    // Every day of July 2027 closed; 30 June (a Wednesday) is the last working day before it.
    const july = Array.from({ length: 31 }, (_, i) => addDays('2027-07-01', i));
    // Monday 2 August: 1 August back to 2 July are 31 days without a working day.
    expect(() => reminderTime(new Date('2027-08-02T07:00:00Z'), { holidays: july })).toThrow(
      /geen werkdag in de 31 dagen voor 2027-08-02/,
    );
    expect(MAX_DAYS_BACK).toBe(31);
    expect(stretchWithoutWorkingDay(july)).toEqual({ from: '2027-07-01', to: '2027-08-01', days: 32 });
    // One working day in the middle (Wednesday 14 July) splits it into runs short enough: the card finds a day.
    const split = july.filter((d) => d !== '2027-07-14');
    expect(stretchWithoutWorkingDay(split)).toBeUndefined();
    expect(iso(reminderTime(new Date('2027-08-02T07:00:00Z'), { holidays: split }))).toBe('2027-07-14T07:00:00.000Z');
    // The longest run a month allows: 30 days with the weekends (Sat 3 July to Sun 1 August, 1 and 2 July working).
    const thirty = july.filter((d) => d >= '2027-07-05');
    expect(stretchWithoutWorkingDay(thirty)).toBeUndefined();
    expect(iso(reminderTime(new Date('2027-08-02T07:00:00Z'), { holidays: thirty }))).toBe('2027-07-02T07:00:00.000Z');
    expect(stretchWithoutWorkingDay([])).toBeUndefined();
  });

  it('a voorlooptijd of 0, a negative or a fraction is not a lead time; the default applies', () => {
    for (const v of [0, -60, 1.5, Number.NaN]) {
      expect(iso(reminderTime(new Date('2026-11-24T08:00:00Z'), { voorlooptijdMinuten: v }))).toBe(
        '2026-11-23T08:00:00.000Z',
      );
    }
  });
});

describe('planning reminders', () => {
  // Meeting Tuesday 24 November 2026 09:00 (08:00Z); default reminder Monday 23 November 09:00 (08:00Z).
  const KEY = 'cmt|2026-11-24T08:00:00Z';

  it('before the reminder time it waits, and says when the reminder will go out', () => {
    const result = plan({ now: new Date('2026-11-23T07:59:00Z') });
    expect(result.toSend).toEqual([]);
    expect(result.decisions[0]).toMatchObject({
      action: 'wait',
      reason: 'not-yet',
      key: KEY,
      reminderAt: new Date('2026-11-23T08:00:00Z'),
    });
  });

  it('at the reminder time it sends, keyed <mt.key>|<start ISO UTC>, with the next meeting for the agenda', () => {
    const result = plan({ now: new Date('2026-11-23T08:02:00Z'), lastRunAt: new Date('2026-11-23T07:57:00Z') });
    expect(result.toSend).toEqual([
      expect.objectContaining({
        action: 'send',
        reason: 'due',
        key: KEY,
        occurrenceStart: new Date('2026-11-24T08:00:00Z'),
        nextOccurrenceStart: new Date('2026-12-01T08:00:00Z'),
        lateMinutes: 2,
      }),
    ]);
  });

  it('catch-up: down from before the reminder time until after it, but before the meeting: sent late', () => {
    const result = plan({ lastRunAt: new Date('2026-11-23T07:55:00Z'), now: new Date('2026-11-23T15:00:00Z') });
    expect(result.toSend.map((d) => [d.key, d.reason, d.lateMinutes])).toEqual([[KEY, 'catch-up', 420]]);
  });

  it('catch-up works up to the last minute before the meeting', () => {
    expect(
      plan({ lastRunAt: new Date('2026-11-20T12:00:00Z'), now: new Date('2026-11-24T07:59:00Z') }).toSend.map(
        (d) => d.key,
      ),
    ).toEqual([KEY]);
  });

  it('catch-up: down until after the meeting started: never sent, reported as missed', () => {
    for (const now of ['2026-11-24T08:00:00Z', '2026-11-24T08:30:00Z', '2026-11-24T12:00:00Z']) {
      const result = plan({ lastRunAt: new Date('2026-11-23T07:55:00Z'), now: new Date(now) });
      expect(result.toSend, now).toEqual([]);
      expect(result.decisions.map(summary), now).toContain('skip:meeting-started@2026-11-24T08:00:00.000Z');
    }
  });

  it('is idempotent: a key in sentKeys is never proposed again, however often the timer ticks', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const first = plan({ now });
    expect(first.toSend.map((d) => d.key)).toEqual([KEY]);
    const second = plan({ now, sentKeys: first.toSend.map((d) => d.key) });
    expect(second.toSend).toEqual([]);
    expect(second.decisions.map(summary)).toContain('skip:already-sent@2026-11-24T08:00:00.000Z');
    expect(plan({ now: new Date('2026-11-23T23:00:00Z'), sentKeys: new Set([KEY]) }).toSend).toEqual([]);
  });

  it('the same input gives the same plan (two instances plan alike)', () => {
    const input: PlannerInput = {
      mts: zoetermeerMTs,
      now: new Date('2026-11-25T08:10:00Z'),
      sentKeys: [],
      lastRunAt: new Date('2026-11-25T08:05:00Z'),
    };
    expect(planReminders(input)).toEqual(planReminders({ ...input, mts: [...zoetermeerMTs].reverse() }));
  });

  it('an inactive MT gets nothing, only a line saying so', () => {
    const result = planReminders({ mts: [mt({ actief: false })], now: new Date('2026-11-23T09:00:00Z'), sentKeys: [] });
    expect(result.toSend).toEqual([]);
    expect(result.decisions.map(summary)).toEqual(['skip:inactive']);
  });

  it('an MT without a schedule, or with one that cannot pin down meetings, is skipped with the reason', () => {
    const result = planReminders({
      mts: [
        mt({ key: 'a', schema: undefined }),
        mt({ key: 'b', schema: 'elke dinsdag' }),
        mt({ key: 'c', schema: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9' }),
      ],
      now: new Date('2026-11-23T09:00:00Z'),
      sentKeys: [],
    });
    expect(result.decisions.map((d) => `${d.mtKey}:${summary(d)}`)).toEqual([
      'a:skip:no-schedule',
      'b:skip:invalid-schedule',
      'c:skip:invalid-schedule',
    ]);
    expect(result.decisions[2]?.detail).toMatch(/DTSTART/);
  });

  it('a bad exception makes that MT a visible skip, not a crash of the whole job', () => {
    const result = planReminders({
      mts: [mt(), mt({ key: 'mt-b' })],
      exceptions: { 'mt-b': { cancelled: ['morgen'], moved: [] } },
      now: new Date('2026-11-23T08:05:00Z'),
      sentKeys: [],
    });
    expect(result.decisions.map((d) => `${d.mtKey}:${summary(d)}`)).toEqual([
      'cmt:send:due@2026-11-24T08:00:00.000Z',
      'cmt:wait:not-yet@2026-12-01T08:00:00.000Z',
      'mt-b:skip:invalid-schedule',
    ]);
  });

  it('uses the MT’s voorlooptijdMinuten (the seeded MTs: 24 hours)', () => {
    const result = planReminders({ mts: zoetermeerMTs, now: new Date('2026-11-25T08:31:00Z'), sentKeys: [] });
    // MT Dienstverlening meets Thursday 26 November 09:30 (08:30Z): 1440 minutes before is Wednesday 08:30Z.
    expect(result.toSend.map((d) => [d.key, iso(d.reminderAt)])).toEqual([
      ['mt-bedrijfsvoering|2026-11-25T09:00:00Z', '2026-11-24T09:00:00.000Z'],
      ['mt-dienstverlening|2026-11-26T08:30:00Z', '2026-11-25T08:30:00.000Z'],
    ]);
  });

  it('around the DST switch: a Monday 30 March 09:00 meeting is reminded Friday 27 March 09:00 CET, not an hour off', () => {
    const monday = mt({ schema: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9' });
    expect(planReminders({ mts: [monday], now: new Date('2026-03-27T07:59:00Z'), sentKeys: [] }).toSend).toEqual([]);
    expect(
      planReminders({ mts: [monday], now: new Date('2026-03-27T08:00:00Z'), sentKeys: [] }).toSend.map((d) => d.key),
    ).toEqual(['cmt|2026-03-30T07:00:00Z']);
  });
});
