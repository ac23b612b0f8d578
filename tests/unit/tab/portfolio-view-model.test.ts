import { describe, expect, it } from 'vitest';
import { zoetermeerKwartaaldoelen, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import {
  groupItems,
  herkomstSections,
  inScope,
  overviewLines,
  portfolioParams,
  portfolioQuery,
  previousKwartaal,
  priorityRanking,
  quarterRows,
  sortByPriority,
  timeline,
} from '../../../src/tab/features/portfolio/lib/portfolio-view-model.js';

const items = zoetermeerPortfolio.map((value, i) => ({ id: String(i + 1), eTag: `"${i + 1},1"`, value, problems: [] }));
const doelen = zoetermeerKwartaaldoelen.map((value, i) => ({ id: String(100 + i), eTag: '"1"', value, problems: [] }));
const NOV_2026 = new Date('2026-11-03T09:00:00Z');

describe('the portfolio of the tab', () => {
  it("shows a domain's stage its own items first, then the Concern items; the CMT (Concern) and a tab without a domain see every domain", () => {
    const sociaal = inScope(items, 'Sociaal Domein');
    const own = items.filter((i) => i.value.domein === 'Sociaal Domein');
    const concern = items.filter((i) => i.value.domein === 'Concern');
    expect(own.length).toBeGreaterThan(0);
    expect(concern.length).toBeGreaterThan(0);
    expect(sociaal.map((i) => i.id)).toEqual([...own, ...concern].map((i) => i.id));
    expect(inScope(items, 'Concern')).toHaveLength(items.length);
    expect(inScope(items, undefined)).toHaveLength(items.length);
  });

  it('splits the selection into own, Concern and other domains, leaving empty sections out', () => {
    const secties = herkomstSections(items, 'Sociaal Domein');
    expect(secties.map((s) => s.herkomst)).toEqual(['eigen', 'concern', 'overig']);
    expect(secties.reduce((n, s) => n + s.items.length, 0)).toBe(items.length);
    expect(
      herkomstSections(
        items.filter((i) => i.value.domein === 'Sociaal Domein'),
        'Sociaal Domein',
      ).map((s) => s.herkomst),
    ).toEqual(['eigen']);
  });

  it('keeps the asked width in the URL and reads it back', () => {
    const q = portfolioQuery(new URLSearchParams('bereik=alle&weergave=prioriteiten'));
    expect(q).toMatchObject({ bereik: 'alle', tab: 'prioriteiten' });
    expect(portfolioParams(q).get('bereik')).toBe('alle');
    expect(portfolioParams(portfolioQuery(new URLSearchParams())).has('bereik')).toBe(false);
  });

  it('groups by phase in the order of the phases, each group by IMO priority, unranked last', () => {
    const groups = groupItems(items, 'fase', 'asc');
    expect(groups.map((g) => g.key)).toEqual(
      ['Idee', 'Voorbereiding', 'Uitvoering', 'Nazorg', 'Afgerond', 'Gestopt'].filter((f) =>
        items.some((i) => i.value.fase === f),
      ),
    );
    const uitvoering = groups.find((g) => g.key === 'Uitvoering')!.items.map((i) => i.value.prioriteit);
    expect(uitvoering).toEqual([...uitvoering].sort((a, b) => (a ?? 99) - (b ?? 99)));
    expect(groupItems(items, 'status', 'asc').map((g) => g.key)).toEqual(
      ['Op koers', 'Aandacht', 'Kritiek'].filter((s) => items.some((i) => i.value.status === s)),
    );
  });

  it('sorts by priority both ways, and keeps items without a priority at the end either way', () => {
    const asc = sortByPriority(items, 'asc').map((i) => i.value.prioriteit);
    const desc = sortByPriority(items, 'desc').map((i) => i.value.prioriteit);
    expect(asc[0]).toBe(1);
    expect(desc[0]).toBe(Math.max(...items.map((i) => i.value.prioriteit ?? 0)));
    expect(asc.at(-1)).toBeUndefined();
    expect(desc.at(-1)).toBeUndefined();
  });

  it("marks the IMO's not-this-quarter items in the ranking", () => {
    const ranking = priorityRanking(items);
    expect(ranking.filter((r) => r.nietDitKwartaal).map((r) => r.item.value.key)).toEqual(
      sortByPriority(
        items.filter((i) => i.value.ditKwartaal === 'niet'),
        'asc',
      ).map((i) => i.value.key),
    );
    expect(ranking.find((r) => r.item.value.key === 'archiefwet')?.nietDitKwartaal).toBe(true);
  });

  it("puts this quarter's goals next to last quarter's outcome", () => {
    expect(previousKwartaal('2026-Q1')).toBe('2025-Q4');
    const q = quarterRows(items, doelen, NOV_2026);
    expect(q).toMatchObject({ kwartaal: '2026-Q4', vorig: '2026-Q3' });
    const sharepoint = q.rows.find((r) => r.item.value.key === 'informatiebeheer-sharepoint')!;
    expect(sharepoint.previous[0]?.value).toMatchObject({ behaald: 'nee' });
    expect(q.rows.every((r) => r.current.length + r.previous.length > 0)).toBe(true);
  });

  it('places dated items on a quarter grid, clipped to the window, and lists undated ones apart', () => {
    const t = timeline(items, NOV_2026, 8);
    expect(t.quarters).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
      '2028-Q1',
      '2028-Q2',
    ]);
    for (const r of t.rows) {
      expect(r.from).toBeGreaterThanOrEqual(0);
      expect(r.to).toBeGreaterThanOrEqual(r.from);
      expect(r.to).toBeLessThan(8);
    }
    expect(t.undated.every((i) => !i.value.start && !i.value.einde)).toBe(true);
  });

  it('keeps its state in the URL', () => {
    const q = portfolioQuery(new URLSearchParams('weergave=kwartaal&groep=status&volgorde=desc&item=4'));
    expect(q).toEqual({ tab: 'kwartaal', group: 'status', dir: 'desc', itemId: '4' });
    expect(portfolioQuery(portfolioParams(q))).toEqual(q);
    expect(portfolioQuery(new URLSearchParams('weergave=onzin'))).toEqual({
      tab: 'overzicht',
      group: 'fase',
      dir: 'asc',
    });
  });
});

