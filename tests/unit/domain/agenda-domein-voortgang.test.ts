import { describe, expect, it } from 'vitest';
import {
  composeAgenda,
  snapshotOf,
  type AgendaActieInput,
  type AgendaDomeinVoortgangInput,
  type AgendaInput,
} from '../../../src/domain/agenda.js';
import { ownDomeinOfMT, actieWithRollUp, type DomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import type { Actie } from '../../../src/domain/model.js';

// Tuesday 24 November 2026 09:00 Amsterdam; the card goes out the day before.
const MEETING = new Date('2026-11-24T08:00:00Z');
const NEXT = new Date('2026-12-01T08:00:00Z');
const NOW = new Date('2026-11-23T08:00:00Z');

const SOCIAAL: AgendaInput['mt'] = {
  key: 'mt-sociaal-domein',
  naam: 'MT Sociaal Domein',
  domeinen: ['Sociaal Domein'],
};
const FYSIEK: AgendaInput['mt'] = { key: 'mt-fysiek-domein', naam: 'MT Fysiek Domein', domeinen: ['Fysiek Domein'] };
const CMT: AgendaInput['mt'] = { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] };
const BUSINESS = ['Sociaal Domein', 'Fysiek Domein', 'Dienstverlening', 'Bedrijfsvoering'] as const;

/** 1.1 as the plan carries it: one action of the four business domains, owned by the CIO, due 2026-11-20 (overdue). */
function gedeeld(status: Actie['status'] = 'Niet gestart'): Actie {
  return {
    nummer: '1.1',
    titel: 'Visie en roadmap per business domein',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: [...BUSINESS],
    status,
    eigenaar: { displayName: 'CIO' },
    deadline: '2026-11-20',
    afhankelijkVan: [],
    bevindingen: [],
  };
}

function rij(
  id: string,
  value: Partial<DomeinVoortgang> & Pick<DomeinVoortgang, 'domein' | 'status'>,
): AgendaDomeinVoortgangInput {
  return { id, eTag: `"rij-${id},1"`, value: { actie: '1.1', ...value } };
}

/** The plan as every reader gets it: the action's status is the roll-up of its rows. */
function input(mt: AgendaInput['mt'], rijen: AgendaDomeinVoortgangInput[], stored: Actie = gedeeld()): AgendaInput {
  const acties: AgendaActieInput[] = [
    {
      id: '7',
      eTag: '"actie-7,3"',
      value: actieWithRollUp(
        stored,
        rijen.map((r) => r.value),
      ),
    },
  ];
  return { mt, occurrenceStart: MEETING, nextOccurrenceStart: NEXT, now: NOW, acties, domeinVoortgang: rijen };
}

const ROWS = [
  rij('1', {
    domein: 'Sociaal Domein',
    status: 'Afgerond',
    eigenaar: { displayName: 'IM Sociaal Domein' },
    deadline: '2027-03-01',
  }),
  rij('2', {
    domein: 'Fysiek Domein',
    status: 'Geblokkeerd',
    statusToelichting: 'Wacht op de architect',
    eigenaar: { displayName: 'IM Fysiek Domein' },
    deadline: '2026-11-10',
  }),
  rij('3', { domein: 'Dienstverlening', status: 'Niet gestart' }),
];

describe('ownDomeinOfMT: whose row an MT sees on a shared action', () => {
  it('a domain MT sees its own domain; the CMT, an MT of two of its domains and an action of one domain have none', () => {
    expect(ownDomeinOfMT(['Sociaal Domein'], gedeeld())).toBe('Sociaal Domein');
    expect(ownDomeinOfMT(['Concern'], gedeeld())).toBeUndefined();
    expect(ownDomeinOfMT(['Concern', 'Fysiek Domein'], gedeeld())).toBeUndefined();
    expect(ownDomeinOfMT(['Fysiek Domein', 'Sociaal Domein'], gedeeld())).toBeUndefined();
    expect(ownDomeinOfMT(['Fysiek Domein'], { domeinen: ['Fysiek Domein'] })).toBeUndefined();
    expect(ownDomeinOfMT(['Fysiek Domein'], { domeinen: ['Sociaal Domein', 'Concern'] })).toBeUndefined();
  });
});

