import { describe, expect, it } from 'vitest';
import {
  composeAgenda,
  FALLBACK_DUE_WINDOW_DAYS,
  isActieOfMT,
  occurrenceKey,
  MAX_SNAPSHOT_BYTES,
  parseSnapshot,
  serializeSnapshot,
  snapshotOf,
  SNAPSHOT_TEXT_LIMIT,
  type AgendaActieInput,
  type AgendaInput,
  type AgendaPortfolioInput,
} from '../../../src/domain/agenda.js';
import type { Actie, Kwartaaldoel, MT, PortfolioItem } from '../../../src/domain/model.js';
import { zoetermeerMTs, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { GESPREKSVRAGEN_11_4, LEIDERSCHAPS_ASPECTEN, reflectionQuestion } from '../../../src/domain/reflection.js';

// Tuesday 24 November 2026 09:00 Amsterdam (CET); the reminder goes out Monday 23 November 09:00.
const MEETING = new Date('2026-11-24T08:00:00Z');
const NEXT = new Date('2026-12-01T08:00:00Z');
const NOW = new Date('2026-11-23T08:00:00Z');

const SOCIAAL: AgendaInput['mt'] = {
  key: 'mt-sociaal-domein',
  naam: 'MT Sociaal Domein',
  domeinen: ['Sociaal Domein'],
};
const CMT: AgendaInput['mt'] = { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] };

function actie(id: string, overrides: Partial<Actie> = {}): AgendaActieInput {
  return {
    id,
    eTag: `"etag-${id},1"`,
    value: {
      nummer: `1.${id}`,
      titel: `Actie ${id}`,
      advies: 1,
      plateau: 'Randvoorwaardelijk',
      domeinen: ['Sociaal Domein'],
      status: 'Loopt',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
      afhankelijkVan: [],
      bevindingen: [],
      ...overrides,
    },
  };
}

function item(id: string, overrides: Partial<PortfolioItem> = {}): AgendaPortfolioInput {
  return {
    id,
    value: {
      key: `pf-${id}`,
      titel: `Initiatief ${id}`,
      omschrijving: '',
      domein: 'Sociaal Domein',
      fase: 'Uitvoering',
      status: 'Op koers',
      prioriteit: Number(id),
      ditKwartaal: 'wel',
      acties: [],
      ...overrides,
    },
  };
}

function input(overrides: Partial<AgendaInput> = {}): AgendaInput {
  return { mt: SOCIAAL, occurrenceStart: MEETING, nextOccurrenceStart: NEXT, now: NOW, acties: [], ...overrides };
}

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

describe('which actions an MT sees', () => {
  it('an MT sees the actions whose domeinen include one of its domains, and no others', () => {
    const agenda = composeAgenda(
      input({
        acties: [
          actie('1', { deadline: '2026-01-01' }),
          actie('2', { deadline: '2026-01-01', domeinen: ['Dienstverlening'] }),
          actie('3', { deadline: '2026-01-01', domeinen: ['Dienstverlening', 'Sociaal Domein'] }),
          actie('4', { deadline: '2026-01-01', domeinen: ['Concern'] }),
        ],
      }),
    );
    expect(ids(agenda.overdue)).toEqual(['1', '3']);
    expect(agenda.counts.acties).toBe(2);
  });

  it('the CMT (domeinen Concern) sees the Concern actions and not the business-domain-only ones', () => {
    const acties = [
      actie('1', { domeinen: ['Concern'], deadline: '2026-01-01' }),
      actie('2', { domeinen: ['Sociaal Domein'], deadline: '2026-01-01' }),
    ];
    const agenda = composeAgenda(input({ mt: CMT, acties }));
    expect(ids(agenda.overdue)).toEqual(['1']);
  });

  it('with the seeded plan, 11.5 is on every MT agenda (four domains plus Concern) and 2.1 only on the CMT', () => {
    const acties = zoetermeerPlan.acties.map((a, i) => ({ id: String(i + 1), eTag: 'e', value: a }));
    for (const mt of zoetermeerMTs) {
      const open = composeAgenda(input({ mt, acties })).openActies.map((a) => a.nummer);
      expect(open).toContain('11.5');
    }
    expect(isActieOfMT(zoetermeerPlan.acties.find((a) => a.nummer === '2.1') as Actie, { domeinen: ['Concern'] })).toBe(
      true,
    );
    expect(
      isActieOfMT(zoetermeerPlan.acties.find((a) => a.nummer === '2.1') as Actie, { domeinen: ['Sociaal Domein'] }),
    ).toBe(false);
  });
});

