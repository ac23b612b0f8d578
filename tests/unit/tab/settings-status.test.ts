import { describe, expect, it } from 'vitest';
import type { MTRegistration } from '../../../src/data/mts-store.js';
import { mayEditMT } from '../../../src/data/mts-store.js';
import type { Herinnering } from '../../../src/data/lists/herinneringen.js';
import { reminderStatus } from '../../../src/tab/features/settings/lib/reminder-status.js';

const mt = (
  over: Partial<MTRegistration['value']> = {},
  beheerders: MTRegistration['beheerders'] = [],
): MTRegistration => ({
  id: '3',
  eTag: '"e,1"',
  problems: [],
  beheerders,
  value: {
    key: 'cmt',
    naam: 'CMT',
    domeinen: ['Concern'],
    schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
    voorlooptijdMinuten: 1440,
    ...over,
  },
});
const log = (entries: Herinnering[]) =>
  entries.map((value, i) => ({ id: String(i + 10), eTag: 'x', problems: [], value }));
const now = new Date('2026-03-02T10:00:00Z'); // Monday 11:00 Amsterdam

describe("an MT's reminder status", () => {
  it.each([
    ['before its time, with nothing in the log: planned', new Date('2026-03-02T07:00:00Z'), undefined, false],
    ['after its time, with nothing in the log: due', now, undefined, true],
    ['sent', now, 'verzonden', true],
    ['failed', now, 'mislukt', true],
  ] as const)('says what became of the next meeting’s reminder: %s', (_what, at, status, due) => {
    const entries: Herinnering[] = status
      ? [{ sleutel: 'cmt|x', mtId: '3', moment: '2026-03-03T08:00:00Z', status }]
      : [];
    // An entry of another meeting, or another MT's of this one, is not this reminder's.
    entries.push({ sleutel: 'cmt|y', mtId: '3', moment: '2026-02-24T08:00:00Z', status: 'mislukt' });
    entries.push({ sleutel: 'other|x', mtId: '4', moment: '2026-03-03T08:00:00Z', status: 'verzonden' });
    const next = reminderStatus(mt(), log(entries), at).next;
    expect(next?.due).toBe(due);
    expect(next?.logged).toBe(status);
  });

  it('shows the next meeting and its reminder, the last sent one with who discussed it, failures with their error, and unfinished claims', () => {
    const status = reminderStatus(
      mt(),
      log([
        {
          sleutel: 'cmt|a',
          mtId: '3',
          moment: '2026-02-17T08:00:00Z',
          status: 'verzonden',
          besprokenDoorId: '7',
          besprokenOp: '2026-02-17T09:10:00Z',
        },
        { sleutel: 'cmt|b', mtId: '3', moment: '2026-02-24T08:00:00Z', status: 'verzonden' },
        { sleutel: 'cmt|c', mtId: '3', moment: '2026-02-10T08:00:00Z', status: 'mislukt', fout: 'Bot Connector 403' },
        { sleutel: 'cmt|d', mtId: '3', moment: '2026-03-03T08:00:00Z', status: 'geclaimd' },
        { sleutel: 'other|a', mtId: '4', moment: '2026-02-25T08:00:00Z', status: 'mislukt', fout: 'elders' },
      ]),
      now,
    );
    // The next meeting's reminder time has passed and the log has it claimed: no longer "planned".
    expect(status.next).toEqual({
      meeting: new Date('2026-03-03T08:00:00Z'),
      reminderAt: new Date('2026-03-02T08:00:00Z'),
      due: true,
      logged: 'geclaimd',
    });
    expect(status.lastSent?.sleutel).toBe('cmt|b');
    expect(status.failed.map((h) => h.fout)).toEqual(['Bot Connector 403']);
    expect(status.unfinished.map((h) => h.sleutel)).toEqual(['cmt|d']);
  });
  it('uses the default lead time (09:00 on the working day before) when none is set: Friday for a Monday meeting', () => {
    const status = reminderStatus(
      mt({ schema: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0', voorlooptijdMinuten: undefined }),
      [],
      now,
    );
    expect(status.next).toEqual({
      meeting: new Date('2026-03-09T09:00:00Z'),
      reminderAt: new Date('2026-03-06T08:00:00Z'),
      due: false,
    });
  });
  it('moves the reminder off a holiday the server reports, as the job does: Kerstmis to the working day before', () => {
    // A meeting on Monday 28 December 2026 at 10:00 with a three-day lead: the card would go out on Friday 25 December.
    const december = new Date('2026-12-05T10:00:00Z');
    const kerst = mt({
      schema: 'DTSTART;TZID=Europe/Amsterdam:20261228T100000\nRRULE:FREQ=WEEKLY;BYDAY=MO',
      voorlooptijdMinuten: 3 * 1440,
    });
    expect(reminderStatus(kerst, [], december).next?.reminderAt.toISOString()).toBe('2026-12-25T09:00:00.000Z');
    const status = reminderStatus(kerst, [], december, ['2026-12-25', '2026-12-26']);
    expect(status.next?.meeting.toISOString()).toBe('2026-12-28T09:00:00.000Z');
    // Thursday 24 December, same time.
    expect(status.next?.reminderAt.toISOString()).toBe('2026-12-24T09:00:00.000Z');
  });

  it('says why there is no next meeting', () => {
    expect(reminderStatus(mt({ actief: false }), [], now).noNext).toBe('inactive');
    expect(reminderStatus(mt({ schema: undefined }), [], now).noNext).toBe('no-schedule');
    expect(reminderStatus(mt({ schema: 'FREQ=WEEKLY;BYDAY=XX' }), [], now).noNext).toBe('invalid-schedule');
    expect(reminderStatus(mt({ schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;UNTIL=20260101' }), [], now).noNext).toBe(
      'none-soon',
    );
  });
});

describe('who may change an MT', () => {
  it('is anyone when no Beheerder is named, otherwise only the Beheerders (by site user id or e-mail)', () => {
    expect(mayEditMT(mt(), undefined)).toBe(true);
    const guarded = mt({}, [{ id: '7', displayName: 'IM Sociaal', email: 'im@zoetermeer.example' }]);
    expect(mayEditMT(guarded, { id: '7' })).toBe(true);
    expect(mayEditMT(guarded, { email: 'IM@zoetermeer.example' })).toBe(true);
    expect(mayEditMT(guarded, { id: '8', email: 'hr@zoetermeer.example' })).toBe(false);
    expect(mayEditMT(guarded, undefined)).toBe(false);
  });
});
