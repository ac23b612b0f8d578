/**
 * List items: list (filter, sort, page), create, read, update fields, delete, versions and delta.
 * Every write is one transaction: the id, the values, the version snapshot, the unique keys and
 * the change-log entry commit together.
 */
import { randomUUID } from 'node:crypto';
import type { ColumnRecord } from '../columns.js';
import {
  applyWrites,
  checkFieldSelect,
  checkRequired,
  itemETag,
  parseFieldWrites,
  renderFields,
  uniqueKeyOf,
  valueAsLookupText,
  type FieldReadContext,
  type FieldWriteContext,
} from '../field-values.js';
import {
  accessDenied,
  GraphError,
  invalidRequest,
  itemNotFound,
  methodNotAllowed,
  preconditionFailed,
  unknownSegment,
} from '../graph-errors.js';
import {
  comparePositions,
  compileItemFilter,
  decodeSkipToken,
  encodeSkipToken,
  HONOR_NON_INDEXED,
  itemFieldBinder,
  parseExpand,
  parseItemSelect,
  parseOrderBy,
  parseTop,
  positionOf,
  queryFingerprint,
  readQueryOptions,
  type SortPosition,
} from '../item-query.js';
import { findPersonaByLookupId, SHAREPOINT_APP_DISPLAY_NAME, SHAREPOINT_APP_LOOKUP_ID } from '../personas.js';
import { formatGraphInstant } from '../site-time.js';
import type { ItemRecord, ListRecord, StoredValue } from '../store.js';
import {
  actorOf,
  bodyObject,
  json,
  odataContext,
  prefers,
  requireWrite,
  type Actor,
  type GraphContext,
  type GraphRequest,
  type GraphResponse,
} from './context.js';

/** SharePoint's answer when a write would break `enforceUniqueValues`. */
const DUPLICATE_MESSAGE =
  'The list item could not be added or updated because duplicate values were found in one or more fields in the list.';

function listWebUrlOf(ctx: GraphContext, list: ListRecord): string {
  return list.systemKind === 'userInformation'
    ? `${ctx.urls.siteUrl}/_catalogs/users`
    : `${ctx.urls.siteUrl}/Lists/${encodeURIComponent(list.name)}`;
}

export function readContext(ctx: GraphContext): FieldReadContext {
  const cache = new Map<string, ItemRecord | null>();
  return {
    user(lookupId) {
      if (lookupId === SHAREPOINT_APP_LOOKUP_ID) return { displayName: SHAREPOINT_APP_DISPLAY_NAME, email: '' };
      const persona = findPersonaByLookupId(lookupId);
      return persona ? { displayName: persona.displayName, email: persona.upn } : undefined;
    },
    lookupValue(listId, itemId, columnName) {
      const key = `${listId}/${itemId}`;
      if (!cache.has(key)) cache.set(key, ctx.store.getItem(listId, itemId) ?? null);
      const target = cache.get(key);
      if (!target) return undefined;
      if (columnName === 'ID') return String(target.id);
      return valueAsLookupText(target.values[columnName]);
    },
  };
}

function writeContext(ctx: GraphContext): FieldWriteContext {
  return {
    userExists: (id) => id === SHAREPOINT_APP_LOOKUP_ID || findPersonaByLookupId(id) !== undefined,
    lookupTargetExists: (listId, itemId) => ctx.store.itemExists(listId, itemId),
  };
}

type RenderOptions = { expandFields: boolean; fieldSelect?: readonly string[]; topSelect?: readonly string[] };

function contentTypeId(list: ListRecord): string {
  return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
}

function itemPath(ctx: GraphContext, list: ListRecord): string {
  return `sites('${ctx.siteId}')/lists('${list.id}')/items`;
}

/** The item properties Graph returns, in its order; `sharepointIds` only when `$select` asks for it. */
const ITEM_PROPERTIES = [
  'createdDateTime',
  'eTag',
  'id',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'sharepointIds',
] as const;
type ItemProperty = (typeof ITEM_PROPERTIES)[number];

/**
 * Renders the items of one read in Graph's shape: what is the same for every item (the list's URLs, its content type,
 * the properties `$select` keeps) is worked out once per read, not once per item (a page holds up to 5,000).
 */
