import { describe, expect, it } from 'vitest';
import { occurrenceKey, serializeSnapshot, snapshotOf } from '../../../src/domain/agenda.js';
import { borging, STALL_THRESHOLD, type BesluitRecord, type HerinneringRecord } from '../../../src/domain/borging.js';
import type { Actie } from '../../../src/domain/model.js';

function actie(nummer: string, overrides: Partial<Actie> = {}): Actie {
  return {
    nummer,
    titel: `Actie ${nummer}`,
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status: 'Loopt',
    afhankelijkVan: [],
    bevindingen: [],
    ...overrides,
  };
}

const CMT = { id: '1', value: { key: 'cmt', naam: 'CMT', domeinen: ['Concern' as const] } };
const MTB = {
  id: '2',
  value: { key: 'mt-bedrijfsvoering', naam: 'MT Bedrijfsvoering', domeinen: ['Bedrijfsvoering' as const] },
};
const MEETINGS = ['2026-09-01T07:00:00Z', '2026-09-08T07:00:00Z', '2026-09-15T07:00:00Z', '2026-09-22T07:00:00Z'];

/** The log line the reminder job writes for a sent agenda: the snapshot of the actions as they then were. */
function sent(
  mt: typeof CMT,
  moment: string,
  acties: { id: string; value: Actie }[],
  extra: Partial<HerinneringRecord> = {},
): HerinneringRecord {
  const snapshot = serializeSnapshot(
    snapshotOf({
      mt: mt.value,
      occurrenceStart: new Date(moment),
      now: new Date(moment),
      acties: acties.map((a) => ({ ...a, eTag: 'e' })),
    }),
  );
  return {
    sleutel: occurrenceKey(mt.value.key, new Date(moment)),
    mtId: mt.id,
    moment,
    status: 'verzonden',
    snapshot,
    ...extra,
  };
}

