/**
 * Schema step 9 (issue 13, point 7): existing sites get Adviezen.SamenhangMet and Bevindingen.Thema from the
 * declarative schema; this step fills them from the seed plan where the site still holds the seeded item unchanged
 * in what identifies it (the same number and title), and the column is empty: the adviezen the college takes up
 * together (advies 1 with 3 and 5, 000:74–75) and the theme each finding is discussed under (001:1366 … 2137).
 * As step 7: never guesses, never overwrites, writes with If-Match (a 412 is reported as skipped), and a second run
 * writes nothing. A filled item gains one version; every earlier version stays as it was.
 */
import type { Plan } from '../../domain/model.js';
import type { Graph } from '../graph/client.js';
import { GraphRequestError } from '../graph/errors.js';
import { ADVIES_FIELDS, formatSamenhang } from '../lists/adviezen.js';
import { BEVINDING_FIELDS } from '../lists/bevindingen.js';
import { fieldsExpand, type ListItem } from '../lists/list-definition.js';
import { listPath } from '../site.js';

/** Number + title as the step compares them: trimmed, runs of white space as one space. */
function sleutel(nummer: unknown, titel: unknown): string {
  return `${String(nummer ?? '').trim()}|${String(titel ?? '')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

function leeg(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Fills the empty SamenhangMet of the seeded adviezen that have one, and the empty Thema of the seeded findings.
 * @returns a line per item written ("Adviezen 1: SamenhangMet", "Bevindingen 5: Thema") or skipped.
 */
export async function fillMissingSamenhangEnThema(
  graph: Graph,
  siteId: string,
  seed: Pick<Plan, 'adviezen' | 'bevindingen'>,
): Promise<string[]> {
  const changes: string[] = [];
  const lists = [
    {
      list: 'Adviezen' as const,
      nummer: ADVIES_FIELDS.nummer,
      titel: ADVIES_FIELDS.titel,
      veld: ADVIES_FIELDS.samenhangMet,
      values: new Map(
        seed.adviezen.flatMap((a) =>
          formatSamenhang(a.samenhangMet) === null
            ? []
            : [[sleutel(a.nummer, a.titel), formatSamenhang(a.samenhangMet) as string] as const],
        ),
      ),
    },
    {
      list: 'Bevindingen' as const,
      nummer: BEVINDING_FIELDS.nummer,
      titel: BEVINDING_FIELDS.titel,
      veld: BEVINDING_FIELDS.thema,
      values: new Map(
        seed.bevindingen.flatMap((b) =>
          b.thema === undefined ? [] : [[sleutel(b.nummer, b.titel), b.thema as string] as const],
        ),
      ),
    },
  ];
  for (const l of lists) {
    if (l.values.size === 0) continue;
    const items = await graph.getAll<ListItem>(
      `${listPath(siteId, l.list)}/items?$expand=${fieldsExpand([l.nummer, l.titel, l.veld])}&$top=999`,
    );
    for (const item of items) {
      if (!leeg(item.fields[l.veld])) continue;
      const value = l.values.get(sleutel(item.fields[l.nummer], item.fields[l.titel]));
      if (value === undefined) continue;
      const label = `${l.list} ${String(item.fields[l.nummer])}: ${l.veld}`;
      try {
        await graph.patch(
          `${listPath(siteId, l.list)}/items/${item.id}/fields`,
          { [l.veld]: value },
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
