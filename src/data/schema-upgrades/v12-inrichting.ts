/**
 * Schema step 12 (issue 12, point 8): the Inrichting list (the municipality's name, domains, themes and plateaus as
 * data) comes from the declarative schema; this step fills it with Zoetermeer's set-up on a site that already holds a
 * plan, because every such site was made by this app when those values were code, and so for Zoetermeer. A site
 * without a plan (fresh, or waiting for another municipality's plan import) is left empty: its set-up comes with its
 * seed or its plan, and until then the app reads Zoetermeer's as the default. A list that holds items is never
 * touched, so a second run writes nothing and a set-up edited in SharePoint stays as it is.
 */
import { ZOETERMEER_INRICHTING } from '../../domain/inrichting.js';
import type { Graph } from '../graph/client.js';
import { writeInrichting } from '../inrichting-store.js';
import { ITEM_SELECT, type ListItem } from '../lists/list-definition.js';
import { listPath } from '../site.js';

/** @returns one line per soort written ("Inrichting: 5 domeinen"), or none. */
export async function fillZoetermeerInrichting(graph: Graph, siteId: string): Promise<string[]> {
  const first = (list: string) =>
    graph.get<{ value: ListItem[] }>(`${listPath(siteId, list)}/items?$select=${ITEM_SELECT}&$top=1`);
  const [inrichting, acties] = await Promise.all([first('Inrichting'), first('Acties')]);
  if (inrichting.value.length > 0 || acties.value.length === 0) return [];
  const written = await writeInrichting(graph, siteId, ZOETERMEER_INRICHTING);
  if (written === 0) return [];
  const z = ZOETERMEER_INRICHTING;
  return [
    `Inrichting: gemeente '${z.gemeente}', ${z.domeinen.length} domeinen, ${z.themas.length} thema's, ${z.plateaus.length} plateaus`,
  ];
}
