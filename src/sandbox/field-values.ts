/**
 * List item field values: reading what a client writes in `fields` (Graph's fieldValueSet) into
 * stored values with SharePoint's checks, and rendering stored values in Graph's wire shapes.
 *
 * Wire shapes, as Graph returns them:
 * - text, note, choice: string; number: number; boolean: boolean; multi-choice: string[]
 * - dateTime: `YYYY-MM-DDTHH:mm:ssZ`; a dateOnly column is midnight Europe/Amsterdam in UTC
 * - person / lookup: `<Name>LookupId: "12"` (a string); selecting `<Name>` gives the display value
 * - multi-person / multi-lookup: `<Name>: [{ LookupId, LookupValue(, Email) }]`;
 *   selecting `<Name>LookupId` gives the ids as strings
 * - empty values are left out, as Graph leaves them out
 */
import { invalidRequest } from './graph-errors.js';
import { isLookupKind, isMultiValue, type ColumnRecord } from './columns.js';
import { formatGraphInstant, parseSiteDateTime, toSiteDateOnly } from './site-time.js';
import type { ItemRecord, StoredValue, StoredValues } from './store.js';

/** What rendering needs from the rest of the site. */
export type FieldReadContext = {
  user(lookupId: number): { displayName: string; email: string } | undefined;
  lookupValue(listId: string, itemId: number, columnName: string): string | undefined;
};

/** What validating a write needs from the rest of the site. */
export type FieldWriteContext = {
  userExists(lookupId: number): boolean;
  lookupTargetExists(listId: string, itemId: number): boolean;
};

/** The item eTag: `"{UNIQUE-ID},version"`, quotes included, as SharePoint forms it. */
export function itemETag(item: Pick<ItemRecord, 'uniqueId' | 'version'>): string {
  return `"{${item.uniqueId.toUpperCase()}},${item.version}"`;
}

/** Fields SharePoint computes and that can never be written. */
const READ_ONLY_FIELDS = new Set([
  'id',
  'ID',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'ContentType',
  'Attachments',
  'LinkTitle',
  'LinkTitleNoMenu',
  'Edit',
  'ItemChildCount',
  'FolderChildCount',
]);

const COLLECTION_STRING = 'Collection(Edm.String)';
const COLLECTION_INT = 'Collection(Edm.Int32)';

function toLookupId(value: unknown, key: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw invalidRequest(
    `Field '${key}' needs a positive integer id (a number or a string of digits); got ${JSON.stringify(value)}.`,
  );
}

