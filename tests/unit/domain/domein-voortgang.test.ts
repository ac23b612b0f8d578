import { describe, expect, it } from 'vitest';
import {
  actieForDomein,
  actieVoortgang,
  ownDomeinActies,
  domeinStates,
  domeinVoortgangKey,
  hasDomeinVoortgang,
  actieWithRollUp,
  ownerCoverage,
  rollUpStatus,
  type DomeinVoortgang,
} from '../../../src/domain/domein-voortgang.js';
import { ACTIE_STATUSES, type Actie, type ActieStatus } from '../../../src/domain/model.js';

const NG: ActieStatus = 'Niet gestart';
const L: ActieStatus = 'Loopt';
const G: ActieStatus = 'Geblokkeerd';
const A: ActieStatus = 'Afgerond';
const B: ActieStatus = 'Belegd in lopend traject';
const NO: ActieStatus = 'Niet overgenomen';

/** Hand-read cases of the rule: the domains' statuses and the action's status the CMT sees. */
const CASES: [string, ActieStatus[], ActieStatus][] = [
  ['nobody started', [NG, NG, NG, NG], NG],
  ['one domain finished, three not started: the action is under way', [A, NG, NG, NG], L],
  ['all four finished', [A, A, A, A], A],
  ['three finished, one declined', [A, A, A, NO], A],
  ['every domain declined', [NO, NO, NO, NO], NO],
  ['declined by some, not started by the rest', [NO, NO, NG, NG], NG],
  ['one domain blocked, the rest finished', [A, A, A, G], G],
  ['one blocked among running ones', [L, L, G, NG], G],
  ['one running, the rest not started', [L, NG, NG, NG], L],
  ['all absorbed in a running track', [B, B, B, B], B],
  ['absorbed, and finished in one domain', [B, B, B, A], B],
  ['absorbed in some, not started in others', [B, NG, NG, B], L],
  ['absorbed in some, running in others', [B, L, B, B], L],
  ['absorbed, and declined in one domain', [B, B, NO, B], B],
  ['one running, one declined', [L, NO], L],
];

function subsets<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << values.length; mask += 1) out.push(values.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

function sequences<T>(values: readonly T[], length: number): T[][] {
  if (length === 0) return [[]];
  return sequences(values, length - 1).flatMap((rest) => values.map((v) => [...rest, v]));
}

describe('rollUpStatus: the action status from its domains (point 4 rule)', () => {
  it.each(CASES)('%s', (_label, statuses, expected) => {
    expect(rollUpStatus(statuses)).toBe(expected);
  });

  it('the roll-up of one domain is that domain’s status, for every status', () => {
    for (const s of ACTIE_STATUSES) expect(rollUpStatus([s])).toBe(s);
  });

  it('depends only on which statuses occur, never on the order or on how many domains share one (all 1,296 sequences of four)', () => {
    for (const sequence of sequences(ACTIE_STATUSES, 4)) {
      const distinct = ACTIE_STATUSES.filter((s) => sequence.includes(s));
      expect(rollUpStatus(sequence)).toBe(rollUpStatus(distinct));
    }
  });

  describe('each clause holds for every one of the 63 combinations of statuses', () => {
    const all = subsets(ACTIE_STATUSES);
    const closed = (s: ActieStatus) => s === A || s === NO;

    it('is Afgerond exactly when every domain is closed and at least one finished', () => {
      for (const set of all) expect(rollUpStatus(set) === A, set.join(', ')).toBe(set.every(closed) && set.includes(A));
    });
    it('is Niet overgenomen exactly when every domain declined', () => {
      for (const set of all) expect(rollUpStatus(set) === NO, set.join(', ')).toBe(set.every((s) => s === NO));
    });
    it('is Geblokkeerd exactly when some domain is blocked', () => {
      for (const set of all) expect(rollUpStatus(set) === G, set.join(', ')).toBe(set.includes(G));
    });
    it('is Niet gestart exactly when no domain has done anything: only Niet gestart, perhaps beside Niet overgenomen', () => {
      for (const set of all)
        expect(rollUpStatus(set) === NG, set.join(', ')).toBe(
          set.includes(NG) && set.every((s) => s === NG || s === NO),
        );
    });
    it('is Belegd in lopend traject exactly when every open domain is absorbed in a running track', () => {
      for (const set of all)
        expect(rollUpStatus(set) === B, set.join(', ')).toBe(set.includes(B) && set.every((s) => s === B || closed(s)));
    });
    it('is Loopt in every other combination', () => {
      for (const set of all) {
        const other =
          !set.every(closed) &&
          !set.includes(G) &&
          !set.every((s) => s === NG || s === NO) &&
          !set.every((s) => s === B || closed(s));
        expect(rollUpStatus(set) === L, set.join(', ')).toBe(other);
      }
    });
  });

  it('refuses an empty list (an action always has its own status to fall back on)', () => {
    expect(() => rollUpStatus([])).toThrow(/at least one/);
  });
});

const BUSINESS = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein'] as const;

function actie(overrides: Partial<Actie> = {}): Actie {
  return {
    nummer: '1.1',
    titel: 'Ontwikkelen gemeenschappelijke visie en roadmap per business domein',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...BUSINESS],
    status: NG,
    eigenaar: { displayName: 'Gemeentesecretaris', id: '5' },
    deadline: '2025-12-31',
    afhankelijkVan: [],
    bevindingen: [3, 4, 5],
    ...overrides,
  };
}