describe('overdue', () => {
  it('an open action is overdue from the day after its deadline (Amsterdam), with the number of days late', () => {
    const agenda = composeAgenda(
      input({
        acties: [
          actie('1', { deadline: '2026-11-22' }),
          actie('2', { deadline: '2026-11-23' }),
          actie('3', { deadline: '2025-06-30' }),
        ],
      }),
    );
    expect(agenda.overdue.map((a) => [a.id, a.dagenTeLaat])).toEqual([
      ['3', 511],
      ['1', 1],
    ]);
  });

  it('closed actions (Afgerond, Niet overgenomen) are never overdue, whatever their deadline', () => {
    const agenda = composeAgenda(
      input({
        acties: [
          actie('1', { deadline: '2025-01-01', status: 'Afgerond' }),
          actie('2', { deadline: '2025-01-01', status: 'Niet overgenomen' }),
        ],
      }),
    );
    expect(agenda.overdue).toEqual([]);
    expect(agenda.counts.open).toBe(0);
  });
});

describe('due before the next meeting', () => {
  it('lists open actions with a deadline up to and including the day of the next meeting that are not overdue yet', () => {
    const agenda = composeAgenda(
      input({
        acties: [
          actie('1', { deadline: '2026-11-23' }), // today: not overdue yet, due
          actie('2', { deadline: '2026-12-01' }), // the next meeting's day: due
          actie('3', { deadline: '2026-12-02' }), // after it: not yet
          actie('4', { deadline: '2026-11-20' }), // overdue, so not "due"
          actie('5'), // no deadline
          actie('6', { deadline: '2026-11-25', status: 'Afgerond' }),
        ],
      }),
    );
    expect(ids(agenda.dueBeforeNextMeeting)).toEqual(['1', '2']);
    expect(agenda.dueUntil).toBe('2026-12-01');
  });

  it(`without a next meeting, "due" looks ${FALLBACK_DUE_WINDOW_DAYS} days past this one`, () => {
    const agenda = composeAgenda(
      input({
        nextOccurrenceStart: undefined,
        acties: [actie('1', { deadline: '2026-12-08' }), actie('2', { deadline: '2026-12-09' })],
      }),
    );
    expect(agenda.dueUntil).toBe('2026-12-08');
    expect(ids(agenda.dueBeforeNextMeeting)).toEqual(['1']);
  });

  it('sorts by deadline, then by action number (2.9 before 2.10)', () => {
    const agenda = composeAgenda(
      input({
        acties: [
          actie('1', { nummer: '2.10', deadline: '2026-11-30' }),
          actie('2', { nummer: '2.9', deadline: '2026-11-30' }),
          actie('3', { nummer: '9.1', deadline: '2026-11-25' }),
        ],
      }),
    );
    expect(agenda.dueBeforeNextMeeting.map((a) => a.nummer)).toEqual(['9.1', '2.9', '2.10']);
  });
});