function itemRenderer(
  ctx: GraphContext,
  list: ListRecord,
  columns: readonly ColumnRecord[],
  rc: FieldReadContext,
  options: RenderOptions,
): (item: ItemRecord) => Record<string, unknown> {
  const keys = ITEM_PROPERTIES.filter((key) =>
    options.topSelect ? options.topSelect.includes(key) : key !== 'sharepointIds',
  );
  const webUrl = `${listWebUrlOf(ctx, list)}/DispForm.aspx?ID=`;
  const contentType = contentTypeId(list);
  const fieldsContext = odataContext(ctx, `${itemPath(ctx, list)}('`);
  // Graph's instants have whole seconds: items written in the same second share their text.
  const instants = new Map<number, string>();
  const instant = (ms: number): string => {
    const second = Math.floor(ms / 1000);
    let text = instants.get(second);
    if (text === undefined) {
      text = formatGraphInstant(ms);
      instants.set(second, text);
    }
    return text;
  };
  const property: Record<ItemProperty, (item: ItemRecord, eTag: string) => unknown> = {
    createdDateTime: (item) => instant(item.createdAt),
    eTag: (_item, eTag) => eTag,
    id: (item) => String(item.id),
    lastModifiedDateTime: (item) => instant(item.modifiedAt),
    webUrl: (item) => `${webUrl}${item.id}`,
    createdBy: (item) => item.createdBy,
    lastModifiedBy: (item) => item.modifiedBy,
    parentReference: () => ({ id: list.id, siteId: ctx.siteId }),
    contentType: () => ({ id: contentType, name: 'Item' }),
    sharepointIds: (item) => ({
      listId: list.id,
      listItemId: String(item.id),
      listItemUniqueId: item.uniqueId,
      siteId: ctx.site.siteCollectionId,
      webId: ctx.site.webId,
    }),
  };
  return (item) => {
    const eTag = itemETag(item);
    const out: Record<string, unknown> = { '@odata.etag': eTag };
    for (const key of keys) out[key] = property[key](item, eTag);
    if (options.expandFields) {
      out['fields@odata.context'] = `${fieldsContext}${item.id}')/fields/$entity`;
      out['fields'] = renderFields(item, columns, rc, options.fieldSelect);
    }
    return out;
  };
}

function renderItem(
  ctx: GraphContext,
  list: ListRecord,
  columns: readonly ColumnRecord[],
  item: ItemRecord,
  rc: FieldReadContext,
  options: RenderOptions,
): Record<string, unknown> {
  return itemRenderer(ctx, list, columns, rc, options)(item);
}

/** Reads `$expand`/`$select` for item reads; `defaultFields` says whether fields come without asking. */
function renderOptions(
  options: Map<string, string>,
  columns: readonly ColumnRecord[],
  defaultFields: boolean,
): RenderOptions {
  const expand = options.has('expand') ? parseExpand(options.get('expand') ?? '', ['fields']) : [];
  const fields = expand.find((e) => e.name === 'fields');
  const topSelect = options.has('select') ? parseItemSelect(options.get('select') ?? '') : undefined;
  if (fields?.select) checkFieldSelect(fields.select, columns);
  const result: RenderOptions = {
    expandFields: fields !== undefined || (defaultFields && (!topSelect || topSelect.includes('fields'))),
  };
  if (fields?.select) result.fieldSelect = fields.select;
  if (topSelect) result.topSelect = topSelect;
  return result;
}

function parseItemId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw invalidRequest(`The item id '${text}' is not valid; item ids are positive integers.`);
  return Number(text);
}

export function getItemOr404(ctx: GraphContext, list: ListRecord, id: number): ItemRecord {
  const item = ctx.store.getItem(list.id, id);
  if (!item) throw itemNotFound('The specified item does not exist.');
  return item;
}

