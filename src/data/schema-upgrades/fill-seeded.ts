/**
 * What the schema steps that fill a new column from the seed plan share (steps 7 and 9): find the item by the seed's
 * number and title, fill the column only when it is empty, write with If-Match, and report a 412 as skipped. Such a
 * step never guesses and never overwrites; a second run writes nothing.
 */
import type { Graph } from '../graph/client.js';
import { GraphRequestError } from '../graph/errors.js';
import { fieldsExpand, type ListItem } from '../lists/list-definition.js';
import { listPath } from '../site.js';

/** Number + title as the steps compare them: trimmed, runs of white space as one space. */
export function seedKey(nummer: unknown, titel: unknown): string {
  return `${String(nummer ?? '').trim()}|${String(titel ?? '')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One list's column to fill: the list, its number and title columns, the column, and the value per `seedKey`. */
export type SeededColumn = {
  list: string;
  nummer: string;
  titel: string;
  veld: string;
  values: ReadonlyMap<string, unknown>;
};

/**
 * Fills each column where the item still has the seed's number and title and the column is empty.
 * @returns a line per item written ("Adviezen 1: Omschrijving") or skipped because it changed meanwhile.
 */
export async function fillEmptySeededColumns(
  graph: Graph,
  siteId: string,
  columns: readonly SeededColumn[],
): Promise<string[]> {
  const changes: string[] = [];
  for (const c of columns) {
    if (c.values.size === 0) continue;
    const items = await graph.getAll<ListItem>(
      `${listPath(siteId, c.list)}/items?$expand=${fieldsExpand([c.nummer, c.titel, c.veld])}&$top=999`,
    );
    for (const item of items) {
      if (!isEmpty(item.fields[c.veld])) continue;
      const value = c.values.get(seedKey(item.fields[c.nummer], item.fields[c.titel]));
      if (value === undefined) continue;
      const label = `${c.list} ${String(item.fields[c.nummer])}: ${c.veld}`;
      try {
        await graph.patch(
          `${listPath(siteId, c.list)}/items/${item.id}/fields`,
          { [c.veld]: value },
          { ifMatch: item.eTag },
        );
        changes.push(label);
      } catch (error) {
        // Someone changed the item since it was read: their edit stands; the next run looks at it again.
        if (error instanceof GraphRequestError && error.status === 412)
          changes.push(`${label} overgeslagen (intussen gewijzigd)`);
        else throw error;
      }
    }
  }
  return changes;
}
