/**
 * Which portfolio items a domain's MT sees, and in what order (issue 12, point 7; advies 3.2).
 *
 * The portfolio is one: every MT sees its own projects first, then the Concern projects (the organisation as a
 * whole, carried by the CMT), and can widen the view to every domain. "Eigen domein" narrows the view; it is a
 * filter the person chooses, never a scope the tab imposes. Action 3.2 ("Heldere en eenduidige prioritering",
 * seed 001:1521-1524) asks for one framework that decides what is and is not picked up, so the IMO's priority ranking
 * is one ranking across all domains: it is always shown whole, with the own items marked.
 */
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import type { Domein } from './model.js';

/** Where an item stands seen from the chosen domain: its own, the Concern's, or another domain's. */
export const PORTFOLIO_HERKOMSTEN = ['eigen', 'concern', 'overig'] as const;
export type PortfolioHerkomst = (typeof PORTFOLIO_HERKOMSTEN)[number];

/** How wide the portfolio view is: own domain and Concern (a domain's default), own domain only, or everything. */
export const PORTFOLIO_BEREIKEN = ['eigen-en-concern', 'eigen', 'alle'] as const;
export type PortfolioBereik = (typeof PORTFOLIO_BEREIKEN)[number];

/**
 * Where an item of `itemDomein` stands for the chosen domain. Without a choice nothing is "eigen": Concern items
 * are Concern and the rest is "overig". For the CMT (Concern chosen), the Concern items are its own.
 */
export function herkomstOf(
  itemDomein: Domein,
  gekozen: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): PortfolioHerkomst {
  if (gekozen !== undefined && itemDomein === gekozen) return 'eigen';
  if (itemDomein === concernDomein(inrichting)) return 'concern';
  return 'overig';
}

/**
 * The widths a person can choose for the chosen domain, the default first. Without a domain there is nothing to
 * narrow (everything is shown); for the CMT "eigen en Concern" is the same as "eigen", so it is not offered.
 */
export function portfolioBereiken(
  gekozen: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): readonly PortfolioBereik[] {
  if (gekozen === undefined) return [];
  if (gekozen === concernDomein(inrichting)) return ['alle', 'eigen'];
  return PORTFOLIO_BEREIKEN;
}

/** The default width for the chosen domain: own and Concern for a business domain, everything otherwise. */
export function defaultBereik(
  gekozen: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): PortfolioBereik {
  return portfolioBereiken(gekozen, inrichting)[0] ?? 'alle';
}

/**
 * The width to use: the asked one when it is on offer for the chosen domain (a URL may carry a value from another
 * domain's view, or a hand-edited one), else the default.
 */
export function validBereik(
  gekozen: Domein | undefined,
  gevraagd: string | null | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): PortfolioBereik {
  return portfolioBereiken(gekozen, inrichting).find((b) => b === gevraagd) ?? defaultBereik(gekozen, inrichting);
}

/** Whether an item with this standing is in a view of this width. */
export function inBereik(herkomst: PortfolioHerkomst, bereik: PortfolioBereik): boolean {
  if (bereik === 'alle') return true;
  if (bereik === 'eigen') return herkomst === 'eigen';
  return herkomst === 'eigen' || herkomst === 'concern';
}

const RANG: Record<PortfolioHerkomst, number> = { eigen: 0, concern: 1, overig: 2 };

/**
 * The items the view shows for the chosen domain and width: own items first, then Concern, then the other domains;
 * within each, the order given (the caller's sort is kept).
 */
export function selectPortfolio<T extends { value: { domein: Domein } }>(
  items: readonly T[],
  gekozen: Domein | undefined,
  bereik: PortfolioBereik,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): T[] {
  return items
    .map((item, index) => ({ item, index, herkomst: herkomstOf(item.value.domein, gekozen, inrichting) }))
    .filter((x) => inBereik(x.herkomst, bereik))
    .sort((a, b) => RANG[a.herkomst] - RANG[b.herkomst] || a.index - b.index)
    .map((x) => x.item);
}

/**
 * Compares two items by the IMO's priority: rank 1 first when ascending, unranked items always last, ties by title
 * (Dutch collation).
 */
export function comparePrioriteit(
  a: { prioriteit?: number | undefined; titel: string },
  b: { prioriteit?: number | undefined; titel: string },
  richting: 'asc' | 'desc' = 'asc',
): number {
  const pa = a.prioriteit;
  const pb = b.prioriteit;
  if (pa === undefined && pb !== undefined) return 1;
  if (pb === undefined && pa !== undefined) return -1;
  if (pa !== undefined && pb !== undefined && pa !== pb) return richting === 'asc' ? pa - pb : pb - pa;
  return a.titel.localeCompare(b.titel, 'nl');
}

/**
 * The one cross-domain priority ranking (action 3.2): every item, whatever the chosen domain or width, by priority, each
 * with its standing for the chosen domain so the own items can be marked.
 */
export function wholeRanking<T extends { value: { domein: Domein; prioriteit?: number | undefined; titel: string } }>(
  items: readonly T[],
  gekozen: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): { item: T; herkomst: PortfolioHerkomst }[] {
  return [...items]
    .sort((a, b) => comparePrioriteit(a.value, b.value))
    .map((item) => ({ item, herkomst: herkomstOf(item.value.domein, gekozen, inrichting) }));
}

/**
 * Whether an item belongs on an MT's agenda card (its portfolio section): the MT's own domains plus the
 * concern-wide changes, which concern every MT.
 */
export function onAgendaOfMT(
  itemDomein: Domein,
  mtDomeinen: readonly Domein[],
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): boolean {
  return mtDomeinen.includes(itemDomein) || itemDomein === concernDomein(inrichting);
}

/** Order on the card: the MT's own domains before Concern (0 before 1). */
export function agendaRank(itemDomein: Domein, mtDomeinen: readonly Domein[]): number {
  return mtDomeinen.includes(itemDomein) ? 0 : 1;
}