describe('blocked', () => {
  it('lists Geblokkeerd actions with their StatusToelichting as the reason', () => {
    const agenda = composeAgenda(
      input({ acties: [actie('1', { status: 'Geblokkeerd', statusToelichting: '  Wacht op IMO-besluit  ' })] }),
    );
    expect(agenda.blocked).toEqual([
      expect.objectContaining({ id: '1', statusGeblokkeerd: true, reden: 'Wacht op IMO-besluit', geblokkeerdDoor: [] }),
    ]);
  });

  it('lists an action held up by a dependency that is still Niet gestart, Loopt or Geblokkeerd, with which one', () => {
    const acties = [
      actie('1', { nummer: '2.1', status: 'Loopt' }),
      actie('2', { nummer: '2.2', status: 'Niet gestart', afhankelijkVan: ['2.1'] }),
      actie('3', { nummer: '8.3', status: 'Belegd in lopend traject' }),
      actie('4', { nummer: '8.4', status: 'Niet gestart', afhankelijkVan: ['8.3'] }),
      actie('5', { nummer: '9.1', status: 'Niet overgenomen' }),
      actie('6', { nummer: '9.2', status: 'Loopt', afhankelijkVan: ['9.1'] }),
      actie('7', { nummer: '3.1', status: 'Afgerond' }),
      actie('8', { nummer: '3.2', status: 'Loopt', afhankelijkVan: ['3.1'] }),
    ];
    const agenda = composeAgenda(input({ acties }));
    expect(
      agenda.blocked.map((b) => [
        b.nummer,
        b.statusGeblokkeerd,
        b.geblokkeerdDoor.map((d) => `${d.nummer}:${d.status}:${d.id}`),
      ]),
    ).toEqual([['2.2', false, ['2.1:Loopt:1']]]);
  });

  it('a dependency in another domain still blocks, although the MT does not see that action itself', () => {
    const acties = [
      actie('1', { nummer: '1.1', domeinen: ['Concern'], status: 'Geblokkeerd', statusToelichting: 'x' }),
      actie('2', { nummer: '3.2', afhankelijkVan: ['1.1'] }),
    ];
    const agenda = composeAgenda(input({ acties }));
    expect(agenda.blocked.map((b) => [b.nummer, b.geblokkeerdDoor.map((d) => d.nummer)])).toEqual([['3.2', ['1.1']]]);
  });

  it('a closed action is not listed as blocked, even when its dependency is open', () => {
    const acties = [
      actie('1', { nummer: '2.1' }),
      actie('2', { nummer: '2.2', status: 'Afgerond', afhankelijkVan: ['2.1'] }),
    ];
    expect(composeAgenda(input({ acties })).blocked).toEqual([]);
  });
});

describe('without owner', () => {
  it('lists open actions without an eigenaar or with a blank name, not closed ones', () => {
    const acties = [
      actie('1', { eigenaar: undefined }),
      actie('2', { eigenaar: { displayName: '   ' } }),
      actie('3', { eigenaar: undefined, status: 'Afgerond' }),
      actie('4'),
    ];
    expect(ids(composeAgenda(input({ acties })).withoutOwner)).toEqual(['1', '2']);
  });
});

describe('changed since the last meeting', () => {
  const before = [
    actie('1', { status: 'Niet gestart', deadline: '2026-12-31' }),
    actie('2', { eigenaar: { displayName: 'Directeur Sociaal Domein' } }),
    actie('3', { statusToelichting: 'Oude toelichting' }),
    actie('4'),
    actie('5', { nummer: '5.1' }),
  ];
  const previous = snapshotOf(input({ acties: before }));

  it('reports exactly which fields changed from what to what, new actions and actions that left the agenda', () => {
    const after = [
      actie('1', { status: 'Loopt', deadline: '2027-03-31' }),
      actie('2', { eigenaar: undefined }),
      actie('3', { statusToelichting: 'Nieuwe toelichting' }),
      actie('4'),
      actie('6', { nummer: '6.1' }),
    ];
    const agenda = composeAgenda(input({ acties: after, previous }));
    expect(agenda.hasBaseline).toBe(true);
    expect(
      agenda.changedSinceLastMeeting.map((c) =>
        c.kind === 'changed'
          ? { kind: c.kind, id: c.actie.id, changes: c.changes }
          : c.kind === 'new'
            ? { kind: c.kind, id: c.actie.id }
            : c,
      ),
    ).toEqual([
      {
        kind: 'changed',
        id: '1',
        changes: [
          { field: 'status', from: 'Niet gestart', to: 'Loopt' },
          { field: 'deadline', from: '2026-12-31', to: '2027-03-31' },
        ],
      },
      { kind: 'changed', id: '2', changes: [{ field: 'eigenaar', from: 'Directeur Sociaal Domein' }] },
      {
        kind: 'changed',
        id: '3',
        changes: [{ field: 'statusToelichting', from: 'Oude toelichting', to: 'Nieuwe toelichting' }],
      },
      { kind: 'removed', id: '5', nummer: '5.1' },
      { kind: 'new', id: '6' },
    ]);
  });

  it('an action moved into another domain leaves this MT’s agenda as "removed"', () => {
    const after = before.map((a) =>
      a.id === '4' ? { ...a, value: { ...a.value, domeinen: ['Fysiek Domein' as const] } } : a,
    );
    const agenda = composeAgenda(input({ acties: after, previous }));
    expect(agenda.changedSinceLastMeeting).toEqual([{ kind: 'removed', id: '4', nummer: '1.4' }]);
  });

  it('SharePoint’s line endings and trailing blanks are not a change', () => {
    const after = before.map((a) =>
      a.id === '3' ? { ...a, value: { ...a.value, statusToelichting: 'Oude toelichting  \r\n' } } : a,
    );
    expect(composeAgenda(input({ acties: after, previous })).changedSinceLastMeeting).toEqual([]);
  });

  it('a change at the end of a long StatusToelichting is detected although the snapshot keeps only its start', () => {
    const long = `${'Lange toelichting. '.repeat(20)}Einde A`;
    const prev = snapshotOf(input({ acties: [actie('1', { statusToelichting: long })] }));
    expect(prev.acties['1']?.statusToelichting?.text.length).toBe(SNAPSHOT_TEXT_LIMIT);
    const same = composeAgenda(input({ acties: [actie('1', { statusToelichting: long })], previous: prev }));
    expect(same.changedSinceLastMeeting).toEqual([]);
    const changed = composeAgenda(
      input({ acties: [actie('1', { statusToelichting: long.replace('Einde A', 'Einde B') })], previous: prev }),
    );
    expect(changed.changedSinceLastMeeting).toHaveLength(1);
  });

  it('without a previous snapshot nothing is reported as changed, and the agenda says it has no baseline', () => {
    const agenda = composeAgenda(input({ acties: before }));
    expect(agenda.hasBaseline).toBe(false);
    expect(agenda.changedSinceLastMeeting).toEqual([]);
    expect(agenda.portfolioChanges).toEqual([]);
  });
});

