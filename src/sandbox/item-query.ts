/**
 * Query options of `GET .../lists/{list}/items` as Graph reads them on SharePoint lists:
 * `$expand=fields($select=...)`, `$select`, `$filter`, `$orderby`, `$top` and `$skiptoken`.
 *
 * SharePoint refuses to filter or sort on a column that is not indexed unless the caller sends
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`; that rule is enforced here, with
 * SharePoint's own message.
 */
import { createHash } from 'node:crypto';
import { GraphError, invalidRequest } from './graph-errors.js';
import { isLookupKind, isMultiValue, type ColumnRecord } from './columns.js';
import {
  compareText,
  compileFilter,
  FilterError,
  parseFilter,
  type BoundField,
  type FieldBinder,
  type FieldValueType,
  type Predicate,
} from './odata-filter.js';
import { parseCalendarDate, parseSiteDateTime, siteMidnightUtc } from './site-time.js';
import type { ItemRecord } from './store.js';

/** The Prefer token that lets SharePoint run a query on non-indexed columns. */
export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Graph's default page size for list items, and the most SharePoint hands out in one page. */
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;

/** Properties of a listItem that a top-level `$select` may name. */
const ITEM_PROPERTIES = new Set([
  'id',
  'eTag',
  'createdDateTime',
  'lastModifiedDateTime',
  'createdBy',
  'lastModifiedBy',
  'webUrl',
  'contentType',
  'parentReference',
  'fields',
  'sharepointIds',
]);

/**
 * Reads the OData system query options of a request. Names are matched without regard to case
 * and with or without the `$` prefix (Graph v1.0 accepts both); a repeated option is refused.
 */
export function readQueryOptions(query: URLSearchParams): Map<string, string> {
  const options = new Map<string, string>();
  for (const [rawKey, value] of query) {
    const key = rawKey.replace(/^\$/, '').toLowerCase();
    if (options.has(key)) throw invalidRequest(`Query option '${rawKey}' appears more than once.`);
    options.set(key, value);
  }
  return options;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function splitNames(text: string, what: string): string[] {
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw invalidRequest(`${what} has an empty name.`);
  return names;
}

export type ExpandOption = { name: string; select?: string[] };

/** Parses `$expand`, e.g. `fields($select=Title,Status)` or `fields(select=Title)`. */
export function parseExpand(text: string, allowed: readonly string[]): ExpandOption[] {
  const result: ExpandOption[] = [];
  for (const part of splitTopLevel(text, ',')) {
    const m = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/.exec(part);
    if (!m) throw invalidRequest(`The $expand option '${part.trim()}' is not valid.`);
    const name = m[1] ?? '';
    if (!allowed.includes(name))
      throw invalidRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' to expand.`,
      );
    const option: ExpandOption = { name };
    const inner = m[2];
    if (inner !== undefined && inner.trim() !== '') {
      for (const opt of inner.split(';')) {
        const eq = opt.indexOf('=');
        const key = opt.slice(0, eq).trim().replace(/^\$/, '').toLowerCase();
        if (eq < 0 || key !== 'select') throw invalidRequest(`Only $select is supported inside $expand=${name}(...).`);
        option.select = splitNames(opt.slice(eq + 1), '$select');
      }
    }
    result.push(option);
  }
  return result;
}

/** Parses a top-level `$select` of listItem properties. */
export function parseItemSelect(text: string): string[] {
  const names = splitNames(text, '$select');
  for (const name of names) {
    if (!ITEM_PROPERTIES.has(name))
      throw invalidRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.listItem'.`,
      );
  }
  return names;
}

/** Reads `$top`: a positive integer; values above SharePoint's 5000 are capped, as Graph does. */
export function parseTop(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw invalidRequest(`Invalid $top value '${text}': it must be a positive integer.`);
  return Math.min(Number(text), MAX_PAGE_SIZE);
}

