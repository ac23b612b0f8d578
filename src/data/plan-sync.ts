import type { Graph } from './graph/client.js';
import { batchUrl, sendBatch, type BatchRequest, type BatchResponse } from './graph/batch.js';
import { GraphRequestError, RetryExhaustedError } from './graph/errors.js';
import { actieFieldNames } from './lists/acties.js';
import { adviesFieldNames } from './lists/adviezen.js';
import { bevindingFieldNames } from './lists/bevindingen.js';
import { domeinVoortgangFieldNames } from './lists/domein-voortgang.js';
import { fieldsExpand, ITEM_SELECT, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { inrichtingFieldNames } from './lists/inrichting.js';
import { siteUserFieldNames } from './lists/site-users.js';
import { mapPlan, type LoadedPlan } from './plan-store.js';

/** The lists the plan is read from, with the fields each needs. */
const PLAN_LISTS = {
  adviezen: { list: 'Adviezen', fields: adviesFieldNames },
  bevindingen: { list: 'Bevindingen', fields: bevindingFieldNames },
  acties: { list: 'Acties', fields: actieFieldNames },
  users: { list: SITE_USERS_LIST, fields: siteUserFieldNames },
  // The rows per domain of the shared actions travel in the same $batch: the plan's cold load stays one request.
  domeinVoortgang: { list: 'DomeinVoortgang', fields: domeinVoortgangFieldNames },
  // The municipality's set-up (issue 12.8) too: the tab shows its domains, themes and plateaus from the first view.
  inrichting: { list: 'Inrichting', fields: inrichtingFieldNames },
} as const;
type PlanListKey = keyof typeof PLAN_LISTS;
const KEYS = Object.keys(PLAN_LISTS) as PlanListKey[];

export type RawPlanItems = Record<PlanListKey, ListItem[]>;

/**
 * What the tab keeps between sessions (IndexedDB): the raw items, the plan mapped from them,
 * and a delta link per list so the next refresh asks only for what changed. JSON-serialisable.
 */
export type PlanSnapshot = {
  siteId: string;
  plan: LoadedPlan;
  items: RawPlanItems;
  deltaLinks: Record<PlanListKey, string>;
  savedAt: string;
};

type DeltaPage = {
  value?: (ListItem & { deleted?: unknown; '@removed'?: unknown })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

function sitePath(siteUrl: string): string {
  const url = new URL(siteUrl);
  return `/sites/${url.hostname}:${url.pathname.replace(/\/+$/, '')}`;
}

function failed(response: BatchResponse, what: string): Error {
  const body = response.body as { error?: { code?: string; message?: string } } | undefined;
  const code = body?.error?.code ?? 'unknown';
  if (response.status === 429 || response.status === 503) {
    return new RetryExhaustedError(`Graph stayed throttled while reading ${what}.`, response.status, 0);
  }
  return new GraphRequestError(
    body?.error?.message ?? `Reading ${what} failed (${response.status}).`,
    response.status,
    code,
    undefined,
    body,
  );
}

/**
 * Follows delta pages for several lists at once, one `$batch` per round, until every list has
 * its delta link. Returns the items (upserts and deletions) per list.
 */
async function drainDelta(
  graph: Graph,
  first: Partial<Record<PlanListKey, string>>,
): Promise<{ pages: Record<PlanListKey, DeltaPage['value']>; deltaLinks: Record<PlanListKey, string> }> {
  const pages = Object.fromEntries(KEYS.map((k) => [k, []])) as unknown as Record<
    PlanListKey,
    NonNullable<DeltaPage['value']>
  >;
  const deltaLinks = {} as Record<PlanListKey, string>;
  let next = { ...first };
  while (Object.keys(next).length > 0) {
    const requests: BatchRequest[] = (Object.entries(next) as [PlanListKey, string][]).map(([key, url]) => ({
      id: key,
      method: 'GET',
      url,
    }));
    const responses = await sendBatch(graph, requests);
    const following: Partial<Record<PlanListKey, string>> = {};
    for (const response of responses) {
      const key = response.id as PlanListKey;
      if (response.status === 410) throw new DeltaResyncRequired(key);
      if (response.status !== 200) throw failed(response, PLAN_LISTS[key].list);
      const page = response.body as DeltaPage;
      pages[key].push(...(page.value ?? []));
      if (page['@odata.nextLink']) following[key] = batchUrl(graph, page['@odata.nextLink']);
      else if (page['@odata.deltaLink']) deltaLinks[key] = batchUrl(graph, page['@odata.deltaLink']);
      else
        throw new GraphRequestError(
          `Delta for ${PLAN_LISTS[key].list} ended without a delta link.`,
          200,
          'unexpectedResponse',
          undefined,
          page,
        );
    }
    next = following;
  }
  return { pages, deltaLinks };
}

/** The server no longer knows a delta link (410 Gone): the list must be read afresh. */
export class DeltaResyncRequired extends Error {
  override readonly name = 'DeltaResyncRequired';
  constructor(readonly list: string) {
    super(`Delta for ${list} must start again (410).`);
  }
}

function isRemoved(item: { deleted?: unknown; '@removed'?: unknown }): boolean {
  return item.deleted !== undefined || item['@removed'] !== undefined;
}

/**
 * Reads the plan from nothing: the site and a delta enumeration of each list in ONE `$batch`
 * (more rounds only when a list spans several pages). The delta enumeration returns every item
 * and ends with the delta link the next refresh starts from.
 */
export async function loadPlanCold(graph: Graph, siteUrl: string): Promise<PlanSnapshot> {
  const site = sitePath(siteUrl);
  const deltaUrl = (key: PlanListKey) =>
    `${site}:/lists/${encodeURIComponent(PLAN_LISTS[key].list)}/items/delta?$select=${ITEM_SELECT}&$expand=${fieldsExpand(PLAN_LISTS[key].fields)}&$top=999`;
  const first: BatchRequest[] = [
    { id: 'site', method: 'GET', url: `${site}?$select=id` },
    ...KEYS.map((key) => ({ id: key, method: 'GET' as const, url: deltaUrl(key) })),
  ];
  const responses = await sendBatch(graph, first);
  const siteResponse = responses.find((r) => r.id === 'site');
  if (!siteResponse || siteResponse.status !== 200)
    throw failed(siteResponse ?? { id: 'site', status: 0, headers: {}, body: undefined }, 'the site');
  const siteId = (siteResponse.body as { id: string }).id;

  const items = Object.fromEntries(KEYS.map((k) => [k, []])) as unknown as RawPlanItems;
  const deltaLinks = {} as Record<PlanListKey, string>;
  const more: Partial<Record<PlanListKey, string>> = {};
  for (const response of responses.filter((r) => r.id !== 'site')) {
    const key = response.id as PlanListKey;
    // A site provisioned before schema version 12 has no Inrichting list: Zoetermeer's set-up, nothing to follow.
    if (key === 'inrichting' && response.status === 404) continue;
    if (response.status !== 200) throw failed(response, PLAN_LISTS[key].list);
    const page = response.body as DeltaPage;
    items[key].push(...(page.value ?? []).filter((i) => !isRemoved(i)));
    if (page['@odata.nextLink']) more[key] = batchUrl(graph, page['@odata.nextLink']);
    else if (page['@odata.deltaLink']) deltaLinks[key] = batchUrl(graph, page['@odata.deltaLink']);
  }
  if (Object.keys(more).length > 0) {
    const rest = await drainDelta(graph, more);
    for (const key of Object.keys(more) as PlanListKey[]) {
      items[key].push(...(rest.pages[key] ?? []).filter((i) => !isRemoved(i)));
      deltaLinks[key] = rest.deltaLinks[key];
    }
  }
  return { siteId, items, deltaLinks, plan: mapPlan(items), savedAt: new Date().toISOString() };
}

/**
 * Brings a snapshot up to date with ONE `$batch` of delta requests (one per list). Items that
 * changed replace their old version, deleted ones go. A 410 on any list means the server forgot
 * our position: the plan is then read cold, which is always correct.
 */
export async function refreshPlan(
  graph: Graph,
  siteUrl: string,
  snapshot: PlanSnapshot,
): Promise<{ snapshot: PlanSnapshot; changed: boolean }> {
  let delta: Awaited<ReturnType<typeof drainDelta>>;
  try {
    delta = await drainDelta(graph, snapshot.deltaLinks);
  } catch (error) {
    if (error instanceof DeltaResyncRequired) return { snapshot: await loadPlanCold(graph, siteUrl), changed: true };
    throw error;
  }
  let changed = false;
  const items = { ...snapshot.items };
  for (const key of KEYS) {
    const changes = delta.pages[key] ?? [];
    if (changes.length === 0) continue;
    changed = true;
    const byId = new Map(items[key].map((i) => [i.id, i]));
    for (const change of changes) {
      if (isRemoved(change)) byId.delete(change.id);
      else byId.set(change.id, change);
    }
    items[key] = [...byId.values()];
  }
  const next: PlanSnapshot = {
    siteId: snapshot.siteId,
    items,
    deltaLinks: delta.deltaLinks,
    plan: changed ? mapPlan(items) : snapshot.plan,
    savedAt: new Date().toISOString(),
  };
  return { snapshot: next, changed };
}