describe('portfolio changes', () => {
  const goals = (doel: string): Kwartaaldoel[] => [{ portfolioKey: 'pf-1', kwartaal: '2026-Q4', doel }];

  it('reports the domain’s items whose status, priority, ditKwartaal, phase or quarter goal changed, and new items', () => {
    const previous = snapshotOf(
      input({
        portfolio: [item('1'), item('2'), item('3'), item('9', { domein: 'Bedrijfsvoering' })],
        kwartaaldoelen: goals('Pilot live'),
      }),
    );
    const agenda = composeAgenda(
      input({
        previous,
        portfolio: [
          item('1', { status: 'Aandacht', prioriteit: 5 }),
          item('2', { ditKwartaal: 'niet', fase: 'Nazorg' }),
          item('3'),
          item('4'),
          item('9', { domein: 'Bedrijfsvoering', status: 'Kritiek' }),
        ],
        kwartaaldoelen: goals('Pilot live in twee teams'),
      }),
    );
    expect(
      agenda.portfolioChanges.map((c) => (c.kind === 'changed' ? [c.item.id, c.changes] : [c.item.id, 'new'])),
    ).toEqual([
      [
        '2',
        [
          { field: 'ditKwartaal', from: 'wel', to: 'niet' },
          { field: 'fase', from: 'Uitvoering', to: 'Nazorg' },
        ],
      ],
      ['4', 'new'],
      [
        '1',
        [
          { field: 'status', from: 'Op koers', to: 'Aandacht' },
          { field: 'prioriteit', from: '1', to: '5' },
          { field: 'kwartaaldoel', from: 'Pilot live', to: 'Pilot live in twee teams' },
        ],
      ],
    ]);
  });
});