describe('the overview as lines for the virtualised table', () => {
  it('without a domain: a group line per phase, then its items by priority', () => {
    const lines = overviewLines(items, undefined, 'fase', 'asc');
    expect(lines.filter((l) => l.kind === 'section')).toEqual([]);
    expect(lines.filter((l) => l.kind === 'item')).toHaveLength(items.length);
    expect(lines.filter((l) => l.kind === 'group').map((l) => (l.kind === 'group' ? l.key : ''))).toEqual(
      groupItems(items, 'fase', 'asc').map((g) => g.key),
    );
    // Every item line follows its own group's line.
    let current = '';
    for (const l of lines) {
      if (l.kind === 'group') current = l.key;
      if (l.kind === 'item') expect(l.group).toBe(current);
    }
  });

  it('with a domain: sections own, Concern, others, each with its groups; counts add up', () => {
    const lines = overviewLines(items, 'Sociaal Domein', 'status', 'asc');
    const sections = lines.filter((l) => l.kind === 'section');
    expect(sections.map((l) => (l.kind === 'section' ? l.herkomst : ''))).toEqual(['eigen', 'concern', 'overig']);
    expect(sections.reduce((n, l) => n + (l.kind === 'section' ? l.count : 0), 0)).toBe(items.length);
    const firstItems = lines
      .filter((l) => l.kind === 'item')
      .slice(0, items.filter((i) => i.value.domein === 'Sociaal Domein').length);
    expect(
      firstItems.every((l) => l.kind === 'item' && l.item.value.domein === 'Sociaal Domein' && l.herkomst === 'eigen'),
    ).toBe(true);
  });

  it('keeps 5,000 items as 5,000 item lines (the table renders only the visible ones)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...items[i % items.length]!, id: String(i + 1) }));
    expect(overviewLines(many, 'Sociaal Domein', 'fase', 'asc').filter((l) => l.kind === 'item')).toHaveLength(5000);
  });
});
