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
import { ACTIE_FIELDS } from '../lists/acties.js';
import { ADVIES_FIELDS } from '../lists/adviezen.js';
import { fillEmptySeededColumns, seedKey } from './fill-seeded.js';

/**
 * Fills the empty Omschrijving of every advies and action whose number and title equal the seed plan's.
 * @returns a line per item written ("Adviezen 1: Omschrijving", "Acties 3.2: Omschrijving") or skipped.
 */
export async function fillMissingOmschrijving(
  graph: Graph,
  siteId: string,
  seed: Pick<Plan, 'adviezen' | 'acties'>,
): Promise<string[]> {
  return fillEmptySeededColumns(graph, siteId, [
    {
      list: 'Adviezen',
      nummer: ADVIES_FIELDS.nummer,
      titel: ADVIES_FIELDS.titel,
      veld: ADVIES_FIELDS.omschrijving,
      values: new Map(
        seed.adviezen.filter((a) => a.omschrijving).map((a) => [seedKey(a.nummer, a.titel), a.omschrijving]),
      ),
    },
    {
      list: 'Acties',
      nummer: ACTIE_FIELDS.nummer,
      titel: ACTIE_FIELDS.titel,
      veld: ACTIE_FIELDS.omschrijving,
      values: new Map(
        seed.acties.filter((a) => a.omschrijving).map((a) => [seedKey(a.nummer, a.titel), a.omschrijving]),
      ),
    },
  ]);
}
