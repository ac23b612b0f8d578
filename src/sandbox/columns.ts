/**
 * SharePoint list columns as Graph's `columnDefinition` describes them
 * (https://learn.microsoft.com/graph/api/resources/columndefinition): parsing a definition sent
 * by a client, SharePoint's rules on it, and rendering it back.
 */
import { randomUUID } from 'node:crypto';
import { invalidRequest, GraphError } from './graph-errors.js';

/** What a column stores; one per Graph type facet, with the multi-value variants split out. */
export type ColumnKind =
  | 'text'
  | 'note'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'multiChoice'
  | 'dateTime'
  | 'person'
  | 'multiPerson'
  | 'lookup'
  | 'multiLookup';

export type TextFacet = {
  allowMultipleLines: boolean;
  appendChangesToExistingText: boolean;
  linesForEditing: number;
  maxLength: number;
};
export type ChoiceFacet = {
  allowTextEntry: boolean;
  choices: string[];
  displayAs: 'dropDownMenu' | 'checkBoxes' | 'radioButtons';
};
export type NumberFacet = { decimalPlaces: string; displayAs: string; maximum?: number; minimum?: number };
export type DateTimeFacet = { displayAs: string; format: 'dateOnly' | 'dateTime' };
export type PersonFacet = { allowMultipleSelection: boolean; chooseFromType: string; displayAs: string };
export type LookupFacet = {
  allowMultipleValues: boolean;
  allowUnlimitedLength: boolean;
  columnName: string;
  listId: string;
};

/** A stored column of a list. Custom columns and the writable built-in Title share this shape. */
export type ColumnRecord = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  required: boolean;
  indexed: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** True for SharePoint's own columns (Title among them). */
  builtIn: boolean;
  text?: TextFacet;
  choice?: ChoiceFacet;
  number?: NumberFacet;
  boolean?: Record<string, never>;
  dateTime?: DateTimeFacet;
  personOrGroup?: PersonFacet;
  lookup?: LookupFacet;
  /** Column formatting JSON (SharePoint's CustomFormatter); only SharePoint REST shows and sets it. */
  customFormatter?: string;
};

/** Field ids SharePoint gives its built-in columns on every list (SPBuiltInFieldId). */
export const BUILT_IN_FIELD_IDS = {
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  ContentType: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  _UIVersionString: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
  Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
} as const;

/** Names no custom column may take: SharePoint's own fields and Graph's computed ones. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(
  [
    'ID',
    'Id',
    'id',
    'Title',
    'Created',
    'Modified',
    'Author',
    'Editor',
    'AuthorLookupId',
    'EditorLookupId',
    '_UIVersionString',
    'ContentType',
    'ContentTypeId',
    'Attachments',
    'LinkTitle',
    'LinkTitleNoMenu',
    'Edit',
    'ItemChildCount',
    'FolderChildCount',
    'FileRef',
    'FileLeafRef',
    'GUID',
    'UniqueId',
    'owshiddenversion',
  ].map((n) => n.toLowerCase()),
);

/** The writable built-in Title column of a genericList. */
export function titleColumn(): ColumnRecord {
  return {
    id: BUILT_IN_FIELD_IDS.Title,
    name: 'Title',
    displayName: 'Title',
    description: '',
    kind: 'text',
    required: true,
    indexed: false,
    enforceUniqueValues: false,
    hidden: false,
    readOnly: false,
    builtIn: true,
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  };
}

/** The read-only built-in columns Graph lists after Title, as columnDefinitions. */
export function readOnlyBuiltInColumns(): Record<string, unknown>[] {
  const base = (
    name: keyof typeof BUILT_IN_FIELD_IDS,
    displayName: string,
    facet: Record<string, unknown>,
    indexed = false,
  ) => ({
    columnGroup: '_Hidden',
    description: '',
    displayName,
    enforceUniqueValues: false,
    hidden: false,
    id: BUILT_IN_FIELD_IDS[name],
    indexed,
    name,
    readOnly: true,
    required: false,
    ...facet,
  });
  return [
    base('ID', 'ID', { number: { decimalPlaces: 'none', displayAs: 'number' } }, true),
    base('ContentType', 'Content Type', {
      text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    }),
    base('Modified', 'Modified', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    base('Created', 'Created', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    base('Author', 'Created By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleAndGroups',
        displayAs: 'nameWithPresence',
      },
    }),
    base('Editor', 'Modified By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleAndGroups',
        displayAs: 'nameWithPresence',
      },
    }),
    base('_UIVersionString', 'Version', {
      text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    }),
    base('Attachments', 'Attachments', { boolean: {} }),
  ];
}

