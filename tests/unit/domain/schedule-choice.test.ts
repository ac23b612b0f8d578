import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/domain/messages.js';
import { occurrencesBetween } from '../../../src/domain/recurrence.js';
import { parseMeetingSchedule } from '../../../src/domain/schedule.js';
import {
  scheduleChoiceFromText,
  upcomingVergaderingen,
  MAX_EVERY_WEEKS,
  scheduleChoiceProblems,
  scheduleTextFromChoice,
  voorlooptijdMinuten,
  weekdayOf,
  type ScheduleChoice,
} from '../../../src/domain/schedule-choice.js';

const TWEEWEKELIJKS: ScheduleChoice = {
  weekdagen: ['TU'],
  tijd: '09:30',
  elkeWeken: 2,
  eersteDatum: '2027-01-05',
  vervallen: ['2027-02-02'],
};

describe('the schedule picker stored as an RRULE', () => {
  it('writes DTSTART, a weekly RRULE with INTERVAL and an EXDATE at the meeting time, and reads it back', () => {
    const text = scheduleTextFromChoice(TWEEWEKELIJKS);
    expect(text).toBe(
      'DTSTART;TZID=Europe/Amsterdam:20270105T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9;BYMINUTE=30\nEXDATE;TZID=Europe/Amsterdam:20270202T093000',
    );
    expect(scheduleChoiceFromText(text)).toEqual(TWEEWEKELIJKS);
  });

  it('the one recurrence expansion leaves the cancelled date out and keeps the other weeks, at 09:30 Amsterdam', () => {
    const schedule = parseMeetingSchedule(scheduleTextFromChoice(TWEEWEKELIJKS));
    if (!schedule) throw new Error('not a schedule');
    const starts = occurrencesBetween(schedule, new Date('2027-01-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z')).map(
      (o) => o.start.toISOString(),
    );
    expect(starts).toEqual(['2027-01-05T08:30:00.000Z', '2027-01-19T08:30:00.000Z', '2027-02-16T08:30:00.000Z']);
  });

  it('names each field that is wrong, as message keys with their values', () => {
    const bad = scheduleChoiceProblems({
      weekdagen: [],
      tijd: '9 uur',
      elkeWeken: 0,
      eersteDatum: '2027-02-30',
      vervallen: ['morgen', '2027-13-01'],
    });
    expect(bad).toEqual([
      { path: 'weekdagen', message: { key: 'keuzeGeenVergaderdag' } },
      { path: 'tijd', message: { key: 'keuzeTijdOngeldig' } },
      { path: 'elkeWeken', message: { key: 'keuzeElkeWekenOngeldig', params: { max: MAX_EVERY_WEEKS } } },
      { path: 'eersteDatum', message: { key: 'keuzeEersteDatumOngeldig' } },
      { path: 'vervallen', message: { key: 'keuzeVervallenOngeldig', params: { datums: 'morgen, 2027-13-01' } } },
    ]);
    expect(scheduleChoiceProblems({ ...TWEEWEKELIJKS, eersteDatum: '2027-01-06' })).toEqual([
      { path: 'eersteDatum', message: { key: 'keuzeEersteDatumGeenVergaderdag' } },
    ]);
    expect(scheduleChoiceProblems({ ...TWEEWEKELIJKS, vervallen: ['2026-12-29'] })).toEqual([
      { path: 'vervallen', message: { key: 'keuzeVervallenVoorEerste' } },
    ]);
    expect(scheduleChoiceProblems({ ...TWEEWEKELIJKS, elkeWeken: 14 })[0]?.path).toBe('elkeWeken');
    expect(scheduleChoiceProblems(TWEEWEKELIJKS)).toEqual([]);
  });

  it('says each problem in Dutch through messageText, as the picker said it before', () => {
    const bad = scheduleChoiceProblems({
      weekdagen: [],
      tijd: '9 uur',
      elkeWeken: 0,
      eersteDatum: '2027-02-30',
      vervallen: ['morgen'],
    });
    expect(bad.map((p) => messageText(p.message))).toEqual([
      'Kies minstens één vergaderdag.',
      'Vul de tijd in als uu:mm, bijvoorbeeld 09:00.',
      `Kies elke 1 tot ${MAX_EVERY_WEEKS} weken.`,
      'Vul de datum van de eerste vergadering in (bijvoorbeeld 2027-01-05).',
      'Deze vervallen datum klopt niet: morgen. Schrijf JJJJ-MM-DD.',
    ]);
    expect(messageText(scheduleChoiceProblems({ ...TWEEWEKELIJKS, eersteDatum: '2027-01-06' })[0]!.message)).toBe(
      'De eerste vergadering valt niet op een gekozen vergaderdag.',
    );
    expect(messageText(scheduleChoiceProblems({ ...TWEEWEKELIJKS, vervallen: ['2026-12-29'] })[0]!.message)).toBe(
      'Een vervallen datum ligt vóór de eerste vergadering.',
    );
  });

  it('a text the picker cannot show exactly is left to the text field', () => {
    expect(scheduleChoiceFromText('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0')).toBeUndefined(); // no first date
    expect(
      scheduleChoiceFromText('DTSTART;TZID=Europe/Amsterdam:20270105T090000\nRRULE:FREQ=MONTHLY;BYDAY=1TU'),
    ).toBeUndefined();
    expect(
      scheduleChoiceFromText('DTSTART;TZID=Europe/Amsterdam:20270105T090000\nRRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=9,14'),
    ).toBeUndefined();
    expect(scheduleChoiceFromText('nonsense')).toBeUndefined();
  });

  it('an EXDATE in another zone, or a broken one, makes the text no schedule', () => {
    expect(
      parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9\nEXDATE;TZID=Europe/London:20270105T090000'),
    ).toBeUndefined();
    expect(parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9\nEXDATE:2027-01-05')).toBeUndefined();
    expect(parseMeetingSchedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9\nEXDATE;VALUE=DATE:20270105')?.exdates).toEqual([
      '2027-01-05',
    ]);
  });

  it('the next three meetings and when each card goes out (lead time of one day; the default rule without one)', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    const text = scheduleTextFromChoice(TWEEWEKELIJKS);
    const met = upcomingVergaderingen(text, now, { voorlooptijdMinuten: 1440 }).map((v) => [
      v.start.toISOString(),
      v.kaartOm.toISOString(),
    ]);
    expect(met).toEqual([
      ['2027-01-19T08:30:00.000Z', '2027-01-18T08:30:00.000Z'],
      ['2027-02-16T08:30:00.000Z', '2027-02-15T08:30:00.000Z'],
      ['2027-03-02T08:30:00.000Z', '2027-03-01T08:30:00.000Z'],
    ]);
    // Without a lead time: 09:00 Amsterdam on the working day before (Monday 18 January).
    expect(upcomingVergaderingen(text, now)[0]?.kaartOm.toISOString()).toBe('2027-01-18T08:00:00.000Z');
    expect(upcomingVergaderingen('geen schema', now)).toEqual([]);
  });

  it('lead time in days or hours becomes minutes', () => {
    expect(voorlooptijdMinuten({ aantal: 2, eenheid: 'dagen' })).toBe(2880);
    expect(voorlooptijdMinuten({ aantal: 3, eenheid: 'uren' })).toBe(180);
    expect(voorlooptijdMinuten({ aantal: 0, eenheid: 'uren' })).toBeUndefined();
    expect(voorlooptijdMinuten({ aantal: 1.5, eenheid: 'dagen' })).toBeUndefined();
  });

  it('knows the weekday of a date', () => {
    expect(weekdayOf('2027-01-05')).toBe('TU');
    expect(weekdayOf('2027-01-10')).toBe('SU');
  });
});