/** Reads one written value for a column; returns null to clear it. */
function readValue(
  col: ColumnRecord,
  key: string,
  value: unknown,
  annotation: string | undefined,
  ctx: FieldWriteContext,
): StoredValue | null {
  if (value === null) return null;
  const multi = isMultiValue(col.kind);
  if (multi) {
    if (!Array.isArray(value))
      throw invalidRequest(`Field '${key}' holds several values; write an array with '${key}@odata.type'.`);
    if (annotation !== COLLECTION_STRING && annotation !== COLLECTION_INT) {
      throw invalidRequest(
        `A collection value for '${key}' needs the annotation '${key}@odata.type': '${col.kind === 'multiChoice' ? COLLECTION_STRING : COLLECTION_INT}'.`,
      );
    }
    if (value.length === 0) return null;
  } else if (Array.isArray(value)) {
    throw invalidRequest(`Field '${key}' holds a single value; an array is not allowed.`);
  }
  switch (col.kind) {
    case 'text':
    case 'note': {
      if (typeof value !== 'string') throw invalidRequest(`Field '${key}' is text; got ${typeof value}.`);
      if (value === '') return null;
      const max = col.text?.maxLength ?? 255;
      if (value.length > max)
        throw invalidRequest(`The value of field '${key}' is longer than its maximum length of ${max}.`);
      return value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw invalidRequest(`Field '${key}' is a number; got ${JSON.stringify(value)}.`);
      const { minimum, maximum } = col.number ?? {};
      if (minimum !== undefined && value < minimum)
        throw invalidRequest(`The value of field '${key}' is below its minimum of ${minimum}.`);
      if (maximum !== undefined && value > maximum)
        throw invalidRequest(`The value of field '${key}' is above its maximum of ${maximum}.`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean')
        throw invalidRequest(`Field '${key}' is a yes/no field; got ${JSON.stringify(value)}.`);
      return value;
    case 'choice':
    case 'multiChoice': {
      const values = multi ? (value as unknown[]) : [value];
      const out: string[] = [];
      for (const v of values) {
        if (typeof v !== 'string') throw invalidRequest(`Field '${key}' is a choice field; got ${JSON.stringify(v)}.`);
        if (v === '' && !multi) return null;
        if (!col.choice?.allowTextEntry && !(col.choice?.choices ?? []).includes(v)) {
          throw invalidRequest(`The value '${v}' is not one of the choices of field '${key}'.`);
        }
        if (!out.includes(v)) out.push(v);
      }
      return multi ? out : (out[0] ?? null);
    }
    case 'dateTime': {
      if (typeof value !== 'string') throw invalidRequest(`Field '${key}' is a date; got ${JSON.stringify(value)}.`);
      if (value === '') return null;
      const ms = parseSiteDateTime(value);
      if (ms === undefined)
        throw invalidRequest(
          `The value '${value}' of field '${key}' is not a valid date (use YYYY-MM-DD or an ISO 8601 date-time).`,
        );
      return formatGraphInstant(col.dateTime?.format === 'dateOnly' ? toSiteDateOnly(ms) : ms);
    }
    case 'person':
    case 'multiPerson': {
      const ids = (multi ? (value as unknown[]) : [value]).map((v) => toLookupId(v, key));
      for (const id of ids) {
        if (!ctx.userExists(id))
          throw invalidRequest(`The user with lookup id ${id} in field '${key}' is not a user of this site.`);
      }
      return multi ? [...new Set(ids)] : (ids[0] ?? null);
    }
    case 'lookup':
    case 'multiLookup': {
      const ids = (multi ? (value as unknown[]) : [value]).map((v) => toLookupId(v, key));
      const listId = col.lookup?.listId ?? '';
      for (const id of ids) {
        if (!ctx.lookupTargetExists(listId, id))
          throw invalidRequest(`Field '${key}' refers to item ${id}, which does not exist in the lookup list.`);
      }
      return multi ? [...new Set(ids)] : (ids[0] ?? null);
    }
  }
}

/**
 * Reads the `fields` object of a create or update into column name → stored value (null clears).
 * Unknown names, read-only fields and wrongly typed values are refused with 400, naming the field.
 */
export function parseFieldWrites(
  input: unknown,
  columns: readonly ColumnRecord[],
  ctx: FieldWriteContext,
): Map<string, StoredValue | null> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalidRequest(`'fields' must be an object.`);
  const source = input as Record<string, unknown>;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const writes = new Map<string, StoredValue | null>();
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('@odata.')) continue;
    const at = key.indexOf('@');
    if (at > 0) {
      const base = key.slice(0, at);
      if (key.slice(at) !== '@odata.type') throw invalidRequest(`The annotation '${key}' is not supported.`);
      if (!(base in source)) throw invalidRequest(`The annotation '${key}' has no value '${base}' next to it.`);
      continue;
    }
    if (READ_ONLY_FIELDS.has(key)) throw invalidRequest(`Field '${key}' is read-only.`);
    let col = byName.get(key);
    if (col && isLookupKind(col.kind)) {
      throw invalidRequest(
        `Field '${key}' is a ${col.kind.includes('erson') ? 'person' : 'lookup'} field; write its id as '${key}LookupId'.`,
      );
    }
    if (!col && key.endsWith('LookupId')) {
      const base = byName.get(key.slice(0, -'LookupId'.length));
      if (base && isLookupKind(base.kind)) col = base;
    }
    if (!col) throw invalidRequest(`Field '${key}' is not recognized`);
    if (col.readOnly) throw invalidRequest(`Field '${key}' is read-only.`);
    const annotation = source[`${key}@odata.type`];
    writes.set(col.name, readValue(col, key, value, typeof annotation === 'string' ? annotation : undefined, ctx));
  }
  return writes;
}

