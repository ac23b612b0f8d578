/**
 * The municipality's set-up on the site (issue 12, point 8; the Inrichting list): read whole and validated, written
 * once. A site whose list is empty has Zoetermeer's set-up, the app's default, so every site provisioned before the
 * list existed keeps working as it did.
 */
import {
  checkInrichting,
  ZOETERMEER_INRICHTING,
  type Inrichting,
  type InrichtingProblem,
} from '../domain/inrichting.js';
import type { Graph } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import {
  inrichtingFieldNames,
  inrichtingToItems,
  itemsToRawInrichting,
  INRICHTING_FIELDS,
} from './lists/inrichting.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { createListStore } from './list-store.js';
import { listPath } from './site.js';

/** The set-up on the site is not valid; `problemen` name each fault in Dutch. */
export class InrichtingError extends Error {
  override readonly name = 'InrichtingError';
  constructor(readonly problemen: readonly InrichtingProblem[]) {
    super(`De inrichting in de lijst Inrichting klopt niet: ${problemen.map((p) => p.melding).join(' ')}`);
  }
}

/** A set-up as read: from the site's own items, or Zoetermeer's default for an empty list. */
export type InrichtingReadResult = { bron: 'site' | 'standaard'; inrichting: Inrichting };

async function readItems(graph: Graph, siteId: string): Promise<ListItem[]> {
  return graph.getAll<ListItem>(
    `${listPath(siteId, 'Inrichting')}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(inrichtingFieldNames)}&$top=999`,
  );
}

/**
 * Reads and validates the site's set-up. An empty list gives Zoetermeer's (`bron: 'standaard'`); items that do not
 * make a valid set-up throw `InrichtingError` naming every problem (a list edited by hand in SharePoint, say).
 */
export async function readInrichting(graph: Graph, siteId: string): Promise<InrichtingReadResult> {
  const items = await readItems(graph, siteId);
  if (items.length === 0) return { bron: 'standaard', inrichting: ZOETERMEER_INRICHTING };
  const checked = checkInrichting(itemsToRawInrichting(items));
  if (!checked.ok) throw new InrichtingError(checked.problemen);
  return { bron: 'site', inrichting: checked.inrichting };
}

/** The site already has a set-up of its own: writing another is refused (it is changed item by item). */
export class InrichtingExistsError extends Error {
  override readonly name = 'InrichtingExistsError';
  constructor() {
    super('De site heeft al een inrichting; pas die in de lijst Inrichting aan in plaats van een nieuwe te schrijven.');
  }
}

/**
 * Writes a set-up into an empty Inrichting list: validated first (nothing is written for an invalid one), then one
 * create per value with its Sleutel as the de-duplication key, so a run repeated after a lost answer writes each
 * item once. Refuses a list that already holds items.
 * @returns the number of items written.
 */
export async function writeInrichting(graph: Graph, siteId: string, inrichting: Inrichting): Promise<number> {
  const checked = checkInrichting(inrichting);
  if (!checked.ok) throw new InrichtingError(checked.problemen);
  const existing = await readItems(graph, siteId);
  const items = inrichtingToItems(checked.inrichting);
  // Only a run of this same set-up that stopped half-way may be finished: every item there must be one of these.
  const ours = new Map(items.map((x) => [x.sleutel, x.fields[INRICHTING_FIELDS.naam]]));
  const sleutels = new Set<string>();
  for (const item of existing) {
    const sleutel = String(item.fields?.[INRICHTING_FIELDS.sleutel] ?? '');
    if (!ours.has(sleutel) || ours.get(sleutel) !== item.fields?.[INRICHTING_FIELDS.naam])
      throw new InrichtingExistsError();
    sleutels.add(sleutel);
  }
  const store = createListStore(graph, siteId, 'Inrichting');
  let written = 0;
  for (const item of items) {
    if (sleutels.has(item.sleutel)) continue;
    await store.create(item.fields, item.sleutel, INRICHTING_FIELDS.sleutel);
    written += 1;
  }
  return written;
}

/**
 * The municipality's name for a report: the site's own set-up when it has one; otherwise `fallback` (the GEMEENTE
 * setting, by default "Gemeente Zoetermeer"), also for a site provisioned before the Inrichting list existed. A set-up
 * that is not valid throws `InrichtingError`: a report must not go out under a name read from a broken list.
 */
export async function readGemeente(graph: Graph, siteId: string, fallback: string): Promise<string> {
  try {
    const gelezen = await readInrichting(graph, siteId);
    return gelezen.bron === 'site' ? gelezen.inrichting.gemeente : fallback;
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return fallback;
    throw error;
  }
}