/** SharePoint's refusal of a filter or sort on a column without an index. */
export function notIndexedError(field: string): GraphError {
  return invalidRequest(
    `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

function kindToType(col: ColumnRecord): FieldValueType {
  switch (col.kind) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    case 'person':
    case 'lookup':
      return 'lookupId';
    default:
      return 'string';
  }
}

function storedScalar(item: ItemRecord, name: string, type: FieldValueType): string | number | boolean | null {
  const value = item.values[name];
  if (value === undefined || Array.isArray(value)) return null;
  if (type === 'dateTime') return Date.parse(String(value));
  return value;
}

/**
 * Resolves `fields/X` and `id` for filters and sorting over items of one list. A multi-value
 * column, an unknown field, or (without the Prefer header) a column that is not indexed, is refused.
 */
export function itemFieldBinder(columns: readonly ColumnRecord[], honorNonIndexed: boolean): FieldBinder<ItemRecord> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const requireIndex = (indexed: boolean, name: string): void => {
    if (!indexed && !honorNonIndexed) throw notIndexedError(name);
  };
  return (path: string, position: number): BoundField<ItemRecord> => {
    const idField: BoundField<ItemRecord> = { type: 'lookupId', get: (item) => item.id };
    if (path.toLowerCase() === 'id') return idField;
    if (!path.startsWith('fields/')) {
      throw new FilterError(`'${path}' is not a field of the list item; use 'fields/<name>' or 'id'`, position);
    }
    const name = path.slice('fields/'.length);
    if (name === 'id' || name === 'ID') return idField;
    if (name === 'Created' || name === 'Modified') {
      requireIndex(false, name);
      return { type: 'dateTime', get: (item) => (name === 'Created' ? item.createdAt : item.modifiedAt) };
    }
    if (name === 'AuthorLookupId' || name === 'EditorLookupId') {
      requireIndex(false, name.slice(0, -'LookupId'.length));
      return { type: 'lookupId', get: (item) => (name === 'AuthorLookupId' ? item.authorId : item.editorId) };
    }
    let col = byName.get(name);
    if (col && isLookupKind(col.kind)) {
      throw new FilterError(`'${name}' is a lookup or person field; compare 'fields/${name}LookupId'`, position);
    }
    if (!col && name.endsWith('LookupId')) {
      const base = byName.get(name.slice(0, -'LookupId'.length));
      if (base && isLookupKind(base.kind)) col = base;
    }
    if (!col) throw new FilterError(`the field '${name}' does not exist on this list`, position);
    if (isMultiValue(col.kind)) {
      throw new FilterError(
        `the field '${col.name}' holds several values and cannot be used in a filter or orderby`,
        position,
      );
    }
    requireIndex(col.indexed, col.name);
    const type = kindToType(col);
    const stored = col.name;
    return { type, get: (item) => storedScalar(item, stored, type) };
  };
}

/** Date literals in a filter mean midnight in the site's zone; instants are taken as written. */
function dateOnlyToEpoch(date: string): number | undefined {
  const parsed = parseCalendarDate(date);
  return parsed ? siteMidnightUtc(parsed.year, parsed.month, parsed.day) : undefined;
}

/** Compiles a `$filter` over items, turning syntax errors into 400 `invalidRequest`. */
export function compileItemFilter(text: string, binder: FieldBinder<ItemRecord>): Predicate<ItemRecord> {
  try {
    return compileFilter(parseFilter(text), binder, { dateOnlyToEpoch, instantToEpoch: parseSiteDateTime });
  } catch (err) {
    if (err instanceof FilterError) throw invalidRequest(err.message);
    throw err;
  }
}

export type SortKey = { path: string; desc: boolean; field: BoundField<ItemRecord> };

/** Parses `$orderby=fields/A desc,fields/B`; every key goes through the same binder as filters. */
export function parseOrderBy(text: string, binder: FieldBinder<ItemRecord>): SortKey[] {
  const keys: SortKey[] = [];
  let offset = 0;
  for (const part of text.split(',')) {
    const m = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw invalidRequest(`Invalid $orderby clause '${part.trim()}' (at position ${offset}).`);
    const path = m[1] ?? '';
    try {
      keys.push({
        path,
        desc: (m[2] ?? 'asc').toLowerCase() === 'desc',
        field: binder(path, offset + part.indexOf(path)),
      });
    } catch (err) {
      if (err instanceof FilterError)
        throw invalidRequest(err.message.replace('Invalid filter clause', 'Invalid $orderby clause'));
      throw err;
    }
    offset += part.length + 1;
  }
  return keys;
}

type SortValue = string | number | boolean | null;

function compareValues(type: FieldValueType, a: SortValue, b: SortValue): number {
  // SharePoint sorts empty values first in ascending order.
  if (a === null || b === null) return a === null ? (b === null ? 0 : -1) : 1;
  if (type === 'string') return compareText(String(a), String(b));
  return Number(a) - Number(b);
}

/** A position in a sorted result: the sort key values and the item id (the final tie-breaker). */
export type SortPosition = { values: SortValue[]; id: number };

export function positionOf(item: ItemRecord, keys: readonly SortKey[]): SortPosition {
  return { values: keys.map((k) => k.field.get(item)), id: item.id };
}

export function comparePositions(keys: readonly SortKey[], a: SortPosition, b: SortPosition): number {
  for (const [i, key] of keys.entries()) {
    const c = compareValues(key.field.type, a.values[i] ?? null, b.values[i] ?? null);
    if (c !== 0) return key.desc ? -c : c;
  }
  return a.id - b.id;
}

/** A fingerprint of the parts of a query that decide order and membership, bound into skip tokens. */
export function queryFingerprint(listId: string, filter: string | undefined, orderBy: string | undefined): string {
  return createHash('sha256')
    .update(`${listId}\n${filter ?? ''}\n${orderBy ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
}

/** An opaque `$skiptoken`: where the previous page ended, in keyset form, so pages never overlap. */
export function encodeSkipToken(fingerprint: string, position: SortPosition): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, v: position.values, i: position.id })).toString('base64url');
}

export function decodeSkipToken(token: string, fingerprint: string): SortPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (err) {
    throw new GraphError(400, 'invalidRequest', `The $skiptoken is not valid: ${(err as Error).message}`);
  }
  const p = parsed as { q?: unknown; v?: unknown; i?: unknown };
  if (typeof p !== 'object' || p === null || p.q !== fingerprint || !Array.isArray(p.v) || typeof p.i !== 'number') {
    throw invalidRequest(
      'The $skiptoken is not valid for this query. Use the @odata.nextLink exactly as it was returned.',
    );
  }
  return { values: p.v as SortValue[], id: p.i };
}