/** Honours `If-Match`: `*` matches any item; otherwise the eTag must be the current one. */
function checkIfMatch(req: GraphRequest, item: ItemRecord): void {
  const header = req.headers['if-match'];
  if (header === undefined || header.trim() === '') return;
  const current = itemETag(item);
  const wanted = header.trim().replace(/^W\//, '');
  if (wanted === '*') return;
  const normalize = (e: string): string => e.replace(/^"|"$/g, '').toLowerCase();
  if (normalize(wanted) !== normalize(current)) {
    throw preconditionFailed(`The request ETag value '${wanted}' does not match the object's ETag value '${current}'.`);
  }
}

function refuseSystemListWrite(list: ListRecord): void {
  if (list.systemKind) throw accessDenied(`Items of '${list.displayName}' cannot be changed through this API.`);
}

/** Checks and records `enforceUniqueValues` keys for the columns a write touched. */
function enforceUnique(
  ctx: GraphContext,
  list: ListRecord,
  columns: readonly ColumnRecord[],
  itemId: number,
  values: Record<string, StoredValue>,
  touched: ReadonlySet<string>,
): void {
  for (const col of columns) {
    if (!col.enforceUniqueValues || !touched.has(col.name)) continue;
    const key = uniqueKeyOf(values[col.name]);
    if (key !== undefined) {
      const owner = ctx.store.uniqueOwner(list.id, col.name, key);
      if (owner !== undefined && owner !== itemId) throw new GraphError(409, 'nameAlreadyExists', DUPLICATE_MESSAGE);
    }
    ctx.store.setUniqueKey(list.id, col.name, itemId, key);
  }
}

function buildNextLink(ctx: GraphContext, req: GraphRequest, tokenName: string, token: string): string {
  const parts: string[] = [];
  for (const [key, value] of req.query) {
    if (key.replace(/^\$/, '').toLowerCase() === tokenName.replace(/^\$/, '').toLowerCase()) continue;
    parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  parts.push(`${tokenName}=${encodeURIComponent(token)}`);
  return `${ctx.urls.graphUrl}${req.path}?${parts.join('&')}`;
}

/** Up to `wanted` items after `afterId` in id order that pass `predicate`, read in chunks by key. */
function pageById(
  ctx: GraphContext,
  list: ListRecord,
  afterId: number,
  wanted: number,
  predicate: ((item: ItemRecord) => boolean) | undefined,
): ItemRecord[] {
  const chunk = Math.max(wanted, 200);
  const out: ItemRecord[] = [];
  let cursor = afterId;
  for (;;) {
    const rows = ctx.store.itemsAfter(list.id, cursor, chunk);
    for (const item of rows) {
      if (!predicate || predicate(item)) out.push(item);
      if (out.length === wanted) return out;
    }
    const last = rows[rows.length - 1];
    if (rows.length < chunk || !last) return out;
    cursor = last.id;
  }
}

function listItems(ctx: GraphContext, req: GraphRequest, list: ListRecord): GraphResponse {
  const options = readQueryOptions(req.query);
  if (options.has('skip'))
    throw invalidRequest('$skip is not supported on list items. Page with the @odata.nextLink that Graph returns.');
  const columns = ctx.store.columns(list.id);
  const render = renderOptions(options, columns, false);
  const binder = itemFieldBinder(columns, prefers(req, HONOR_NON_INDEXED));
  const filterText = options.get('filter');
  const orderText = options.get('orderby');
  const predicate = filterText !== undefined ? compileItemFilter(filterText, binder) : undefined;
  const keys = orderText !== undefined ? parseOrderBy(orderText, binder) : [];
  const top = parseTop(options.get('top'));
  const fingerprint = queryFingerprint(list.id, filterText, orderText);
  const after = options.has('skiptoken') ? decodeSkipToken(options.get('skiptoken') ?? '', fingerprint) : undefined;

  let remaining: { item: ItemRecord; position: SortPosition }[];
  if (keys.length === 0) {
    // Id order: read by key from where the last page ended, only until the page (and one more row) is full.
    remaining = pageById(ctx, list, after?.id ?? 0, top + 1, predicate).map((item) => ({
      item,
      position: positionOf(item, keys),
    }));
  } else {
    let rows = ctx.store.items(list.id);
    if (predicate) rows = rows.filter(predicate);
    const positioned = rows.map((item) => ({ item, position: positionOf(item, keys) }));
    positioned.sort((a, b) => comparePositions(keys, a.position, b.position));
    remaining = after ? positioned.filter((p) => comparePositions(keys, p.position, after) > 0) : positioned;
  }
  const page = remaining.slice(0, top);
  const renderOne = itemRenderer(ctx, list, columns, readContext(ctx), render);
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx, itemPath(ctx, list)),
    value: page.map((p) => renderOne(p.item)),
  };
  const last = page[page.length - 1];
  if (remaining.length > top && last) {
    body['@odata.nextLink'] = buildNextLink(ctx, req, '$skiptoken', encodeSkipToken(fingerprint, last.position));
  }
  return json(body);
}

/**
 * Creates an item from a Graph-shaped `fields` object: the one create path of Graph and SharePoint
 * REST. Validation, the id, the unique keys, the version snapshot and the change log commit together.
 */
