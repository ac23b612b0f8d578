import { describe, expect, it } from 'vitest';
import { DOMEINEN, type Domein } from '../../../src/domain/model.js';
import {
  agendaRank,
  validBereik,
  wholeRanking,
  herkomstOf,
  inBereik,
  onAgendaOfMT,
  PORTFOLIO_BEREIKEN,
  portfolioBereiken,
  selectPortfolio,
  defaultBereik,
  comparePrioriteit,
} from '../../../src/domain/portfolio-selection.js';

type Item = { id: string; value: { domein: Domein; titel: string; prioriteit?: number } };
const item = (id: string, domein: Domein, prioriteit?: number): Item => ({
  id,
  value: { domein, titel: `Initiatief ${id}`, ...(prioriteit === undefined ? {} : { prioriteit }) },
});

// One item per domain, in an order that is not the selection's order.
const ITEMS: Item[] = [
  item('f1', 'Fysiek Domein', 1),
  item('c1', 'Concern', 2),
  item('s1', 'Sociaal Domein', 3),
  item('b1', 'Bedrijfsvoering'),
  item('s2', 'Sociaal Domein', 5),
  item('c2', 'Concern'),
  item('d1', 'Dienstverlening', 4),
];
const ids = (xs: readonly Item[]) => xs.map((x) => x.id);

describe('where an item stands for the chosen domain', () => {
  it("is 'eigen' for the chosen domain's items, 'concern' for Concern's, 'overig' for the other domains'", () => {
    expect(herkomstOf('Sociaal Domein', 'Sociaal Domein')).toBe('eigen');
    expect(herkomstOf('Concern', 'Sociaal Domein')).toBe('concern');
    expect(herkomstOf('Fysiek Domein', 'Sociaal Domein')).toBe('overig');
  });

  it("makes the Concern items the CMT's own when Concern is chosen", () => {
    expect(herkomstOf('Concern', 'Concern')).toBe('eigen');
    expect(herkomstOf('Dienstverlening', 'Concern')).toBe('overig');
  });

  it('has nothing of its own without a chosen domain', () => {
    for (const d of DOMEINEN) expect(herkomstOf(d, undefined)).toBe(d === 'Concern' ? 'concern' : 'overig');
  });
});

describe('the widths a person can choose ("Eigen domein" is a filter, not a scope)', () => {
  it('offers a business domain own+Concern (its default), own only and everything', () => {
    for (const d of ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein'] as const) {
      expect(portfolioBereiken(d)).toEqual(['eigen-en-concern', 'eigen', 'alle']);
      expect(defaultBereik(d)).toBe('eigen-en-concern');
    }
  });

  it('offers the CMT everything (its default) and Concern only; own+Concern would be the same as own', () => {
    expect(portfolioBereiken('Concern')).toEqual(['alle', 'eigen']);
    expect(defaultBereik('Concern')).toBe('alle');
  });

  it('offers nothing to narrow without a chosen domain, and shows everything', () => {
    expect(portfolioBereiken(undefined)).toEqual([]);
    expect(defaultBereik(undefined)).toBe('alle');
  });

  it('takes the asked width when it is on offer, else the default (an old link, a hand-edited URL)', () => {
    expect(validBereik('Sociaal Domein', 'alle')).toBe('alle');
    expect(validBereik('Sociaal Domein', 'eigen')).toBe('eigen');
    expect(validBereik('Sociaal Domein', null)).toBe('eigen-en-concern');
    expect(validBereik('Sociaal Domein', 'iets')).toBe('eigen-en-concern');
    expect(validBereik('Concern', 'eigen-en-concern')).toBe('alle');
    expect(validBereik(undefined, 'eigen')).toBe('alle');
  });

  it('lets each width through exactly the standings it names', () => {
    const table = PORTFOLIO_BEREIKEN.map((b) => [
      b,
      (['eigen', 'concern', 'overig'] as const).filter((h) => inBereik(h, b)),
    ]);
    expect(table).toEqual([
      ['eigen-en-concern', ['eigen', 'concern']],
      ['eigen', ['eigen']],
      ['alle', ['eigen', 'concern', 'overig']],
    ]);
  });
});

