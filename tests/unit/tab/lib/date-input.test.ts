import { describe, expect, it } from 'vitest';
import {
  calendarDateToPickerDate,
  parseCalendarDateText,
  pickerDateToCalendarDate,
} from '../../../../src/tab/lib/date-input.js';

describe('parseCalendarDateText', () => {
  it.each([
    ['30-6-2025', '2025-06-30'],
    ['30-06-2025', '2025-06-30'],
    ['1/2/2026', '2026-02-01'],
    ['1.2.2026', '2026-02-01'],
    ['  2025-06-30 ', '2025-06-30'],
    ['30 jun 2025', '2025-06-30'],
    ['30 jun. 2025', '2025-06-30'],
    ['30 juni 2025', '2025-06-30'],
    ['3 mrt 2026', '2026-03-03'],
    ['3 maart 2026', '2026-03-03'],
    ['17 okt 2026', '2026-10-17'],
    ['29 feb 2028', '2028-02-29'],
  ])('reads %s day first as %s (Dutch UI)', (text, expected) => {
    expect(parseCalendarDateText(text, 'nl')).toBe(expected);
  });

  it('reads English month names in either language and Dutch ones in the English UI', () => {
    expect(parseCalendarDateText('3 October 2026', 'en')).toBe('2026-10-03');
    expect(parseCalendarDateText('3 oct 2026', 'nl')).toBe('2026-10-03');
    expect(parseCalendarDateText('3 mei 2026', 'en')).toBe('2026-05-03');
    // Day first in English too: 1/2/2026 is 1 February, as en-GB writes it.
    expect(parseCalendarDateText('1/2/2026', 'en')).toBe('2026-02-01');
  });

  it.each([
    '',
    '   ',
    '31-4-2026',
    '29-2-2027',
    '0-1-2026',
    '1-13-2026',
    '2026-02-30',
    '30 foo 2025',
    '30 ju 2025',
    '30-6-25',
    'morgen',
    '12345',
  ])('refuses %j instead of guessing', (text) => {
    expect(parseCalendarDateText(text, 'nl')).toBeUndefined();
  });
});

describe('picker dates', () => {
  it('keeps the calendar day through the picker and back, whatever the hour', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2026-12-31', '2028-02-29', '2026-01-01']) {
      const picked = calendarDateToPickerDate(date);
      expect(picked?.getHours()).toBe(12);
      expect(pickerDateToCalendarDate(picked as Date)).toBe(date);
    }
    expect(pickerDateToCalendarDate(new Date(2026, 5, 30, 0, 0, 1))).toBe('2026-06-30');
    expect(pickerDateToCalendarDate(new Date(2026, 5, 30, 23, 59))).toBe('2026-06-30');
  });

  it('has no picker date for empty or malformed text', () => {
    expect(calendarDateToPickerDate('')).toBeUndefined();
    expect(calendarDateToPickerDate(undefined)).toBeUndefined();
    expect(calendarDateToPickerDate('30-6-2025')).toBeUndefined();
  });
});
