/**
 * A portfolio item's domain checked against the municipality's set-up (issue 12, point 8). The domain's rules
 * (`validatePortfolioItem`) know Zoetermeer's domains; here the set-up decides which domain an item may have, and
 * those rules decide everything else.
 */
import { concernDomein, inrichtingWaarden, type Inrichting } from './inrichting-basis.js';
import { validationMessages as M } from './messages.js';
import { DOMEINEN, type PortfolioItem } from './model.js';
import { validatePortfolioItem, type ValidationIssue, type ValidationResult } from './validation.js';

/**
 * Validates a portfolio item whose domain must be one of the set-up's. A set-up domain is validated as a stand-in
 * (one of Zoetermeer's, which the rules know) and put back; a domain the set-up lacks is refused with the rules' own
 * message (`domeinOngeldig`), also when it is one of Zoetermeer's. Any other fault is the rules' to name.
 */
export function validatePortfolioItemIn(input: unknown, inrichting: Inrichting): ValidationResult<PortfolioItem> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return validatePortfolioItem(input);
  const domein = (input as { domein?: unknown }).domein;
  if (typeof domein !== 'string') return validatePortfolioItem(input);
  const bekend = inrichtingWaarden(inrichting, 'domeinen').includes(domein);
  const result = validatePortfolioItem({ ...input, domein: DOMEINEN[0] });
  if (result.ok && bekend) return { ok: true, value: { ...result.value, domein } };
  const issues: ValidationIssue[] = [
    ...(bekend ? [] : [{ path: 'domein', message: M.domeinOngeldig }]),
    ...(result.ok ? [] : result.issues),
  ];
  return { ok: false, issues };
}

/**
 * The short names a file may use for a set-up domain, lower case: "cmt" for the concern domain, and a domain's name
 * without a trailing "domein" ("fysiek" for Fysiek Domein). A short name two domains share is left out.
 */
export function domeinAliassen(inrichting: Inrichting): Record<string, string> {
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
