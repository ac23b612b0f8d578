/**
 * What every SharePoint REST handler receives and returns. Like the Graph handlers they are
 * synchronous functions over the same store, so a list created through Graph is the list REST
 * changes, and the other way round.
 */
import type { GraphContext } from '../routes/context.js';
import type { AuthContext } from '../tokens.js';
import { accessDeniedSp, notSupportedSp, SharePointError, SP_CODES } from './errors.js';
import { renderCollection, renderEntity, type Entity, type ODataFormat } from './odata.js';
import type { Segment } from './path.js';

export type RestContext = GraphContext & {
  /** `<siteUrl>/_api/` */
  apiUrl: string;
};

/** The method SharePoint acts on: POST with `X-HTTP-Method: MERGE|DELETE` counts as that method. */
export type RestMethod = 'GET' | 'POST' | 'MERGE' | 'PUT' | 'DELETE';

export type RestRequest = {
  method: RestMethod;
  segments: readonly Segment[];
  /** Query options by lower-case name without `$`. */
  options: ReadonlyMap<string, string>;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: unknown;
  auth: AuthContext;
  format: ODataFormat;
};

export type RestResponse = { status: number; headers: Record<string, string>; body?: unknown };

/** Reads the OData query options; `@alias` parameters and unknown plain parameters are left alone. */
export function readRestOptions(query: URLSearchParams): Map<string, string> {
  const options = new Map<string, string>();
  for (const [key, value] of query) {
    if (!key.startsWith('$')) continue;
    const name = key.slice(1).toLowerCase();
    if (options.has(name))
      throw new SharePointError(
        400,
        SP_CODES.invalidQuery,
        `The query parameter '${key}' is specified more than once.`,
      );
    options.set(name, value);
  }
  return options;
}

/** Refuses query options this resource does not implement, instead of ignoring them silently. */
export function allowOptions(req: RestRequest, allowed: readonly string[]): void {
  for (const name of req.options.keys()) {
    if (!allowed.includes(name)) throw notSupportedSp(`the query option '$${name}' on this resource`);
  }
}

export function selectOf(req: RestRequest): string[] | undefined {
  const text = req.options.get('select');
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function entityResponse(
  ctx: RestContext,
  req: RestRequest,
  entity: Entity,
  entitySet: string,
  status = 200,
  headers: Record<string, string> = {},
): RestResponse {
  allowOptions(req, ['select']);
  return {
    status,
    headers: { ...(entity.etag !== undefined ? { ETag: entity.etag } : {}), ...headers },
    body: renderEntity(req.format, ctx, entity, entitySet, selectOf(req)),
  };
}

export function collectionResponse(
  ctx: RestContext,
  req: RestRequest,
  entities: readonly Entity[],
  entitySet: string,
  extraOptions: readonly string[] = [],
): RestResponse {
  allowOptions(req, ['select', ...extraOptions]);
  return { status: 200, headers: {}, body: renderCollection(req.format, ctx, entities, entitySet, selectOf(req)) };
}

export function noContent(headers: Record<string, string> = {}): RestResponse {
  return { status: 204, headers };
}

function granted(auth: AuthContext): readonly string[] {
  return auth.kind === 'app' ? auth.roles : auth.scopes;
}

/** Changing lists, fields and views needs manage rights (an app role or a delegated SharePoint scope). */
export function requireManageSp(auth: AuthContext): void {
  const names = ['Sites.Manage.All', 'Sites.FullControl.All', 'AllSites.Manage', 'AllSites.FullControl'];
  if (!granted(auth).some((g) => names.includes(g))) throw accessDeniedSp();
}

/** Writing items and adding users needs write rights. */
export function requireWriteSp(auth: AuthContext): void {
  const names = [
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Sites.FullControl.All',
    'AllSites.Write',
    'AllSites.Manage',
    'AllSites.FullControl',
  ];
  if (!granted(auth).some((g) => names.includes(g))) throw accessDeniedSp();
}

/** A segment that takes no arguments must not get any. */
export function noArgs(segment: Segment): void {
  if (segment.args !== undefined && segment.args.length > 0) {
    throw new SharePointError(400, SP_CODES.invalidQuery, `The segment '${segment.name}' does not take arguments.`);
  }
}

/** The single string argument of a function segment such as `getByTitle('X')`. */
export function stringArg(segment: Segment): string {
  const arg = segment.args?.[0];
  if (segment.args?.length !== 1 || typeof arg !== 'string') {
    throw new SharePointError(400, SP_CODES.invalidQuery, `'${segment.name}' takes one string argument.`);
  }
  return arg;
}

/** The single integer argument of a segment such as `items(3)` or `getById(3)`. */
export function intArg(segment: Segment): number {
  const arg = segment.args?.[0];
  const n = typeof arg === 'number' ? arg : typeof arg === 'string' && /^\d+$/.test(arg) ? Number(arg) : NaN;
  if (segment.args?.length !== 1 || !Number.isInteger(n) || n < 1) {
    throw new SharePointError(400, SP_CODES.invalidQuery, `'${segment.name}' takes one positive integer argument.`);
  }
  return n;
}

/**
 * Checks `If-Match` against an entity's current eTag. `*` (what PnPjs sends by default) or no header
 * matches anything; any other value must be the current eTag, otherwise nothing changes (412).
 */
export function checkIfMatchSp(req: RestRequest, current: string): void {
  const wanted = req.headers['if-match'];
  if (wanted === undefined || wanted.trim() === '*') return;
  const normalize = (e: string) => e.trim().replace(/^W\//, '');
  if (normalize(wanted) !== normalize(current)) {
    throw new SharePointError(
      412,
      SP_CODES.clientService,
      `The request ETag value '${wanted}' does not match the object's ETag value '${current}'.`,
    );
  }
}
