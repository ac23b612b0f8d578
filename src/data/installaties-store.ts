import type { Graph } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import type { Loaded } from './lists/field-reader.js';
import {
  INSTALLATIE_FIELDS,
  installatieFieldNames,
  installatieToFields,
  toInstallatie,
  type Installatie,
} from './lists/installaties.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { createListStore, EtagConflictError } from './list-store.js';
import { listPath } from './site.js';

/** Every team the bot is installed in (a small list: one item per team). */
export async function loadInstallaties(graph: Graph, siteId: string): Promise<Loaded<Installatie>[]> {
  const items = await graph.getAll<ListItem>(
    `${listPath(siteId, 'Installaties')}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(installatieFieldNames)}&$top=999`,
  );
  return items.map(toInstallatie);
}

/**
 * The installation of the team an MT names by its thread id or its Entra group id (in `TeamId`, or the `GroepId` the
 * configuration page writes next to it).
 */
export function installatieForTeam(
  installaties: readonly Loaded<Installatie>[],
  teamId: string | undefined,
  groepId?: string,
): Installatie | undefined {
  const ids = [teamId, groepId].filter((id): id is string => id !== undefined && id !== '');
  if (ids.length === 0) return undefined;
  return installaties.find(
    (i) => ids.includes(i.value.teamId) || (i.value.groepId !== undefined && ids.includes(i.value.groepId)),
  )?.value;
}

function changed(current: Installatie, next: Installatie): boolean {
  return (
    (next.naam !== undefined && next.naam !== current.naam) ||
    (next.groepId !== undefined && next.groepId !== current.groepId) ||
    (next.tenantId !== undefined && next.tenantId !== current.tenantId) ||
    (next.serviceUrl !== undefined && next.serviceUrl !== current.serviceUrl)
  );
}

/**
 * Records a team's installation: creates its item (the unique TeamId lets one create through) or updates the values
 * that changed, with If-Match. Fields the event does not carry (a missing serviceUrl) keep their stored value.
 * @returns whether anything was written.
 */
export async function recordInstallatie(graph: Graph, siteId: string, next: Installatie): Promise<boolean> {
  const store = createListStore(graph, siteId, 'Installaties');
  const current = (await loadInstallaties(graph, siteId)).find((i) => i.value.teamId === next.teamId);
  if (!current) {
    try {
      await store.create(installatieToFields(next), next.teamId, INSTALLATIE_FIELDS.teamId);
    } catch (error) {
      // Teams announces an install with two activities: the other one created the item with the same facts.
      if (error instanceof GraphRequestError && error.status === 409) return false;
      throw error;
    }
    return true;
  }
  if (!changed(current.value, next)) return false;
  const merged: Installatie = {
    ...current.value,
    ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
  };
  try {
    await store.update(current.id, current.eTag, installatieToFields(merged), installatieFieldNames);
  } catch (error) {
    // Two events of one install at once: the other write holds the same facts.
    if (!(error instanceof EtagConflictError)) throw error;
  }
  return true;
}
