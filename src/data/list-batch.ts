import type { Graph } from './graph/client.js';
import { sendBatch } from './graph/batch.js';
import { GraphRequestError } from './graph/errors.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { listPath } from './site.js';

/**
 * One list read of a batch: which list, which fields, optionally a filter on an indexed column. `optional`: a list
 * that an older site may lack (404) reads as empty instead of failing the batch.
 */
export type ListRead = { id: string; list: string; fields: readonly string[]; filter?: string; optional?: boolean };

type Page = { value: ListItem[]; '@odata.nextLink'?: string };

/** The URL of a list read: only the item properties and fields the caller maps. */
export function listReadUrl(siteId: string, read: Omit<ListRead, 'id'>): string {
  const filter = read.filter ? `&$filter=${encodeURIComponent(read.filter)}` : '';
  return `${listPath(siteId, read.list)}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(read.fields)}&$top=999${filter}`;
}

/**
 * Reads several lists in ONE `$batch` round trip and returns the items per read id. A list larger
 * than one page is completed with ordinary requests through its `@odata.nextLink`. Any failed
 * read fails the whole call with a typed error: the callers need every list to map their data.
 */
export async function readListsInOneBatch(
  graph: Graph,
  siteId: string,
  reads: readonly ListRead[],
): Promise<Record<string, ListItem[]>> {
  const responses = await sendBatch(
    graph,
    reads.map((read) => ({ id: read.id, method: 'GET' as const, url: listReadUrl(siteId, read) })),
  );
  const items: Record<string, ListItem[]> = {};
  const optional = new Set(reads.filter((r) => r.optional === true).map((r) => r.id));
  for (const response of responses) {
    if (response.status === 404 && optional.has(response.id)) {
      items[response.id] = [];
      continue;
    }
    if (response.status !== 200) {
      const body = response.body as { error?: { code?: string; message?: string } } | undefined;
      throw new GraphRequestError(
        body?.error?.message ?? `Reading ${response.id} failed (${response.status})`,
        response.status,
        body?.error?.code ?? 'unknown',
        undefined,
        body,
      );
    }
    const page = response.body as Page;
    const all = [...page.value];
    if (page['@odata.nextLink']) all.push(...(await graph.getAll<ListItem>(page['@odata.nextLink'])));
    items[response.id] = all;
  }
  return items;
}

/** A `$filter` clause "on or after" for a dateTime column, in Graph's literal form. */
export function onOrAfter(field: string, since: Date): string {
  return `fields/${field} ge '${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}
