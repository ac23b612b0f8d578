/**
 * The link from an action's or portfolio item's detail panel to the decision log, showing everything recorded about
 * it in every MT. The besluiten feature reads these parameters (`besluitenQuery`); a unit test holds the two together.
 */
export function besluitenOverHash(kind: 'actie' | 'portfolio', id: string): string {
  return `#/besluiten?${new URLSearchParams({ mt: 'alle', over: `${kind}:${id}` }).toString()}`;
}