/** True for the kinds that hold several values; SharePoint can neither index nor filter them. */
export function isMultiValue(kind: ColumnKind): boolean {
  return kind === 'multiChoice' || kind === 'multiPerson' || kind === 'multiLookup';
}

/** True for person and lookup columns, which Graph exposes as `<name>LookupId`. */
export function isLookupKind(kind: ColumnKind): boolean {
  return kind === 'person' || kind === 'multiPerson' || kind === 'lookup' || kind === 'multiLookup';
}

const TYPE_FACETS = ['text', 'choice', 'number', 'boolean', 'dateTime', 'personOrGroup', 'lookup'] as const;
const UNSUPPORTED_FACETS = [
  'calculated',
  'currency',
  'geolocation',
  'hyperlinkOrPicture',
  'term',
  'thumbnail',
  'contentApprovalStatus',
];
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const NUMBER_DECIMALS = new Set(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']);

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function optBool(source: Record<string, unknown>, key: string, what: string): boolean | undefined {
  const v = source[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidRequest(`Property '${key}' of ${what} must be a boolean.`);
  return v;
}

function optString(source: Record<string, unknown>, key: string, what: string): string | undefined {
  const v = source[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidRequest(`Property '${key}' of ${what} must be a string.`);
  return v;
}

function optNumber(source: Record<string, unknown>, key: string, what: string): number | undefined {
  const v = source[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw invalidRequest(`Property '${key}' of ${what} must be a number.`);
  return v;
}

/** Resolves a lookup target list; given by the caller because columns know nothing of storage. */
export type ListResolver = (listIdOrName: string) => { id: string } | undefined;

type Facets = Pick<
  ColumnRecord,
  'kind' | 'text' | 'choice' | 'number' | 'boolean' | 'dateTime' | 'personOrGroup' | 'lookup'
>;

function parseFacet(
  facetName: (typeof TYPE_FACETS)[number],
  raw: Record<string, unknown>,
  resolveList: ListResolver,
  what: string,
): Facets {
  switch (facetName) {
    case 'text': {
      const multi = optBool(raw, 'allowMultipleLines', what) ?? false;
      const maxLength = optNumber(raw, 'maxLength', what) ?? 255;
      if (!multi && (maxLength < 1 || maxLength > 255 || !Number.isInteger(maxLength))) {
        throw invalidRequest(`The maxLength of a single line of text column must be between 1 and 255.`);
      }
      return {
        kind: multi ? 'note' : 'text',
        text: {
          allowMultipleLines: multi,
          appendChangesToExistingText: optBool(raw, 'appendChangesToExistingText', what) ?? false,
          linesForEditing: optNumber(raw, 'linesForEditing', what) ?? (multi ? 6 : 0),
          maxLength: multi ? (optNumber(raw, 'maxLength', what) ?? 63999) : maxLength,
        },
      };
    }
    case 'choice': {
      const choicesRaw = raw['choices'];
      if (
        !Array.isArray(choicesRaw) ||
        choicesRaw.length === 0 ||
        choicesRaw.some((c) => typeof c !== 'string' || c === '')
      ) {
        throw invalidRequest(`A choice column needs a non-empty 'choices' array of strings.`);
      }
      const displayAs = optString(raw, 'displayAs', what) ?? 'dropDownMenu';
      if (displayAs !== 'dropDownMenu' && displayAs !== 'checkBoxes' && displayAs !== 'radioButtons') {
        throw invalidRequest(`Choice displayAs must be 'dropDownMenu', 'checkBoxes' or 'radioButtons'.`);
      }
      return {
        kind: displayAs === 'checkBoxes' ? 'multiChoice' : 'choice',
        choice: {
          allowTextEntry: optBool(raw, 'allowTextEntry', what) ?? false,
          choices: [...(choicesRaw as string[])],
          displayAs,
        },
      };
    }
    case 'number': {
      const decimalPlaces = optString(raw, 'decimalPlaces', what) ?? 'automatic';
      if (!NUMBER_DECIMALS.has(decimalPlaces))
        throw invalidRequest(`Number decimalPlaces '${decimalPlaces}' is not valid.`);
      const minimum = optNumber(raw, 'minimum', what);
      const maximum = optNumber(raw, 'maximum', what);
      if (minimum !== undefined && maximum !== undefined && minimum > maximum)
        throw invalidRequest('Number minimum exceeds maximum.');
      const facet: NumberFacet = { decimalPlaces, displayAs: optString(raw, 'displayAs', what) ?? 'number' };
      if (minimum !== undefined) facet.minimum = minimum;
      if (maximum !== undefined) facet.maximum = maximum;
      return { kind: 'number', number: facet };
    }
    case 'boolean':
      return { kind: 'boolean', boolean: {} };
    case 'dateTime': {
      const format = optString(raw, 'format', what) ?? 'dateTime';
      if (format !== 'dateOnly' && format !== 'dateTime')
        throw invalidRequest(`DateTime format must be 'dateOnly' or 'dateTime'.`);
      return { kind: 'dateTime', dateTime: { displayAs: optString(raw, 'displayAs', what) ?? 'default', format } };
    }
    case 'personOrGroup': {
      const multi = optBool(raw, 'allowMultipleSelection', what) ?? false;
      return {
        kind: multi ? 'multiPerson' : 'person',
        personOrGroup: {
          allowMultipleSelection: multi,
          chooseFromType: optString(raw, 'chooseFromType', what) ?? 'peopleOnly',
          displayAs: optString(raw, 'displayAs', what) ?? 'nameWithPresence',
        },
      };
    }
    case 'lookup': {
      const listIdRaw = optString(raw, 'listId', what);
      if (!listIdRaw) throw invalidRequest(`A lookup column needs 'lookup.listId'.`);
      const target = resolveList(listIdRaw);
      if (!target) throw invalidRequest(`The lookup list '${listIdRaw}' does not exist on this site.`);
      const multi = optBool(raw, 'allowMultipleValues', what) ?? false;
      return {
        kind: multi ? 'multiLookup' : 'lookup',
        lookup: {
          allowMultipleValues: multi,
          allowUnlimitedLength: optBool(raw, 'allowUnlimitedLength', what) ?? false,
          columnName: optString(raw, 'columnName', what) ?? 'Title',
          listId: target.id,
        },
      };
    }
  }
}

/** SharePoint's rules that tie indexing, uniqueness and the column kind together. */
export function checkIndexRules(col: Pick<ColumnRecord, 'name' | 'kind' | 'indexed' | 'enforceUniqueValues'>): void {
  if (col.indexed && (isMultiValue(col.kind) || col.kind === 'note')) {
    throw invalidRequest(
      `Column '${col.name}' cannot be indexed: multi-value and multiple-lines-of-text columns cannot be indexed.`,
    );
  }
  if (col.enforceUniqueValues && !col.indexed) {
    throw invalidRequest(`Column '${col.name}' must be indexed to enforce unique values. Set 'indexed' to true.`);
  }
}

/**
 * Parses a columnDefinition from a create request (`POST /lists` columns[] or `POST /columns`).
 * Exactly one type facet is required; unsupported facets are refused rather than faked.
 */
export function parseColumnDefinition(input: unknown, resolveList: ListResolver): ColumnRecord {
  const raw = asRecord(input, 'A column definition');
  const name = optString(raw, 'name', 'the column') ?? '';
  if (!VALID_NAME.test(name)) {
    throw invalidRequest(
      `Column name '${name}' is not valid: use 1-32 letters, digits or underscores, starting with a letter or underscore.`,
    );
  }
  if (RESERVED_FIELD_NAMES.has(name.toLowerCase())) {
    throw new GraphError(409, 'nameAlreadyExists', `A field with the name '${name}' already exists in the list.`);
  }
  for (const facet of UNSUPPORTED_FACETS) {
    if (raw[facet] !== undefined)
      throw new GraphError(400, 'notSupported', `The sandbox does not support '${facet}' columns.`);
  }
  const present = TYPE_FACETS.filter((f) => raw[f] !== undefined && raw[f] !== null);
  if (present.length !== 1) {
    throw invalidRequest(
      present.length === 0
        ? `Column '${name}' needs exactly one type facet (text, choice, number, boolean, dateTime, personOrGroup or lookup).`
        : `Column '${name}' has more than one type facet: ${present.join(', ')}.`,
    );
  }
  const facetName = present[0]!;
  const facets = parseFacet(
    facetName,
    asRecord(raw[facetName], `the ${facetName} facet`),
    resolveList,
    `the ${facetName} facet`,
  );
  const column: ColumnRecord = {
    id: randomUUID(),
    name,
    displayName: optString(raw, 'displayName', 'the column') ?? name,
    description: optString(raw, 'description', 'the column') ?? '',
    required: optBool(raw, 'required', 'the column') ?? false,
    indexed: optBool(raw, 'indexed', 'the column') ?? false,
    enforceUniqueValues: optBool(raw, 'enforceUniqueValues', 'the column') ?? false,
    hidden: optBool(raw, 'hidden', 'the column') ?? false,
    readOnly: false,
    builtIn: false,
    ...facets,
  };
  checkIndexRules(column);
  return column;
}

const PATCHABLE = new Set([
  'displayName',
  'description',
  'required',
  'indexed',
  'enforceUniqueValues',
  'hidden',
  ...TYPE_FACETS,
  'name',
  'id',
]);

/**
 * Applies a PATCH to a column. The kind cannot change (SharePoint refuses a type change through
 * Graph); settings within the same facet can (for example more choices or a new maximum).
 */
export function patchColumn(current: ColumnRecord, input: unknown, resolveList: ListResolver): ColumnRecord {
  const raw = asRecord(input, 'A column update');
  for (const key of Object.keys(raw)) {
    if (key.startsWith('@odata.')) continue;
    if (!PATCHABLE.has(key)) throw invalidRequest(`Property '${key}' of a column cannot be updated.`);
  }
  if (raw['name'] !== undefined && raw['name'] !== current.name)
    throw invalidRequest(`The name of column '${current.name}' cannot be changed.`);
  if (raw['id'] !== undefined && raw['id'] !== current.id)
    throw invalidRequest(`The id of column '${current.name}' cannot be changed.`);
  const next: ColumnRecord = structuredClone(current);
  const displayName = optString(raw, 'displayName', 'the column');
  if (displayName !== undefined) next.displayName = displayName;
  const description = optString(raw, 'description', 'the column');
  if (description !== undefined) next.description = description;
  for (const key of ['required', 'indexed', 'enforceUniqueValues', 'hidden'] as const) {
    const v = optBool(raw, key, 'the column');
    if (v !== undefined) next[key] = v;
  }
  for (const facetName of TYPE_FACETS) {
    if (raw[facetName] === undefined || raw[facetName] === null) continue;
    const currentFacetName = facetOf(current.kind);
    if (facetName !== currentFacetName)
      throw invalidRequest(`Column '${current.name}' is a ${currentFacetName} column; its type cannot be changed.`);
    if (current.builtIn)
      throw invalidRequest(`The type settings of built-in column '${current.name}' cannot be changed.`);
    const merged = { ...facetAsObject(current), ...asRecord(raw[facetName], `the ${facetName} facet`) };
    const facets = parseFacet(facetName, merged, resolveList, `the ${facetName} facet`);
    if (facets.kind !== current.kind)
      throw invalidRequest(`Column '${current.name}' cannot switch between single and multiple values.`);
    Object.assign(next, facets);
  }
  checkIndexRules(next);
  return next;
}

/** The Graph type facet name of a column kind. */
export function facetOf(kind: ColumnKind): (typeof TYPE_FACETS)[number] {
  switch (kind) {
    case 'text':
    case 'note':
      return 'text';
    case 'choice':
    case 'multiChoice':
      return 'choice';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    case 'person':
    case 'multiPerson':
      return 'personOrGroup';
    case 'lookup':
    case 'multiLookup':
      return 'lookup';
  }
}

function facetAsObject(col: ColumnRecord): Record<string, unknown> {
  const facet = col[facetOf(col.kind)];
  return facet ? { ...facet } : {};
}

/** Renders a stored column as Graph's columnDefinition JSON. */
export function columnToGraph(col: ColumnRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    columnGroup: col.builtIn ? '_Hidden' : 'Custom Columns',
    description: col.description,
    displayName: col.displayName,
    enforceUniqueValues: col.enforceUniqueValues,
    hidden: col.hidden,
    id: col.id,
    indexed: col.indexed,
    name: col.name,
    readOnly: col.readOnly,
    required: col.required,
  };
  const facetName = facetOf(col.kind);
  out[facetName] = facetAsObject(col);
  return out;
}