describe("the card's portfolio section: the own domain plus concern-wide changes (issue 12.7)", () => {
  const domeinen = [item('1'), item('5', { domein: 'Concern', prioriteit: 1 }), item('9', { domein: 'Fysiek Domein' })];

  it("reports a domain MT's own and Concern changes, own first, and never another domain's", () => {
    const previous = snapshotOf(input({ portfolio: domeinen }));
    const agenda = composeAgenda(
      input({
        previous,
        portfolio: [
          item('1', { status: 'Aandacht' }),
          item('5', { domein: 'Concern', prioriteit: 1, status: 'Kritiek' }),
          item('9', { domein: 'Fysiek Domein', status: 'Kritiek' }),
          item('6', { domein: 'Concern' }),
        ],
      }),
    );
    expect(agenda.portfolioChanges.map((c) => [c.item.id, c.kind])).toEqual([
      ['1', 'changed'],
      ['5', 'changed'],
      ['6', 'new'],
    ]);
    expect(agenda.counts.portfolioChanges).toBe(3);
  });

  it('does not call the Concern items new after a snapshot that did not track them yet, but does report their later changes', () => {
    const { concernPortfolio: _c, ...older } = snapshotOf(input({ portfolio: [item('1')] }));
    const first = composeAgenda(input({ previous: older, portfolio: [item('1'), item('5', { domein: 'Concern' })] }));
    expect(first.portfolioChanges).toEqual([]);
    const next = snapshotOf(input({ portfolio: [item('1'), item('5', { domein: 'Concern' })] }));
    const second = composeAgenda(
      input({ previous: next, portfolio: [item('1'), item('5', { domein: 'Concern', fase: 'Nazorg' })] }),
    );
    expect(second.portfolioChanges.map((c) => [c.item.id, c.kind])).toEqual([['5', 'changed']]);
  });

  it("keeps the quarter feedback to the MT's own domains", () => {
    const agenda = composeAgenda(
      input({
        portfolio: [item('1'), item('5', { domein: 'Concern', key: 'pf-c' })],
        kwartaaldoelen: [
          { portfolioKey: 'pf-1', kwartaal: '2026-Q3', doel: 'Eigen doel', behaald: 'ja' },
          { portfolioKey: 'pf-c', kwartaal: '2026-Q3', doel: 'Concerndoel', behaald: 'nee' },
        ],
      }),
    );
    expect(agenda.quarterFeedback.items.map((q) => q.doel)).toEqual(['Eigen doel']);
  });
});

describe('quarter feedback (IMO, 3.3)', () => {
  it('shows last quarter’s goals of the domain’s items with behaald and reden, by priority', () => {
    const agenda = composeAgenda(
      input({
        portfolio: [item('1'), item('2'), item('7', { domein: 'Dienstverlening' })],
        kwartaaldoelen: [
          {
            portfolioKey: 'pf-2',
            kwartaal: '2026-Q3',
            doel: 'Koppeling getest',
            behaald: 'nee',
            reden: 'Leverancier te laat',
          },
          { portfolioKey: 'pf-1', kwartaal: '2026-Q3', doel: 'Procesanalyse', behaald: 'ja' },
          { portfolioKey: 'pf-1', kwartaal: '2026-Q4', doel: 'Dit kwartaal, nog niet te beoordelen' },
          { portfolioKey: 'pf-7', kwartaal: '2026-Q3', doel: 'Ander domein' },
          { portfolioKey: 'pf-2', kwartaal: '2026-Q3', doel: 'Nog niet beoordeeld' },
        ],
      }),
    );
    expect(agenda.quarterFeedback.kwartaal).toBe('2026-Q3');
    expect(agenda.quarterFeedback.items.map((q) => [q.titel, q.doel, q.behaald ?? '-', q.reden ?? '-'])).toEqual([
      ['Initiatief 1', 'Procesanalyse', 'ja', '-'],
      ['Initiatief 2', 'Koppeling getest', 'nee', 'Leverancier te laat'],
      ['Initiatief 2', 'Nog niet beoordeeld', '-', '-'],
    ]);
  });

  it('in January, last quarter is Q4 of the year before', () => {
    const agenda = composeAgenda(
      input({ occurrenceStart: new Date('2027-01-12T08:00:00Z'), nextOccurrenceStart: undefined }),
    );
    expect(agenda.quarterFeedback.kwartaal).toBe('2026-Q4');
  });
});

