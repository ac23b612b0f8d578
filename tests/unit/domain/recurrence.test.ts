import { describe, expect, it } from 'vitest';
import { zoetermeerMTs } from '../../../src/domain/plan/zoetermeer.js';
import { nextOccurrence, occurrencesBetween } from '../../../src/domain/recurrence.js';
import { parseMeetingSchedule, type MeetingSchedule } from '../../../src/domain/schedule.js';

function schedule(text: string): MeetingSchedule {
  const s = parseMeetingSchedule(text);
  if (!s) throw new Error(`test schedule does not parse: ${text}`);
  return s;
}

describe('the next meeting (what the tab shows) is the first meeting the expansion yields after now', () => {
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
      const parsed = schedule(text);
      for (const iso of moments) {
        const now = new Date(iso);
        const first = occurrencesBetween(
          parsed,
          new Date(now.getTime() + 1),
          new Date(now.getTime() + 120 * 86_400_000),
        )[0]?.start;
        expect(first, iso).toBeDefined();
        expect(nextOccurrence(parsed, now)?.toISOString(), iso).toBe(first?.toISOString());
      }
    });
  }

  it('is strictly after now: a meeting starting this very moment is not next', () => {
    const tuesday = schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');
    expect(nextOccurrence(tuesday, new Date('2026-11-24T08:00:00Z'))?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(nextOccurrence(tuesday, new Date('2026-11-24T07:59:59Z'))?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('leaves out a cancelled meeting and finds a moved one at its new time', () => {
    const tuesday = schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');
    const now = new Date('2026-11-20T12:00:00Z');
    expect(nextOccurrence(tuesday, now, { cancelled: ['2026-11-24'], moved: [] })?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(
      nextOccurrence(tuesday, now, {
        cancelled: [],
        moved: [{ from: '2026-11-24', to: '2026-11-23T14:00' }],
      })?.toISOString(),
    ).toBe('2026-11-23T13:00:00.000Z');
  });

  it('has none for a schedule without the start or time it needs, or after its last meeting', () => {
    expect(
      nextOccurrence(schedule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9'), new Date('2026-01-01T00:00:00Z')),
    ).toBeUndefined();
    expect(nextOccurrence(schedule('FREQ=WEEKLY;BYDAY=TU'), new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(
      nextOccurrence(schedule('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20260110'), new Date('2026-01-20T00:00:00Z')),
    ).toBeUndefined();
  });
});
