import { calendarDateToInstant } from '../domain/dates.js';
import type { Actie, ActieStatus, CalendarDate, Plateau } from '../domain/model.js';
import { odataQuery, odataString, type Graph } from './graph/client.js';
import { ACTIE_FIELDS, actieFieldNames, actiesList, toActie, type ActieReadContext } from './lists/acties.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, lookupIdField, type ListItem } from './lists/list-definition.js';
import { listPath } from './site.js';

/** A server-side selection of actions. Every criterion maps to an indexed column. */
export type ActieQuery = {
  status?: ActieStatus[];
  plateau?: Plateau;
  eigenaarId?: string;
  deadlineBefore?: CalendarDate;
  deadlineFrom?: CalendarDate;
  orderByDeadline?: 'asc' | 'desc';
};

const INDEXED = new Set(actiesList.columns.filter((c) => c.indexed).map((c) => c.name));

/** Refuses, at build time, a filter on a column the schema does not index (SharePoint would, at 5,000 items). */
function indexed(column: string): string {
  if (!INDEXED.has(column)) throw new Error(`Column ${column} is not indexed; filtering on it fails on large lists.`);
  return column;
}

/** Builds the `$filter`/`$orderby` for a query, on indexed columns only. */
export function buildActieQuery(query: ActieQuery): { filter?: string; orderby?: string } {
  const clauses: string[] = [];
  if (query.status?.length) {
    const column = indexed(ACTIE_FIELDS.status);
    clauses.push(`(${query.status.map((s) => `fields/${column} eq ${odataString(s)}`).join(' or ')})`);
  }
  if (query.plateau) clauses.push(`fields/${indexed(ACTIE_FIELDS.plateau)} eq ${odataString(query.plateau)}`);
  if (query.eigenaarId) {
    indexed(ACTIE_FIELDS.eigenaar);
    clauses.push(`fields/${lookupIdField(ACTIE_FIELDS.eigenaar)} eq ${Number(query.eigenaarId)}`);
  }
  if (query.deadlineFrom)
    clauses.push(`fields/${indexed(ACTIE_FIELDS.deadline)} ge '${calendarDateToInstant(query.deadlineFrom)}'`);
  if (query.deadlineBefore)
    clauses.push(`fields/${indexed(ACTIE_FIELDS.deadline)} lt '${calendarDateToInstant(query.deadlineBefore)}'`);
  const result: { filter?: string; orderby?: string } = {};
  if (clauses.length) result.filter = clauses.join(' and ');
  if (query.orderByDeadline) result.orderby = `fields/${indexed(ACTIE_FIELDS.deadline)} ${query.orderByDeadline}`;
  return result;
}

/** Reads the actions matching a query, page by page through `@odata.nextLink`. */
export async function queryActies(
  graph: Graph,
  siteId: string,
  context: ActieReadContext,
  query: ActieQuery,
  pageSize = 500,
): Promise<Loaded<Actie>[]> {
  const { filter, orderby } = buildActieQuery(query);
  const path = `${listPath(siteId, 'Acties')}/items${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(actieFieldNames), $filter: filter, $orderby: orderby, $top: pageSize })}`;
  const items = await graph.getAll<ListItem>(path);
  return items.map((item) => toActie(item, context));
}