export function insertItem(ctx: GraphContext, list: ListRecord, fieldsInput: unknown, actor: Actor): ItemRecord {
  refuseSystemListWrite(list);
  const columns = ctx.store.columns(list.id);
  const now = ctx.now().getTime();
  return ctx.store.transaction(() => {
    const writes = parseFieldWrites(fieldsInput, columns, writeContext(ctx));
    const values = applyWrites({}, writes);
    checkRequired(values, columns);
    const id = ctx.store.allocateItemId(list.id);
    enforceUnique(ctx, list, columns, id, values, new Set(columns.map((c) => c.name)));
    const record: ItemRecord = {
      listId: list.id,
      id,
      uniqueId: randomUUID(),
      version: 1,
      values,
      createdAt: now,
      modifiedAt: now,
      authorId: actor.lookupId,
      editorId: actor.lookupId,
      createdBy: actor.identity,
      modifiedBy: actor.identity,
    };
    ctx.store.saveItem(record);
    return record;
  });
}

/**
 * Changes the written fields of an item: the one update path of Graph and SharePoint REST.
 * `check` sees the current item inside the transaction (for If-Match) before anything changes.
 */
export function patchItem(
  ctx: GraphContext,
  list: ListRecord,
  id: number,
  fieldsInput: unknown,
  actor: Actor,
  check: (item: ItemRecord) => void,
): ItemRecord {
  refuseSystemListWrite(list);
  const columns = ctx.store.columns(list.id);
  const now = ctx.now().getTime();
  return ctx.store.transaction(() => {
    const item = getItemOr404(ctx, list, id);
    check(item);
    const writes = parseFieldWrites(fieldsInput, columns, writeContext(ctx));
    const values = applyWrites(item.values, writes);
    const touched = new Set(writes.keys());
    checkRequired(values, columns, touched);
    enforceUnique(ctx, list, columns, id, values, touched);
    const next: ItemRecord = {
      ...item,
      values,
      version: item.version + 1,
      modifiedAt: now,
      editorId: actor.lookupId,
      modifiedBy: actor.identity,
    };
    ctx.store.saveItem(next);
    return next;
  });
}

/** Deletes an item after `check` (If-Match) passed: the one delete path of both protocols. */
export function removeItem(ctx: GraphContext, list: ListRecord, id: number, check: (item: ItemRecord) => void): void {
  refuseSystemListWrite(list);
  ctx.store.transaction(() => {
    const item = getItemOr404(ctx, list, id);
    check(item);
    ctx.store.deleteItem(list.id, id);
  });
}

function createItem(ctx: GraphContext, req: GraphRequest, list: ListRecord): GraphResponse {
  requireWrite(req.auth);
  refuseSystemListWrite(list);
  const body = bodyObject(req);
  for (const key of Object.keys(body)) {
    if (key !== 'fields' && !key.startsWith('@odata.'))
      throw invalidRequest(`Property '${key}' cannot be set when creating a list item; put column values in 'fields'.`);
  }
  const columns = ctx.store.columns(list.id);
  const item = insertItem(ctx, list, body['fields'] ?? {}, actorOf(req.auth));
  const rendered = renderItem(ctx, list, columns, item, readContext(ctx), { expandFields: true });
  return json({ '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}/$entity`), ...rendered }, 201, {
    ETag: itemETag(item),
    Location: `${ctx.urls.graphUrl}/sites/${ctx.siteId}/lists/${list.id}/items/${item.id}`,
  });
}

function getItem(ctx: GraphContext, req: GraphRequest, list: ListRecord, id: number): GraphResponse {
  const columns = ctx.store.columns(list.id);
  const render = renderOptions(readQueryOptions(req.query), columns, true);
  const item = getItemOr404(ctx, list, id);
  const rendered = renderItem(ctx, list, columns, item, readContext(ctx), render);
  return json({ '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}/$entity`), ...rendered }, 200, {
    ETag: itemETag(item),
  });
}

function getFields(ctx: GraphContext, req: GraphRequest, list: ListRecord, id: number): GraphResponse {
  const columns = ctx.store.columns(list.id);
  const options = readQueryOptions(req.query);
  const select = options.has('select') ? (options.get('select') ?? '').split(',').map((s) => s.trim()) : undefined;
  if (select) checkFieldSelect(select, columns);
  const item = getItemOr404(ctx, list, id);
  return json(
    {
      '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}('${id}')/fields/$entity`),
      ...renderFields(item, columns, readContext(ctx), select),
    },
    200,
    { ETag: itemETag(item) },
  );
}

