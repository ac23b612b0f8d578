import { describe, expect, it } from 'vitest';
import type { Actie, ActieStatus, PortfolioItem } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { progressTotals } from '../../../src/domain/rules.js';
import {
  firstVersionAt,
  threeMonthsBefore,
  statusChanges,
  actieAt,
  actiesAtDate,
  endOfDay,
  planAt,
  planningOordeel,
  plateauGate,
  trendPerMonth,
  voortgangAt,
  type ActieHistory,
} from '../../../src/domain/report.js';

function actie(overrides: Partial<Actie> = {}): Actie {
  return {
    nummer: '1.1',
    titel: 'Testactie',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status: 'Niet gestart',
    afhankelijkVan: [],
    bevindingen: [],
    ...overrides,
  };
}

const seeded = zoetermeerPlan.acties.map((value, i) => ({ id: String(i + 1), value }));

describe('endOfDay', () => {
  it('is the last millisecond of the day in Amsterdam, summer and winter', () => {
    expect(endOfDay('2025-06-30').toISOString()).toBe('2025-06-30T21:59:59.999Z');
    expect(endOfDay('2025-01-15').toISOString()).toBe('2025-01-15T22:59:59.999Z');
    // The day of the switch to winter time has 25 hours.
    expect(endOfDay('2025-10-26').toISOString()).toBe('2025-10-26T22:59:59.999Z');
  });
  it('refuses a date that does not exist', () => {
    expect(() => endOfDay('2025-02-29')).toThrow(RangeError);
  });
});

describe('the plan on a date', () => {
  const history: ActieHistory = {
    id: '7',
    revisions: [
      { modified: '2025-03-20T10:00:00Z', value: actie({ status: 'Afgerond' }) },
      { modified: '2025-02-10T09:00:00Z', value: actie({ status: 'Niet gestart' }) },
      { modified: '2025-03-15T08:00:00Z', value: actie({ status: 'Loopt' }) },
    ],
  };

  it('takes the latest version saved at or before the instant, whatever the order of the versions', () => {
    expect(actieAt(history, new Date('2025-02-10T08:59:59Z'))).toBeUndefined();
    expect(actieAt(history, new Date('2025-02-10T09:00:00Z'))?.status).toBe('Niet gestart');
    expect(actieAt(history, new Date('2025-03-19T00:00:00Z'))?.status).toBe('Loopt');
    expect(actieAt(history, new Date('2025-03-20T10:00:00Z'))?.status).toBe('Afgerond');
  });

  it('lists only the actions that existed, in plan order', () => {
    const h2: ActieHistory = {
      id: '3',
      revisions: [{ modified: '2025-01-01T00:00:00Z', value: actie({ nummer: '10.2', advies: 10 }) }],
    };
    const h3: ActieHistory = {
      id: '4',
      revisions: [{ modified: '2025-01-01T00:00:00Z', value: actie({ nummer: '2.1', advies: 2 }) }],
    };
    const at = planAt([history, h2, h3], new Date('2025-01-31T00:00:00Z'));
    expect(at.map((a) => a.value.nummer)).toEqual(['2.1', '10.2']);
  });

  it('uses the live plan for today and later, the history for earlier dates', () => {
    const live = [{ id: '7', value: actie({ status: 'Geblokkeerd' }) }];
    const now = new Date('2025-03-20T12:00:00Z');
    expect(actiesAtDate({ live, histories: [history], peildatum: '2025-03-20', now })[0]?.value.status).toBe(
      'Geblokkeerd',
    );
    expect(actiesAtDate({ live, histories: [history], peildatum: '2025-03-19', now })[0]?.value.status).toBe('Loopt');
  });
});

