/**
 * Schema step 7 (issue 12, point 5): existing sites get the Omschrijving columns of Adviezen and Acties from the
 * declarative schema; this step fills them with the report's own words where the site still holds the seeded item
 * unchanged in what identifies it: the same number and the same title as the seed plan. An item whose title the site
 * changed, a number the seed does not have (an action an MT added) or an Omschrijving someone already wrote is left
 * alone: the step never guesses and never overwrites. Each write carries the item's eTag (If-Match), so an edit made
 * meanwhile wins and the step reports the item as skipped. A second run finds every text in place and writes nothing.
 * A filled item gains one version; every earlier version stays as it was.
 */
import type { Plan } from '../../domain/model.js';
import type { Graph } from '../graph/client.js';
import { GraphRequestError } from '../graph/errors.js';
import { ACTIE_FIELDS } from '../lists/acties.js';
import { ADVIES_FIELDS } from '../lists/adviezen.js';
import { fieldsExpand, type ListItem } from '../lists/list-definition.js';
import { listPath } from '../site.js';

/** Number + title as the step compares them: trimmed, runs of white space as one space. */
function sleutel(nummer: unknown, titel: unknown): string {
  return `${String(nummer ?? '').trim()}|${String(titel ?? '')
    .replace(/\s+/g, ' ')
    .trim()}`;
}

function leeg(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * Fills the empty Omschrijving of every advies and action whose number and title equal the seed plan's.
 * @returns a line per item written ("Adviezen 1: Omschrijving", "Acties 3.2: Omschrijving") or skipped.
 */
export async function fillMissingOmschrijving(
  graph: Graph,
  siteId: string,
  seed: Pick<Plan, 'adviezen' | 'acties'>,
): Promise<string[]> {
  const changes: string[] = [];
  const lists = [
    {
      list: 'Adviezen' as const,
      nummer: ADVIES_FIELDS.nummer,
      titel: ADVIES_FIELDS.titel,
      omschrijving: ADVIES_FIELDS.omschrijving,
      texts: new Map(
        seed.adviezen.filter((a) => a.omschrijving).map((a) => [sleutel(a.nummer, a.titel), a.omschrijving as string]),
      ),
    },
    {
      list: 'Acties' as const,
      nummer: ACTIE_FIELDS.nummer,
      titel: ACTIE_FIELDS.titel,
      omschrijving: ACTIE_FIELDS.omschrijving,
      texts: new Map(
        seed.acties.filter((a) => a.omschrijving).map((a) => [sleutel(a.nummer, a.titel), a.omschrijving as string]),
      ),
    },
  ];
  for (const l of lists) {
    const items = await graph.getAll<ListItem>(
      `${listPath(siteId, l.list)}/items?$expand=${fieldsExpand([l.nummer, l.titel, l.omschrijving])}&$top=999`,
    );
    for (const item of items) {
      if (!leeg(item.fields[l.omschrijving])) continue;
      const text = l.texts.get(sleutel(item.fields[l.nummer], item.fields[l.titel]));
      if (text === undefined) continue;
      const label = `${l.list} ${String(item.fields[l.nummer])}: Omschrijving`;
      try {
        await graph.patch(
          `${listPath(siteId, l.list)}/items/${item.id}/fields`,
          { [l.omschrijving]: text },
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
