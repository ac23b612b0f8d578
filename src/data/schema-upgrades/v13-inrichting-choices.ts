/**
 * Schema version 13: the choice columns that hold the municipality's own values (its domains, theme codes and
 * plateaus; marked `choicesFrom` in the schema) get the choices of the site's set-up, the Inrichting list, instead of
 * Zoetermeer's fixed ones. On a site without a set-up of its own that is Zoetermeer's, so nothing changes there.
 * Provisioning runs the same on every later run, so a set-up changed in SharePoint (or written by a plan import)
 * reaches the columns. Columns only: no item is touched, so every item and version stays as it is.
 */
import { InrichtingError, readInrichting } from '../inrichting-store.js';
import { applyInrichtingChoices } from '../inrichting-choices.js';
import type { Graph } from '../graph/client.js';
import type { ListDefinition } from '../lists/list-definition.js';

/**
 * Sets the choices from the set-up; returns a line per column it changed. A set-up that is not valid leaves every
 * column as it is and says why in one line (the report and the tab name the fault too): provisioning goes on.
 */
export async function setInrichtingChoices(
  graph: Graph,
  siteId: string,
  lists: readonly ListDefinition[],
): Promise<string[]> {
  let inrichting;
  try {
    inrichting = (await readInrichting(graph, siteId)).inrichting;
  } catch (error) {
    if (error instanceof InrichtingError) return [`keuzes niet bijgewerkt: ${error.message}`];
    throw error;
  }
  const { changed } = await applyInrichtingChoices(graph, siteId, inrichting, lists);
  return changed.map((c) => `${c}: keuzes uit de inrichting`);
}
