/**
 * Lists and their columns:
 * `GET|POST /sites/{site}/lists`, `GET /lists/{list}`, `GET|POST /lists/{list}/columns`,
 * `GET|PATCH /lists/{list}/columns/{column}`. A list is addressed by its GUID or its display name.
 */
import { randomUUID } from 'node:crypto';
import {
  columnToGraph,
  parseColumnDefinition,
  patchColumn,
  readOnlyBuiltInColumns,
  titleColumn,
  type ColumnRecord,
  type ListResolver,
} from '../columns.js';
import {
  GraphError,
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  nameAlreadyExists,
  unknownSegment,
} from '../graph-errors.js';
import { readQueryOptions, parseExpand } from '../item-query.js';
import { uniqueKeyOf } from '../field-values.js';
import { compileFilter, FilterError, parseFilter, type BoundField } from '../odata-filter.js';
import { formatGraphInstant } from '../site-time.js';
import type { ListRecord } from '../store.js';
import {
  actorOf,
  bodyObject,
  json,
  odataContext,
  requireManage,
  type GraphContext,
  type GraphRequest,
  type GraphResponse,
} from './context.js';
import { routeItems } from './items.js';

/** The web URL of a list, as SharePoint forms it. */
export function listWebUrl(ctx: GraphContext, list: ListRecord): string {
  if (list.systemKind === 'userInformation') return `${ctx.urls.siteUrl}/_catalogs/users`;
  return `${ctx.urls.siteUrl}/Lists/${encodeURIComponent(list.name)}`;
}

function listETag(list: ListRecord): string {
  return `"${list.id},${list.version}"`;
}

function listToGraph(ctx: GraphContext, list: ListRecord): Record<string, unknown> {
  return {
    '@odata.etag': listETag(list),
    createdDateTime: formatGraphInstant(list.createdAt),
    description: list.description,
    eTag: listETag(list),
    id: list.id,
    lastModifiedDateTime: formatGraphInstant(list.modifiedAt),
    name: list.name,
    webUrl: listWebUrl(ctx, list),
    displayName: list.displayName,
    createdBy: list.createdBy,
    lastModifiedBy: list.modifiedBy,
    parentReference: { siteId: ctx.siteId },
    list: { contentTypesEnabled: false, hidden: list.hidden, template: list.template },
  };
}

/** Columns in Graph's order: Title, the custom columns, then SharePoint's read-only built-ins. */
function columnsToGraph(columns: readonly ColumnRecord[], includeHidden: boolean): Record<string, unknown>[] {
  return [...columns.filter((c) => includeHidden || !c.hidden).map(columnToGraph), ...readOnlyBuiltInColumns()];
}

function findListOr404(ctx: GraphContext, key: string): ListRecord {
  const list = ctx.store.findList(key);
  if (!list) throw itemNotFound(`List '${key}' does not exist at site with URL '${ctx.urls.siteUrl}'.`);
  return list;
}

function resolver(ctx: GraphContext): ListResolver {
  return (key) => ctx.store.findList(key);
}

