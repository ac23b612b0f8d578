import { describe, expect, it } from 'vitest';
import { zoetermeerMTs } from '../../../src/domain/plan/zoetermeer.js';
import type { MTRegistration } from '../../../src/data/mts-store.js';
import type { MT } from '../../../src/domain/model.js';
import { planReminders } from '../../../src/reminders/planner.js';
import { leadTimeParts, reminderStatus } from '../../../src/tab/features/settings/lib/reminder-status.js';
import { describeScheduleText } from '../../../src/tab/features/settings/lib/schedule-words.js';

describe('an MT schedule in words', () => {
  it('says weekly and every-other-week meetings the way a secretary would', () => {
    expect(describeScheduleText('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0', 'nl')).toBe('elke dinsdag 09:00');
    expect(
      describeScheduleText(
        'DTSTART;TZID=Europe/Amsterdam:20260108T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9;BYMINUTE=30',
        'nl',
      ),
    ).toBe('om de week donderdag 09:30');
    expect(
      describeScheduleText(
        'DTSTART;TZID=Europe/Amsterdam:20260108T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9;BYMINUTE=30',
        'en',
      ),
    ).toBe('every other week on Thursday 09:30');
    expect(describeScheduleText('FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=14;BYMINUTE=15', 'nl')).toBe(
      'elke maandag en donderdag 14:15',
    );
    expect(describeScheduleText('FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=10', 'nl')).toBe(
      'elke maand op de laatste vrijdag 10:00',
    );
    expect(describeScheduleText('FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10', 'en')).toBe(
      'every month on the second Tuesday 10:00',
    );
    expect(
      describeScheduleText('DTSTART;TZID=Europe/Amsterdam:20260113T133000\nRRULE:FREQ=WEEKLY;INTERVAL=3', 'nl'),
    ).toBe('om de 3 weken dinsdag 13:30');
  });
  it('names the cancelled meetings (EXDATE), from a given date on, in both languages', () => {
    const text = [
      'DTSTART;TZID=Europe/Amsterdam:20260106T143000',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=14;BYMINUTE=30',
      'EXDATE;TZID=Europe/Amsterdam:20261222T143000,20270202T143000',
    ].join('\n');
    expect(describeScheduleText(text, 'nl')).toBe('om de week dinsdag 14:30; vervalt op 22 dec 2026 en 2 feb 2027');
    expect(describeScheduleText(text, 'en')).toBe(
      'every other week on Tuesday 14:30; cancelled on 22 Dec 2026 and 2 Feb 2027',
    );
    // A cancellation that has passed is not named; the day itself still is.
    expect(describeScheduleText(text, 'nl', '2026-12-23')).toBe('om de week dinsdag 14:30; vervalt op 2 feb 2027');
    expect(describeScheduleText(text, 'nl', '2027-02-02')).toBe('om de week dinsdag 14:30; vervalt op 2 feb 2027');
    expect(describeScheduleText(text, 'en', '2027-02-03')).toBe('every other week on Tuesday 14:30');
    // Whole days, and one meeting of a day with two: that one names its time.
    expect(describeScheduleText('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,14;BYMINUTE=0\nEXDATE;VALUE=DATE:20261228', 'nl')).toBe(
      'elke maandag 09:00 en 14:00; vervalt op 28 dec 2026',
    );
    expect(describeScheduleText('FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,14;BYMINUTE=0\nEXDATE:20261228T140000', 'en')).toBe(
      'every Monday 09:00 and 14:00; cancelled on 28 Dec 2026 14:00',
    );
    // A long list names five and counts the rest.
    const many = `FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0\nEXDATE;VALUE=DATE:${[
      '20270105',
      '20270112',
      '20270119',
      '20270126',
      '20270202',
      '20270209',
      '20270216',
    ].join(',')}`;
    expect(describeScheduleText(many, 'nl')).toBe(
      'elke dinsdag 09:00; vervalt op 5 jan 2027, 12 jan 2027, 19 jan 2027, 26 jan 2027, 2 feb 2027 en nog 2 andere',
    );
    expect(describeScheduleText(many, 'en')).toBe(
      'every Tuesday 09:00; cancelled on 5 Jan 2027, 12 Jan 2027, 19 Jan 2027, 26 Jan 2027, 2 Feb 2027 and 2 more',
    );
  });
  it('has no words for a text it cannot read, or no text', () => {
    expect(describeScheduleText('elke dinsdag', 'nl')).toBeUndefined();
    expect(describeScheduleText('  ', 'nl')).toBeUndefined();
  });
  it('names the lead time in the largest whole unit, and the default when none is set', () => {
    expect(leadTimeParts(undefined)).toEqual({ unit: 'default' });
    expect(leadTimeParts(0)).toEqual({ unit: 'default' });
    expect(leadTimeParts(1440)).toEqual({ unit: 'days', count: 1 });
    expect(leadTimeParts(120)).toEqual({ unit: 'hours', count: 2 });
    expect(leadTimeParts(45)).toEqual({ unit: 'minutes', count: 45 });
  });
});

describe('the reminder status in Instellingen shows what the reminder job will do', () => {
  const moments = [
    '2026-03-27T12:00:00Z',
    '2026-03-29T00:30:00Z',
    '2026-10-24T08:00:00Z',
    '2026-10-25T00:30:00Z',
    '2026-01-05T08:59:00Z',
    '2026-07-01T10:00:00Z',
  ];
  const schedules = [
    ...zoetermeerMTs.map((m) => m.schema ?? ''),
    'FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=10',
    'FREQ=DAILY;BYHOUR=7;BYMINUTE=45',
  ];
  for (const text of schedules) {
    it(`for ${text.replace('\n', ' ')}`, () => {
      for (const lead of [undefined, 1440, 90]) {
        const mt: MT = {
          key: 'mt',
          naam: 'MT',
          domeinen: ['Concern'],
          schema: text,
          ...(lead === undefined ? {} : { voorlooptijdMinuten: lead }),
        };
        const registration: MTRegistration = { id: '1', eTag: '"1"', value: mt, problems: [], beheerders: [] };
        for (const iso of moments) {
          const now = new Date(iso);
          const shown = reminderStatus(registration, [], now).next;
          // The job's next planned reminder: the first send or wait decision for a meeting after now.
          const planned = planReminders({ mts: [mt], now, sentKeys: [] }).decisions.find(
            (d) =>
              (d.action === 'send' || d.action === 'wait') &&
              d.occurrenceStart !== undefined &&
              d.occurrenceStart > now,
          );
          expect(planned, `${iso} lead ${lead}`).toBeDefined();
          expect(shown?.meeting.toISOString(), `${iso} lead ${lead}`).toBe(planned?.occurrenceStart?.toISOString());
          expect(shown?.reminderAt.toISOString(), `${iso} lead ${lead}`).toBe(planned?.reminderAt?.toISOString());
        }
      }
    });
  }
});
