import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting-basis.js';
import { describe, expect, it } from 'vitest';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import type { Herinnering } from '../../../src/data/lists/herinneringen.js';
import type { ReminderData } from '../../../src/data/reminder-data.js';
import type { MT } from '../../../src/domain/model.js';
import { formatMoment } from '../../../src/reminders/card-text.js';
import { CliError, describePreview, dueMeeting, type Prepared } from '../../../src/reminders/cli.js';

/** Weekly on Tuesday 09:00 Amsterdam, card one day ahead (1440 minutes). */
const CMT: MT = {
  key: 'cmt',
  naam: 'CMT',
  domeinen: ['Concern'],
  schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
  voorlooptijdMinuten: 1440,
};

function logged(sleutel: string, status: Herinnering['status'] = 'verzonden'): Loaded<Herinnering> {
  return { id: sleutel, eTag: '"1"', value: { sleutel, moment: sleutel.split('|')[1] ?? '', status }, problems: [] };
}

function data(mt: MT, herinneringen: Loaded<Herinnering>[] = []): ReminderData {
  return {
    mts: [{ id: '1', eTag: '"1"', value: mt, problems: [] }],
    portfolio: [],
    kwartaaldoelen: [],
    herinneringen,
    agenderingen: [],
    agendakeuzes: [],
    inrichting: ZOETERMEER_INRICHTING,
  };
}

describe('dueMeeting (the one meeting --send-now and --preview are about)', () => {
  it('takes the meeting whose reminder is due, and when it is logged answers with that entry, never the week after', () => {
    const now = new Date('2026-11-23T10:00:00Z'); // Monday 11:00: the card for Tuesday 24 November is due
    expect(dueMeeting(CMT, data(CMT), now)).toMatchObject({ decision: { key: 'cmt|2026-11-24T08:00:00Z' } });
    const again = dueMeeting(CMT, data(CMT, [logged('cmt|2026-11-24T08:00:00Z')]), now);
    expect(again.decision.key).toBe('cmt|2026-11-24T08:00:00Z');
    expect(again.logged?.value.status).toBe('verzonden');
  });

  it('before the reminder time it takes the next meeting (planned as at its reminder time), and only that one', () => {
    const now = new Date('2026-11-20T10:00:00Z'); // Friday: the Tuesday card is not due until Monday 09:00
    const next = dueMeeting(CMT, data(CMT), now);
    expect(next.decision).toMatchObject({
      key: 'cmt|2026-11-24T08:00:00Z',
      nextOccurrenceStart: new Date('2026-12-01T08:00:00Z'),
    });
    expect(next.logged).toBeUndefined();
    expect(dueMeeting(CMT, data(CMT, [logged('cmt|2026-11-24T08:00:00Z', 'geclaimd')]), now).logged?.value.status).toBe(
      'geclaimd',
    );
  });

  it('once the meeting has started, the next one is the meeting that is due', () => {
    const now = new Date('2026-11-24T08:30:00Z');
    expect(dueMeeting(CMT, data(CMT, [logged('cmt|2026-11-24T08:00:00Z')]), now).decision.key).toBe(
      'cmt|2026-12-01T08:00:00Z',
    );
  });

  it('with a lead time longer than the gap between meetings, sends the earliest due meeting not logged yet', () => {
    const long: MT = { ...CMT, voorlooptijdMinuten: 10 * 1440 };
    const now = new Date('2026-11-23T10:00:00Z');
    expect(dueMeeting(long, data(long, [logged('cmt|2026-11-24T08:00:00Z')]), now).decision.key).toBe(
      'cmt|2026-12-01T08:00:00Z',
    );
    const both = dueMeeting(
      long,
      data(long, [logged('cmt|2026-11-24T08:00:00Z'), logged('cmt|2026-12-01T08:00:00Z')]),
      now,
    );
    expect(both.decision.key).toBe('cmt|2026-12-01T08:00:00Z');
    expect(both.logged).toBeDefined();
  });

  it('says why there is nothing to send for an MT without a schedule', () => {
    const none: MT = { key: 'x', naam: 'MT X', domeinen: ['Concern'] };
    expect(() => dueMeeting(none, data(none), new Date('2026-11-23T10:00:00Z'))).toThrow(CliError);
    expect(() => dueMeeting(none, data(none), new Date('2026-11-23T10:00:00Z'))).toThrow(/MT X.*Geen vergaderschema/);
  });
});

describe('describePreview: when the card goes out, in words', () => {
  const monday = new Date('2026-11-23T08:00:00Z');
  const decision = dueMeeting(CMT, data(CMT), monday).decision;
  const prepared = (logboek?: Loaded<Herinnering>): Prepared =>
    ({
      mt: { id: '1', eTag: '"1"', value: CMT, problems: [] },
      decision,
      ...(logboek ? { logged: logboek } : {}),
      agenda: {
        counts: {
          overdue: 0,
          geblokkeerd: 0,
          wachtOp: 0,
          dueBeforeNextMeeting: 0,
          withoutOwner: 0,
          open: 0,
          acties: 0,
        },
      },
      card: { type: 'AdaptiveCard' },
    }) as unknown as Prepared;

  it('before its time: when it will go out (Amsterdam time), and that --send-now sends it now', () => {
    const text = describePreview(prepared(), new Date(decision.reminderAt.getTime() - 3_600_000));
    expect(text).toContain(
      `De kaart gaat uit op ${formatMoment(decision.reminderAt)}; --send-now verstuurt haar nu al.`,
    );
    expect(text).not.toMatch(/versturen\./);
  });

  it('after its time and not logged: that it was due and is not sent yet', () => {
    const text = describePreview(prepared(), new Date(decision.reminderAt.getTime() + 60_000));
    expect(text).toContain(
      `De kaart had op ${formatMoment(decision.reminderAt)} moeten uitgaan en is nog niet verstuurd`,
    );
  });

  it('logged: that --send-now sends nothing more, and nowhere that it would send the card', () => {
    const text = describePreview(prepared(logged(decision.key)), monday);
    expect(text).toContain('Al in het logboek (verzonden)');
    expect(text).toContain('Met --json verschijnt de kaart zoals ze nu in het kanaal staat.');
    expect(text).not.toContain('met --send-now wordt ze verstuurd');
  });
});
