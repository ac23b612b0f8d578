/**
 * Lists through SharePoint REST: `web/lists` (GET, POST add), `lists/getByTitle('X')`,
 * `lists('guid')`, `lists/getById('guid')` (GET, MERGE), and below a list `fields`, `views`, `items`.
 * The rows are the ones Graph serves: a list created by either protocol is the same list.
 */
import { randomUUID } from 'node:crypto';
import { titleColumn } from '../columns.js';
import { actorOf } from '../routes/context.js';
import { urlNameFor } from '../routes/lists.js';
import { formatGraphInstant } from '../site-time.js';
import type { ListRecord, ListSettings } from '../store.js';
import {
  collectionResponse,
  entityResponse,
  checkIfMatchSp,
  noContent,
  requireManageSp,
  stringArg,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './context.js';
import {
  accessDeniedSp,
  badArgument,
  listNotFound,
  methodNotAllowedSp,
  notSupportedSp,
  resourceNotFound,
  SharePointError,
  SP_CODES,
  unknownProperty,
} from './errors.js';
import { routeFields } from './fields.js';
import { routeRestItems } from './items.js';
import { entityTypeName, itemEntityType, listPath } from './names.js';
import { readEntityBody, type Entity } from './odata.js';
import type { Segment } from './path.js';
import { defaultViewOf, routeViews } from './views.js';

const GENERIC_LIST_TEMPLATE = 100;
const USER_INFORMATION_TEMPLATE = 112;
const MAX_VERSION_LIMIT = 50000;
/** What SharePoint keeps when versioning is switched on without a limit. */
const DEFAULT_VERSION_LIMIT = 50;

/** The REST eTag of a list: its version in quotes. */
function listETag(list: ListRecord): string {
  return `"${list.version}"`;
}

function listEntity(ctx: RestContext, list: ListRecord): Entity {
  const settings = ctx.store.listSettings(list.id);
  const items = ctx.store.items(list.id);
  const lastModified = items.reduce((max, i) => Math.max(max, i.modifiedAt), list.createdAt);
  const defaultView = list.systemKind ? undefined : defaultViewOf(ctx, list);
  return {
    type: 'SP.List',
    path: listPath(list),
    etag: listETag(list),
    props: {
      AllowContentTypes: true,
      BaseTemplate: list.systemKind === 'userInformation' ? USER_INFORMATION_TEMPLATE : GENERIC_LIST_TEMPLATE,
      BaseType: 0,
      ContentTypesEnabled: false,
      Created: formatGraphInstant(list.createdAt),
      DefaultViewUrl: defaultView?.serverRelativeUrl ?? '',
      Description: list.description,
      EnableMinorVersions: false,
      EnableVersioning: settings.enableVersioning,
      EntityTypeName: entityTypeName(list),
      Hidden: list.hidden,
      Id: list.id,
      ItemCount: items.length,
      LastItemModifiedDate: formatGraphInstant(lastModified),
      ListItemEntityTypeFullName: itemEntityType(list),
      MajorVersionLimit: settings.majorVersionLimit,
      NoCrawl: settings.noCrawl,
      ParentWebUrl: ctx.sitePath,
      Title: list.displayName,
    },
  };
}

function findByTitle(ctx: RestContext, title: string): ListRecord {
  const lower = title.toLowerCase();
  const list = ctx.store.allLists().find((l) => l.displayName.toLowerCase() === lower);
  if (!list) throw listNotFound(title, ctx.urls.siteUrl);
  return list;
}

function findById(ctx: RestContext, id: string): ListRecord {
  const list = ctx.store.getList(id);
  if (!list)
    throw new SharePointError(
      404,
      SP_CODES.listNotFound,
      `List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`,
    );
  return list;
}

function boolProp(props: Record<string, unknown>, key: string, type: string): boolean | undefined {
  const v = props[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean')
    throw badArgument(`The property '${key}' of type '${type}' needs an Edm.Boolean value; got ${JSON.stringify(v)}.`);
  return v;
}

function stringProp(props: Record<string, unknown>, key: string, type: string): string | undefined {
  const v = props[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string')
    throw badArgument(`The property '${key}' of type '${type}' needs an Edm.String value; got ${JSON.stringify(v)}.`);
  return v;
}

function versionLimit(props: Record<string, unknown>): number | undefined {
  const v = props['MajorVersionLimit'];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_VERSION_LIMIT) {
    throw new SharePointError(
      400,
      SP_CODES.argumentOutOfRange,
      `Specified argument was out of the range of valid values.\nParameter name: MajorVersionLimit (1 to ${MAX_VERSION_LIMIT}).`,
    );
  }
  return v;
}

const UPDATABLE_LIST_PROPS = new Set([
  'Title',
  'Description',
  'Hidden',
  'EnableVersioning',
  'MajorVersionLimit',
  'NoCrawl',
  'EnableMinorVersions',
  'ContentTypesEnabled',
]);

/** Applies settings from a create or MERGE body; unknown or read-only properties are refused. */
function applySettings(props: Record<string, unknown>, current: ListSettings): ListSettings {
  if (boolProp(props, 'EnableMinorVersions', 'SP.List') === true)
    throw badArgument('Minor versions can only be enabled on document libraries.');
  if (boolProp(props, 'ContentTypesEnabled', 'SP.List') === true) throw notSupportedSp('content types on lists');
  const next: ListSettings = { ...current };
  const enable = boolProp(props, 'EnableVersioning', 'SP.List');
  if (enable !== undefined) next.enableVersioning = enable;
  const limit = versionLimit(props);
  if (limit !== undefined) next.majorVersionLimit = limit;
  if (next.enableVersioning && next.majorVersionLimit === 0) next.majorVersionLimit = DEFAULT_VERSION_LIMIT;
  const noCrawl = boolProp(props, 'NoCrawl', 'SP.List');
  if (noCrawl !== undefined) next.noCrawl = noCrawl;
  return next;
}

function checkTitleFree(ctx: RestContext, title: string, exceptId?: string): void {
  const lower = title.toLowerCase();
  if (ctx.store.allLists().some((l) => l.id !== exceptId && l.displayName.toLowerCase() === lower)) {
    throw new SharePointError(
      400,
      SP_CODES.spException,
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
}

/** `POST web/lists`: a generic list (BaseTemplate 100) with its Title column and default view. */
function addList(ctx: RestContext, req: RestRequest): RestResponse {
  requireManageSp(req.auth);
  const { props } = readEntityBody(req.body);
  const allowed = new Set([...UPDATABLE_LIST_PROPS, 'BaseTemplate', 'AllowContentTypes']);
  for (const key of Object.keys(props)) if (!allowed.has(key)) throw unknownProperty(key, 'SP.List');
  const title = stringProp(props, 'Title', 'SP.List')?.trim();
  if (!title) throw badArgument("The parameter 'Title' cannot be empty.");
  const template = props['BaseTemplate'] ?? GENERIC_LIST_TEMPLATE;
  if (template !== GENERIC_LIST_TEMPLATE)
    throw notSupportedSp(`list template ${JSON.stringify(template)} (only 100, the generic list)`);
  const settings = applySettings(props, { enableVersioning: false, majorVersionLimit: 0, noCrawl: false });
  const actor = actorOf(req.auth);
  const now = ctx.now().getTime();
  const list = ctx.store.transaction(() => {
    checkTitleFree(ctx, title);
    const record: ListRecord = {
      id: randomUUID(),
      displayName: title,
      name: urlNameFor(ctx, title),
      template: 'genericList',
      hidden: boolProp(props, 'Hidden', 'SP.List') ?? false,
      systemKind: null,
      description: stringProp(props, 'Description', 'SP.List') ?? '',
      createdAt: now,
      modifiedAt: now,
      createdBy: actor.identity,
      modifiedBy: actor.identity,
      version: 1,
    };
    ctx.store.insertList(record, [titleColumn()]);
    ctx.store.saveListSettings(record.id, settings);
    return record;
  });
  return entityResponse(ctx, req, listEntity(ctx, list), 'SP.ApiData.Lists', 201);
}

/** `MERGE` on a list: title, description, hidden, versioning, crawl. Answers 204 as SharePoint does. */
function updateList(ctx: RestContext, req: RestRequest, list: ListRecord): RestResponse {
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  const { props } = readEntityBody(req.body);
  for (const key of Object.keys(props)) if (!UPDATABLE_LIST_PROPS.has(key)) throw unknownProperty(key, 'SP.List');
  const actor = actorOf(req.auth);
  const updated = ctx.store.transaction(() => {
    const current = ctx.store.getList(list.id);
    if (!current) throw listNotFound(list.displayName, ctx.urls.siteUrl);
    checkIfMatchSp(req, listETag(current));
    const title = stringProp(props, 'Title', 'SP.List')?.trim();
    if (title !== undefined) {
      if (title === '') throw badArgument("The parameter 'Title' cannot be empty.");
      checkTitleFree(ctx, title, list.id);
    }
    const patch: { displayName?: string; description?: string; hidden?: boolean } = {};
    if (title !== undefined) patch.displayName = title;
    const description = stringProp(props, 'Description', 'SP.List');
    if (description !== undefined) patch.description = description;
    const hidden = boolProp(props, 'Hidden', 'SP.List');
    if (hidden !== undefined) patch.hidden = hidden;
    ctx.store.updateList(list.id, patch);
    ctx.store.saveListSettings(list.id, applySettings(props, ctx.store.listSettings(list.id)));
    ctx.store.touchList(list.id, ctx.now().getTime(), actor.identity);
    const after = ctx.store.getList(list.id);
    if (!after) throw listNotFound(list.displayName, ctx.urls.siteUrl);
    return after;
  });
  return noContent({ ETag: listETag(updated) });
}

function routeList(ctx: RestContext, req: RestRequest, list: ListRecord, rest: readonly Segment[]): RestResponse {
  const [next, ...after] = rest;
  if (!next) {
    if (req.method === 'GET') return entityResponse(ctx, req, listEntity(ctx, list), 'SP.ApiData.Lists');
    if (req.method === 'MERGE') return updateList(ctx, req, list);
    if (req.method === 'DELETE') throw notSupportedSp('deleting lists');
    throw methodNotAllowedSp(req.method);
  }
  switch (next.key) {
    case 'fields':
      return routeFields(ctx, req, list, next, after);
    case 'views':
      return routeViews(ctx, req, list, next, after);
    case 'defaultview':
      return routeViews(ctx, req, list, { name: 'views', key: 'views' }, [
        { name: 'defaultView', key: 'defaultview' },
        ...after,
      ]);
    case 'items':
      return routeRestItems(ctx, req, list, next, after);
    default:
      throw resourceNotFound(next.name);
  }
}

/** Routes `web/lists[...]`. */
export function routeLists(
  ctx: RestContext,
  req: RestRequest,
  listsSegment: Segment,
  rest: readonly Segment[],
): RestResponse {
  if (listsSegment.args !== undefined) return routeList(ctx, req, findById(ctx, stringArg(listsSegment)), rest);
  const [next, ...after] = rest;
  if (!next) {
    if (req.method === 'GET')
      return collectionResponse(
        ctx,
        req,
        ctx.store.allLists().map((l) => listEntity(ctx, l)),
        'SP.ApiData.Lists',
      );
    if (req.method === 'POST') return addList(ctx, req);
    throw methodNotAllowedSp(req.method);
  }
  if (next.key === 'getbytitle') return routeList(ctx, req, findByTitle(ctx, stringArg(next)), after);
  if (next.key === 'getbyid') return routeList(ctx, req, findById(ctx, stringArg(next)), after);
  throw resourceNotFound(next.name);
}