function rij(
  domein: DomeinVoortgang['domein'],
  status: ActieStatus,
  extra: Partial<DomeinVoortgang> = {},
): DomeinVoortgang {
  return { actie: '1.1', domein, status, ...extra };
}

describe('domeinStates and actieVoortgang: the breakdown per domain', () => {
  it('Sociaal Domein finished its row of 1.1: the CMT sees 1 van 4 domeinen afgerond and the action under way', () => {
    const rijen = BUSINESS.map((d) => rij(d, d === 'Sociaal Domein' ? A : NG));
    const v = actieVoortgang(actie(), rijen);
    expect(v).toMatchObject({ status: L, afgerond: 1, totaal: 4 });
    expect(v.perDomein.map((d) => [d.domein, d.status])).toEqual([
      ['Bedrijfsvoering', NG],
      ['Dienstverlening', NG],
      ['Fysiek Domein', NG],
      ['Sociaal Domein', A],
    ]);
  });

  it('a domain without a row follows the action’s stored status and deadline, but gets no owner', () => {
    const standen = domeinStates(actie({ status: L }), [
      rij('Sociaal Domein', A, { eigenaar: { displayName: 'Informatiemanager Sociaal Domein', id: '9' } }),
    ]);
    const bv = standen.find((d) => d.domein === 'Bedrijfsvoering');
    expect(bv).toMatchObject({ status: L, deadline: '2025-12-31', eigenaar: { displayName: 'Gemeentesecretaris' } });
    expect(bv?.rij).toBeUndefined();
    const sd = standen.find((d) => d.domein === 'Sociaal Domein');
    expect(sd).toMatchObject({
      status: A,
      deadline: '2025-12-31',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
    });
  });

  it('a row without an owner stays without one (no borrowing of the action’s owner)', () => {
    const sd = domeinStates(actie(), [rij('Sociaal Domein', L)]).find((d) => d.domein === 'Sociaal Domein');
    expect(sd?.eigenaar).toBeUndefined();
  });

  it('ignores rows of other actions and of domains the action no longer has', () => {
    const a = actie({ domeinen: ['Bedrijfsvoering', 'Sociaal Domein'] });
    const rijen = [
      rij('Dienstverlening', G),
      { ...rij('Bedrijfsvoering', G), actie: '3.3' },
      rij('Sociaal Domein', A),
      rij('Bedrijfsvoering', A),
    ];
    expect(actieVoortgang(a, rijen)).toMatchObject({ status: A, afgerond: 2, totaal: 2 });
  });

  it('an action of one domain is its own roll-up, whatever rows exist', () => {
    const single = actie({ nummer: '1.2', domeinen: ['Concern'], status: A });
    expect(hasDomeinVoortgang(single)).toBe(false);
    expect(actieVoortgang(single, [{ actie: '1.2', domein: 'Concern', status: G }])).toMatchObject({
      status: A,
      afgerond: 1,
      totaal: 1,
    });
    expect(actieWithRollUp(single, [{ actie: '1.2', domein: 'Concern', status: G }])).toBe(single);
  });

  it('counts a domain listed twice once', () => {
    expect(hasDomeinVoortgang(actie({ domeinen: ['Sociaal Domein', 'Sociaal Domein'] }))).toBe(false);
  });
});

