/**
 * Whether two eTags of a list item name the same version. SharePoint and Graph write one item's eTag in more than one
 * form: `"{GUID},7"` on the item, `"GUID,7"` in a fields answer, sometimes weak (`W/"…"`) or in another case. A card
 * carries the eTag of the answer it was built from, so comparing the strings as they are would call a current card
 * stale. Compared here without quotes, braces, the weak prefix and case; the If-Match the stores send is unchanged.
 */
export function sameETag(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return normalised(a) === normalised(b);
}

function normalised(eTag: string): string {
  return eTag
    .trim()
    .replace(/^W\//i, '')
    .replace(/["{}\s]/g, '')
    .toLowerCase();
}
