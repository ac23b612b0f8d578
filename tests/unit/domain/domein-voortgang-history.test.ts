import { describe, expect, it } from 'vitest';
import {
  domeinVoortgangAt,
  withDomeinVoortgangHistory,
  revisionAt,
  type DomeinVoortgangHistory,
} from '../../../src/domain/domein-voortgang-history.js';
import type { DomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import type { Actie, Domein } from '../../../src/domain/model.js';
import {
  actiesAtDate,
  endOfDay,
  planAt,
  statusChanges,
  trendPerMonth,
  type ActieHistory,
} from '../../../src/domain/report.js';

const SD: Domein = 'Sociaal Domein';
const FD: Domein = 'Fysiek Domein';
const DV: Domein = 'Dienstverlening';

function actie(overrides: Partial<Actie> = {}): Actie {
  return {
    nummer: '1.1',
    titel: 'Ontwikkelen gemeenschappelijke visie en roadmap per business domein',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: [SD, FD],
    status: 'Niet gestart',
    afhankelijkVan: [],
    bevindingen: [],
    ...overrides,
  };
}

function rij(domein: Domein, overrides: Partial<DomeinVoortgang> = {}): DomeinVoortgang {
  return { actie: '1.1', domein, status: 'Niet gestart', ...overrides };
}

/** 1.1 created on 15 Jan 2025 (10:00 Amsterdam), its rows the same second. */
const CREATED = '2025-01-15T09:00:00Z';
const actie11: ActieHistory = { id: '1', revisions: [{ modified: CREATED, value: actie() }] };

function rijHistorie(id: string, ...revisions: [string, DomeinVoortgang][]): DomeinVoortgangHistory {
  return { id, revisions: revisions.map(([modified, value]) => ({ modified, value })) };
}

const statusOn = (histories: readonly ActieHistory[], date: string): string | undefined =>
  planAt(histories, endOfDay(date)).find((a) => a.value.nummer === '1.1')?.value.status;

describe('revisionAt', () => {
  const revisions = [
    { modified: '2025-03-01T10:00:00Z', v: 'a' },
    { modified: '2025-03-02T10:00:00Z', v: 'b' },
    { modified: '2025-03-02T10:00:00Z', v: 'c' },
    { modified: 'not a date', v: 'd' },
  ];
  it('takes the version saved at exactly the instant, and none before the first', () => {
    expect(revisionAt(revisions, new Date('2025-03-01T10:00:00Z'))?.v).toBe('a');
    expect(revisionAt(revisions, new Date('2025-03-01T09:59:59.999Z'))).toBeUndefined();
  });
  it('lets the later of two versions of the same instant win, and never counts an unreadable instant', () => {
    expect(revisionAt(revisions, new Date('2030-01-01T00:00:00Z'))?.v).toBe('c');
    expect(revisionAt([revisions[3]!], new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
  });
  it('does not depend on the order of the list except for equal instants', () => {
    expect(revisionAt([...revisions].reverse(), new Date('2025-03-01T12:00:00Z'))?.v).toBe('a');
  });
});

describe('domeinVoortgangAt', () => {
  const h = rijHistorie('7', [CREATED, rij(SD)], ['2025-03-10T09:00:00Z', rij(SD, { status: 'Loopt' })]);
  it('gives each row as it was, and leaves out a row not yet created or without versions', () => {
    expect(domeinVoortgangAt([h], new Date('2025-01-15T08:59:59Z'))).toEqual([]);
    expect(domeinVoortgangAt([h], new Date('2025-03-01T00:00:00Z'))).toEqual([rij(SD)]);
    expect(domeinVoortgangAt([h, { id: '8', revisions: [] }], new Date('2025-03-10T09:00:00Z'))).toEqual([
      rij(SD, { status: 'Loopt' }),
    ]);
  });
});

describe('withDomeinVoortgangHistory: the roll-up of a past date', () => {
  const rijSD = rijHistorie(
    '10',
    [CREATED, rij(SD)],
    ['2025-02-10T09:00:00Z', rij(SD, { status: 'Loopt' })],
    ['2025-04-01T09:00:00Z', rij(SD, { status: 'Afgerond' })],
  );
  const rijFD = rijHistorie('11', [CREATED, rij(FD)], ['2025-05-01T09:00:00Z', rij(FD, { status: 'Afgerond' })]);
  const merged = withDomeinVoortgangHistory([actie11], [rijSD, rijFD]);

  it('shows on each date the roll-up of the rows of that date, though the action itself was never written', () => {
    expect(statusOn(merged, '2025-01-20')).toBe('Niet gestart');
    expect(statusOn(merged, '2025-02-10')).toBe('Loopt');
    // Sociaal Domein finished, Fysiek Domein not started: the action as a whole is under way.
    expect(statusOn(merged, '2025-04-15')).toBe('Loopt');
    expect(statusOn(merged, '2025-05-01')).toBe('Afgerond');
    // Without the rows the history shows the action's stored status on every date.
    expect(statusOn([actie11], '2025-05-01')).toBe('Niet gestart');
  });

  it('counts a row saved on the report date itself, in Amsterdam time, and not one saved a moment later', () => {
    // 31 Mar 23:59:59.999 CEST is 21:59:59.999Z: the last instant of 31 March.
    const atEnd = rijHistorie('10', [CREATED, rij(SD)], ['2025-03-31T21:59:59.999Z', rij(SD, { status: 'Loopt' })]);
    const after = rijHistorie('10', [CREATED, rij(SD)], ['2025-03-31T22:00:00.000Z', rij(SD, { status: 'Loopt' })]);
    expect(statusOn(withDomeinVoortgangHistory([actie11], [atEnd]), '2025-03-31')).toBe('Loopt');
    // 1 April 00:00 in Amsterdam: the next day, although it is still 31 March in UTC.
    expect(statusOn(withDomeinVoortgangHistory([actie11], [after]), '2025-03-31')).toBe('Niet gestart');
    expect(statusOn(withDomeinVoortgangHistory([actie11], [after]), '2025-04-01')).toBe('Loopt');
    // In winter Amsterdam is UTC+1: 23:30Z on 15 Jan is 16 Jan 00:30 in Amsterdam, not the 15th.
    const winter = rijHistorie('10', [CREATED, rij(SD)], ['2025-01-15T23:30:00Z', rij(SD, { status: 'Loopt' })]);
    const early = withDomeinVoortgangHistory([actie11], [winter]);
    expect(statusOn(early, '2025-01-15')).toBe('Niet gestart');
    expect(statusOn(early, '2025-01-16')).toBe('Loopt');
  });

  it('lets a row created after the date not exist then: its domain follows the action', () => {
    const late = rijHistorie('12', [
      '2025-06-01T09:00:00Z',
      rij(SD, { status: 'Geblokkeerd', statusToelichting: 'x' }),
    ]);
    const withLate = withDomeinVoortgangHistory([actie11], [late]);
    expect(statusOn(withLate, '2025-05-31')).toBe('Niet gestart');
    expect(statusOn(withLate, '2025-06-01')).toBe('Geblokkeerd');
    // The blocked domain's reason travels with the roll-up on that date.
    expect(planAt(withLate, endOfDay('2025-06-01'))[0]?.value.statusToelichting).toBe('Sociaal Domein: x');
  });

  it('treats a row without versions (deleted, its versions gone) as never there', () => {
    const deleted: DomeinVoortgangHistory = { id: '13', revisions: [] };
    expect(withDomeinVoortgangHistory([actie11], [deleted])).toEqual([actie11]);
    expect(withDomeinVoortgangHistory([actie11], [deleted])[0]).toBe(actie11);
  });

  it('keeps an action without rows as the same object, and an action without versions as it is', () => {
    const other: ActieHistory = { id: '2', revisions: [{ modified: CREATED, value: actie({ nummer: '2.1' }) }] };
    const none: ActieHistory = { id: '3', revisions: [] };
    const out = withDomeinVoortgangHistory([other, none], [rijSD]);
    expect(out[0]).toBe(other);
    expect(out[1]).toBe(none);
  });

  it('uses the domains of the date: a row of a domain the action did not yet carry does not count', () => {
    // 1.1 carries only Sociaal Domein and Fysiek Domein until 1 March, then also Dienstverlening.
    const h: ActieHistory = {
      id: '1',
      revisions: [
        { modified: CREATED, value: actie() },
        { modified: '2025-03-01T09:00:00Z', value: actie({ domeinen: [SD, FD, DV] }) },
      ],
    };
    const dv = rijHistorie('14', ['2025-02-01T09:00:00Z', rij(DV, { status: 'Geblokkeerd', statusToelichting: 'y' })]);
    const out = withDomeinVoortgangHistory([h], [dv]);
    expect(statusOn(out, '2025-02-15')).toBe('Niet gestart');
    expect(statusOn(out, '2025-03-01')).toBe('Geblokkeerd');
  });

  it('ignores rows of other actions and a row saved before its action existed', () => {
    const other = rijHistorie('15', [CREATED, rij(SD, { actie: '2.1', status: 'Afgerond' })]);
    const early = rijHistorie('16', ['2025-01-01T09:00:00Z', rij(SD, { status: 'Loopt' })]);
    const out = withDomeinVoortgangHistory([actie11], [other, early]);
    expect(out[0]!.revisions.map((r) => r.modified)).toEqual([CREATED]);
    expect(statusOn(out, '2025-01-15')).toBe('Loopt');
    expect(statusOn(out, '2025-01-14')).toBeUndefined();
  });

  it('has one revision per instant, in time order, carrying the action version current then', () => {
    type Labelled = ActieHistory['revisions'][number] & { versionId: string };
    const labelled: { id: string; revisions: Labelled[] }[] = [
      {
        id: '1',
        revisions: [
          { modified: CREATED, value: actie(), versionId: '1.0' },
          { modified: '2025-03-01T09:00:00Z', value: actie({ titel: 'Nieuw' }), versionId: '2.0' },
        ],
      },
    ];
    const out = withDomeinVoortgangHistory(labelled, [rijSD]);
    expect(out[0]!.revisions.map((r) => [r.modified, r.versionId, r.value.status, r.value.titel])).toEqual([
      [CREATED, '1.0', 'Niet gestart', actie().titel],
      ['2025-02-10T09:00:00Z', '1.0', 'Loopt', actie().titel],
      ['2025-03-01T09:00:00Z', '2.0', 'Loopt', 'Nieuw'],
      ['2025-04-01T09:00:00Z', '2.0', 'Loopt', 'Nieuw'],
    ]);
  });

  it('keeps a retired action out after its retirement, whatever its rows say', () => {
    const h: ActieHistory = {
      id: '1',
      revisions: [
        { modified: CREATED, value: actie() },
        { modified: '2025-03-01T09:00:00Z', value: actie({ vervallen: true, vervallenReden: 'Opgegaan in 1.2' }) },
      ],
    };
    const out = withDomeinVoortgangHistory([h], [rijSD]);
    expect(statusOn(out, '2025-02-28')).toBe('Loopt');
    expect(statusOn(out, '2025-04-15')).toBeUndefined();
  });

  it('feeds the report: a past date and the trend see the roll-up, today the live plan, and a row change is a development', () => {
    const live = [{ id: '1', value: actie({ status: 'Afgerond' }) }];
    const now = new Date('2025-06-02T10:00:00Z');
    expect(actiesAtDate({ live, histories: merged, peildatum: '2025-02-28', now })[0]?.value.status).toBe('Loopt');
    expect(actiesAtDate({ live, histories: merged, peildatum: '2025-06-02', now })[0]?.value.status).toBe('Afgerond');
    const trend = trendPerMonth(merged, '2025-05-31');
    expect(trend.map((p) => [p.maand, p.counts.afgerond, p.counts.lopend, p.counts.nietGestart])).toEqual([
      ['2025-01', 0, 0, 1],
      ['2025-02', 0, 1, 0],
      ['2025-03', 0, 1, 0],
      ['2025-04', 0, 1, 0],
      ['2025-05', 1, 0, 0],
    ]);
    const changes = statusChanges(merged, new Date('2025-01-31T00:00:00Z'), new Date('2025-05-31T00:00:00Z'));
    expect(changes.map((c) => [c.op, c.van, c.naar])).toEqual([
      ['2025-02-10T09:00:00Z', 'Niet gestart', 'Loopt'],
      ['2025-05-01T09:00:00Z', 'Loopt', 'Afgerond'],
    ]);
  });
});