describe('the reflection question (11.4)', () => {
  it('is on every agenda and combines an aspect with one of the four 11.4 prompts', () => {
    const q = composeAgenda(input()).reflectionQuestion;
    expect(LEIDERSCHAPS_ASPECTEN.map((a) => a.naam)).toContain(q.aspect);
    expect(GESPREKSVRAGEN_11_4).toContain(q.vraag);
    expect(q.tekst).toContain(q.vraag);
  });

  it('a weekly MT meets all seven aspects in seven weeks, and all 28 combinations in 28 weeks, also across New Year', () => {
    const weeks = Array.from({ length: 28 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 11, 1 + 7 * i));
      return reflectionQuestion(d.toISOString().slice(0, 10));
    });
    expect(new Set(weeks.slice(0, 7).map((q) => q.aspect)).size).toBe(7);
    expect(new Set(weeks.map((q) => `${q.aspect}|${q.vraag}`)).size).toBe(28);
  });

  it('an MT that meets every other week still sees every aspect and every prompt', () => {
    const qs = Array.from({ length: 28 }, (_, i) =>
      reflectionQuestion(new Date(Date.UTC(2026, 0, 8 + 14 * i)).toISOString().slice(0, 10)),
    );
    expect(new Set(qs.map((q) => q.aspect)).size).toBe(7);
    expect(new Set(qs.map((q) => q.vraag)).size).toBe(4);
  });

  it('is the same for every meeting in the same week (Monday to Sunday) and changes the next Monday', () => {
    expect(reflectionQuestion('2026-11-23')).toEqual(reflectionQuestion('2026-11-29'));
    expect(reflectionQuestion('2026-11-30').aspect).not.toBe(reflectionQuestion('2026-11-29').aspect);
  });
});

