import { describe, expect, it } from 'vitest';
import { planCounts } from '../../../src/domain/counts.js';
import { amsterdamDate } from '../../../src/domain/dates.js';
import {
  activeFilterCount,
  buildEntries,
  DEFAULT_QUERY,
  filterRows,
  groupRows,
  queryFromParams,
  queryToParams,
  sortRows,
  type ListQuery,
} from '../../../src/tab/features/actionplan/lib/list-query.js';
import { deriveRows, NO_OWNER, PER_DOMEIN_OWNER } from '../../../src/tab/lib/plan/derive.js';
import { largePlan, NOW, seededPlan, westerveldPlan } from './fixtures.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import { zoetermeerDomeinVoortgang } from '../../../src/domain/plan/zoetermeer.js';

const rows = deriveRows(seededPlan(), NOW);
const today = amsterdamDate(NOW);
const nummers = (list: { actie: { nummer: string } }[]) => list.map((r) => r.actie.nummer);
const query = (patch: Partial<ListQuery['filters']> = {}, rest: Partial<ListQuery> = {}): ListQuery => ({
  ...DEFAULT_QUERY,
  ...rest,
  filters: { ...DEFAULT_QUERY.filters, ...patch },
});

type ActieValue = ReturnType<typeof seededPlan>['acties'][number]['value'];

/** The seeded plan with `every` change on each action and `byNummer`'s on the numbered ones. */
function seededWith(byNummer: Record<string, Partial<ActieValue>>, every: Partial<ActieValue> = {}) {
  const plan = seededPlan();
  return {
    ...plan,
    acties: plan.acties.map((a) => ({ ...a, value: { ...a.value, ...every, ...byNummer[a.value.nummer] } })),
  };
}

describe('the list query in the URL', () => {
  it('round-trips every filter, the sort and the grouping', () => {
    const q = query(
      {
        status: ['Loopt', 'Geblokkeerd'],
        advies: [2, 11],
        plateau: ['Verbeteren'],
        thema: ['B'],
        domein: ['Sociaal Domein'],
        eigenaar: ['12', ''],
        due: 'achterstallig',
        problemen: true,
        wacht: true,
        vast: true,
        q: 'MT',
      },
      { sort: { key: 'deadline', dir: 'desc' }, group: 'eigenaar' },
    );
    expect(queryFromParams(queryToParams(q))).toEqual(q);
  });
  it('round-trips a deadline window up to a date (the card\'s "Deadline tot en met" link), in place of a due window', () => {
    const q = query({ tot: '2026-12-01' }, { sort: { key: 'deadline', dir: 'asc' } });
    expect(queryToParams(q).toString()).toBe('tot=2026-12-01&sort=deadline%3Aasc');
    expect(queryFromParams(queryToParams(q))).toEqual(q);
    // The date takes the window's place: a link with both keeps the date.
    expect(queryFromParams(new URLSearchParams('tot=2026-12-01&due=achterstallig')).filters).toMatchObject({
      tot: '2026-12-01',
      due: 'alle',
    });
    for (const bad of ['2026-02-30', '1-12-2026', '<script>', ''])
      expect(queryFromParams(new URLSearchParams({ tot: bad })).filters.tot, bad).toBeUndefined();
  });
  it('leaves defaults out of the URL', () => {
    expect(queryToParams(DEFAULT_QUERY).toString()).toBe('');
  });
  it('drops values it does not know instead of trusting the URL', () => {
    const q = queryFromParams(
      new URLSearchParams('status=Loopt,Kapot&plateau=<script>&due=ooit&sort=evil:desc&group=x&advies=-1,abc,3'),
    );
    expect(q.filters.status).toEqual(['Loopt']);
    expect(q.filters.plateau).toEqual([]);
    expect(q.filters.due).toBe('alle');
    expect(q.filters.advies).toEqual([3]);
    expect(q.sort).toEqual({ key: 'nummer', dir: 'desc' });
    expect(q.group).toBe('geen');
  });
});

