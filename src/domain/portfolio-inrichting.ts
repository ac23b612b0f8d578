/**
 * The short names a portfolio file may use for the municipality's set-up's domains (issue 12, point 8). Whether a
 * domain is the set-up's is `validatePortfolioItem`'s to say, with the set-up as its argument.
 */
import { concernDomein, type Inrichting } from './inrichting-basis.js';

/**
 * The short names a file may use for a set-up domain, lower case: "cmt" for the concern domain, and a domain's name
 * without a trailing "domein" ("fysiek" for Fysiek Domein). A short name two domains share is left out.
 */
export function domeinAliases(inrichting: Inrichting): Record<string, string> {
  const aliassen = new Map<string, string | null>();
  const add = (alias: string, naam: string) => {
    const key = alias.trim().toLocaleLowerCase('nl');
    if (key === '' || key === naam.toLocaleLowerCase('nl')) return;
    aliassen.set(key, aliassen.has(key) && aliassen.get(key) !== naam ? null : naam);
  };
  const concern = concernDomein(inrichting);
  if (concern !== '') add('cmt', concern);
  for (const { naam } of inrichting.domeinen) add(naam.replace(/\s*domein$/i, ''), naam);
  return Object.fromEntries([...aliassen].filter((e): e is [string, string] => e[1] !== null));
}
