/**
 * List items through SharePoint REST: `items` (GET with `$select`/`$top`, POST add), `items(n)`
 * and `items/getById(n)` (GET, MERGE with If-Match, DELETE). Writes go through the same code as
 * Graph's (validation, unique keys, versions, delta), after translating REST's wire shape:
 * person and lookup columns are written and read as `<Name>Id`, several values as an array or a
 * verbose `{"results":[...]}`, and the item eTag is the version in quotes (`"3"`).
 */
import { isLookupKind, isMultiValue, type ColumnRecord } from '../columns.js';
import { GraphError } from '../graph-errors.js';
import { actorOf } from '../routes/context.js';
import { getItemOr404, insertItem, patchItem, removeItem } from '../routes/items.js';
import { formatGraphInstant } from '../site-time.js';
import type { ItemRecord, ListRecord } from '../store.js';
import {
  checkIfMatchSp,
  collectionResponse,
  entityResponse,
  intArg,
  noContent,
  requireWriteSp,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './context.js';
import { badArgument, fromGraphError, methodNotAllowedSp, resourceNotFound, unknownProperty } from './errors.js';
import { entityTypeName, itemEntityType, listPath } from './names.js';
import { CollectionValue, readEntityBody, type Entity } from './odata.js';
import type { Segment } from './path.js';

const MAX_TOP = 5000;
const DEFAULT_TOP = 100;

function itemETagSp(item: ItemRecord): string {
  return `"${item.version}"`;
}

function itemEntity(list: ListRecord, columns: readonly ColumnRecord[], item: ItemRecord): Entity {
  const props: Record<string, unknown> = {
    FileSystemObjectType: 0,
    Id: item.id,
    ID: item.id,
    ContentTypeId: `0x0100${list.id.replace(/-/g, '').toUpperCase()}`,
    Title: item.values['Title'] ?? null,
  };
  for (const col of columns) {
    if (col.name === 'Title') continue;
    const value = item.values[col.name];
    if (isLookupKind(col.kind)) {
      props[`${col.name}Id`] = isMultiValue(col.kind)
        ? new CollectionValue('Collection(Edm.Int32)', Array.isArray(value) ? value : [])
        : (value ?? null);
    } else if (col.kind === 'multiChoice') {
      props[col.name] = new CollectionValue('Collection(Edm.String)', Array.isArray(value) ? value : []);
    } else {
      props[col.name] = value ?? null;
    }
  }
  Object.assign(props, {
    Created: formatGraphInstant(item.createdAt),
    Modified: formatGraphInstant(item.modifiedAt),
    AuthorId: item.authorId,
    EditorId: item.editorId,
    OData__UIVersionString: `${item.version}.0`,
    Attachments: false,
    GUID: item.uniqueId,
  });
  return { type: itemEntityType(list), path: `${listPath(list)}/Items(${item.id})`, etag: itemETagSp(item), props };
}

/** REST item properties → Graph's fieldValueSet, so the one write path validates and stores them. */
function toGraphFields(list: ListRecord, columns: readonly ColumnRecord[], body: unknown): Record<string, unknown> {
  const { props } = readEntityBody(body);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    let col = byName.get(key);
    let graphKey = key;
    if (col && isLookupKind(col.kind)) col = undefined;
    if (!col && key.endsWith('Id')) {
      const base = byName.get(key.slice(0, -2));
      if (base && isLookupKind(base.kind)) {
        col = base;
        graphKey = `${base.name}LookupId`;
      }
    }
    if (!col || col.readOnly) throw unknownProperty(key, itemEntityType(list));
    fields[graphKey] = value;
    if (Array.isArray(value))
      fields[`${graphKey}@odata.type`] =
        col.kind === 'multiChoice' ? 'Collection(Edm.String)' : 'Collection(Edm.Int32)';
  }
  return fields;
}

function withSpErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof GraphError) throw fromGraphError(err);
    throw err;
  }
}

function listItems(ctx: RestContext, req: RestRequest, list: ListRecord): RestResponse {
  const topText = req.options.get('top');
  const top = topText === undefined ? DEFAULT_TOP : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    throw badArgument(`$top must be a whole number from 1 to ${MAX_TOP}.`);
  const columns = ctx.store.columns(list.id);
  const items = ctx.store.itemsAfter(list.id, 0, top);
  return collectionResponse(
    ctx,
    req,
    items.map((i) => itemEntity(list, columns, i)),
    `SP.ListData.${entityTypeName(list)}Items`,
    ['top'],
  );
}

function addItem(ctx: RestContext, req: RestRequest, list: ListRecord): RestResponse {
  requireWriteSp(req.auth);
  const columns = ctx.store.columns(list.id);
  const item = withSpErrors(() => insertItem(ctx, list, toGraphFields(list, columns, req.body), actorOf(req.auth)));
  return entityResponse(ctx, req, itemEntity(list, columns, item), itemEntityType(list), 201);
}

function updateItem(ctx: RestContext, req: RestRequest, list: ListRecord, id: number): RestResponse {
  requireWriteSp(req.auth);
  const columns = ctx.store.columns(list.id);
  const updated = withSpErrors(() =>
    patchItem(ctx, list, id, toGraphFields(list, columns, req.body), actorOf(req.auth), (item) =>
      checkIfMatchSp(req, itemETagSp(item)),
    ),
  );
  return noContent({ ETag: itemETagSp(updated) });
}

function deleteItem(ctx: RestContext, req: RestRequest, list: ListRecord, id: number): RestResponse {
  requireWriteSp(req.auth);
  withSpErrors(() => removeItem(ctx, list, id, (item) => checkIfMatchSp(req, itemETagSp(item))));
  return noContent();
}

/** Routes `lists(...)/items[...]`. */
export function routeRestItems(
  ctx: RestContext,
  req: RestRequest,
  list: ListRecord,
  itemsSegment: Segment,
  rest: readonly Segment[],
): RestResponse {
  const [next, ...after] = rest;
  if (itemsSegment.args === undefined && !next) {
    if (req.method === 'GET') return listItems(ctx, req, list);
    if (req.method === 'POST') return addItem(ctx, req, list);
    throw methodNotAllowedSp(req.method);
  }
  const selector = itemsSegment.args !== undefined ? itemsSegment : next;
  const remaining = itemsSegment.args !== undefined ? rest : after;
  if (!selector || (selector !== itemsSegment && selector.key !== 'getbyid'))
    throw resourceNotFound(selector?.name ?? itemsSegment.name);
  if (remaining.length > 0) throw resourceNotFound(remaining[0]?.name ?? '');
  const id = intArg(selector);
  if (req.method === 'GET') {
    const item = withSpErrors(() => getItemOr404(ctx, list, id));
    return entityResponse(ctx, req, itemEntity(list, ctx.store.columns(list.id), item), itemEntityType(list));
  }
  if (req.method === 'MERGE') return updateItem(ctx, req, list, id);
  if (req.method === 'DELETE') return deleteItem(ctx, req, list, id);
  throw methodNotAllowedSp(req.method);
}