describe('trend per month', () => {
  const a: ActieHistory = {
    id: '1',
    revisions: [
      { modified: '2025-02-10T09:00:00Z', value: actie({ nummer: '1.1' }) },
      { modified: '2025-03-15T09:00:00Z', value: actie({ nummer: '1.1', status: 'Loopt' }) },
      { modified: '2025-05-02T09:00:00Z', value: actie({ nummer: '1.1', status: 'Afgerond' }) },
    ],
  };
  const b: ActieHistory = {
    id: '2',
    revisions: [
      { modified: '2025-03-20T09:00:00Z', value: actie({ nummer: '1.2', deadline: '2025-04-15' }) },
      // 21:30Z on 31 March is 23:30 in Amsterdam (CEST): still March there.
      {
        modified: '2025-03-31T21:30:00Z',
        value: actie({ nummer: '1.2', status: 'Geblokkeerd', deadline: '2025-04-15', statusToelichting: 'wacht' }),
      },
    ],
  };

  it('has one point per month from the first version, the last one on the date itself', () => {
    const points = trendPerMonth([a, b], '2025-05-20');
    expect(points.map((p) => [p.maand, p.peildatum])).toEqual([
      ['2025-02', '2025-02-28'],
      ['2025-03', '2025-03-31'],
      ['2025-04', '2025-04-30'],
      ['2025-05', '2025-05-20'],
    ]);
    const pick = (i: number) => {
      const c = points[i]?.counts;
      return c && [c.total, c.nietGestart, c.lopend, c.geblokkeerd, c.afgerond, c.achterstallig];
    };
    expect(pick(0)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(pick(1)).toEqual([2, 0, 1, 1, 0, 0]);
    // April: nothing saved, but 1.2's deadline passed on the 15th.
    expect(pick(2)).toEqual([2, 0, 1, 1, 0, 1]);
    expect(pick(3)).toEqual([2, 0, 0, 1, 1, 1]);
  });

  it('knows when the first version was saved, optionally up to an instant', () => {
    expect(firstVersionAt([b, a])?.toISOString()).toBe('2025-02-10T09:00:00.000Z');
    expect(firstVersionAt([b, a], new Date('2025-02-01T00:00:00Z'))).toBeUndefined();
    expect(firstVersionAt([b], new Date('2025-03-25T00:00:00Z'))?.toISOString()).toBe('2025-03-20T09:00:00.000Z');
  });

  it('is empty before the first version, and keeps only the latest months when asked', () => {
    expect(trendPerMonth([a, b], '2025-01-31')).toEqual([]);
    expect(trendPerMonth([a, b], '2025-05-20', 2).map((p) => p.maand)).toEqual(['2025-04', '2025-05']);
  });
});

describe('the college planning', () => {
  const at = (d: string) => endOfDay(d);
  it('is within its term up to and including the last day', () => {
    expect(planningOordeel('Geheel 2025', [actie({ deadline: '2025-12-31' })], at('2025-12-31'))).toEqual({
      oordeel: 'binnen-termijn',
      termijn: '2025-12-31',
      soort: 'eenmalig',
    });
    expect(planningOordeel('Geheel 2025 en verder', [actie()], at('2025-12-31'))).toEqual({
      oordeel: 'binnen-termijn',
      termijn: '2025-12-31',
      soort: 'doorlopend',
    });
  });
  it('is not met the day after when an action is still open, met when none is overdue', () => {
    expect(planningOordeel('Geheel 2025', [actie({ deadline: '2025-12-31' })], at('2026-01-01')).oordeel).toBe(
      'niet-gehaald',
    );
    expect(
      planningOordeel(
        'Geheel 2025',
        [
          actie({ deadline: '2025-12-31', status: 'Afgerond' }),
          actie({ status: 'Niet overgenomen', deadline: '2025-12-31' }),
        ],
        at('2026-01-01'),
      ).oordeel,
    ).toBe('gehaald');
  });
  it('is not met when an action is still open after the term, even with its deadline moved past it or without one', () => {
    expect(
      planningOordeel(
        'Geheel 2025',
        [actie({ status: 'Afgerond' }), actie({ status: 'Loopt', deadline: '2026-06-30' })],
        at('2026-01-15'),
      ).oordeel,
    ).toBe('niet-gehaald');
    expect(planningOordeel('Geheel 2025', [actie({ status: 'Loopt' })], at('2026-01-15')).oordeel).toBe('niet-gehaald');
    expect(
      planningOordeel('Geheel 2025', [actie({ status: 'Belegd in lopend traject' })], at('2026-01-15')).oordeel,
    ).toBe('niet-gehaald');
  });
  it('is not met after the term by an advies without actions', () => {
    expect(planningOordeel('Geheel 2025', [], at('2026-01-15')).oordeel).toBe('niet-gehaald');
  });
  it('judges a standing commitment ("en verder") on having started and being kept up, never "niet gehaald" because the date passed', () => {
    const later = at('2027-03-01');
    const running = [
      actie({ status: 'Loopt' }),
      actie({ status: 'Belegd in lopend traject' }),
      actie({ status: 'Geblokkeerd' }),
      actie({ status: 'Niet overgenomen' }),
    ];
    expect(planningOordeel('Geheel 2025 en verder', running, later)).toEqual({
      oordeel: 'doorlopend',
      termijn: '2025-12-31',
      soort: 'doorlopend',
    });
    expect(planningOordeel('1e halfjaar 2025 en verder', [actie({ status: 'Loopt' }), actie()], later).oordeel).toBe(
      'niet-gestart',
    );
    expect(planningOordeel('2025 en verder', [], later).oordeel).toBe('niet-gestart');
    expect(
      planningOordeel('2025 en verder', [actie({ status: 'Afgerond' }), actie({ status: 'Niet overgenomen' })], later)
        .oordeel,
    ).toBe('gehaald');
    // The same actions under a one-off term are not met: the difference is the kind, not the date.
    expect(planningOordeel('Geheel 2025', running, later).oordeel).toBe('niet-gehaald');
  });
  it('has no term for open-ended texts', () => {
    for (const text of ['Vanaf 2026', 'Loopt reeds', 'Blijft onder de aandacht', ''])
      expect(planningOordeel(text, [actie()], at('2026-06-01')).oordeel).toBe('geen-termijn');
  });
});

describe('the plateau gate', () => {
  const now = endOfDay('2025-06-01');
  it('is closed while Randvoorwaardelijk is not done and Excelleren waits', () => {
    const g = plateauGate([actie({ status: 'Afgerond' }), actie(), actie({ plateau: 'Excelleren' })], now);
    expect([g.gereedPercent, g.excellerenInBeweging, g.toestand]).toEqual([50, 0, 'dicht']);
  });
  it('is early when Excelleren moves first; Niet overgenomen does not count against Randvoorwaardelijk', () => {
    const g = plateauGate(
      [
        actie({ status: 'Afgerond' }),
        actie({ status: 'Niet overgenomen' }),
        actie({ status: 'Loopt' }),
        actie({ plateau: 'Excelleren', status: 'Loopt' }),
      ],
      now,
    );
    expect([g.gereedPercent, g.excellerenInBeweging, g.toestand]).toEqual([50, 1, 'vroeg']);
  });
  it('never calls an Excelleren action early that the college placed in a running track (Belegd, or done in its track)', () => {
    const inTrack = [
      actie({ plateau: 'Excelleren', status: 'Belegd in lopend traject', lopendTraject: 'Leiderschapstraject' }),
      actie({ plateau: 'Excelleren', status: 'Afgerond', lopendTraject: 'Leiderschapstraject' }),
    ];
    const g = plateauGate([actie({ status: 'Afgerond' }), actie(), ...inTrack], now);
    expect([g.gereedPercent, g.excellerenInBeweging, g.excellerenInTraject, g.toestand]).toEqual([50, 0, 2, 'dicht']);
  });
  it('counts Belegd Randvoorwaardelijk actions as taken up and not done (BELEGD_LINE)', () => {
    const g = plateauGate(
      [
        actie({ status: 'Afgerond' }),
        actie({ status: 'Belegd in lopend traject' }),
        actie({ status: 'Belegd in lopend traject' }),
        actie({ status: 'Afgerond' }),
      ],
      now,
    );
    expect([g.gereedPercent, g.toestand]).toEqual([50, 'dicht']);
    expect(
      progressTotals([actie({ status: 'Belegd in lopend traject' }), actie({ status: 'Afgerond' })], now),
    ).toMatchObject({ total: 2, afgerond: 1, lopend: 1, percentAfgerond: 50 });
  });
  it('is open when every taken-up Randvoorwaardelijk action is done', () => {
    expect(
      plateauGate(
        [
          actie({ status: 'Afgerond' }),
          actie({ status: 'Niet overgenomen' }),
          actie({ plateau: 'Excelleren', status: 'Loopt' }),
        ],
        now,
      ).toestand,
    ).toBe('open');
  });
});

describe('the voortgangsrapportage of the seeded Zoetermeer plan', () => {
  const portfolio: { id: string; value: PortfolioItem }[] = [
    {
      id: '90',
      value: {
        key: 'p',
        titel: 'Datagedreven sturing',
        omschrijving: '',
        domein: 'Concern',
        fase: 'Uitvoering',
        status: 'Op koers',
        ditKwartaal: 'wel',
        acties: ['3.1', '99.9'],
      } as PortfolioItem,
    },
  ];
  const report = voortgangAt({
    gemeente: 'Gemeente Zoetermeer',
    peildatum: '2025-12-31',
    adviezen: zoetermeerPlan.adviezen,
    acties: seeded,
    portfolio,
  });

  it('has every advies in order, with counts that add up to the plan', () => {
    expect(report.perAdvies.map((a) => a.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(report.perAdvies.map((a) => a.counts.total)).toEqual([2, 3, 3, 1, 1, 2, 2, 5, 2, 6, 6]);
    expect(report.totals.total).toBe(33);
    const sum = (k: 'afgerond' | 'lopend' | 'geblokkeerd' | 'nietOvergenomen' | 'nietGestart' | 'achterstallig') =>
      report.perAdvies.reduce((s, a) => s + a.counts[k], 0);
    expect([
      sum('afgerond'),
      sum('lopend'),
      sum('geblokkeerd'),
      sum('nietOvergenomen'),
      sum('nietGestart'),
      sum('achterstallig'),
    ]).toEqual([
      report.totals.afgerond,
      report.totals.lopend,
      report.totals.geblokkeerd,
      report.totals.nietOvergenomen,
      report.totals.nietGestart,
      report.totals.achterstallig,
    ]);
  });

  it('judges the planning as docs/decisions.md reads it: on 31 December 2025 the half-year terms are missed, the year terms not yet', () => {
    const oordeel = Object.fromEntries(report.perAdvies.map((a) => [a.nummer, a.oordeel]));
    expect(oordeel).toEqual({
      1: 'binnen-termijn',
      2: 'geen-termijn',
      3: 'niet-gestart',
      4: 'geen-termijn',
      5: 'niet-gestart',
      6: 'geen-termijn',
      7: 'niet-gehaald',
      8: 'binnen-termijn',
      9: 'geen-termijn',
      10: 'doorlopend',
      11: 'binnen-termijn',
    });
    expect(report.oordelen).toEqual({
      gehaald: 0,
      'niet-gehaald': 1,
      doorlopend: 1,
      'niet-gestart': 2,
      'binnen-termijn': 3,
      'geen-termijn': 4,
    });
    expect(report.perAdvies[9]?.termijnSoort).toBe('doorlopend');
    expect(report.perAdvies[6]?.termijnSoort).toBe('eenmalig');
  });

  it('a year later: the one-off year term of 1 is missed, 8 has not started, 10 and 11 run as standing commitments', () => {
    const later = voortgangAt({
      gemeente: 'Gemeente Zoetermeer',
      peildatum: '2026-12-04',
      adviezen: zoetermeerPlan.adviezen,
      acties: seeded,
    });
    const oordeel = Object.fromEntries(later.perAdvies.map((a) => [a.nummer, a.oordeel]));
    expect([oordeel[1], oordeel[7], oordeel[8], oordeel[10], oordeel[11]]).toEqual([
      'niet-gehaald',
      'niet-gehaald',
      'niet-gestart',
      'doorlopend',
      'doorlopend',
    ]);
    // 11.5 (the agenda item, Loopt) and the Belegd actions of 10 and 11 are not overdue: they run.
    expect(later.perAdvies[10]?.counts.achterstallig).toBe(0);
    expect(later.perAdvies[9]?.counts.achterstallig).toBe(0);
  });

  it('splits each advies into done, next and not taken up, with the rationale and the track', () => {
    const a2 = report.perAdvies[1];
    expect(a2?.nietOvergenomen.map((a) => a.nummer)).toEqual(['2.1']);
    expect(a2?.nietOvergenomen[0]?.toelichting).toContain('0-metingen');
    // Belegd is not done: "Wat is gedaan" stays empty and the Belegd actions have their own list with their track.
    expect(a2?.gedaan).toEqual([]);
    expect(a2?.belegd.map((a) => [a.nummer, a.status])).toEqual([
      ['2.2', 'Belegd in lopend traject'],
      ['2.3', 'Belegd in lopend traject'],
    ]);
    expect(a2?.belegd[0]?.lopendTraject).toBeTruthy();
    expect(report.perAdvies.flatMap((a) => a.gedaan)).toEqual([]);
    const a3 = report.perAdvies[2];
    expect(a3?.volgende.map((a) => [a.nummer, a.achterstallig])).toEqual([
      ['3.1', true],
      ['3.2', true],
      ['3.3', true],
    ]);
    expect(a3?.projecten.map((p) => [p.titel, p.acties])).toEqual([['Datagedreven sturing', ['3.1']]]);
    expect(report.perAdvies[0]?.projecten).toEqual([]);
  });

  it('puts overdue actions first among the next steps, then by deadline', () => {
    const statuses: ActieStatus[] = ['Loopt', 'Niet gestart', 'Geblokkeerd'];
    const acties = [
      { id: '1', value: actie({ nummer: '1.1', status: statuses[0], deadline: '2026-03-01' }) },
      { id: '2', value: actie({ nummer: '1.2', status: statuses[1] }) },
      { id: '3', value: actie({ nummer: '1.3', status: statuses[2], deadline: '2025-01-01', statusToelichting: 'x' }) },
      { id: '4', value: actie({ nummer: '1.4', status: 'Loopt', deadline: '2026-02-01' }) },
    ];
    const r = voortgangAt({ gemeente: 'X', peildatum: '2025-12-31', adviezen: zoetermeerPlan.adviezen, acties });
    expect(r.perAdvies[0]?.volgende.map((a) => a.nummer)).toEqual(['1.3', '1.4', '1.1', '1.2']);
  });

  it('does not call the seeded plan early: the Excelleren actions that run were placed in tracks by the college (9.1, 9.2, 11.6)', () => {
    expect(report.gate.toestand).toBe('dicht');
    expect(report.gate.randvoorwaardelijk.total).toBe(9);
    expect(report.gate.gereedPercent).toBe(0);
    expect(report.gate.excellerenInBeweging).toBe(0);
    expect(report.gate.excellerenInTraject).toBe(3);
  });

  it('keeps an advies without actions in the report with zero counts', () => {
    const r = voortgangAt({
      gemeente: 'X',
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen,
      acties: seeded.filter((a) => a.value.advies !== 4),
    });
    expect(r.perAdvies[3]).toMatchObject({ nummer: 4, counts: { total: 0 }, gedaan: [], volgende: [] });
  });
});

describe('developments in the report period', () => {
  const h: ActieHistory = {
    id: '5',
    revisions: [
      { modified: '2025-09-01T10:00:00Z', value: actie({ nummer: '3.1', advies: 3, status: 'Niet gestart' }) },
      { modified: '2025-09-30T22:30:00Z', value: actie({ nummer: '3.1', advies: 3, status: 'Loopt' }) },
      {
        modified: '2025-10-10T10:00:00Z',
        value: actie({ nummer: '3.1', advies: 3, status: 'Loopt', titel: 'Nieuwe titel' }),
      },
      {
        modified: '2025-12-01T10:00:00Z',
        value: actie({ nummer: '3.1', advies: 3, status: 'Geblokkeerd', statusToelichting: ' wacht op budget ' }),
      },
      { modified: '2026-01-05T10:00:00Z', value: actie({ nummer: '3.1', advies: 3, status: 'Loopt' }) },
    ],
  };

  it('lists the status changes saved in the period, not the first version and not other edits', () => {
    const changes = statusChanges([h], endOfDay('2025-09-30'), endOfDay('2025-12-31'));
    // 22:30Z on 30 September is already 1 October in Amsterdam: inside the period.
    expect(changes.map((c) => [c.op, c.van, c.naar, c.toelichting])).toEqual([
      ['2025-09-30T22:30:00Z', 'Niet gestart', 'Loopt', undefined],
      ['2025-12-01T10:00:00Z', 'Loopt', 'Geblokkeerd', 'wacht op budget'],
    ]);
  });

  it('puts them under their advies in the report, from the first day of the period', () => {
    const r = voortgangAt({
      gemeente: 'X',
      peildatum: '2025-12-31',
      sinds: '2025-10-01',
      adviezen: zoetermeerPlan.adviezen,
      acties: planAt([h], endOfDay('2025-12-31')),
      histories: [h],
    });
    expect(r.sinds).toBe('2025-10-01');
    expect(r.perAdvies[2]?.ontwikkelingen.map((c) => c.naar)).toEqual(['Loopt', 'Geblokkeerd']);
    expect(r.perAdvies[0]?.ontwikkelingen).toEqual([]);
    expect(
      voortgangAt({ gemeente: 'X', peildatum: '2025-12-31', adviezen: zoetermeerPlan.adviezen, acties: [] }).sinds,
    ).toBeUndefined();
  });

  it('takes three months before the peildatum by default, at the end of a shorter month', () => {
    expect(threeMonthsBefore('2025-12-31')).toBe('2025-09-30');
    expect(threeMonthsBefore('2026-02-15')).toBe('2025-11-15');
    expect(threeMonthsBefore('2025-05-31')).toBe('2025-02-28');
    const r = voortgangAt({
      gemeente: 'X',
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen,
      acties: [],
      histories: [h],
    });
    expect(r.sinds).toBe('2025-09-30');
    expect(r.perAdvies[2]?.ontwikkelingen).toHaveLength(2);
  });
});
