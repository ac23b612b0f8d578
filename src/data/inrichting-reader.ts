/**
 * The set-up as a list reader needs it (issue 12.8), without the validator (`inrichting-store.ts` checks and writes
 * it): the tab's first view maps MT registrations and must not carry `checkInrichting`'s texts.
 */
import { ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import type { Graph } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import { inrichtingFieldNames, inrichtingFromItems } from './lists/inrichting.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { listPath } from './site.js';

/**
 * The set-up a list reader reads against, the way the plan reads it (`inrichtingFromItems`): the site's own when it is
 * usable, Zoetermeer's for an empty or missing list (a site from before schema version 12) and for one that is not
 * usable (the plan flags that; a reader must not stop over it). One GET; for the writers that map what they wrote
 * (an MT's channel, an MT registration) and read nothing else.
 */
export async function readInrichtingForReaders(graph: Graph, siteId: string): Promise<Inrichting> {
  try {
    const items = await graph.getAll<ListItem>(
      `${listPath(siteId, 'Inrichting')}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(inrichtingFieldNames)}&$top=999`,
    );
    return inrichtingFromItems(items).inrichting;
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return ZOETERMEER_INRICHTING;
    throw error;
  }
}