describe('filtering', () => {
  it('filters by status', () => {
    expect(nummers(filterRows(rows, query({ status: ['Niet overgenomen'] }).filters, today))).toEqual(['2.1']);
  });
  it('filters by domain: an action in several domains matches each of them', () => {
    const sociaal = nummers(filterRows(rows, query({ domein: ['Sociaal Domein'] }).filters, today));
    expect(sociaal).toEqual(['1.1', '3.3', '5.1', '6.1', '6.2', '7.1', '7.2', '11.5']);
  });
  it('filters by theme and plateau together', () => {
    const result = filterRows(rows, query({ thema: ['C'], plateau: ['Randvoorwaardelijk'] }).filters, today);
    expect(nummers(result)).toEqual(['10.1', '10.2', '11.3', '11.5']);
  });
  it('filters by owner, including "no owner"', () => {
    const none = filterRows(rows, query({ eigenaar: [''] }).filters, today);
    expect(none.every((r) => r.actie.eigenaar === undefined)).toBe(true);
    expect(none.length).toBeGreaterThan(0);
  });
  it('filters on the due window "overdue" with the domain rule (open and past the deadline, Amsterdam time)', () => {
    const overdue = filterRows(rows, query({ due: 'achterstallig' }).filters, today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.overdue)).toBe(true);
    expect(nummers(overdue)).not.toContain('2.1'); // not taken up: never overdue
  });
  it('searches every word in number, title, owner and notes, ignoring case', () => {
    expect(nummers(filterRows(rows, query({ q: 'LEERAGENDA' }).filters, today))).toEqual(['8.3', '8.4']);
    expect(nummers(filterRows(rows, query({ q: 'leeragenda structurele' }).filters, today))).toEqual(['8.4']);
    expect(filterRows(rows, query({ q: 'bestaat-niet' }).filters, today)).toEqual([]);
  });
  it('finds items with read problems', () => {
    const withProblem = rows.map((r, i) =>
      i === 3
        ? { ...r, item: { ...r.item, problems: [{ field: 'Status', message: "Onbekende waarde 'Bezig' in Status." }] } }
        : r,
    );
    expect(nummers(filterRows(withProblem, query({ problemen: true }).filters, today))).toEqual([
      rows[3]?.actie.nummer,
    ]);
  });
});

describe('waiting on another action', () => {
  it('finds exactly the actions planCounts counts as waiting, and none that is Geblokkeerd itself', () => {
    const plan = seededPlan();
    const dep = plan.acties.find((a) => a.value.nummer === '1.1')!;
    const waiting = plan.acties.find((a) => a.value.nummer === '1.2')!;
    const blocked = plan.acties.find((a) => a.value.nummer === '2.2')!;
    const changed = {
      ...plan,
      acties: plan.acties.map((a) =>
        a === dep
          ? { ...a, value: { ...a.value, status: 'Loopt' as const } }
          : a === waiting
            ? { ...a, value: { ...a.value, status: 'Niet gestart' as const, afhankelijkVan: ['1.1'] } }
            : a === blocked
              ? { ...a, value: { ...a.value, status: 'Geblokkeerd' as const, afhankelijkVan: ['1.1'] } }
              : a,
      ),
    };
    const all = deriveRows(changed, NOW);
    const found = filterRows(all, query({ wacht: true }).filters, today);
    expect(nummers(found)).toContain('1.2');
    expect(nummers(found)).not.toContain('2.2');
    expect(found).toHaveLength(
      planCounts(
        all.map((r) => r.actie),
        NOW,
      ).wachtOp,
    );
    expect(queryFromParams(new URLSearchParams('wacht=1')).filters.wacht).toBe(true);
  });

  it('vast=1 (the card\'s "Geblokkeerd of wachtend" link) finds the Geblokkeerd and the waiting actions together', () => {
    const changed = seededWith({
      '1.1': { status: 'Loopt' },
      '1.2': { status: 'Niet gestart', afhankelijkVan: ['1.1'] },
      '2.2': { status: 'Geblokkeerd', afhankelijkVan: [] },
      '2.1': { status: 'Afgerond', afhankelijkVan: ['1.1'] },
    });
    const all = deriveRows(changed, NOW);
    // The card's link asks for `vast=1` (next to its MT's domains).
    const everyDomain = queryFromParams(new URLSearchParams('vast=1'));
    expect(everyDomain.filters.vast).toBe(true);
    const found = nummers(filterRows(all, everyDomain.filters, today));
    expect(found).toContain('1.2');
    expect(found).toContain('2.2');
    // A closed action that depends on an open one waits on nothing.
    expect(found).not.toContain('2.1');
    const counts = planCounts(
      all.map((r) => r.actie),
      NOW,
    );
    expect(found).toHaveLength(counts.geblokkeerd + counts.wachtOp);
    expect(counts.geblokkeerd).toBeGreaterThan(0);
    expect(counts.wachtOp).toBeGreaterThan(0);
    // What the old link asked for (status=Geblokkeerd) leaves the waiting action out; with wacht=1 too it finds nothing.
    expect(
      nummers(filterRows(all, queryFromParams(new URLSearchParams('status=Geblokkeerd')).filters, today)),
    ).not.toContain('1.2');
    expect(filterRows(all, queryFromParams(new URLSearchParams('status=Geblokkeerd&wacht=1')).filters, today)).toEqual(
      [],
    );
    expect(queryToParams(everyDomain).toString()).toBe('vast=1');
  });

  it('vast=1 leaves out what is not vast: a closed action (Niet overgenomen) and retired ones, even when shown', () => {
    const changed = seededWith({
      '1.1': { status: 'Loopt' },
      // Not taken up while its dependency is still open: it waits on nothing.
      '1.2': { status: 'Niet overgenomen', afhankelijkVan: ['1.1'] },
      // Retired while Geblokkeerd, and retired while waiting: both left the counts and the agendas.
      '2.1': { status: 'Geblokkeerd', afhankelijkVan: [], vervallen: true, vervallenReden: 'x' },
      '2.2': { status: 'Niet gestart', afhankelijkVan: ['1.1'], vervallen: true, vervallenReden: 'x' },
      // The two that are vast.
      '3.1': { status: 'Geblokkeerd', afhankelijkVan: [] },
      '3.2': { status: 'Belegd in lopend traject', afhankelijkVan: ['1.1'] },
    });
    // Every row, retired ones included, as the list has them with "Toon vervallen" on.
    const all = deriveRows(changed, NOW);
    expect(all.filter((r) => r.actie.vervallen).map((r) => r.actie.nummer)).toEqual(['2.1', '2.2']);
    const found = nummers(filterRows(all, query({ vast: true }).filters, today));
    expect(found).toContain('3.1');
    expect(found).toContain('3.2');
    for (const notVast of ['1.2', '2.1', '2.2']) expect(found).not.toContain(notVast);
    const active = all.filter((r) => !r.actie.vervallen).map((r) => r.actie);
    const counts = planCounts(active, NOW);
    expect(found).toHaveLength(counts.geblokkeerd + counts.wachtOp);
  });
});

