import type { Graph } from './graph/client.js';
import type { ColumnDefinition, ListDefinition, ListName } from './lists/list-definition.js';
import { listPath } from './site.js';

export type ProvisionReport = {
  listsCreated: ListName[];
  columnsAdded: string[];
  columnsIndexed: string[];
};

type GraphList = { id: string; displayName: string };
type GraphColumn = { id: string; name: string; indexed?: boolean };

/** Graph's columnDefinition for one of our columns; a lookup's target list name becomes its id. */
function toGraphColumn(column: ColumnDefinition, listIds: ReadonlyMap<string, string>): Record<string, unknown> {
  if (!('lookup' in column)) return { ...column };
  const { lookup, ...rest } = column;
  const listId = listIds.get(lookup.listName);
  if (!listId) throw new Error(`Lookup ${column.name} points to list ${lookup.listName}, which does not exist yet.`);
  return {
    ...rest,
    lookup: { listId, columnName: lookup.columnName, ...(lookup.allowMultipleValues ? { allowMultipleValues: true } : {}) },
  };
}

function isSelfLookup(column: ColumnDefinition, list: ListDefinition): boolean {
  return 'lookup' in column && column.lookup.listName === list.name;
}

/**
 * Applies the declarative schema to a site through Graph, idempotently: creates missing lists
 * with their columns, adds missing columns to existing lists and switches on indexes that are
 * off. It never deletes or retypes a column: data survives every run.
 * Needs Sites.Manage.All (or Sites.Selected with manage rights on the one site).
 */
export async function provisionLists(graph: Graph, siteId: string, schema: readonly ListDefinition[]): Promise<ProvisionReport> {
  const report: ProvisionReport = { listsCreated: [], columnsAdded: [], columnsIndexed: [] };
  const existing = await graph.getAll<GraphList>(`/sites/${siteId}/lists?$select=id,displayName`);
  const listIds = new Map(existing.map((l) => [l.displayName, l.id]));

  for (const list of schema) {
    let listId = listIds.get(list.name);
    if (!listId) {
      const created = await graph.post<GraphList>(`/sites/${siteId}/lists`, {
        displayName: list.name,
        description: list.description,
        list: { template: 'genericList' },
        columns: list.columns.filter((c) => !isSelfLookup(c, list)).map((c) => toGraphColumn(c, listIds)),
      });
      listId = created.id;
      listIds.set(list.name, listId);
      report.listsCreated.push(list.name);
    }

    const columns = await graph.getAll<GraphColumn>(`${listPath(siteId, list.name)}/columns`);
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const column of list.columns) {
      const present = byName.get(column.name);
      if (!present) {
        await graph.post(`${listPath(siteId, list.name)}/columns`, toGraphColumn(column, listIds));
        report.columnsAdded.push(`${list.name}.${column.name}`);
      } else if (column.indexed && !present.indexed) {
        await graph.patch(`${listPath(siteId, list.name)}/columns/${present.id}`, { indexed: true });
        report.columnsIndexed.push(`${list.name}.${column.name}`);
      }
    }
  }
  return report;
}