describe('the selection a domain MT sees', () => {
  it('shows a domain its own items first, then the Concern items, by default', () => {
    expect(ids(selectPortfolio(ITEMS, 'Sociaal Domein', 'eigen-en-concern'))).toEqual(['s1', 's2', 'c1', 'c2']);
  });

  it('narrows to the own items with "Eigen domein"', () => {
    expect(ids(selectPortfolio(ITEMS, 'Sociaal Domein', 'eigen'))).toEqual(['s1', 's2']);
  });

  it('widens to every domain, own first, then Concern, then the others in the order given', () => {
    expect(ids(selectPortfolio(ITEMS, 'Sociaal Domein', 'alle'))).toEqual(['s1', 's2', 'c1', 'c2', 'f1', 'b1', 'd1']);
  });

  it("keeps the caller's order within each standing", () => {
    const reversed = [...ITEMS].reverse();
    expect(ids(selectPortfolio(reversed, 'Sociaal Domein', 'eigen-en-concern'))).toEqual(['s2', 's1', 'c2', 'c1']);
  });

  it('shows the CMT everything with the Concern items first', () => {
    expect(ids(selectPortfolio(ITEMS, 'Concern', 'alle'))).toEqual(['c1', 'c2', 'f1', 's1', 'b1', 's2', 'd1']);
    expect(ids(selectPortfolio(ITEMS, 'Concern', 'eigen'))).toEqual(['c1', 'c2']);
  });

  it('shows everything without a chosen domain, Concern first', () => {
    expect(ids(selectPortfolio(ITEMS, undefined, 'alle'))).toEqual(['c1', 'c2', 'f1', 's1', 'b1', 's2', 'd1']);
  });

  it('never changes the list it is given', () => {
    const copy = [...ITEMS];
    selectPortfolio(ITEMS, 'Sociaal Domein', 'eigen');
    expect(ITEMS).toEqual(copy);
  });
});

describe('the one cross-domain priority ranking (3.2)', () => {
  it('ranks every item of every domain, whatever domain is chosen, unranked last by title', () => {
    const ranking = wholeRanking(ITEMS, 'Sociaal Domein');
    expect(ranking.map((r) => r.item.id)).toEqual(['f1', 'c1', 's1', 'd1', 's2', 'b1', 'c2']);
    expect(wholeRanking(ITEMS, 'Fysiek Domein').map((r) => r.item.id)).toEqual(ranking.map((r) => r.item.id));
  });

  it('marks each item with its standing for the chosen domain', () => {
    const standing = Object.fromEntries(wholeRanking(ITEMS, 'Sociaal Domein').map((r) => [r.item.id, r.herkomst]));
    expect(standing).toEqual({
      f1: 'overig',
      c1: 'concern',
      s1: 'eigen',
      d1: 'overig',
      s2: 'eigen',
      b1: 'overig',
      c2: 'concern',
    });
  });

  it('compares by priority both ways, unranked always last, ties by title in Dutch order', () => {
    const a = { prioriteit: 1, titel: 'B' };
    const b = { prioriteit: 2, titel: 'A' };
    const none = { titel: 'A' };
    expect(comparePrioriteit(a, b)).toBeLessThan(0);
    expect(comparePrioriteit(a, b, 'desc')).toBeGreaterThan(0);
    expect(comparePrioriteit(none, a)).toBe(1);
    expect(comparePrioriteit(none, a, 'desc')).toBe(1);
    expect(comparePrioriteit(a, none)).toBe(-1);
    expect(comparePrioriteit({ prioriteit: 3, titel: 'IJsbaan' }, { prioriteit: 3, titel: 'Zaak' })).toBeLessThan(0);
  });
});

describe("an MT's agenda card", () => {
  it("carries the MT's own domains and the concern-wide items, not the other domains'", () => {
    expect(onAgendaOfMT('Sociaal Domein', ['Sociaal Domein'])).toBe(true);
    expect(onAgendaOfMT('Concern', ['Sociaal Domein'])).toBe(true);
    expect(onAgendaOfMT('Fysiek Domein', ['Sociaal Domein'])).toBe(false);
    expect(onAgendaOfMT('Concern', ['Concern'])).toBe(true);
    expect(onAgendaOfMT('Dienstverlening', ['Concern'])).toBe(false);
  });

  it('puts the own domains before Concern', () => {
    expect(agendaRank('Sociaal Domein', ['Sociaal Domein'])).toBe(0);
    expect(agendaRank('Concern', ['Sociaal Domein'])).toBe(1);
    expect(agendaRank('Concern', ['Concern'])).toBe(0);
  });
});