describe('a deadline up to a date (tot)', () => {
  it('finds what the agenda card lists under "Deadline tot en met": open, not overdue, due by that day', () => {
    // NOW is 20 November 2026; the next meeting is on 1 December.
    const changed = seededWith(
      {
        '1.1': { status: 'Loopt', deadline: '2026-11-20' },
        '1.2': { status: 'Niet gestart', deadline: '2026-12-01' },
        '2.1': { status: 'Loopt', deadline: '2026-11-19' },
        '2.2': { status: 'Loopt', deadline: '2026-12-02' },
        '3.1': { status: 'Afgerond', deadline: '2026-11-25' },
        '3.2': { status: 'Loopt', deadline: '2026-11-25', vervallen: true, vervallenReden: 'x' },
        '4.1': { status: 'Geblokkeerd', deadline: '2026-11-30' },
        // A standing commitment ("… en verder") that runs: its deadline no longer applies, so it is never due.
        '11.5': { status: 'Loopt', deadline: '2025-12-31' },
      },
      { deadline: '2027-06-30' },
    );
    const all = deriveRows(changed, NOW);
    const found = nummers(filterRows(all, queryFromParams(new URLSearchParams('tot=2026-12-01')).filters, today));
    // Due today and on the meeting's day count; yesterday's is overdue (its own section), the day after is not due.
    expect(found).toEqual(['1.1', '1.2', '4.1']);
    expect(activeFilterCount(query({ tot: '2026-12-01' }).filters)).toBe(1);
  });
});

describe('sorting and grouping', () => {
  it('sorts action numbers naturally (2.9 before 2.10)', () => {
    const sorted = sortRows([...rows].reverse(), { key: 'nummer', dir: 'asc' });
    expect(nummers(sorted).slice(0, 4)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(nummers(sorted).at(-1)).toBe('11.6');
  });
  it('puts actions without a deadline last in both directions', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sorted = sortRows(rows, { key: 'deadline', dir });
      const firstMissing = sorted.findIndex((r) => !r.actie.deadline);
      expect(sorted.slice(firstMissing).every((r) => !r.actie.deadline)).toBe(true);
    }
    const asc = sortRows(rows, { key: 'deadline', dir: 'asc' }).filter((r) => r.actie.deadline);
    expect(asc[0]?.actie.deadline).toBe('2025-06-30');
  });
  it('groups by status in the order of the life cycle, and counts each group', () => {
    const groups = groupRows(sortRows(rows, DEFAULT_QUERY.sort), 'status');
    expect(groups.map((g) => g.key)).toEqual(['Niet gestart', 'Loopt', 'Belegd in lopend traject', 'Niet overgenomen']);
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(33);
  });
  it('flattens groups for the virtualised grid and hides the rows of a collapsed group', () => {
    const open = buildEntries(rows, query({}, { group: 'plateau' }), today);
    expect(open.entries.filter((e) => e.kind === 'group')).toHaveLength(4);
    const collapsed = buildEntries(rows, query({}, { group: 'plateau' }), today, new Set(['Randvoorwaardelijk']));
    expect(collapsed.entries.length).toBe(open.entries.length - 9);
    expect(collapsed.matched).toHaveLength(33);
  });
});