/** SharePoint leaves these characters out of a list's URL name. */
export function urlNameFor(ctx: GraphContext, displayName: string): string {
  const base = displayName.replace(/["#%*:<>?/\\|{}~&]/g, '').trim() || 'List';
  const taken = new Set(ctx.store.allLists().map((l) => l.name.toLowerCase()));
  let name = base;
  for (let n = 1; taken.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
  return name;
}

function listLists(ctx: GraphContext, req: GraphRequest): GraphResponse {
  const options = readQueryOptions(req.query);
  let lists = ctx.store.allLists();
  const filterText = options.get('filter');
  if (filterText !== undefined) {
    const bind = (path: string, position: number): BoundField<ListRecord> => {
      if (path === 'displayName') return { type: 'string', get: (l) => l.displayName };
      if (path === 'name') return { type: 'string', get: (l) => l.name };
      if (path === 'id') return { type: 'string', get: (l) => l.id };
      throw new FilterError(`lists can be filtered on displayName, name and id, not '${path}'`, position);
    };
    try {
      lists = lists.filter(compileFilter(parseFilter(filterText), bind));
    } catch (err) {
      if (err instanceof FilterError) throw invalidRequest(err.message);
      throw err;
    }
  }
  const expandColumns = options.has('expand') && parseExpand(options.get('expand') ?? '', ['columns']).length > 0;
  return json({
    '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists`),
    value: lists.map((l) => ({
      ...listToGraph(ctx, l),
      ...(expandColumns ? { columns: columnsToGraph(ctx.store.columns(l.id), false) } : {}),
    })),
  });
}

function createList(ctx: GraphContext, req: GraphRequest): GraphResponse {
  requireManage(req.auth);
  const body = bodyObject(req);
  const rawDisplayName = body['displayName'];
  if (typeof rawDisplayName !== 'string' || rawDisplayName.trim() === '')
    throw invalidRequest(`A list needs a non-empty 'displayName'.`);
  const displayName = rawDisplayName.trim();
  const listFacet = (body['list'] ?? {}) as Record<string, unknown>;
  if (typeof listFacet !== 'object' || Array.isArray(listFacet)) throw invalidRequest(`'list' must be an object.`);
  const template = listFacet['template'] ?? 'genericList';
  if (template !== 'genericList')
    throw new GraphError(
      400,
      'notSupported',
      `The sandbox creates only 'genericList' lists, not '${String(template)}'.`,
    );
  const columnsInput = body['columns'] ?? [];
  if (!Array.isArray(columnsInput)) throw invalidRequest(`'columns' must be an array of columnDefinitions.`);
  const description = typeof body['description'] === 'string' ? body['description'] : '';
  const now = ctx.now().getTime();
  const actor = actorOf(req.auth);
  const list = ctx.store.transaction(() => {
    if (ctx.store.findList(displayName)) {
      throw nameAlreadyExists(
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      );
    }
    const columns: ColumnRecord[] = [titleColumn()];
    for (const input of columnsInput) {
      const col = parseColumnDefinition(input, resolver(ctx));
      if (columns.some((c) => c.name.toLowerCase() === col.name.toLowerCase())) {
        throw nameAlreadyExists(`A duplicate field name "${col.name}" was found.`);
      }
      columns.push(col);
    }
    const record: ListRecord = {
      id: randomUUID(),
      displayName,
      name: urlNameFor(ctx, displayName),
      template: 'genericList',
      hidden: false,
      systemKind: null,
      description,
      createdAt: now,
      modifiedAt: now,
      createdBy: actor.identity,
      modifiedBy: actor.identity,
      version: 1,
    };
    ctx.store.insertList(record, columns);
    return record;
  });
  const location = `${ctx.urls.graphUrl}/sites/${ctx.siteId}/lists/${list.id}`;
  return json(
    { '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists/$entity`), ...listToGraph(ctx, list) },
    201,
    { Location: location },
  );
}

function getList(ctx: GraphContext, req: GraphRequest, list: ListRecord): GraphResponse {
  const options = readQueryOptions(req.query);
  const expand = options.has('expand') ? parseExpand(options.get('expand') ?? '', ['columns', 'items']) : [];
  if (expand.some((e) => e.name === 'items'))
    throw new GraphError(400, 'notSupported', `Use GET .../lists/{list}/items to read items.`);
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists/$entity`),
    ...listToGraph(ctx, list),
  };
  if (expand.some((e) => e.name === 'columns')) {
    body['columns@odata.context'] = odataContext(ctx, `sites('${ctx.siteId}')/lists('${list.id}')/columns`);
    body['columns'] = columnsToGraph(ctx.store.columns(list.id), false);
  }
  return json(body);
}

function findColumn(columns: readonly ColumnRecord[], key: string): ColumnRecord | undefined {
  const lower = key.toLowerCase();
  return columns.find((c) => c.id.toLowerCase() === lower || c.name.toLowerCase() === lower);
}

function createColumn(ctx: GraphContext, req: GraphRequest, list: ListRecord): GraphResponse {
  requireManage(req.auth);
  if (list.systemKind) throw new GraphError(403, 'accessDenied', `Columns cannot be added to '${list.displayName}'.`);
  const input = bodyObject(req);
  const actor = actorOf(req.auth);
  const col = ctx.store.transaction(() => {
    const parsed = parseColumnDefinition(input, resolver(ctx));
    if (findColumn(ctx.store.columns(list.id), parsed.name))
      throw nameAlreadyExists(`A duplicate field name "${parsed.name}" was found.`);
    ctx.store.insertColumn(list.id, parsed);
    ctx.store.touchList(list.id, ctx.now().getTime(), actor.identity);
    return parsed;
  });
  return json(
    {
      '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists('${list.id}')/columns/$entity`),
      ...columnToGraph(col),
    },
    201,
  );
}

function updateColumn(ctx: GraphContext, req: GraphRequest, list: ListRecord, key: string): GraphResponse {
  requireManage(req.auth);
  if (list.systemKind) throw new GraphError(403, 'accessDenied', `Columns of '${list.displayName}' cannot be changed.`);
  const input = bodyObject(req);
  const actor = actorOf(req.auth);
  const updated = ctx.store.transaction(() => {
    const current = findColumn(ctx.store.columns(list.id), key);
    if (!current) {
      if (
        readOnlyBuiltInColumns().some(
          (c) => String(c['name']).toLowerCase() === key.toLowerCase() || String(c['id']) === key.toLowerCase(),
        )
      ) {
        throw invalidRequest(`The built-in column '${key}' cannot be changed.`);
      }
      throw itemNotFound(`Column '${key}' does not exist in list '${list.displayName}'.`);
    }
    const next = patchColumn(current, input, resolver(ctx));
    if (next.enforceUniqueValues && !current.enforceUniqueValues) {
      // SharePoint refuses to switch on uniqueness while the list holds duplicates.
      const seen = new Set<string>();
      const keys: Array<[number, string]> = [];
      for (const item of ctx.store.items(list.id)) {
        const k = uniqueKeyOf(item.values[next.name]);
        if (k === undefined) continue;
        if (seen.has(k))
          throw invalidRequest(
            'This field contains duplicate values. Remove all duplicate values and try the operation again.',
          );
        seen.add(k);
        keys.push([item.id, k]);
      }
      for (const [itemId, k] of keys) ctx.store.setUniqueKey(list.id, next.name, itemId, k);
    }
    if (!next.enforceUniqueValues && current.enforceUniqueValues) ctx.store.clearUniqueColumn(list.id, next.name);
    ctx.store.updateColumn(list.id, next);
    ctx.store.touchList(list.id, ctx.now().getTime(), actor.identity);
    return next;
  });
  return json({
    '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists('${list.id}')/columns/$entity`),
    ...columnToGraph(updated),
  });
}

function getColumn(ctx: GraphContext, list: ListRecord, key: string): GraphResponse {
  const col = findColumn(ctx.store.columns(list.id), key);
  const graphColumn =
    col !== undefined
      ? columnToGraph(col)
      : readOnlyBuiltInColumns().find(
          (c) => String(c['name']).toLowerCase() === key.toLowerCase() || String(c['id']) === key.toLowerCase(),
        );
  if (!graphColumn) throw itemNotFound(`Column '${key}' does not exist in list '${list.displayName}'.`);
  return json({
    '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists('${list.id}')/columns/$entity`),
    ...graphColumn,
  });
}

/** Routes everything below `/sites/{site}/lists`. `segments` are already percent-decoded. */
export function routeLists(ctx: GraphContext, req: GraphRequest, segments: readonly string[]): GraphResponse {
  const [listKey, sub, subKey, ...rest] = segments;
  if (listKey === undefined) {
    if (req.method === 'GET') return listLists(ctx, req);
    if (req.method === 'POST') return createList(ctx, req);
    throw methodNotAllowed();
  }
  const list = findListOr404(ctx, listKey);
  if (sub === undefined) {
    if (req.method === 'GET') return getList(ctx, req, list);
    throw methodNotAllowed();
  }
  if (sub === 'columns') {
    if (subKey === undefined) {
      if (req.method === 'GET') {
        return json({
          '@odata.context': odataContext(ctx, `sites('${ctx.siteId}')/lists('${list.id}')/columns`),
          value: columnsToGraph(ctx.store.columns(list.id), false),
        });
      }
      if (req.method === 'POST') return createColumn(ctx, req, list);
      throw methodNotAllowed();
    }
    if (rest.length > 0) throw unknownSegment(rest[0] ?? '');
    if (req.method === 'GET') return getColumn(ctx, list, subKey);
    if (req.method === 'PATCH') return updateColumn(ctx, req, list, subKey);
    throw methodNotAllowed();
  }
  if (sub === 'items') return routeItems(ctx, req, list, subKey === undefined ? [] : [subKey, ...rest]);
  throw unknownSegment(sub);
}
