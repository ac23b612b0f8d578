import { describe, expect, it } from 'vitest';
import type { Actie, ActieStatus, Advies } from '../../../src/domain/model.js';
import { ACTIE_STATUSES } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import {
  blockingDependencies,
  isBlockedByDependency,
  isDueBefore,
  isOverdue,
  missingDependencies,
  UNKNOWN_THEMA,
  progressBy,
  progressTotals,
} from '../../../src/domain/rules.js';

function actie(overrides: Partial<Actie> = {}): Actie {
  return {
    nummer: '1.1',
    titel: 'Testactie',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status: 'Loopt',
    afhankelijkVan: [],
    bevindingen: [],
    ...overrides,
  };
}

const OPEN: ActieStatus[] = ['Niet gestart', 'Loopt', 'Geblokkeerd', 'Belegd in lopend traject'];
const CLOSED: ActieStatus[] = ['Afgerond', 'Niet overgenomen'];

describe('overdue', () => {
  it('an action is overdue the day after its deadline, Amsterdam time', () => {
    const a = actie({ deadline: '2025-06-30' });
    expect(isOverdue(a, new Date('2025-06-30T12:00:00Z'))).toBe(false);
    expect(isOverdue(a, new Date('2025-06-30T21:59:59Z'))).toBe(false);
    expect(isOverdue(a, new Date('2025-06-30T22:00:00Z'))).toBe(true);
    expect(isOverdue(a, new Date('2025-07-01T12:00:00Z'))).toBe(true);
  });

  it('a standing commitment ("… en verder") is overdue after its date only while it has not started', () => {
    const after = new Date('2026-03-01T12:00:00Z');
    const doorlopend = (status: ActieStatus) =>
      actie({ deadline: '2025-06-30', planning: '1e halfjaar 2025 en verder', status });
    expect(isOverdue(doorlopend('Niet gestart'), after)).toBe(true);
    for (const status of [
      'Loopt',
      'Belegd in lopend traject',
      'Geblokkeerd',
      'Afgerond',
      'Niet overgenomen',
    ] as const) {
      expect(isOverdue(doorlopend(status), after), status).toBe(false);
    }
    // The same action with a one-off term is overdue while open.
    expect(isOverdue(actie({ deadline: '2025-06-30', planning: '1e halfjaar 2025', status: 'Loopt' }), after)).toBe(
      true,
    );
    expect(
      isOverdue(
        actie({ deadline: '2025-06-30', planning: '1e halfjaar 2025', status: 'Belegd in lopend traject' }),
        after,
      ),
    ).toBe(true);
    // And is due before a meeting only while it has not started.
    expect(isDueBefore(doorlopend('Niet gestart'), '2025-07-01')).toBe(true);
    expect(isDueBefore(doorlopend('Loopt'), '2025-07-01')).toBe(false);
  });

  it('an action is not overdue before or on its deadline day', () => {
    const a = actie({ deadline: '2025-06-30' });
    expect(isOverdue(a, new Date('2025-06-29T12:00:00Z'))).toBe(false);
    expect(isOverdue(a, new Date('2025-06-29T22:00:00Z'))).toBe(false);
  });

  describe('around midnight in summer (deadline 30 June 2025, CEST)', () => {
    const a = actie({ deadline: '2025-06-30' });
    it.each([
      ['2025-06-29T22:30:00Z', false], // 00:30 on the deadline day
      ['2025-06-29T23:30:00Z', false],
      ['2025-06-30T00:30:00Z', false],
      ['2025-06-30T22:30:00Z', true], // 00:30 on 1 July in Amsterdam, still 30 June in UTC
      ['2025-06-30T23:30:00Z', true],
      ['2025-07-01T00:30:00Z', true],
    ])('at %s overdue is %s', (now, expected) => {
      expect(isOverdue(a, new Date(now))).toBe(expected);
    });
  });

  describe('around midnight in winter (deadline 15 January 2025, CET)', () => {
    const a = actie({ deadline: '2025-01-15' });
    it.each([
      ['2025-01-14T23:30:00Z', false],
      ['2025-01-15T22:30:00Z', false], // 23:30 on the deadline day in Amsterdam
      ['2025-01-15T22:59:59Z', false],
      ['2025-01-15T23:00:00Z', true],
      ['2025-01-15T23:30:00Z', true],
      ['2025-01-16T00:30:00Z', true],
    ])('at %s overdue is %s', (now, expected) => {
      expect(isOverdue(a, new Date(now))).toBe(expected);
    });
  });

  describe('deadline on the day clocks go forward (30 March 2025)', () => {
    const a = actie({ deadline: '2025-03-30' });
    it.each([
      ['2025-03-29T22:30:00Z', false], // 23:30 CET on the 29th
      ['2025-03-29T23:30:00Z', false], // 00:30 CET on the 30th
      ['2025-03-30T00:30:00Z', false], // 01:30 CET, half an hour before the switch
      ['2025-03-30T21:59:59Z', false], // 23:59:59 CEST on the 30th
      ['2025-03-30T22:00:00Z', true], // 00:00 CEST on the 31st
      ['2025-03-30T22:30:00Z', true], // 00:30 CEST on the 31st; with a winter offset this would wrongly be the 30th
      ['2025-03-30T23:30:00Z', true],
      ['2025-03-31T00:30:00Z', true],
    ])('at %s overdue is %s', (now, expected) => {
      expect(isOverdue(a, new Date(now))).toBe(expected);
    });
  });

  describe('deadline on the day clocks go back (26 October 2025)', () => {
    const a = actie({ deadline: '2025-10-26' });
    it.each([
      ['2025-10-25T22:30:00Z', false], // 00:30 CEST on the 26th
      ['2025-10-25T23:30:00Z', false],
      ['2025-10-26T00:30:00Z', false], // 02:30 CEST, just before the switch
      ['2025-10-26T01:30:00Z', false], // 02:30 CET, the repeated hour
      ['2025-10-26T22:30:00Z', false], // 23:30 CET on the 26th; with a summer offset this would wrongly be the 27th
      ['2025-10-26T22:59:59Z', false],
      ['2025-10-26T23:00:00Z', true], // 00:00 CET on the 27th
      ['2025-10-26T23:30:00Z', true],
      ['2025-10-27T00:30:00Z', true],
    ])('at %s overdue is %s', (now, expected) => {
      expect(isOverdue(a, new Date(now))).toBe(expected);
    });
  });

  it.each(OPEN)('an open action (%s) past its deadline is overdue', (status) => {
    expect(isOverdue(actie({ status, deadline: '2025-06-30' }), new Date('2025-08-01T10:00:00Z'))).toBe(true);
  });

  it.each(CLOSED)('a closed action (%s) is never overdue', (status) => {
    expect(
      isOverdue(actie({ status, deadline: '2025-06-30', statusToelichting: 'x' }), new Date('2026-08-01T10:00:00Z')),
    ).toBe(false);
  });

  it('an action without a deadline is never overdue', () => {
    expect(isOverdue(actie({ start: '2026-01-01' }), new Date('2030-01-01T10:00:00Z'))).toBe(false);
  });

  it('an action whose deadline is not a real date is not reported overdue (the validator flags it)', () => {
    expect(isOverdue(actie({ deadline: '2025-02-30' }), new Date('2030-01-01T10:00:00Z'))).toBe(false);
    expect(isOverdue(actie({ deadline: '30-06-2025' }), new Date('2030-01-01T10:00:00Z'))).toBe(false);
  });
});