/** Applies parsed writes to stored values; null removes a value (SharePoint keeps no empty values). */
export function applyWrites(values: StoredValues, writes: Map<string, StoredValue | null>): StoredValues {
  const next: StoredValues = { ...values };
  for (const [name, value] of writes) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** Refuses values that leave a required column empty. `only` limits the check to written columns. */
export function checkRequired(
  values: StoredValues,
  columns: readonly ColumnRecord[],
  only?: ReadonlySet<string>,
): void {
  for (const col of columns) {
    if (!col.required || col.readOnly) continue;
    if (only && !only.has(col.name)) continue;
    if (values[col.name] === undefined)
      throw invalidRequest(`Field '${isLookupKind(col.kind) ? `${col.name}LookupId` : col.name}' is required.`);
  }
}

/** The key under which a value counts for `enforceUniqueValues` (text without regard to case, like SharePoint). */
export function uniqueKeyOf(value: StoredValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return `s:${value.trim().toLowerCase()}`;
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'boolean') return `b:${value ? 1 : 0}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

type Renderer = (item: ItemRecord, ctx: FieldReadContext) => unknown;

/** Computed built-in fields and how Graph renders them, in Graph's order (after the custom columns). */
const BUILT_IN_RENDERERS: ReadonlyArray<[string, Renderer]> = [
  ['id', (item) => String(item.id)],
  ['ContentType', () => 'Item'],
  ['Modified', (item) => formatGraphInstant(item.modifiedAt)],
  ['Created', (item) => formatGraphInstant(item.createdAt)],
  ['AuthorLookupId', (item) => String(item.authorId)],
  ['EditorLookupId', (item) => String(item.editorId)],
  ['_UIVersionString', (item) => `${item.version}.0`],
  ['Attachments', () => false],
  ['Edit', () => ''],
  ['LinkTitleNoMenu', (item) => item.values['Title']],
  ['LinkTitle', (item) => item.values['Title']],
  ['ItemChildCount', () => '0'],
  ['FolderChildCount', () => '0'],
];

/** Built-ins that appear only when selected. */
const SELECT_ONLY_RENDERERS: ReadonlyMap<string, Renderer> = new Map<string, Renderer>([
  ['ID', (item) => item.id],
  ['Author', (item, ctx) => ctx.user(item.authorId)?.displayName],
  ['Editor', (item, ctx) => ctx.user(item.editorId)?.displayName],
]);

function renderDefault(col: ColumnRecord, value: StoredValue, ctx: FieldReadContext): [string, unknown] {
  switch (col.kind) {
    case 'person':
    case 'lookup':
      return [`${col.name}LookupId`, String(value)];
    case 'multiPerson':
      return [
        col.name,
        (value as number[]).map((id) => {
          const user = ctx.user(id);
          return { LookupId: id, LookupValue: user?.displayName ?? '', Email: user?.email ?? '' };
        }),
      ];
    case 'multiLookup':
      return [
        col.name,
        (value as number[]).map((id) => ({
          LookupId: id,
          LookupValue: ctx.lookupValue(col.lookup?.listId ?? '', id, col.lookup?.columnName ?? 'Title') ?? '',
        })),
      ];
    default:
      return [col.name, Array.isArray(value) ? [...value] : value];
  }
}

function renderDisplayValue(col: ColumnRecord, value: StoredValue, ctx: FieldReadContext): unknown {
  switch (col.kind) {
    case 'person':
      return ctx.user(value as number)?.displayName ?? '';
    case 'lookup':
      return ctx.lookupValue(col.lookup?.listId ?? '', value as number, col.lookup?.columnName ?? 'Title') ?? '';
    default:
      return renderDefault(col, value, ctx)[1];
  }
}

/** Every renderer a `fields($select=...)` may name. */
const SELECTABLE_RENDERERS: ReadonlyMap<string, Renderer> = new Map<string, Renderer>([
  ...BUILT_IN_RENDERERS,
  ...SELECT_ONLY_RENDERERS,
]);

/** A list's columns by name, made once per columns array (a read renders up to 5,000 items with the same one). */
const byNameOf = new WeakMap<readonly ColumnRecord[], ReadonlyMap<string, ColumnRecord>>();
function columnsByName(columns: readonly ColumnRecord[]): ReadonlyMap<string, ColumnRecord> {
  let byName = byNameOf.get(columns);
  if (!byName) {
    byName = new Map(columns.map((c) => [c.name, c]));
    byNameOf.set(columns, byName);
  }
  return byName;
}

/**
 * Resolves the names of a `fields($select=...)` and refuses unknown ones with 400, before any
 * item is rendered.
 */
export function checkFieldSelect(select: readonly string[], columns: readonly ColumnRecord[]): void {
  const byName = columnsByName(columns);
  for (const name of select) {
    if (name === '@odata.etag' || SELECTABLE_RENDERERS.has(name) || byName.has(name)) continue;
    if (name.endsWith('LookupId')) {
      const base = byName.get(name.slice(0, -'LookupId'.length));
      if (base && isLookupKind(base.kind)) continue;
    }
    throw invalidRequest(`The field '${name}' in $select does not exist on this list.`);
  }
}

/**
 * Renders an item's fieldValueSet. Without `select` it shows every visible column with a value
 * plus the built-ins; with `select` only the named fields (hidden ones included), plus `@odata.etag`.
 */
export function renderFields(
  item: ItemRecord,
  columns: readonly ColumnRecord[],
  ctx: FieldReadContext,
  select?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  const put = (name: string, value: unknown): void => {
    if (value !== undefined && value !== null) out[name] = value;
  };
  if (!select) {
    for (const col of columns) {
      if (col.hidden) continue;
      const value = item.values[col.name];
      if (value === undefined) continue;
      const [name, rendered] = renderDefault(col, value, ctx);
      put(name, rendered);
    }
    for (const [name, render] of BUILT_IN_RENDERERS) put(name, render(item, ctx));
    return out;
  }
  const byName = columnsByName(columns);
  for (const name of select) {
    if (name === '@odata.etag') continue;
    const col = byName.get(name);
    if (col) {
      const value = item.values[col.name];
      if (value !== undefined) put(name, renderDisplayValue(col, value, ctx));
      continue;
    }
    const builtIn = SELECTABLE_RENDERERS.get(name);
    if (builtIn) {
      put(name, builtIn(item, ctx));
      continue;
    }
    if (name.endsWith('LookupId')) {
      const base = byName.get(name.slice(0, -'LookupId'.length));
      const value = base ? item.values[base.name] : undefined;
      if (value !== undefined) put(name, Array.isArray(value) ? value.map(String) : String(value));
    }
  }
  return out;
}

/** A stored value as the text a lookup column shows for it. */
export function valueAsLookupText(value: StoredValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}