describe('actieWithRollUp and actieForDomein: what the CMT and a domain see', () => {
  it('the plan shows the roll-up as the action’s status', () => {
    expect(actieWithRollUp(actie(), [rij('Sociaal Domein', A)]).status).toBe(L);
  });

  it('a blocked domain blocks the action, and its reason (with the domain) becomes the action’s reason when it has none', () => {
    const rolled = actieWithRollUp(actie(), [rij('Fysiek Domein', G, { statusToelichting: 'Wacht op besluit IMO.' })]);
    expect(rolled.status).toBe(G);
    expect(rolled.statusToelichting).toBe('Fysiek Domein: Wacht op besluit IMO.');
    expect(
      actieWithRollUp(actie({ statusToelichting: 'Eigen reden.' }), [
        rij('Fysiek Domein', G, { statusToelichting: 'x' }),
      ]).statusToelichting,
    ).toBe('Eigen reden.');
  });

  it('Sociaal Domein sees its own row: status, reason, owner and deadline', () => {
    const own = rij('Sociaal Domein', G, {
      statusToelichting: 'Capaciteit IM.',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein', id: '9' },
      deadline: '2026-06-30',
    });
    const seen = actieForDomein(actie(), [own, rij('Bedrijfsvoering', A)], 'Sociaal Domein');
    expect(seen).toMatchObject({
      status: G,
      statusToelichting: 'Capaciteit IM.',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
      deadline: '2026-06-30',
      titel: actie().titel,
    });
  });

  it('a domain row without owner shows no owner to the domain; without a row the domain sees the action', () => {
    expect(actieForDomein(actie(), [rij('Sociaal Domein', L)], 'Sociaal Domein').eigenaar).toBeUndefined();
    expect(actieForDomein(actie({ status: L }), [], 'Sociaal Domein')).toEqual(actie({ status: L }));
    expect(actieForDomein(actie(), [rij('Sociaal Domein', A)], 'Concern')).toEqual(actie());
  });

  it('keys a row by action number and domain', () => {
    expect(domeinVoortgangKey('1.1', 'Sociaal Domein')).toBe('1.1|Sociaal Domein');
  });
});