describe('borging of 11.5', () => {
  const still = { id: '10', value: actie('1.1') };
  const moving = (status: Actie['status'], toelichting?: string) => ({
    id: '11',
    value: actie('1.2', { status, ...(toelichting ? { statusToelichting: toelichting } : {}) }),
  });
  const closed = { id: '12', value: actie('1.3', { status: 'Afgerond' }) };
  const log: HerinneringRecord[] = [
    sent(CMT, MEETINGS[0] as string, [still, moving('Niet gestart'), closed]),
    sent(CMT, MEETINGS[1] as string, [still, moving('Loopt'), closed], { besprokenOp: '2026-09-08T08:00:00Z' }),
    sent(CMT, MEETINGS[2] as string, [still, moving('Geblokkeerd', 'wacht op budget'), closed]),
    sent(CMT, MEETINGS[3] as string, [still, moving('Geblokkeerd', 'wacht op budget'), closed], {
      besprokenOp: '2026-09-22T08:30:00Z',
    }),
    {
      sleutel: occurrenceKey('mt-bedrijfsvoering', new Date(MEETINGS[0] as string)),
      mtId: '2',
      moment: MEETINGS[0] as string,
      status: 'mislukt',
    },
    {
      sleutel: occurrenceKey('mt-bedrijfsvoering', new Date(MEETINGS[1] as string)),
      mtId: '2',
      moment: MEETINGS[1] as string,
      status: 'verzonden',
    },
  ];
  const besluiten: BesluitRecord[] = [
    // A tick in the side panel marks meeting 3 as discussed; meeting 4 was marked on the card and got a decision.
    {
      tekst: '',
      vergadering: occurrenceKey('cmt', new Date(MEETINGS[2] as string)),
      mtId: '1',
      besproken: true,
      op: '2026-09-15T08:00:00Z',
    },
    {
      tekst: 'Budget 1.2 naar de kadernota',
      vergadering: occurrenceKey('cmt', new Date(MEETINGS[3] as string)),
      mtId: '1',
      besproken: true,
      op: '2026-09-22T08:10:00Z',
    },
    {
      tekst: 'Later besluit',
      vergadering: occurrenceKey('cmt', new Date('2026-09-29T07:00:00Z')),
      mtId: '1',
      besproken: false,
      op: '2026-09-29T08:10:00Z',
    },
  ];
  const tot = new Date('2026-09-23T00:00:00Z');

  it('counts meetings, sent, discussed (card or side panel), decisions and ticks per MT, up to the date', () => {
    const [cmt, mtb] = borging({
      mts: [CMT, MTB],
      herinneringen: log,
      besluiten,
      acties: [still, moving('Geblokkeerd', 'wacht op budget'), closed],
      tot,
    });
    expect(cmt).toMatchObject({
      mtKey: 'cmt',
      vergaderingen: 4,
      verzonden: 4,
      mislukt: 0,
      besproken: 3,
      besluiten: 1,
      afgevinkt: 2,
      besprokenPercent: 75,
      laatsteVergadering: new Date(MEETINGS[3] as string).toISOString(),
    });
    expect(mtb).toMatchObject({
      mtKey: 'mt-bedrijfsvoering',
      vergaderingen: 2,
      verzonden: 1,
      mislukt: 1,
      besproken: 0,
      besluiten: 0,
      besprokenPercent: 0,
      stilstaand: [],
    });
  });

  it('finds the open action that sat unchanged through three or more meetings, not the one that moved or closed', () => {
    const [cmt] = borging({
      mts: [CMT],
      herinneringen: log,
      besluiten,
      acties: [still, moving('Geblokkeerd', 'wacht op budget'), closed],
      tot,
    });
    expect(cmt?.stilstaand).toEqual([
      { id: '10', nummer: '1.1', titel: 'Actie 1.1', status: 'Loopt', vergaderingen: 4, sinds: MEETINGS[0] },
    ]);
    expect(STALL_THRESHOLD).toBe(3);
    // 1.2 is unchanged through only the last two meetings; with a threshold of 2 it counts.
    const [low] = borging({ mts: [CMT], herinneringen: log, besluiten, tot, drempel: 2 });
    expect(low?.stilstaand.map((s) => [s.nummer, s.vergaderingen])).toEqual([
      ['1.1', 4],
      ['1.2', 2],
    ]);
  });

  it('does not call an action stilstaand when it changed after the last meeting', () => {
    const [cmt] = borging({
      mts: [CMT],
      herinneringen: log,
      besluiten,
      acties: [{ id: '10', value: actie('1.1', { status: 'Afgerond' }) }],
      tot,
    });
    expect(cmt?.stilstaand).toEqual([]);
  });

  it('looks only at meetings up to the date', () => {
    const [cmt] = borging({ mts: [CMT], herinneringen: log, besluiten, tot: new Date('2026-09-10T00:00:00Z') });
    expect(cmt).toMatchObject({
      vergaderingen: 2,
      verzonden: 2,
      besproken: 1,
      besluiten: 0,
      afgevinkt: 0,
      stilstaand: [],
    });
  });

  it('counts only sent meetings in the share discussed, not meetings held with the side panel alone', () => {
    const twoSent = [sent(CMT, MEETINGS[0] as string, [still]), sent(CMT, MEETINGS[1] as string, [still])];
    const panelOnly: BesluitRecord[] = [
      { tekst: 'x', vergadering: occurrenceKey('cmt', new Date(MEETINGS[2] as string)), mtId: '1', besproken: true },
      { tekst: 'y', vergadering: occurrenceKey('cmt', new Date(MEETINGS[3] as string)), mtId: '1', besproken: true },
    ];
    const [cmt] = borging({ mts: [CMT], herinneringen: twoSent, besluiten: panelOnly, tot });
    expect(cmt).toMatchObject({ vergaderingen: 4, verzonden: 2, besproken: 2, besprokenPercent: 0 });
  });

  it('leaves out an action that is no longer in the plan', () => {
    const [cmt] = borging({ mts: [CMT], herinneringen: log, besluiten, acties: [closed], tot });
    expect(cmt?.stilstaand).toEqual([]);
  });

  it('counts a meeting held with the side panel but without a reminder as a meeting and as discussed', () => {
    const [cmt] = borging({ mts: [CMT], herinneringen: [], besluiten, tot: new Date('2026-10-01T00:00:00Z') });
    expect(cmt).toMatchObject({ vergaderingen: 3, verzonden: 0, besproken: 3, besluiten: 2, besprokenPercent: 0 });
  });
});
