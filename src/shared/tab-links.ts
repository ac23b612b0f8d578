/**
 * Where a link into the tab for an MT goes: the part after `index.html`. The bot's card ("Open in actieplan") and the
 * Outlook add-in's agenda item use the same one.
 *
 * An MT of one domain gets the tab as its channel tab shows it (`?domein=X#/lijst`): the tab reads the domain from the
 * address once, as it starts, and shows that domain's view of the plan, where a shared action has the domain's own
 * status, owner and deadline (its row), as the card has. Filters added to the hash route (the card's section links)
 * then list what the card counts. An MT of several domains (no single view) gets the list filtered on them
 * (`#/lijst?domein=A,B`); one of none, the whole list.
 */
export function mtListPath(domeinen: readonly string[]): string {
  const [only, ...more] = domeinen;
  if (only !== undefined && more.length === 0) return `?${new URLSearchParams({ domein: only }).toString()}#/lijst`;
  if (domeinen.length === 0) return '#/lijst';
  return `#/lijst?${new URLSearchParams({ domein: domeinen.join(',') }).toString()}`;
}