function updateFields(ctx: GraphContext, req: GraphRequest, list: ListRecord, id: number): GraphResponse {
  requireWrite(req.auth);
  refuseSystemListWrite(list);
  const body = bodyObject(req);
  const columns = ctx.store.columns(list.id);
  const updated = patchItem(ctx, list, id, body, actorOf(req.auth), (item) => checkIfMatch(req, item));
  return json(
    {
      '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}('${id}')/fields/$entity`),
      ...renderFields(updated, columns, readContext(ctx)),
    },
    200,
    { ETag: itemETag(updated) },
  );
}

function deleteItem(ctx: GraphContext, req: GraphRequest, list: ListRecord, id: number): GraphResponse {
  requireWrite(req.auth);
  removeItem(ctx, list, id, (item) => checkIfMatch(req, item));
  return { status: 204, headers: {} };
}

function versionToGraph(
  ctx: GraphContext,
  list: ListRecord,
  columns: readonly ColumnRecord[],
  v: ItemRecord,
  withFields: boolean,
  rc: FieldReadContext,
): Record<string, unknown> {
  const label = `${v.version}.0`;
  const out: Record<string, unknown> = {
    id: label,
    lastModifiedDateTime: formatGraphInstant(v.modifiedAt),
    lastModifiedBy: v.modifiedBy,
    published: { level: 'published', versionId: label },
  };
  if (withFields) {
    out['fields@odata.context'] = odataContext(
      ctx,
      `${itemPath(ctx, list)}('${v.id}')/versions('${label}')/fields/$entity`,
    );
    out['fields'] = renderFields(v, columns, rc);
  }
  return out;
}

function parseVersionId(text: string): number {
  const m = /^(\d+)(?:\.0)?$/.exec(text);
  if (!m) throw itemNotFound(`Version '${text}' does not exist.`);
  return Number(m[1]);
}

function routeVersions(
  ctx: GraphContext,
  req: GraphRequest,
  list: ListRecord,
  id: number,
  rest: readonly string[],
): GraphResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  const columns = ctx.store.columns(list.id);
  getItemOr404(ctx, list, id);
  const versions = ctx.store.versions(list.id, id);
  const rc = readContext(ctx);
  const [versionKey, sub, ...more] = rest;
  if (versionKey === undefined) {
    const options = readQueryOptions(req.query);
    const expandFields = options.has('expand') && parseExpand(options.get('expand') ?? '', ['fields']).length > 0;
    return json({
      '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}('${id}')/versions`),
      value: versions.map((v) => versionToGraph(ctx, list, columns, v, expandFields, rc)),
    });
  }
  const number = parseVersionId(versionKey);
  const version = versions.find((v) => v.version === number);
  if (!version) throw itemNotFound(`Version '${versionKey}' does not exist.`);
  if (sub === undefined) {
    return json({
      '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}('${id}')/versions/$entity`),
      ...versionToGraph(ctx, list, columns, version, true, rc),
    });
  }
  if (sub === 'fields' && more.length === 0) {
    return json({
      '@odata.context': odataContext(ctx, `${itemPath(ctx, list)}('${id}')/versions('${versionKey}')/fields/$entity`),
      ...renderFields(version, columns, rc),
    });
  }
  throw unknownSegment(sub);
}

// ---- delta ----------------------------------------------------------------------------------

type DeltaToken =
  | { l: string; p: 'init'; after: number; seq: number }
  | { l: string; p: 'changes'; afterSeq: number; upTo: number }
  | { l: string; p: 'delta'; seq: number };

function encodeDelta(token: DeltaToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function resyncRequired(ctx: GraphContext, list: ListRecord, reason: string): GraphError {
  return new GraphError(410, 'resyncRequired', `${reason} Start a fresh delta enumeration.`, {
    Location: `${ctx.urls.graphUrl}/sites/${ctx.siteId}/lists/${list.id}/items/delta`,
  });
}

function decodeDelta(ctx: GraphContext, list: ListRecord, text: string): DeltaToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (err) {
    throw resyncRequired(ctx, list, `The delta token is not valid (${(err as Error).message}).`);
  }
  const t = parsed as Partial<Record<string, unknown>>;
  const latest = ctx.store.latestChangeSeq();
  const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= latest;
  if (typeof t !== 'object' || t === null || t['l'] !== list.id)
    throw resyncRequired(ctx, list, 'The delta token is not valid for this list.');
  if (t['p'] === 'init' && typeof t['after'] === 'number' && isSeq(t['seq'])) return t as DeltaToken;
  if (t['p'] === 'changes' && isSeq(t['afterSeq']) && isSeq(t['upTo'])) return t as DeltaToken;
  if (t['p'] === 'delta' && isSeq(t['seq'])) return t as DeltaToken;
  throw resyncRequired(ctx, list, 'The delta token has expired or is not known.');
}

