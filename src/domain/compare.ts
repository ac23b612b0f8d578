/**
 * The plan's two plain orders, shared so that every list sorts its ties the same way. Neither uses `localeCompare`:
 * they only make an order the same on every load and platform, and a page's first collation loads ICU's data, about
 * 10 ms of the tab's cold start (issue 16).
 */

/** Code-unit order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SharePoint item ids: numerically when both are whole numbers (so "9" < "10"), else in code-unit order. */
export function compareItemIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isInteger(na) && Number.isInteger(nb) && na !== nb) return na - nb;
  return compareText(a, b);
}