describe('due before a date', () => {
  it('an open action is due before a date when its deadline lies strictly before it', () => {
    const a = actie({ deadline: '2025-06-30' });
    expect(isDueBefore(a, '2025-07-01')).toBe(true);
    expect(isDueBefore(a, '2025-06-30')).toBe(false);
    expect(isDueBefore(a, '2025-06-29')).toBe(false);
  });

  it.each(CLOSED)('a closed action (%s) is never due', (status) => {
    expect(isDueBefore(actie({ status, deadline: '2025-06-30' }), '2026-01-01')).toBe(false);
  });

  it('an action without a deadline is never due', () => {
    expect(isDueBefore(actie(), '2099-01-01')).toBe(false);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => isDueBefore(actie({ deadline: '2025-06-30' }), '2025-06-31')).toThrow(RangeError);
  });
});

describe('dependencies', () => {
  const basis = (status: ActieStatus): Actie => actie({ nummer: '2.1', advies: 2, status, statusToelichting: 'reden' });
  const plan = actie({ nummer: '2.2', advies: 2, afhankelijkVan: ['2.1'] });

  it.each([
    ['Niet gestart', true],
    ['Loopt', true],
    ['Geblokkeerd', true],
    ['Afgerond', false],
    ['Belegd in lopend traject', false],
    ['Niet overgenomen', false],
  ] as const)('a dependency that is %s blocks: %s', (status, blocks) => {
    const all = [basis(status), plan];
    expect(blockingDependencies(plan, all).map((a) => a.nummer)).toEqual(blocks ? ['2.1'] : []);
    expect(isBlockedByDependency(plan, all)).toBe(blocks);
  });

  it('lists blocking dependencies in the order the action names them, each once', () => {
    const all = [
      actie({ nummer: '8.1', advies: 8, status: 'Loopt' }),
      actie({ nummer: '8.2', advies: 8, status: 'Afgerond' }),
      actie({ nummer: '8.3', advies: 8, status: 'Niet gestart' }),
    ];
    const a = actie({ nummer: '8.4', advies: 8, afhankelijkVan: ['8.3', '8.2', '8.1', '8.3'] });
    expect(blockingDependencies(a, all).map((x) => x.nummer)).toEqual(['8.3', '8.1']);
  });

  it('a dependency that does not exist cannot block, and is reported as missing', () => {
    const a = actie({ nummer: '9.2', advies: 9, afhankelijkVan: ['9.1', '9.9'] });
    const all = [actie({ nummer: '9.1', advies: 9, status: 'Afgerond' }), a];
    expect(blockingDependencies(a, all)).toEqual([]);
    expect(missingDependencies(a, all)).toEqual(['9.9']);
    expect(missingDependencies(actie(), all)).toEqual([]);
  });

  it.each(CLOSED)('a closed action (%s) is not reported as blocked', (status) => {
    const a = actie({ nummer: '2.2', advies: 2, status, statusToelichting: 'x', afhankelijkVan: ['2.1'] });
    expect(blockingDependencies(a, [basis('Loopt'), a])).toHaveLength(1);
    expect(isBlockedByDependency(a, [basis('Loopt'), a])).toBe(false);
  });

  it('in the seeded plan, 3.2 waits for 1.1 and 8.4 for 8.3, while 2.2, 2.3 and 9.2 are free', () => {
    const all = zoetermeerPlan.acties;
    const blocked = all.filter((a) => isBlockedByDependency(a, all)).map((a) => a.nummer);
    expect(blocked).toEqual(['3.2', '8.4']);
  });
});