function delta(ctx: GraphContext, req: GraphRequest, list: ListRecord): GraphResponse {
  const options = readQueryOptions(req.query);
  const columns = ctx.store.columns(list.id);
  const render = renderOptions(options, columns, false);
  const top = parseTop(options.get('top'));
  const renderOne = itemRenderer(ctx, list, columns, readContext(ctx), render);
  const tokenText = options.get('token');
  const body: Record<string, unknown> = { '@odata.context': odataContext(ctx, `Collection(microsoft.graph.listItem)`) };
  const link = (token: DeltaToken): string => buildNextLink(ctx, req, 'token', encodeDelta(token));
  if (tokenText === 'latest') {
    body['value'] = [];
    body['@odata.deltaLink'] = link({ l: list.id, p: 'delta', seq: ctx.store.latestChangeSeq() });
    return json(body);
  }
  const token: DeltaToken =
    tokenText === undefined
      ? { l: list.id, p: 'init', after: 0, seq: ctx.store.latestChangeSeq() }
      : decodeDelta(ctx, list, tokenText);
  if (token.p === 'init') {
    // One row more than the page tells whether there is a next page, without reading the rest of the list.
    const rows = ctx.store.itemsAfter(list.id, token.after, top + 1);
    const page = rows.slice(0, top);
    body['value'] = page.map(renderOne);
    const last = page[page.length - 1];
    if (rows.length > top && last) body['@odata.nextLink'] = link({ ...token, after: last.id });
    else body['@odata.deltaLink'] = link({ l: list.id, p: 'delta', seq: token.seq });
    return json(body);
  }
  const window =
    token.p === 'delta'
      ? { afterSeq: token.seq, upTo: ctx.store.latestChangeSeq() }
      : { afterSeq: token.afterSeq, upTo: token.upTo };
  const changes = ctx.store.changesSince(list.id, window.afterSeq, window.upTo, top + 1);
  const page = changes.slice(0, top);
  body['value'] = page.map((change) => {
    const item = change.kind === 'upsert' ? ctx.store.getItem(list.id, change.itemId) : undefined;
    if (item) return renderOne(item);
    return { id: String(change.itemId), deleted: { state: 'deleted' }, '@removed': { reason: 'deleted' } };
  });
  const last = page[page.length - 1];
  if (changes.length > top && last)
    body['@odata.nextLink'] = link({ l: list.id, p: 'changes', afterSeq: last.seq, upTo: window.upTo });
  else body['@odata.deltaLink'] = link({ l: list.id, p: 'delta', seq: window.upTo });
  return json(body);
}

/** Routes everything below `/lists/{list}/items`. `segments` are percent-decoded. */
export function routeItems(
  ctx: GraphContext,
  req: GraphRequest,
  list: ListRecord,
  segments: readonly string[],
): GraphResponse {
  const [itemKey, sub, ...rest] = segments;
  if (itemKey === undefined) {
    if (req.method === 'GET') return listItems(ctx, req, list);
    if (req.method === 'POST') return createItem(ctx, req, list);
    throw methodNotAllowed();
  }
  if (itemKey === 'delta' || itemKey === 'delta()') {
    if (sub !== undefined) throw unknownSegment(sub);
    if (req.method !== 'GET') throw methodNotAllowed();
    return delta(ctx, req, list);
  }
  const id = parseItemId(itemKey);
  if (sub === undefined) {
    if (req.method === 'GET') return getItem(ctx, req, list, id);
    if (req.method === 'DELETE') return deleteItem(ctx, req, list, id);
    throw methodNotAllowed();
  }
  if (sub === 'fields' && rest.length === 0) {
    if (req.method === 'GET') return getFields(ctx, req, list, id);
    if (req.method === 'PATCH') return updateFields(ctx, req, list, id);
    throw methodNotAllowed();
  }
  if (sub === 'versions') return routeVersions(ctx, req, list, id, rest);
  throw unknownSegment(sub);
}