describe('composeAgenda with rows per domain (issue 12.4)', () => {
  it('a domain MT’s agenda shows its own row: status, owner and deadline, with the row’s id and eTag for the card', () => {
    const agenda = composeAgenda(input(SOCIAAL, ROWS));
    // Sociaal Domein finished its part: nothing is open for it, although the action as a whole is Geblokkeerd.
    expect(agenda.openActies).toEqual([]);
    expect(agenda.overdue).toEqual([]);
    expect(agenda.blocked).toEqual([]);

    const ruimte = composeAgenda(input(FYSIEK, ROWS));
    const [open] = ruimte.openActies;
    expect(open).toMatchObject({
      id: '7',
      eTag: '"actie-7,3"',
      status: 'Geblokkeerd',
      statusToelichting: 'Wacht op de architect',
      eigenaar: { displayName: 'IM Fysiek Domein' },
      deadline: '2026-11-10',
      rij: { domein: 'Fysiek Domein', id: '2', eTag: '"rij-2,1"' },
    });
    expect(open?.voortgang).toBeUndefined();
    expect(ruimte.blocked.map((b) => [b.nummer, b.reden])).toEqual([['1.1', 'Wacht op de architect']]);
    expect(ruimte.overdue.map((o) => [o.nummer, o.dagenTeLaat])).toEqual([['1.1', 13]]);
  });

  it('a domain without a row of its own follows the action, and its card will create the row (no row id)', () => {
    const agenda = composeAgenda(
      input({ key: 'mt-b', naam: 'MT Bedrijfsvoering', domeinen: ['Bedrijfsvoering'] }, ROWS),
    );
    const [open] = agenda.openActies;
    // The domain follows the action as the plan shows it (its roll-up, Geblokkeerd through Fysiek Domein), with its owner and deadline.
    expect(open).toMatchObject({
      status: 'Geblokkeerd',
      eigenaar: { displayName: 'CIO' },
      deadline: '2026-11-20',
      rij: { domein: 'Bedrijfsvoering' },
    });
    expect(open?.rij?.id).toBeUndefined();
    expect(agenda.withoutOwner).toEqual([]);
  });

  it('a row without an owner is without owner on the domain’s agenda (the action’s owner is someone else’s person)', () => {
    const agenda = composeAgenda(
      input({ key: 'mt-d', naam: 'MT Dienstverlening', domeinen: ['Dienstverlening'] }, ROWS),
    );
    expect(agenda.withoutOwner.map((a) => [a.nummer, a.rij?.domein])).toEqual([['1.1', 'Dienstverlening']]);
  });

  it('the CMT sees the roll-up with the breakdown "1 van 4"', () => {
    const cmtPlan = {
      ...input(CMT, ROWS),
      acties: [
        {
          id: '7',
          eTag: '"actie-7,3"',
          value: actieWithRollUp(
            { ...gedeeld(), domeinen: [...BUSINESS, 'Concern'] },
            ROWS.map((r) => r.value),
          ),
        },
      ],
    };
    const agenda = composeAgenda(cmtPlan);
    const [open] = agenda.openActies;
    expect(open).toMatchObject({
      status: 'Geblokkeerd',
      eigenaar: { displayName: 'CIO' },
      voortgang: { afgerond: 1, totaal: 5 },
    });
    expect(open?.rij).toBeUndefined();
  });

  it('the CMT sees a shared action without an owner of its own as carried per domain, "zonder eigenaar" only while a domain has none', () => {
    // The CMT's agenda holds the actions that carry the concern domain.
    const { eigenaar: _cio, ...rest } = gedeeld('Loopt');
    const zonder: Actie = { ...rest, domeinen: [...BUSINESS, 'Concern'] };
    const owned = [...BUSINESS, 'Concern' as const].map((domein, i) =>
      rij(String(i + 1), { domein, status: 'Loopt', eigenaar: { displayName: `IM ${domein}` } }),
    );
    const all = composeAgenda(input(CMT, owned, zonder));
    expect(all.openActies[0]).toMatchObject({ nummer: '1.1', eigenaarPerDomein: { belegd: 5, totaal: 5 } });
    expect(all.openActies[0]?.eigenaar).toBeUndefined();
    expect(all.withoutOwner).toEqual([]);

    // One domain's row has no owner: the action is still to be carried there.
    const four = owned.map((r, i) => (i === 3 ? rij(r.id, { domein: r.value.domein, status: 'Loopt' }) : r));
    const partly = composeAgenda(input(CMT, four, zonder));
    expect(partly.withoutOwner.map((a) => [a.nummer, a.eigenaarPerDomein])).toEqual([
      ['1.1', { belegd: 4, totaal: 5 }],
    ]);
    // With an owner of its own (the CIO), the action is carried and says so by name.
    const cio = composeAgenda(input(CMT, four, { ...zonder, eigenaar: { displayName: 'CIO' } }));
    expect(cio.withoutOwner).toEqual([]);
    expect(cio.openActies[0]?.eigenaarPerDomein).toBeUndefined();
    // A domain MT sees its own row, not the breakdown.
    const fysiek = composeAgenda(input(FYSIEK, owned, zonder));
    expect(fysiek.openActies[0]).toMatchObject({ eigenaar: { displayName: 'IM Fysiek Domein' } });
    expect(fysiek.openActies[0]?.eigenaarPerDomein).toBeUndefined();
  });

  it('without rows nothing changes: no row, no breakdown, the action as stored', () => {
    const agenda = composeAgenda(input(FYSIEK, []));
    expect(agenda.openActies).toEqual([
      {
        id: '7',
        eTag: '"actie-7,3"',
        nummer: '1.1',
        titel: 'Visie en roadmap per business domein',
        status: 'Niet gestart',
        eigenaar: { displayName: 'CIO' },
        deadline: '2026-11-20',
        rij: { domein: 'Fysiek Domein' },
      },
    ]);
    const cmt = composeAgenda({
      ...input(CMT, []),
      acties: [{ id: '7', eTag: '"e"', value: { ...gedeeld(), domeinen: ['Concern', 'Fysiek Domein'] } }],
    });
    expect(cmt.openActies[0]?.voortgang).toBeUndefined();
  });

  it('the snapshot holds what the MT saw, so "changed since" compares the domain’s own row', () => {
    const before = snapshotOf(input(FYSIEK, ROWS));
    expect(before.acties['7']).toMatchObject({
      status: 'Geblokkeerd',
      eigenaar: 'IM Fysiek Domein',
      deadline: '2026-11-10',
    });
    // Sociaal Domein reopens its row: Fysiek Domein's agenda does not change.
    const other = ROWS.map((r) => (r.id === '1' ? rij('1', { ...r.value, status: 'Loopt' }) : r));
    expect(composeAgenda({ ...input(FYSIEK, other), previous: before }).changedSinceLastMeeting).toEqual([]);
    // Fysiek Domein moves on: its agenda says so.
    const moved = ROWS.map((r) =>
      r.id === '2' ? rij('2', { ...r.value, status: 'Loopt', statusToelichting: undefined }) : r,
    );
    const changed = composeAgenda({ ...input(FYSIEK, moved), previous: before }).changedSinceLastMeeting;
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      kind: 'changed',
      changes: [{ field: 'status', from: 'Geblokkeerd', to: 'Loopt' }, { field: 'statusToelichting' }],
    });
  });
});
