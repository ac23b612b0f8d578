/**
 * What the portfolio views show, as pure functions of the loaded portfolio: the tab's domain, groups by phase or
 * status, the IMO's ranking, this quarter's goals against last quarter's outcome, and a quarter timeline.
 */
import { currentKwartaal, isValidKwartaal, kwartaalOf } from '../../../../domain/dates.js';
import {
  PORTFOLIO_FASEN,
  PORTFOLIO_STATUSES,
  type Domein,
  type Kwartaal,
  type Kwartaaldoel,
  type PortfolioItem,
} from '../../../../domain/model.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import {
  wholeRanking,
  herkomstOf,
  PORTFOLIO_HERKOMSTEN,
  selectPortfolio,
  defaultBereik,
  comparePrioriteit,
  type PortfolioHerkomst,
} from '../../../../domain/portfolio-selection.js';

export const PORTFOLIO_TABS = ['overzicht', 'prioriteiten', 'kwartaal', 'tijdlijn'] as const;
export type PortfolioTab = (typeof PORTFOLIO_TABS)[number];
export const GROUP_BY = ['fase', 'status'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export type SortDir = 'asc' | 'desc';

/** `bereik` is the asked width as the URL has it; `validBereik` (domain) decides what counts for the chosen domain. */
export type PortfolioQuery = { tab: PortfolioTab; group: GroupBy; dir: SortDir; itemId?: string; bereik?: string };

/** Reads the view's state from the URL (`#/portfolio?weergave=kwartaal&groep=status&volgorde=desc&bereik=alle&item=4`). */
export function portfolioQuery(params: URLSearchParams): PortfolioQuery {
  const tab = PORTFOLIO_TABS.find((t) => t === params.get('weergave')) ?? 'overzicht';
  const group = GROUP_BY.find((g) => g === params.get('groep')) ?? 'fase';
  const dir: SortDir = params.get('volgorde') === 'desc' ? 'desc' : 'asc';
  const itemId = params.get('item') ?? undefined;
  const bereik = params.get('bereik') ?? undefined;
  return { tab, group, dir, ...(itemId ? { itemId } : {}), ...(bereik ? { bereik } : {}) };
}

export function portfolioParams(q: PortfolioQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.tab !== 'overzicht') p.set('weergave', q.tab);
  if (q.group !== 'fase') p.set('groep', q.group);
  if (q.dir !== 'asc') p.set('volgorde', q.dir);
  if (q.bereik) p.set('bereik', q.bereik);
  if (q.itemId) p.set('item', q.itemId);
  return p;
}

/**
 * What the meeting stage shows for the chosen domain: the domain's default width (own and Concern items for a
 * business domain, everything for the CMT or without a domain), own items first.
 */
export function inScope<T extends { value: Pick<PortfolioItem, 'domein'> }>(
  items: readonly T[],
  scope: Domein | undefined,
): T[] {
  return selectPortfolio(items, scope, defaultBereik(scope));
}

/** By IMO priority (1 first when ascending); items without a priority always last, then by title. */
export function sortByPriority<T extends { value: Pick<PortfolioItem, 'prioriteit' | 'titel'> }>(
  items: readonly T[],
  dir: SortDir = 'asc',
): T[] {
  return [...items].sort((a, b) => comparePrioriteit(a.value, b.value, dir));
}

/** The selected items in sections by their standing for the chosen domain (own, Concern, others); empty ones left out. */
export function herkomstSections<T extends { value: Pick<PortfolioItem, 'domein'> }>(
  items: readonly T[],
  scope: Domein | undefined,
): { herkomst: PortfolioHerkomst; items: T[] }[] {
  return PORTFOLIO_HERKOMSTEN.map((herkomst) => ({
    herkomst,
    items: items.filter((i) => herkomstOf(i.value.domein, scope) === herkomst),
  })).filter((s) => s.items.length > 0);
}

export type ItemGroup = { key: string; items: Loaded<PortfolioItem>[] };