describe('progress', () => {
  const adviezen: Advies[] = [
    { nummer: 10, titel: 'Tien', thema: 'C', plateau: 'Randvoorwaardelijk', collegeReactie: '', collegePlanning: '' },
    { nummer: 2, titel: 'Twee', thema: 'A', plateau: 'Randvoorwaardelijk', collegeReactie: '', collegePlanning: '' },
    { nummer: 1, titel: 'Een', thema: 'A', plateau: 'Randvoorwaardelijk', collegeReactie: '', collegePlanning: '' },
    { nummer: 5, titel: 'Vijf', thema: 'B', plateau: 'Fundament versterken', collegeReactie: '', collegePlanning: '' },
  ];
  const now = new Date('2025-09-01T10:00:00Z');
  const acties: Actie[] = [
    actie({ nummer: '1.1', advies: 1, status: 'Afgerond', deadline: '2025-06-30' }),
    actie({
      nummer: '1.2',
      advies: 1,
      status: 'Loopt',
      deadline: '2025-06-30',
      domeinen: ['Bedrijfsvoering', 'Sociaal Domein'],
    }),
    actie({
      nummer: '2.1',
      advies: 2,
      status: 'Niet overgenomen',
      statusToelichting: 'x',
      deadline: '2025-06-30',
      plateau: 'Fundament versterken',
    }),
    actie({
      nummer: '2.2',
      advies: 2,
      status: 'Belegd in lopend traject',
      plateau: 'Excelleren',
      domeinen: ['Concern', 'Sociaal Domein'],
    }),
    actie({
      nummer: '10.1',
      advies: 10,
      status: 'Geblokkeerd',
      statusToelichting: 'x',
      deadline: '2025-08-31',
      plateau: 'Excelleren',
    }),
    actie({ nummer: '10.2', advies: 10, status: 'Niet gestart', deadline: '2025-12-31', plateau: 'Verbeteren' }),
  ];

  it('per advies: every advies in number order (10 after 2), also without actions', () => {
    const rows = progressBy(acties, 'advies', now, adviezen);
    expect(rows.map((r) => r.key)).toEqual(['1', '2', '5', '10']);
    expect(rows[0]).toEqual({
      key: '1',
      total: 2,
      afgerond: 1,
      lopend: 1,
      geblokkeerd: 0,
      nietOvergenomen: 0,
      nietGestart: 0,
      achterstallig: 1,
      percentAfgerond: 50,
    });
    expect(rows[1]).toEqual({
      key: '2',
      total: 2,
      afgerond: 0,
      lopend: 1,
      geblokkeerd: 0,
      nietOvergenomen: 1,
      nietGestart: 0,
      achterstallig: 0,
      percentAfgerond: 0,
    });
    expect(rows[2]).toEqual({
      key: '5',
      total: 0,
      afgerond: 0,
      lopend: 0,
      geblokkeerd: 0,
      nietOvergenomen: 0,
      nietGestart: 0,
      achterstallig: 0,
      percentAfgerond: 0,
    });
    expect(rows[3]).toEqual({
      key: '10',
      total: 2,
      afgerond: 0,
      lopend: 0,
      geblokkeerd: 1,
      nietOvergenomen: 0,
      nietGestart: 1,
      achterstallig: 1,
      percentAfgerond: 0,
    });
  });

  it('per plateau: in plateau order, Randvoorwaardelijk first', () => {
    const rows = progressBy(acties, 'plateau', now, adviezen);
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ['Randvoorwaardelijk', 2],
      ['Fundament versterken', 1],
      ['Verbeteren', 1],
      ['Excelleren', 2],
    ]);
  });

  it('per thema: A to C, through the advies of each action', () => {
    const rows = progressBy(acties, 'thema', now, adviezen);
    expect(rows.map((r) => [r.key, r.total, r.afgerond])).toEqual([
      ['A', 4, 1],
      ['B', 0, 0],
      ['C', 2, 0],
    ]);
  });

  it('per domein: the domains the actions carry, in DOMEINEN order, and an action with several domains counts in each', () => {
    const rows = progressBy(acties, 'domein', now, adviezen);
    // No action here carries Dienstverlening or Fysiek Domein: a plan without them (another municipality's) has no row.
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ['Bedrijfsvoering', 1],
      ['Sociaal Domein', 2],
      ['Concern', 5],
    ]);
  });

  it("per thema: only the themes of the plan's adviezen (a plan with fewer themes has fewer rows)", () => {
    const zonderB = adviezen.filter((a) => a.thema !== 'B');
    expect(zonderB.length).toBeLessThan(adviezen.length);
    expect(progressBy(acties, 'thema', now, zonderB).map((r) => r.key)).toEqual(['A', 'C']);
  });

  it('counts overdue at the given moment, Amsterdam time', () => {
    const dayAfter = progressBy(
      [actie({ deadline: '2025-06-30' })],
      'advies',
      new Date('2025-06-30T22:00:00Z'),
      adviezen,
    );
    const lastMinute = progressBy(
      [actie({ deadline: '2025-06-30' })],
      'advies',
      new Date('2025-06-30T21:59:00Z'),
      adviezen,
    );
    expect(dayAfter[0]?.achterstallig).toBe(1);
    expect(lastMinute[0]?.achterstallig).toBe(0);
  });

  it('rounds the percentage done to a whole number', () => {
    const three = [actie({ status: 'Afgerond' }), actie({ nummer: '1.2' }), actie({ nummer: '1.3' })];
    expect(progressBy(three, 'advies', now, adviezen)[0]?.percentAfgerond).toBe(33);
    const twoOfThree = [
      actie({ status: 'Afgerond' }),
      actie({ nummer: '1.2', status: 'Afgerond' }),
      actie({ nummer: '1.3' }),
    ];
    expect(progressBy(twoOfThree, 'advies', now, adviezen)[0]?.percentAfgerond).toBe(67);
  });

  it('values the lists do not know get their own rows after the known ones', () => {
    const odd = [
      actie({ nummer: '12.1', advies: 12 }),
      actie({ nummer: '3.1', advies: 3 }),
      actie({ nummer: '1.1', plateau: 'Onbekend plateau' as Actie['plateau'] }),
    ];
    expect(progressBy(odd, 'advies', now, adviezen).map((r) => r.key)).toEqual(['1', '2', '5', '10', '3', '12']);
    expect(progressBy(odd, 'plateau', now, adviezen).map((r) => r.key)).toEqual([
      'Randvoorwaardelijk',
      'Fundament versterken',
      'Verbeteren',
      'Excelleren',
      'Onbekend plateau',
    ]);
    const thema = progressBy(odd, 'thema', now, adviezen);
    expect(thema.map((r) => [r.key, r.total])).toEqual([
      ['A', 1],
      ['B', 0],
      ['C', 0],
      [UNKNOWN_THEMA, 2],
    ]);
  });

  it('the five status counts add up to the total in every row', () => {
    for (const key of ['advies', 'plateau', 'thema', 'domein'] as const) {
      for (const r of progressBy(zoetermeerPlan.acties, key, now, zoetermeerPlan.adviezen)) {
        expect(r.afgerond + r.lopend + r.geblokkeerd + r.nietOvergenomen + r.nietGestart).toBe(r.total);
      }
    }
  });

  it('gives the same answer for the same input (deterministic, input order does not matter)', () => {
    const a = progressBy(acties, 'domein', now, adviezen);
    const b = progressBy([...acties].reverse(), 'domein', now, [...adviezen].reverse());
    expect(b).toEqual(a);
  });

  it('the seeded plan per advies has 2+3+3+1+1+2+2+5+2+6+6 actions', () => {
    const rows = progressBy(zoetermeerPlan.acties, 'advies', now, zoetermeerPlan.adviezen);
    expect(rows.map((r) => r.total)).toEqual([2, 3, 3, 1, 1, 2, 2, 5, 2, 6, 6]);
  });

  it('totals count every action once, with the same rules', () => {
    expect(progressTotals(acties, now)).toEqual({
      total: 6,
      afgerond: 1,
      lopend: 2,
      geblokkeerd: 1,
      nietOvergenomen: 1,
      nietGestart: 1,
      achterstallig: 2,
      percentAfgerond: 17,
    });
    expect(progressTotals([], now)).toEqual({
      total: 0,
      afgerond: 0,
      lopend: 0,
      geblokkeerd: 0,
      nietOvergenomen: 0,
      nietGestart: 0,
      achterstallig: 0,
      percentAfgerond: 0,
    });
  });

  it('every status is counted in exactly one category', () => {
    const one = ACTIE_STATUSES.map((status, i) => actie({ nummer: `1.${i + 1}`, status, statusToelichting: 'x' }));
    const t = progressTotals(one, now);
    expect([t.afgerond, t.lopend, t.geblokkeerd, t.nietOvergenomen, t.nietGestart]).toEqual([1, 2, 1, 1, 1]);
  });
});