describe("another municipality's set-up (Westerveld): filters, sort and groups follow it", () => {
  const W = WESTERVELD_INRICHTING;
  const wRows = deriveRows(westerveldPlan(), NOW);
  const keys = (groups: { key: string }[]) => groups.map((g) => g.key);

  it("reads Westerveld's plateaus, themes and domains from a link, and drops Zoetermeer's", () => {
    const params = new URLSearchParams(
      'plateau=Basis op orde,Randvoorwaardelijk&thema=S,A&domein=Ruimte,Sociaal Domein,Gemeentebreed',
    );
    const q = queryFromParams(params, W);
    expect(q.filters.plateau).toEqual(['Basis op orde']);
    expect(q.filters.thema).toEqual(['S']);
    expect(q.filters.domein).toEqual(['Ruimte', 'Gemeentebreed']);
    // Without the set-up the same link keeps Zoetermeer's values only.
    const z = queryFromParams(params);
    expect([z.filters.plateau, z.filters.thema, z.filters.domein]).toEqual([
      ['Randvoorwaardelijk'],
      ['A'],
      ['Sociaal Domein'],
    ]);
    const round = query({ plateau: ['Voorop lopen'], thema: ['L'], domein: ['Veiligheid'] });
    expect(queryFromParams(queryToParams(round), W)).toEqual(round);
  });

  it('filters on a Westerveld domain, plateau and theme (the theme from the advies, or from the set-up)', () => {
    expect(nummers(filterRows(wRows, query({ domein: ['Ruimte'] }).filters, today))).toEqual(['2.1', '3.3']);
    expect(nummers(filterRows(wRows, query({ plateau: ['Voorop lopen'] }).filters, today))).toEqual([
      '2.2',
      '3.2',
      '3.3',
    ]);
    expect(nummers(filterRows(wRows, query({ thema: ['L'] }).filters, today))).toEqual(['3.1', '3.2', '3.3']);
    // An action whose advies is not in the plan takes its theme from the set-up's adviezen per theme.
    const plan = westerveldPlan();
    const zonderAdvies = deriveRows({ ...plan, adviezen: plan.adviezen.filter((a) => a.value.nummer !== 3) }, NOW);
    expect(nummers(filterRows(zonderAdvies, query({ thema: ['L'] }).filters, today))).toEqual(['3.1', '3.2', '3.3']);
  });

  it("sorts by plateau in Westerveld's roadmap order, not alphabetically and not as unknown values", () => {
    expect(nummers(sortRows(wRows, { key: 'plateau', dir: 'asc' }, W))).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '3.1',
      '2.2',
      '3.2',
      '3.3',
    ]);
    expect(nummers(sortRows(wRows, { key: 'plateau', dir: 'desc' }, W)).slice(0, 3)).toEqual(['2.2', '3.2', '3.3']);
    // With Zoetermeer's order every Westerveld plateau is unknown: only the number decides.
    expect(nummers(sortRows(wRows, { key: 'plateau', dir: 'asc' }))).toEqual(nummers(wRows));
  });

  it("groups by domain, plateau and theme in the set-up's order", () => {
    expect(keys(groupRows(wRows, 'domein', W))).toEqual([
      'Ruimte',
      'Samenleving',
      'Publiekszaken',
      'Middelen',
      'Veiligheid',
      'Gemeentebreed',
    ]);
    expect(keys(groupRows(wRows, 'domein'))).toEqual([
      'Gemeentebreed',
      'Middelen',
      'Publiekszaken',
      'Ruimte',
      'Samenleving',
      'Veiligheid',
    ]);
    expect(keys(groupRows(wRows, 'thema', W))).toEqual(['S', 'L']);
    expect(keys(groupRows(wRows, 'plateau', W))).toEqual(['Basis op orde', 'Doorontwikkelen', 'Voorop lopen']);
    const { entries } = buildEntries(wRows, query({}, { group: 'thema' }), today, new Set(['S']), W);
    expect(entries.map((e) => (e.kind === 'group' ? `${e.key}:${e.count}` : e.row.actie.nummer))).toEqual([
      'S:4',
      'L:3',
      '3.1',
      '3.2',
      '3.3',
    ]);
  });
});

