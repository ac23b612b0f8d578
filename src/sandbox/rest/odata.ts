/**
 * SharePoint REST's response formats (OData v3, https://learn.microsoft.com/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service):
 *
 * - `Accept: application/json;odata=verbose`: `{"d":{...,"__metadata":{"id","uri","type"}}}`, a
 *   collection `{"d":{"results":[...]}}`, a nested array `{"__metadata":{"type"},"results":[...]}`.
 * - `Accept: application/json;odata=minimalmetadata` (and plain `application/json`, which PnPjs v4
 *   sends by default): `{"odata.metadata","odata.type","odata.id","odata.editLink",...}`, a
 *   collection `{"odata.metadata","value":[...]}`.
 * - `Accept: application/json;odata=nometadata`: the bare properties, a collection `{"value":[...]}`.
 *
 * Errors: `{"odata.error":{...}}` in JSON light, `{"error":{...}}` in verbose.
 */
import { SharePointError, SP_CODES } from './errors.js';

export type ODataFormat = 'verbose' | 'minimal' | 'nometadata';

/** A value that renders as a typed nested collection (`results` plus its type in verbose). */
export class CollectionValue {
  constructor(
    readonly type: string,
    readonly items: readonly unknown[],
  ) {}
}

/** A nested complex value (for example SP.UserIdInfo); verbose adds its `__metadata.type`. */
export class ComplexValue {
  constructor(
    readonly type: string,
    readonly props: Readonly<Record<string, unknown>>,
  ) {}
}

/** One entity: its SharePoint type, its canonical address (below `_api/`), optional eTag, its properties. */
export type Entity = { type: string; path: string; etag?: string; props: Record<string, unknown> };

/**
 * Picks the format from the Accept header as SharePoint Online does. SharePoint answers Atom XML
 * when JSON is not asked for; the sandbox speaks JSON only and says so with 406.
 */
export function negotiate(accept: string | undefined): ODataFormat {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'nometadata';
  if (value === '' || value.includes('json') || value.includes('*/*')) return 'minimal';
  throw new SharePointError(
    406,
    SP_CODES.notSupported,
    `The sandbox answers JSON only (application/json;odata=verbose|minimalmetadata|nometadata), not '${accept ?? ''}'.`,
  );
}

export function contentTypeOf(format: ODataFormat): string {
  if (format === 'verbose') return 'application/json;odata=verbose;charset=utf-8';
  if (format === 'nometadata') return 'application/json;odata=nometadata;streaming=true;charset=utf-8';
  return 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
}

function renderValue(format: ODataFormat, value: unknown): unknown {
  if (value instanceof CollectionValue) {
    const items = value.items.map((v) => renderValue(format, v));
    return format === 'verbose' ? { __metadata: { type: value.type }, results: items } : items;
  }
  if (value instanceof ComplexValue) {
    const props = renderProps(format, value.props);
    return format === 'verbose' ? { __metadata: { type: value.type }, ...props } : props;
  }
  return value;
}

function renderProps(format: ODataFormat, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = renderValue(format, value);
  return out;
}

/**
 * Applies `$select`. Names match without regard to case, as SharePoint matches them, except that
 * an exact match wins (items have both `Id` and `ID`).
 */
function selectProps(props: Record<string, unknown>, select: readonly string[] | undefined): Record<string, unknown> {
  if (!select) return props;
  const keys = Object.keys(props);
  const wanted = new Set<string>();
  for (const name of select) {
    if (name in props) wanted.add(name);
    else for (const key of keys) if (key.toLowerCase() === name.toLowerCase()) wanted.add(key);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) if (wanted.has(key)) out[key] = props[key];
  return out;
}

/** The base every address is built on: `<siteUrl>/_api/`. */
export type RestUrls = { apiUrl: string };

function entityBody(
  format: ODataFormat,
  urls: RestUrls,
  entity: Entity,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const props = renderProps(format, selectProps(entity.props, select));
  const uri = `${urls.apiUrl}${entity.path}`;
  if (format === 'verbose') {
    return {
      __metadata: { id: uri, uri, ...(entity.etag !== undefined ? { etag: entity.etag } : {}), type: entity.type },
      ...props,
    };
  }
  if (format === 'nometadata') return props;
  return {
    'odata.type': entity.type,
    'odata.id': uri,
    ...(entity.etag !== undefined ? { 'odata.etag': entity.etag } : {}),
    'odata.editLink': entity.path,
    ...props,
  };
}

/** The metadata fragment of an entity set, e.g. `SP.ApiData.Lists`. */
function metadataUrl(urls: RestUrls, fragment: string): string {
  return `${urls.apiUrl}$metadata#${fragment}`;
}

export function renderEntity(
  format: ODataFormat,
  urls: RestUrls,
  entity: Entity,
  entitySet: string,
  select?: readonly string[],
): unknown {
  const body = entityBody(format, urls, entity, select);
  if (format === 'verbose') return { d: body };
  if (format === 'nometadata') return body;
  return { 'odata.metadata': metadataUrl(urls, `${entitySet}/@Element`), ...body };
}

export function renderCollection(
  format: ODataFormat,
  urls: RestUrls,
  entities: readonly Entity[],
  entitySet: string,
  select?: readonly string[],
): unknown {
  const value = entities.map((e) => entityBody(format, urls, e, select));
  if (format === 'verbose') return { d: { results: value } };
  if (format === 'nometadata') return { value };
  return { 'odata.metadata': metadataUrl(urls, entitySet), value };
}

/** A complex result of a function call (e.g. SP.ContextWebInformation) under its method name in verbose. */
export function renderComplexResult(format: ODataFormat, urls: RestUrls, method: string, value: ComplexValue): unknown {
  const props = renderProps(format, value.props);
  if (format === 'verbose') return { d: { [method]: { __metadata: { type: value.type }, ...props } } };
  if (format === 'nometadata') return props;
  return { 'odata.metadata': metadataUrl(urls, value.type), ...props };
}

/** The answer of a void service operation (addviewfield and friends). */
export function renderVoid(format: ODataFormat, method: string): unknown {
  if (format === 'verbose') return { d: { [method]: null } };
  return { 'odata.null': true };
}

export function errorBody(format: ODataFormat, err: SharePointError): unknown {
  const inner = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return format === 'verbose' ? { error: inner } : { 'odata.error': inner };
}

/**
 * Reads a request body as SharePoint does: JSON light properties, or a verbose body whose
 * `__metadata` names the type. Nested `{results:[...]}` (verbose collections) become arrays.
 */
export function readEntityBody(body: unknown): { type?: string; props: Record<string, unknown> } {
  if (body === undefined) return { props: {} };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SharePointError(400, SP_CODES.invalidQuery, 'The request body must be a JSON object.');
  }
  const props: Record<string, unknown> = {};
  let type: string | undefined;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '__metadata') {
      const t = (value as { type?: unknown } | null)?.type;
      if (typeof t === 'string') type = t;
      continue;
    }
    if (key.startsWith('odata.') || key.startsWith('@odata.')) {
      if (key === '@odata.type' || key === 'odata.type')
        type = typeof value === 'string' ? value.replace(/^#/, '') : type;
      continue;
    }
    if (key.includes('@odata.')) continue;
    props[key] = unwrapResults(value);
  }
  return type === undefined ? { props } : { type, props };
}

function unwrapResults(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'results' in value) {
    const results = (value as { results: unknown }).results;
    if (Array.isArray(results)) return results;
  }
  return value;
}
