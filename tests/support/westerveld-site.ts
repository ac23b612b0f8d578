/**
 * Turns a seeded (Zoetermeer) sandbox site into one with Westerveld's set-up (tests/fixtures/westerveld-plan.ts), the
 * way a Beheerder would: the Inrichting list's items replaced, the set-up's choice columns set from it (what
 * provisioning's step 13 does), and the MTs and actions named get Westerveld domains. Everything over Graph.
 */
import { applyInrichtingChoices } from '../../src/data/inrichting-choices.js';
import { writeInrichting } from '../../src/data/inrichting-store.js';
import type { Graph } from '../../src/data/graph/client.js';
import { ACTIE_FIELDS } from '../../src/data/lists/acties.js';
import type { ListItem } from '../../src/data/lists/list-definition.js';
import { MT_FIELDS } from '../../src/data/lists/mts.js';
import { siteSchema } from '../../src/data/lists/schema.js';
import { listPath } from '../../src/data/site.js';
import { WESTERVELD_INRICHTING } from '../fixtures/westerveld-plan.js';

async function items(graph: Graph, siteId: string, list: string): Promise<ListItem[]> {
  return graph.getAll<ListItem>(`${listPath(siteId, list)}/items?$expand=fields&$top=999`);
}

const domeinenFields = (field: string, domeinen: readonly string[]) => ({
  [`${field}@odata.type`]: 'Collection(Edm.String)',
  [field]: domeinen,
});

/**
 * @param mts the MTs (by Sleutel) and their Westerveld domains
 * @param acties the actions (by Nummer) and their Westerveld domains
 */
export async function maakWesterveld(
  graph: Graph,
  siteId: string,
  wijzig: { mts?: Record<string, readonly string[]>; acties?: Record<string, readonly string[]> } = {},
): Promise<void> {
  for (const item of await items(graph, siteId, 'Inrichting'))
    await graph.delete(`${listPath(siteId, 'Inrichting')}/items/${item.id}`);
  await writeInrichting(graph, siteId, WESTERVELD_INRICHTING);
  await applyInrichtingChoices(graph, siteId, WESTERVELD_INRICHTING, siteSchema);
  for (const item of await items(graph, siteId, 'MTs')) {
    const domeinen = wijzig.mts?.[String(item.fields[MT_FIELDS.sleutel])];
    if (domeinen)
      await graph.patch(
        `${listPath(siteId, 'MTs')}/items/${item.id}/fields`,
        domeinenFields(MT_FIELDS.domeinen, domeinen),
      );
  }
  for (const item of await items(graph, siteId, 'Acties')) {
    const domeinen = wijzig.acties?.[String(item.fields[ACTIE_FIELDS.nummer])];
    if (domeinen)
      await graph.patch(
        `${listPath(siteId, 'Acties')}/items/${item.id}/fields`,
        domeinenFields(ACTIE_FIELDS.domeinen, domeinen),
      );
  }
}