describe('ownDomeinActies: a person’s Mijn acties with the rows they own (issue 12.4)', () => {
  const im = { id: '12', displayName: 'Informatiemanager Sociaal Domein', email: 'im@x' };
  const cio = { id: '3', displayName: 'CIO' };
  const isIm = (p: { id?: string } | undefined) => p?.id === im.id;
  const gedeeld: Actie = {
    nummer: '1.1',
    titel: 'Roadmap',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Sociaal Domein', 'Dienstverlening'],
    status: 'Niet gestart',
    eigenaar: cio,
    deadline: '2026-12-31',
    afhankelijkVan: [],
    bevindingen: [],
  };
  const eigen: Actie = { ...gedeeld, nummer: '2.1', domeinen: ['Sociaal Domein'], eigenaar: im };
  const ander: Actie = { ...gedeeld, nummer: '3.1', domeinen: ['Sociaal Domein'] };
  const rijen: DomeinVoortgang[] = [
    { actie: '1.1', domein: 'Sociaal Domein', status: 'Loopt', eigenaar: im, deadline: '2027-03-01' },
    { actie: '1.1', domein: 'Dienstverlening', status: 'Afgerond', eigenaar: cio },
    { actie: '3.1', domein: 'Dienstverlening', status: 'Loopt', eigenaar: im },
  ];

  it('lists the actions the person owns and the shared actions whose domain row they own, as that domain stands', () => {
    const mine = ownDomeinActies([gedeeld, eigen, ander], rijen, isIm);
    expect(mine.map((m) => [m.actie.nummer, m.domein, m.actie.status, m.actie.eigenaar?.id, m.actie.deadline])).toEqual(
      [
        ['1.1', 'Sociaal Domein', 'Loopt', '12', '2027-03-01'],
        ['2.1', undefined, 'Niet gestart', '12', '2026-12-31'],
      ],
    );
  });

  it('a row of a domain the action no longer has does not count; owning the action wins over owning a row', () => {
    // 3.1 has one domain now: its old Dienstverlening row is not the person's.
    expect(ownDomeinActies([ander], rijen, isIm)).toEqual([]);
    const both = ownDomeinActies([{ ...gedeeld, eigenaar: im }], rijen, isIm);
    expect(both).toEqual([{ actie: { ...gedeeld, eigenaar: im } }]);
    expect(ownDomeinActies([gedeeld], rijen, (p) => p?.id === 'nobody')).toEqual([]);
  });
});

describe('ownerCoverage: who carries an action on the roll-up', () => {
  const shared: Actie = {
    nummer: '1.1',
    titel: 'Visie en roadmap per business domein',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Sociaal Domein', 'Fysiek Domein', 'Dienstverlening', 'Bedrijfsvoering'],
    status: 'Loopt',
    afhankelijkVan: [],
    bevindingen: [],
  };
  const row = (domein: DomeinVoortgang['domein'], eigenaar?: string): DomeinVoortgang => ({
    actie: '1.1',
    domein,
    status: 'Loopt',
    ...(eigenaar !== undefined ? { eigenaar: { displayName: eigenaar } } : {}),
  });

  it("is the action's own owner when it has one, whatever its domains' rows say", () => {
    const own = { ...shared, eigenaar: { displayName: 'CIO' } };
    expect(ownerCoverage(own, [row('Sociaal Domein', 'IM Sociaal')])).toEqual({
      kind: 'own',
      eigenaar: { displayName: 'CIO' },
    });
  });

  it('counts the domains with an owner on their row for a shared action without one of its own', () => {
    const all = shared.domeinen.map((d) => row(d, `IM ${d}`));
    expect(ownerCoverage(shared, all)).toEqual({ kind: 'perDomein', belegd: 4, totaal: 4 });
    // A domain without a row, or with a row without an owner (or a blank name), has none: an owner is never borrowed.
    expect(ownerCoverage(shared, [row('Sociaal Domein', 'IM'), row('Fysiek Domein', '  ')])).toEqual({
      kind: 'perDomein',
      belegd: 1,
      totaal: 4,
    });
    expect(ownerCoverage(shared, [row('Sociaal Domein')])).toEqual({ kind: 'none' });
    // Rows of another action do not count.
    expect(ownerCoverage(shared, [{ ...row('Sociaal Domein', 'IM'), actie: '3.3' }])).toEqual({ kind: 'none' });
  });

  it('is no one for an action of one domain without an owner, rows or not', () => {
    const single: Actie = { ...shared, domeinen: ['Sociaal Domein'] };
    expect(ownerCoverage(single, [row('Sociaal Domein', 'IM')])).toEqual({ kind: 'none' });
  });
});
