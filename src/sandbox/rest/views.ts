/**
 * A list's public views through SharePoint REST: `views` (GET, POST add), one view by
 * `getByTitle('X')`, `views('guid')` or `getById('guid')` (GET, MERGE, DELETE), the list's
 * `DefaultView`, and its fields: `viewfields` (GET), `addviewfield('X')`, `removeviewfield('X')`,
 * `removeallviewfields`, `moveviewfieldto` (POST).
 *
 * Every list gets SharePoint's default view ("Alle items" on this Dutch site) the first time its
 * views are asked for. A view's CAML is checked when it is set: well-formed, only Where, OrderBy and
 * GroupBy at the top, and every FieldRef naming a field of the list. SharePoint itself stores any
 * text and fails when the view renders; the sandbox refuses early so a typo fails the test that made it.
 */
import { randomUUID } from 'node:crypto';
import type { ListRecord, ViewRecord } from '../store.js';
import {
  collectionResponse,
  entityResponse,
  noContent,
  requireManageSp,
  stringArg,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './context.js';
import { allElements, parseXmlFragment } from './caml.js';
import {
  accessDeniedSp,
  badArgument,
  methodNotAllowedSp,
  notSupportedSp,
  resourceNotFound,
  SharePointError,
  SP_CODES,
  unknownProperty,
} from './errors.js';
import { knownFieldNames } from './fields.js';
import { listPath } from './names.js';
import { CollectionValue, readEntityBody, renderVoid, type Entity } from './odata.js';
import type { Segment } from './path.js';

const DEFAULT_VIEW_TITLE = 'Alle items';
const DEFAULT_ROW_LIMIT = 30;
const MAX_ROW_LIMIT = 5000;
const QUERY_ELEMENTS = new Set(['Where', 'OrderBy', 'GroupBy']);

/** The folder of a list's pages, e.g. `/sites/actieplan/Lists/Acties`. */
function listFolder(ctx: RestContext, list: ListRecord): string {
  return `${ctx.sitePath}/Lists/${list.name}`;
}

export type ViewInfo = ViewRecord & { serverRelativeUrl: string };

function withUrl(ctx: RestContext, list: ListRecord, view: ViewRecord): ViewInfo {
  return { ...view, serverRelativeUrl: `${listFolder(ctx, list)}/${view.urlName}.aspx` };
}

/** The views of a list, creating SharePoint's default view first when the list has none yet. */
function viewsOf(ctx: RestContext, list: ListRecord): ViewRecord[] {
  const stored = ctx.store.views(list.id);
  if (stored.length > 0) return stored;
  return ctx.store.transaction(() => {
    const again = ctx.store.views(list.id);
    if (again.length > 0) return again;
    const fields = [
      'LinkTitle',
      ...ctx.store
        .columns(list.id)
        .filter((c) => !c.builtIn && !c.hidden)
        .map((c) => c.name),
    ];
    const view: ViewRecord = {
      id: randomUUID(),
      title: DEFAULT_VIEW_TITLE,
      query: '<OrderBy><FieldRef Name="ID" /></OrderBy>',
      fields,
      rowLimit: DEFAULT_ROW_LIMIT,
      paged: true,
      defaultView: true,
      hidden: false,
      personalView: false,
      urlName: 'AllItems',
    };
    ctx.store.insertView(list.id, view);
    return [view];
  });
}

export function defaultViewOf(ctx: RestContext, list: ListRecord): ViewInfo | undefined {
  const view = viewsOf(ctx, list).find((v) => v.defaultView);
  return view ? withUrl(ctx, list, view) : undefined;
}

function fieldRefsXml(fields: readonly string[]): string {
  return fields.map((f) => `<FieldRef Name="${f}" />`).join('');
}

function viewPath(list: ListRecord, view: ViewRecord): string {
  return `${listPath(list)}/Views(guid'${view.id}')`;
}

function viewEntity(ctx: RestContext, list: ListRecord, view: ViewRecord): Entity {
  const info = withUrl(ctx, list, view);
  const listViewXml =
    `<View Name="{${view.id.toUpperCase()}}"${view.defaultView ? ' DefaultView="TRUE"' : ''} Type="HTML" DisplayName="${view.title}" Url="${info.serverRelativeUrl}" Level="1" BaseViewID="1" ContentTypeID="0x">` +
    `<Query>${view.query}</Query><ViewFields>${fieldRefsXml(view.fields)}</ViewFields><RowLimit Paged="${view.paged ? 'TRUE' : 'FALSE'}">${view.rowLimit}</RowLimit></View>`;
  return {
    type: 'SP.View',
    path: viewPath(list, view),
    props: {
      BaseViewId: '1',
      DefaultView: view.defaultView,
      Hidden: view.hidden,
      Id: view.id,
      ListViewXml: listViewXml,
      MobileView: false,
      Paged: view.paged,
      PersonalView: view.personalView,
      ReadOnlyView: false,
      RowLimit: view.rowLimit,
      Scope: 0,
      ServerRelativeUrl: info.serverRelativeUrl,
      Title: view.title,
      ViewQuery: view.query,
      ViewType: 'HTML',
    },
  };
}

function viewFieldsEntity(list: ListRecord, view: ViewRecord): Entity {
  return {
    type: 'SP.ViewFieldCollection',
    path: `${viewPath(list, view)}/ViewFields`,
    props: { SchemaXml: fieldRefsXml(view.fields), Items: new CollectionValue('Collection(Edm.String)', view.fields) },
  };
}

/** Checks a ViewQuery as described in the header and returns it unchanged. */
function checkViewQuery(ctx: RestContext, list: ListRecord, query: string): string {
  const elements = parseXmlFragment(query);
  const seen = new Set<string>();
  for (const e of elements) {
    if (!QUERY_ELEMENTS.has(e.name))
      throw badArgument(`A view query holds only Where, OrderBy and GroupBy elements, not '${e.name}'.`);
    if (seen.has(e.name)) throw badArgument(`A view query holds at most one '${e.name}' element.`);
    seen.add(e.name);
  }
  const known = knownFieldNames(ctx, list);
  for (const e of allElements(elements)) {
    if (e.name !== 'FieldRef') continue;
    const name = e.attributes['Name'];
    if (!name) throw badArgument('Every FieldRef in a view query needs a Name attribute.');
    if (!known.has(name.toLowerCase()))
      throw badArgument(
        `The view query refers to the field '${name}', which does not exist in list '${list.displayName}'.`,
      );
  }
  return query;
}

function fieldNameOf(ctx: RestContext, list: ListRecord, name: string): string {
  const found = knownFieldNames(ctx, list).get(name.toLowerCase());
  // SharePoint answers an unknown field with this generic ArgumentException.
  if (!found)
    throw new SharePointError(
      400,
      SP_CODES.argument,
      `Value does not fall within the expected range. (The field '${name}' does not exist in list '${list.displayName}'.)`,
    );
  return found;
}

function rowLimitOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_ROW_LIMIT) {
    throw badArgument(`RowLimit must be a whole number from 1 to ${MAX_ROW_LIMIT}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function boolOf(props: Record<string, unknown>, key: string): boolean | undefined {
  const v = props[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw badArgument(`The property '${key}' of type 'SP.View' needs an Edm.Boolean value.`);
  return v;
}

/** The page name SharePoint derives from the title: letters and digits only, unique in the list. */
function urlNameFor(views: readonly ViewRecord[], title: string): string {
  const base = title.replace(/[^A-Za-z0-9]/g, '') || 'View';
  const taken = new Set(views.map((v) => v.urlName.toLowerCase()));
  let name = base;
  for (let n = 1; taken.has(name.toLowerCase()); n += 1) name = `${base}${n}`;
  return name;
}

function makeDefault(ctx: RestContext, list: ListRecord, viewId: string): void {
  for (const other of ctx.store.views(list.id)) {
    if (other.id !== viewId && other.defaultView) ctx.store.updateView(list.id, { ...other, defaultView: false });
  }
}

const ADD_PROPS = new Set([
  'Title',
  'PersonalView',
  'ViewQuery',
  'RowLimit',
  'Paged',
  'DefaultView',
  'SetAsDefaultView',
  'Hidden',
  'ViewTypeKind',
]);
const UPDATE_PROPS = new Set(['Title', 'ViewQuery', 'RowLimit', 'Paged', 'DefaultView', 'Hidden']);

/** `POST views`: a public HTML view. Fields start as the title with its item menu, as SharePoint's new views do. */
function addView(ctx: RestContext, req: RestRequest, list: ListRecord): RestResponse {
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  const { props } = readEntityBody(req.body);
  for (const key of Object.keys(props)) if (!ADD_PROPS.has(key)) throw unknownProperty(key, 'SP.View');
  const title = props['Title'];
  if (typeof title !== 'string' || title.trim() === '') throw badArgument("The parameter 'Title' cannot be empty.");
  if (boolOf(props, 'PersonalView') === true) throw notSupportedSp('personal views (they belong to one user)');
  if (props['ViewTypeKind'] !== undefined && props['ViewTypeKind'] !== 1)
    throw notSupportedSp('view types other than HTML (ViewTypeKind 1)');
  const query = props['ViewQuery'] === undefined || props['ViewQuery'] === null ? '' : props['ViewQuery'];
  if (typeof query !== 'string') throw badArgument("The property 'ViewQuery' needs an Edm.String value.");
  const view = ctx.store.transaction(() => {
    const existing = viewsOf(ctx, list);
    const record: ViewRecord = {
      id: randomUUID(),
      title: title.trim(),
      query: checkViewQuery(ctx, list, query),
      fields: ['LinkTitle'],
      rowLimit: props['RowLimit'] === undefined ? DEFAULT_ROW_LIMIT : rowLimitOf(props['RowLimit']),
      paged: boolOf(props, 'Paged') ?? true,
      defaultView: (boolOf(props, 'DefaultView') ?? boolOf(props, 'SetAsDefaultView')) === true,
      hidden: boolOf(props, 'Hidden') ?? false,
      personalView: false,
      urlName: urlNameFor(existing, title.trim()),
    };
    ctx.store.insertView(list.id, record);
    if (record.defaultView) makeDefault(ctx, list, record.id);
    return record;
  });
  return entityResponse(ctx, req, viewEntity(ctx, list, view), 'SP.ApiData.Views', 201);
}

/** `MERGE` on a view. The default view stays the default until another view takes its place. */
function updateView(ctx: RestContext, req: RestRequest, list: ListRecord, view: ViewRecord): RestResponse {
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  const { props } = readEntityBody(req.body);
  for (const key of Object.keys(props)) if (!UPDATE_PROPS.has(key)) throw unknownProperty(key, 'SP.View');
  ctx.store.transaction(() => {
    const next: ViewRecord = { ...view };
    if (props['Title'] !== undefined) {
      if (typeof props['Title'] !== 'string' || props['Title'].trim() === '')
        throw badArgument("The parameter 'Title' cannot be empty.");
      next.title = props['Title'].trim();
    }
    if (props['ViewQuery'] !== undefined) {
      const q = props['ViewQuery'] ?? '';
      if (typeof q !== 'string') throw badArgument("The property 'ViewQuery' needs an Edm.String value.");
      next.query = checkViewQuery(ctx, list, q);
    }
    if (props['RowLimit'] !== undefined) next.rowLimit = rowLimitOf(props['RowLimit']);
    next.paged = boolOf(props, 'Paged') ?? next.paged;
    next.hidden = boolOf(props, 'Hidden') ?? next.hidden;
    const makeItDefault = boolOf(props, 'DefaultView');
    if (makeItDefault === false && view.defaultView)
      throw badArgument('The default view cannot stop being the default; make another view the default instead.');
    if (makeItDefault === true) next.defaultView = true;
    ctx.store.updateView(list.id, next);
    if (next.defaultView && !view.defaultView) makeDefault(ctx, list, next.id);
  });
  return noContent();
}

function deleteView(ctx: RestContext, req: RestRequest, list: ListRecord, view: ViewRecord): RestResponse {
  requireManageSp(req.auth);
  if (view.defaultView) throw badArgument('The default view of a list cannot be deleted.');
  ctx.store.transaction(() => ctx.store.deleteView(list.id, view.id));
  return noContent();
}

function viewNotFound(): SharePointError {
  return new SharePointError(404, SP_CODES.argument, 'The specified view is invalid.');
}

function findView(ctx: RestContext, list: ListRecord, segment: Segment): ViewRecord {
  const views = viewsOf(ctx, list);
  let view: ViewRecord | undefined;
  if (segment.key === 'defaultview') view = views.find((v) => v.defaultView);
  else if (segment.key === 'getbytitle') {
    // SharePoint's getByTitle is documented as case-sensitive.
    const title = stringArg(segment);
    view = views.find((v) => v.title === title);
  } else if (segment.key === 'views' || segment.key === 'getbyid') {
    const id = stringArg(segment).toLowerCase();
    view = views.find((v) => v.id === id);
  } else throw resourceNotFound(segment.name);
  if (!view) throw viewNotFound();
  return view;
}

/** `viewfields` and its service operations. */
function routeViewFields(
  ctx: RestContext,
  req: RestRequest,
  list: ListRecord,
  view: ViewRecord,
  rest: readonly Segment[],
): RestResponse {
  const [op, ...after] = rest;
  if (after.length > 0) throw resourceNotFound(after[0]?.name ?? '');
  if (!op) {
    if (req.method !== 'GET') throw methodNotAllowedSp(req.method);
    return entityResponse(ctx, req, viewFieldsEntity(list, view), 'SP.ApiData.ViewFieldCollections');
  }
  if (req.method !== 'POST') throw methodNotAllowedSp(req.method);
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  const method = ctx.store.transaction((): string => {
    const current = ctx.store.views(list.id).find((v) => v.id === view.id) ?? view;
    let fields = [...current.fields];
    let operation: string;
    switch (op.key) {
      case 'addviewfield': {
        operation = 'AddViewField';
        const name = fieldNameOf(ctx, list, stringArg(op));
        if (!fields.includes(name)) fields.push(name);
        break;
      }
      case 'removeviewfield': {
        operation = 'RemoveViewField';
        const name = fieldNameOf(ctx, list, stringArg(op));
        fields = fields.filter((f) => f !== name);
        break;
      }
      case 'removeallviewfields':
        operation = 'RemoveAllViewFields';
        fields = [];
        break;
      case 'moveviewfieldto': {
        operation = 'MoveViewFieldTo';
        const { props } = readEntityBody(req.body);
        const field = typeof props['field'] === 'string' ? fieldNameOf(ctx, list, props['field']) : undefined;
        const index = props['index'];
        if (!field || !fields.includes(field)) throw badArgument("'field' must name a field of the view.");
        if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= fields.length)
          throw badArgument(`'index' must be from 0 to ${fields.length - 1}.`);
        fields = fields.filter((f) => f !== field);
        fields.splice(index, 0, field);
        break;
      }
      default:
        throw resourceNotFound(op.name);
    }
    ctx.store.updateView(list.id, { ...current, fields });
    return operation;
  });
  return { status: 200, headers: {}, body: renderVoid(req.format, method) };
}

/** Routes `lists(...)/views[...]` (and `DefaultView`, passed here as a `views/defaultView` path). */
export function routeViews(
  ctx: RestContext,
  req: RestRequest,
  list: ListRecord,
  viewsSegment: Segment,
  rest: readonly Segment[],
): RestResponse {
  const [next, ...after] = rest;
  if (viewsSegment.args === undefined && !next) {
    if (req.method === 'GET')
      return collectionResponse(
        ctx,
        req,
        viewsOf(ctx, list).map((v) => viewEntity(ctx, list, v)),
        'SP.ApiData.Views',
      );
    if (req.method === 'POST') return addView(ctx, req, list);
    throw methodNotAllowedSp(req.method);
  }
  const selector = viewsSegment.args !== undefined ? viewsSegment : next;
  const remaining = viewsSegment.args !== undefined ? rest : after;
  if (!selector) throw resourceNotFound(viewsSegment.name);
  const view = findView(ctx, list, selector);
  const [sub, ...subRest] = remaining;
  if (!sub) {
    if (req.method === 'GET') return entityResponse(ctx, req, viewEntity(ctx, list, view), 'SP.ApiData.Views');
    if (req.method === 'MERGE') return updateView(ctx, req, list, view);
    if (req.method === 'DELETE') return deleteView(ctx, req, list, view);
    throw methodNotAllowedSp(req.method);
  }
  if (sub.key === 'viewfields') return routeViewFields(ctx, req, list, view, subRest);
  throw resourceNotFound(sub.name);
}
