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

/**
 * The most list items one page holds: SharePoint hands out at most 5,000 (its list view threshold; Graph returns no
 * more for a larger `$top`). A large list then comes in few round trips: the portfolio's 5,000 items in the `$batch`
 * itself instead of five more requests one after another. On a real network each of those is a round trip to Graph;
 * on the sandbox, where one costs a few milliseconds, the portfolio's first view with 5,000 items came 978 → 951 ms
 * (an interleaved A/B, medians of 9: issue 16).
 */
export const LIST_PAGE_SIZE = 5000;

/** The URL of a list read: only the item properties and fields the caller maps. */
export function listReadUrl(siteId: string, read: Omit<ListRead, 'id'>): string {
  const filter = read.filter ? `&$filter=${encodeURIComponent(read.filter)}` : '';
  return `${listPath(siteId, read.list)}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(read.fields)}&$top=${LIST_PAGE_SIZE}${filter}`;
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
  const optional = new Set(reads.filter((r) => r.optional === true).map((r) => r.id));
  for (const response of responses) {
    if (response.status === 200 || (response.status === 404 && optional.has(response.id))) continue;
    const body = response.body as { error?: { code?: string; message?: string } } | undefined;
    throw new GraphRequestError(
      body?.error?.message ?? `Reading ${response.id} failed (${response.status})`,
      response.status,
      body?.error?.code ?? 'unknown',
      undefined,
      body,
    );
  }
  // A list larger than one page: its further pages, each list's alongside the others'.
  const lists = await Promise.all(
    responses.map(async (response): Promise<[string, ListItem[]]> => {
      if (response.status === 404) return [response.id, []];
      const page = response.body as Page;
      const rest = page['@odata.nextLink'] ? await graph.getAll<ListItem>(page['@odata.nextLink']) : [];
      return [response.id, [...page.value, ...rest]];
    }),
  );
  return Object.fromEntries(lists);
}

/** A `$filter` clause "on or after" for a dateTime column, in Graph's literal form. */
export function onOrAfter(field: string, since: Date): string {
  return `fields/${field} ge '${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}