/** Groups in the domain's order of phases or statuses; empty groups are left out. */
export function groupItems(items: readonly Loaded<PortfolioItem>[], by: GroupBy, dir: SortDir): ItemGroup[] {
  const order: readonly string[] = by === 'fase' ? PORTFOLIO_FASEN : PORTFOLIO_STATUSES;
  return order
    .map((key) => ({
      key,
      items: sortByPriority(
        items.filter((i) => i.value[by] === key),
        dir,
      ),
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * The IMO's one ranking across all domains (3.2): every item by priority, unranked after them, whatever width the
 * view has; each says whether it is picked up this quarter and how it stands for the chosen domain.
 */
export function priorityRanking(
  items: readonly Loaded<PortfolioItem>[],
  scope?: Domein,
): { item: Loaded<PortfolioItem>; nietDitKwartaal: boolean; herkomst: PortfolioHerkomst }[] {
  return wholeRanking(items, scope).map(({ item, herkomst }) => ({
    item,
    herkomst,
    nietDitKwartaal: item.value.ditKwartaal === 'niet',
  }));
}

/** `2026-Q1` → `2025-Q4`. */
export function previousKwartaal(k: Kwartaal): Kwartaal {
  if (!isValidKwartaal(k)) throw new RangeError(`Not a quarter: ${k}`);
  const [y, q] = [Number(k.slice(0, 4)), Number(k.slice(6))];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

export function nextKwartaal(k: Kwartaal): Kwartaal {
  const [y, q] = [Number(k.slice(0, 4)), Number(k.slice(6))];
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
}

export type QuarterRow = {
  item: Loaded<PortfolioItem>;
  current: Loaded<Kwartaaldoel>[];
  previous: Loaded<Kwartaaldoel>[];
};

/** Per item this quarter's goals and last quarter's outcome; items with neither are left out. */
export function quarterRows(
  items: readonly Loaded<PortfolioItem>[],
  doelen: readonly Loaded<Kwartaaldoel>[],
  now: Date,
): { kwartaal: Kwartaal; vorig: Kwartaal; rows: QuarterRow[] } {
  const kwartaal = currentKwartaal(now);
  const vorig = previousKwartaal(kwartaal);
  const rows = sortByPriority(items, 'asc')
    .map((item) => ({
      item,
      current: doelen.filter((d) => d.value.portfolioKey === item.value.key && d.value.kwartaal === kwartaal),
      previous: doelen.filter((d) => d.value.portfolioKey === item.value.key && d.value.kwartaal === vorig),
    }))
    .filter((r) => r.current.length > 0 || r.previous.length > 0);
  return { kwartaal, vorig, rows };
}

export type TimelineRow = { item: Loaded<PortfolioItem>; from: number; to: number };

/**
 * Items on a quarter grid: from the quarter before now to `span` quarters on. An item covers the columns
 * between its start and end quarter (clipped); items without start and end are listed apart.
 */
export function timeline(
  items: readonly Loaded<PortfolioItem>[],
  now: Date,
  span = 8,
): { quarters: Kwartaal[]; rows: TimelineRow[]; undated: Loaded<PortfolioItem>[] } {
  const quarters: Kwartaal[] = [previousKwartaal(currentKwartaal(now))];
  while (quarters.length < span) quarters.push(nextKwartaal(quarters[quarters.length - 1] as Kwartaal));
  const first = quarters[0] as Kwartaal;
  const last = quarters[quarters.length - 1] as Kwartaal;
  const rows: TimelineRow[] = [];
  const undated: Loaded<PortfolioItem>[] = [];
  for (const item of sortByPriority(items, 'asc')) {
    const { start, einde } = item.value;
    if (!start && !einde) {
      undated.push(item);
      continue;
    }
    const s = kwartaalOf(start ?? (einde as string));
    const e = kwartaalOf(einde ?? (start as string));
    if (e < first || s > last) continue; // outside the window
    const from = s < first ? 0 : quarters.indexOf(s);
    const to = e > last ? quarters.length - 1 : quarters.indexOf(e);
    rows.push({ item, from, to });
  }
  return { quarters, rows, undated };
}

/** One line of the portfolio overview, flattened for a virtualised table. */
export type OverviewLine =
  | { kind: 'section'; herkomst: PortfolioHerkomst; count: number }
  | { kind: 'group'; key: string; count: number; herkomst?: PortfolioHerkomst }
  | { kind: 'item'; item: Loaded<PortfolioItem>; group: string; herkomst?: PortfolioHerkomst };

/**
 * The overview as lines: with a chosen domain, a section per standing (own, Concern, others; empty ones left out),
 * each grouped by phase or status; without one, the groups alone. Items within a group by priority.
 */
export function overviewLines(
  items: readonly Loaded<PortfolioItem>[],
  scope: Domein | undefined,
  by: GroupBy,
  dir: SortDir,
): OverviewLine[] {
  const lines: OverviewLine[] = [];
  const addGroups = (xs: readonly Loaded<PortfolioItem>[], herkomst?: PortfolioHerkomst) => {
    for (const g of groupItems(xs, by, dir)) {
      lines.push({ kind: 'group', key: g.key, count: g.items.length, ...(herkomst ? { herkomst } : {}) });
      for (const item of g.items) lines.push({ kind: 'item', item, group: g.key, ...(herkomst ? { herkomst } : {}) });
    }
  };
  if (!scope) {
    addGroups(items);
    return lines;
  }
  for (const sectie of herkomstSections(items, scope)) {
    lines.push({ kind: 'section', herkomst: sectie.herkomst, count: sectie.items.length });
    addGroups(sectie.items, sectie.herkomst);
  }
  return lines;
}