describe('determinism', () => {
  const many: AgendaActieInput[] = Array.from({ length: 60 }, (_, i) =>
    actie(String(i + 1), {
      nummer: `${(i % 11) + 1}.${Math.floor(i / 11) + 1}`,
      status: (['Niet gestart', 'Loopt', 'Geblokkeerd', 'Afgerond', 'Belegd in lopend traject'] as const)[i % 5],
      deadline: ['2025-06-30', '2026-11-25', '2026-12-31', undefined][i % 4],
      ...(i % 6 === 0 ? { eigenaar: undefined } : {}),
      afhankelijkVan: i % 4 === 1 ? [`${(i % 11) + 1}.1`] : [],
      statusToelichting: i % 5 === 2 ? 'Wacht' : undefined,
    }),
  );
  const portfolio = Array.from({ length: 10 }, (_, i) =>
    item(String(i + 1), { prioriteit: i % 3 === 0 ? undefined : i % 4 }),
  );
  const kwartaaldoelen: Kwartaaldoel[] = portfolio.map((p, i) => ({
    portfolioKey: p.value.key,
    kwartaal: '2026-Q3',
    doel: `Doel ${i % 3}`,
    behaald: 'ja',
  }));
  const previous = snapshotOf(
    input({
      acties: many.slice(5).map((a, i) => (i % 2 ? { ...a, value: { ...a.value, status: 'Loopt' as const } } : a)),
      portfolio,
    }),
  );
  const full = input({
    acties: many,
    portfolio,
    kwartaaldoelen,
    previous,
    previousDecisions: ['Besluit A', ' ', 'Besluit B'],
  });

  function shuffled<T>(xs: readonly T[], seed: number): T[] {
    // A fixed permutation (no Math.random): reverse, then rotate by the seed.
    const r = [...xs].reverse();
    return [...r.slice(seed % r.length), ...r.slice(0, seed % r.length)];
  }

  it('the same input gives a deep-equal agenda', () => {
    expect(composeAgenda(full)).toEqual(composeAgenda(full));
  });

  it('the order of the input arrays does not matter', () => {
    const a = composeAgenda(full);
    for (const seed of [1, 7, 23]) {
      const b = composeAgenda({
        ...full,
        acties: shuffled(full.acties, seed),
        portfolio: shuffled(portfolio, seed),
        kwartaaldoelen: shuffled(kwartaaldoelen, seed),
      });
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it('the agenda holds only JSON values, so it survives a JSON round trip unchanged', () => {
    const a = composeAgenda(full);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.previousDecisions).toEqual(['Besluit A', 'Besluit B']);
  });

  it('counts match the sections', () => {
    const a = composeAgenda(full);
    expect(a.counts).toEqual({
      acties: 60,
      open: a.openActies.length,
      dueBeforeNextMeeting: a.dueBeforeNextMeeting.length,
      overdue: a.overdue.length,
      blocked: a.blocked.length,
      geblokkeerd: a.blocked.filter((b) => b.statusGeblokkeerd).length,
      wachtOp: a.blocked.filter((b) => !b.statusGeblokkeerd).length,
      changedSinceLastMeeting: a.changedSinceLastMeeting.length,
      withoutOwner: a.withoutOwner.length,
      portfolioChanges: a.portfolioChanges.length,
      quarterFeedback: a.quarterFeedback.items.length,
      geagendeerd: a.geagendeerd.length,
      ookBespreken: a.ookBespreken.length,
      nietNodig: a.nietNodig.length,
    });
    expect(a.counts.geblokkeerd + a.counts.wachtOp).toBe(a.counts.blocked);
    expect(a.overdue.length).toBeGreaterThan(0);
    expect(a.blocked.length).toBeGreaterThan(0);
    expect(a.changedSinceLastMeeting.length).toBeGreaterThan(0);
  });

  it('the snapshot of shuffled input is byte-identical', () => {
    const s = serializeSnapshot(snapshotOf(full));
    expect(
      serializeSnapshot(snapshotOf({ ...full, acties: shuffled(full.acties, 5), portfolio: shuffled(portfolio, 5) })),
    ).toBe(s);
  });
});

describe('the snapshot stored with a sent agenda', () => {
  it('is the key of the occurrence: <mt.key>|<start ISO UTC>', () => {
    expect(occurrenceKey('cmt', MEETING)).toBe('cmt|2026-11-24T08:00:00Z');
    expect(composeAgenda(input()).occurrence.key).toBe('mt-sociaal-domein|2026-11-24T08:00:00Z');
  });

  it('keeps per action status, owner’s name, deadline and StatusToelichting, and per item status, priority, ditKwartaal, phase', () => {
    const s = snapshotOf(
      input({
        acties: [
          actie('7', { status: 'Geblokkeerd', statusToelichting: 'Wacht', deadline: '2026-12-31' }),
          actie('8', { domeinen: ['Concern'] }),
        ],
        portfolio: [item('3', { prioriteit: 2 })],
      }),
    );
    expect(s).toEqual({
      version: 1,
      mtKey: 'mt-sociaal-domein',
      occurrenceStart: '2026-11-24T08:00:00Z',
      acties: {
        '7': {
          nummer: '1.7',
          status: 'Geblokkeerd',
          eigenaar: 'Informatiemanager Sociaal Domein',
          deadline: '2026-12-31',
          statusToelichting: { text: 'Wacht' },
        },
      },
      portfolio: { '3': { status: 'Op koers', prioriteit: 2, ditKwartaal: 'wel', fase: 'Uitvoering' } },
      concernPortfolio: true,
    });
  });

  it('reads back whether it tracks the Concern items, and a snapshot stored before that as not tracking them', () => {
    const s = snapshotOf(input({ portfolio: [item('3'), item('4', { domein: 'Concern' })] }));
    expect(Object.keys(s.portfolio)).toEqual(['3', '4']);
    expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
    const { concernPortfolio: _c, ...older } = s;
    expect(parseSnapshot(serializeSnapshot(older))?.concernPortfolio).toBeUndefined();
  });

  it('fits a SharePoint note column: under 60 KB for 200 actions and 50 portfolio items with long texts', () => {
    const long = 'Een lange toelichting met "aanhalingstekens", é-accenten en regels\nvol tekst. '.repeat(40);
    const acties = Array.from({ length: 200 }, (_, i) =>
      actie(String(1000 + i), {
        nummer: `${(i % 11) + 1}.${i + 1}`,
        statusToelichting: long,
        eigenaar: { displayName: 'Programmamanager Datagedreven Werken en Digitaal Samenwerken' },
        deadline: '2026-12-31',
        status: 'Belegd in lopend traject',
      }),
    );
    const portfolio = Array.from({ length: 50 }, (_, i) => item(String(2000 + i), { key: `pf-${i}` }));
    const kwartaaldoelen = portfolio.map((p) => ({ portfolioKey: p.value.key, kwartaal: '2026-Q4', doel: long }));
    const stored = serializeSnapshot(snapshotOf(input({ acties, portfolio, kwartaaldoelen })));
    expect(new TextEncoder().encode(stored).length).toBeLessThan(60_000);
    // Still with the start of each text, so the card can say what a toelichting was.
    expect(parseSnapshot(stored)?.acties['1000']?.statusToelichting?.text).toMatch(/^Een lange toelichting/);
  });

  it('beyond the limit it keeps only fingerprints, and a change is still detected', () => {
    const acties = Array.from({ length: 600 }, (_, i) =>
      actie(String(i + 1), { nummer: `1.${i + 1}`, statusToelichting: `Toelichting ${i} `.repeat(10) }),
    );
    const stored = serializeSnapshot(snapshotOf(input({ acties })));
    expect(new TextEncoder().encode(stored).length).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES);
    const previous = parseSnapshot(stored);
    expect(previous?.acties['1']?.statusToelichting?.text).toBe('');
    const changed = acties.map((a) => (a.id === '2' ? { ...a, value: { ...a.value, statusToelichting: 'Nieuw' } } : a));
    const agenda = composeAgenda(input({ acties: changed, previous }));
    expect(agenda.changedSinceLastMeeting).toEqual([
      expect.objectContaining({ kind: 'changed', changes: [{ field: 'statusToelichting', to: 'Nieuw' }] }),
    ]);
  });

  it('reads back what it wrote, and treats anything else as "no baseline"', () => {
    const s = snapshotOf(
      input({ acties: [actie('1', { statusToelichting: 'x'.repeat(200) })], portfolio: [item('2')] }),
    );
    expect(parseSnapshot(serializeSnapshot(s))).toEqual(s);
    const stored = JSON.parse(serializeSnapshot(s)) as { a: Record<string, unknown> };
    for (const bad of [
      undefined,
      '',
      '{',
      'null',
      '{"v":2}',
      JSON.stringify(s),
      JSON.stringify({ ...stored, a: { '1': { n: '1.1', s: 'Klaar' } } }),
    ]) {
      expect(parseSnapshot(bad)).toBeUndefined();
    }
  });
});

describe('input checks', () => {
  it('refuses an invalid meeting start', () => {
    expect(() => composeAgenda(input({ occurrenceStart: new Date('nope') }))).toThrow(RangeError);
  });

  it('takes the MT as the data layer reads it (an MT value with extra fields)', () => {
    const mt: MT = { ...SOCIAAL, schema: 'FREQ=WEEKLY;BYDAY=TH;BYHOUR=13', actief: true };
    expect(composeAgenda(input({ mt })).mt).toEqual(SOCIAAL);
  });
});

describe('"Geagendeerd door de MT\'s" (escalations to the CMT)', () => {
  const escalated = [
    {
      id: '5',
      eTag: '"a5"',
      value: {
        actie: '1.1',
        domein: 'Sociaal Domein' as const,
        reden: 'Besluit blijft hangen.',
        op: '2026-11-20T09:00:00Z',
        besproken: false,
        door: { displayName: 'Informatiemanager Sociaal Domein' },
      },
    },
    {
      id: '6',
      eTag: '"a6"',
      value: {
        actie: '1.2',
        domein: 'Sociaal Domein' as const,
        reden: 'Al besproken.',
        op: '2026-11-10T09:00:00Z',
        besproken: true,
      },
    },
  ];
  it('the CMT agenda lists the open escalations with domain, who, why and since when, and counts them', () => {
    const a = composeAgenda(input({ mt: CMT, acties: [actie('1'), actie('2')], agenderingen: escalated }));
    expect(a.geagendeerd).toEqual([
      {
        id: '5',
        eTag: '"a5"',
        actieId: '1',
        nummer: '1.1',
        titel: 'Actie 1',
        domein: 'Sociaal Domein',
        door: 'Informatiemanager Sociaal Domein',
        reden: 'Besluit blijft hangen.',
        sinds: '2026-11-20T09:00:00Z',
      },
    ]);
    expect(a.counts.geagendeerd).toBe(1);
  });
  it("a domain MT's agenda has no such section, even with escalations of its own actions", () => {
    const a = composeAgenda(input({ acties: [actie('1')], agenderingen: escalated }));
    expect(a.geagendeerd).toEqual([]);
    expect(a.counts.geagendeerd).toBe(0);
  });
  it('ticked as discussed, the item leaves the CMT agenda', () => {
    const ticked = escalated.map((e) => ({ ...e, value: { ...e.value, besproken: true } }));
    expect(composeAgenda(input({ mt: CMT, acties: [actie('1')], agenderingen: ticked })).geagendeerd).toEqual([]);
  });
});