describe('at scale', () => {
  it('derives, filters, sorts and groups 5,000 actions', () => {
    const plan = largePlan(5000);
    const started = performance.now();
    const big = deriveRows(plan, NOW);
    const { entries, matched } = buildEntries(
      big,
      query(
        { status: ['Niet gestart', 'Loopt'], q: 'portfolio' },
        { sort: { key: 'deadline', dir: 'asc' }, group: 'eigenaar' },
      ),
      today,
    );
    const elapsed = performance.now() - started;
    expect(big).toHaveLength(5000);
    expect(matched.length).toBeGreaterThan(0);
    expect(entries.length).toBeGreaterThan(matched.length);
    // Reported for the benchmark; tests never assert on time (docs/decisions.md).
    console.info(`derive + filter + sort + group of 5,000 actions: ${elapsed.toFixed(1)} ms`);
  });
});

/** The seeded plan with Zoetermeer's rows per domain of the shared actions (1.1's with an informatiemanager each). */
function seededWithRows() {
  return {
    ...seededPlan(),
    domeinVoortgang: zoetermeerDomeinVoortgang.map((value, i) => ({
      id: `r${i + 1}`,
      eTag: `"r${i + 1},1"`,
      problems: [],
      value,
    })),
  };
}

describe('a shared action its domains carry, on the roll-up', () => {
  it("1.1 (an informatiemanager on each business domain's row) is carried per domain, not without owner", () => {
    const plan = seededWithRows();
    const r11 = deriveRows(plan, NOW).find((r) => r.actie.nummer === '1.1');
    expect(r11?.actie.eigenaar).toBeUndefined();
    expect(r11?.eigenaarPerDomein).toEqual({ belegd: 4, totaal: 4 });
    expect(r11?.ownerKey).toBe(PER_DOMEIN_OWNER);
    const q = (eigenaar: string[]) => nummers(filterRows(deriveRows(plan, NOW), query({ eigenaar }).filters, today));
    expect(q([NO_OWNER])).not.toContain('1.1');
    expect(q([PER_DOMEIN_OWNER])).toEqual(['1.1']);
    // Grouped and sorted by owner: people first, then the actions their domains carry, then those without one.
    const keys = groupRows(sortRows(deriveRows(plan, NOW), { key: 'eigenaar', dir: 'asc' }), 'eigenaar').map(
      (g) => g.key,
    );
    expect(keys.slice(-2)).toEqual([PER_DOMEIN_OWNER, NO_OWNER]);
    // Sorted by the owner column, in either direction: 1.1 right after the people, before every action without one,
    // also when its number would put it among them.
    for (const dir of ['asc', 'desc'] as const) {
      const renumbered = deriveRows(plan, NOW).map((r) =>
        r.actie.nummer === '1.1' ? { ...r, actie: { ...r.actie, nummer: '99.9' } } : r,
      );
      const sorted = sortRows(renumbered, { key: 'eigenaar', dir });
      const first = sorted.findIndex((r) => r.ownerKey === NO_OWNER);
      expect(sorted[first - 1]?.ownerKey, dir).toBe(PER_DOMEIN_OWNER);
    }
  });

  it('is without owner while a domain has none, and shows its own row in one domain’s projection', () => {
    const plan = seededWithRows();
    const partly = {
      ...plan,
      domeinVoortgang: plan.domeinVoortgang.map((r) =>
        r.value.actie === '1.1' && r.value.domein === 'Fysiek Domein'
          ? { ...r, value: { ...r.value, eigenaar: undefined } }
          : r,
      ),
    };
    const row = deriveRows(partly, NOW).find((r) => r.actie.nummer === '1.1');
    expect(row?.eigenaarPerDomein).toEqual({ belegd: 3, totaal: 4 });
    expect(row?.ownerKey).toBe(NO_OWNER);
    // The plan as one domain's tab holds it (`projectedFor`): no breakdown.
    const projected = deriveRows({ ...plan, projectedFor: 'Sociaal Domein' }, NOW).find(
      (r) => r.actie.nummer === '1.1',
    );
    expect(projected?.eigenaarPerDomein).toBeUndefined();
  });
});
