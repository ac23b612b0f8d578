/**
 * A list's fields through SharePoint REST: `fields` (GET, POST add), and one field by
 * `getByInternalNameOrTitle('X')`, `getByTitle('X')`, `fields('guid')` or `getById('guid')` (GET, MERGE).
 * They are the columns Graph shows; MERGE also sets what only SharePoint has, such as the column
 * formatting JSON (`CustomFormatter`).
 */
import {
  BUILT_IN_FIELD_IDS,
  checkIndexRules,
  isMultiValue,
  parseColumnDefinition,
  type ColumnRecord,
} from '../columns.js';
import { GraphError } from '../graph-errors.js';
import { actorOf } from '../routes/context.js';
import type { ListRecord } from '../store.js';
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
import {
  accessDeniedSp,
  badArgument,
  fromGraphError,
  methodNotAllowedSp,
  notSupportedSp,
  resourceNotFound,
  SharePointError,
  SP_CODES,
  unknownProperty,
} from './errors.js';
import { listPath } from './names.js';
import { CollectionValue, readEntityBody, type Entity } from './odata.js';
import type { Segment } from './path.js';

/** SharePoint's FieldTypeKind numbers (SP.FieldType). */
const FIELD_TYPE = {
  Counter: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Computed: 12,
  Attachments: 19,
  User: 20,
  Choice: 6,
  MultiChoice: 15,
} as const;

type BuiltInField = { id: string; name: string; title: string; kind: number; typeAsString: string; odataType: string };

/** The read-only fields every list has besides Title (SPBuiltInFieldId). */
const BUILT_IN_FIELDS: readonly BuiltInField[] = [
  {
    id: BUILT_IN_FIELD_IDS.ID,
    name: 'ID',
    title: 'ID',
    kind: FIELD_TYPE.Counter,
    typeAsString: 'Counter',
    odataType: 'SP.Field',
  },
  {
    id: BUILT_IN_FIELD_IDS.ContentType,
    name: 'ContentType',
    title: 'Content Type',
    kind: FIELD_TYPE.Computed,
    typeAsString: 'Computed',
    odataType: 'SP.FieldComputed',
  },
  {
    id: BUILT_IN_FIELD_IDS.Modified,
    name: 'Modified',
    title: 'Modified',
    kind: FIELD_TYPE.DateTime,
    typeAsString: 'DateTime',
    odataType: 'SP.FieldDateTime',
  },
  {
    id: BUILT_IN_FIELD_IDS.Created,
    name: 'Created',
    title: 'Created',
    kind: FIELD_TYPE.DateTime,
    typeAsString: 'DateTime',
    odataType: 'SP.FieldDateTime',
  },
  {
    id: BUILT_IN_FIELD_IDS.Author,
    name: 'Author',
    title: 'Created By',
    kind: FIELD_TYPE.User,
    typeAsString: 'User',
    odataType: 'SP.FieldUser',
  },
  {
    id: BUILT_IN_FIELD_IDS.Editor,
    name: 'Editor',
    title: 'Modified By',
    kind: FIELD_TYPE.User,
    typeAsString: 'User',
    odataType: 'SP.FieldUser',
  },
  {
    id: BUILT_IN_FIELD_IDS._UIVersionString,
    name: '_UIVersionString',
    title: 'Version',
    kind: FIELD_TYPE.Text,
    typeAsString: 'Text',
    odataType: 'SP.FieldText',
  },
  {
    id: BUILT_IN_FIELD_IDS.Attachments,
    name: 'Attachments',
    title: 'Attachments',
    kind: FIELD_TYPE.Attachments,
    typeAsString: 'Attachments',
    odataType: 'SP.Field',
  },
  {
    id: '82642ec8-ef9b-478f-acf9-31f7d45fbc31',
    name: 'LinkTitle',
    title: 'Title',
    kind: FIELD_TYPE.Computed,
    typeAsString: 'Computed',
    odataType: 'SP.FieldComputed',
  },
  {
    id: 'bc91a437-52e7-49e1-8c4e-4698904b2b6d',
    name: 'LinkTitleNoMenu',
    title: 'Title',
    kind: FIELD_TYPE.Computed,
    typeAsString: 'Computed',
    odataType: 'SP.FieldComputed',
  },
];

/** Every field name a view or a CAML query may refer to: the list's columns and the built-ins. */
export function knownFieldNames(ctx: RestContext, list: ListRecord): Map<string, string> {
  const names = new Map<string, string>();
  for (const col of ctx.store.columns(list.id)) names.set(col.name.toLowerCase(), col.name);
  for (const f of BUILT_IN_FIELDS) names.set(f.name.toLowerCase(), f.name);
  return names;
}

function typeOf(col: ColumnRecord): { kind: number; typeAsString: string; odataType: string } {
  switch (col.kind) {
    case 'text':
      return { kind: FIELD_TYPE.Text, typeAsString: 'Text', odataType: 'SP.FieldText' };
    case 'note':
      return { kind: FIELD_TYPE.Note, typeAsString: 'Note', odataType: 'SP.FieldMultiLineText' };
    case 'number':
      return { kind: FIELD_TYPE.Number, typeAsString: 'Number', odataType: 'SP.FieldNumber' };
    case 'boolean':
      return { kind: FIELD_TYPE.Boolean, typeAsString: 'Boolean', odataType: 'SP.Field' };
    case 'choice':
      return { kind: FIELD_TYPE.Choice, typeAsString: 'Choice', odataType: 'SP.FieldChoice' };
    case 'multiChoice':
      return { kind: FIELD_TYPE.MultiChoice, typeAsString: 'MultiChoice', odataType: 'SP.FieldMultiChoice' };
    case 'dateTime':
      return { kind: FIELD_TYPE.DateTime, typeAsString: 'DateTime', odataType: 'SP.FieldDateTime' };
    case 'person':
      return { kind: FIELD_TYPE.User, typeAsString: 'User', odataType: 'SP.FieldUser' };
    case 'multiPerson':
      return { kind: FIELD_TYPE.User, typeAsString: 'UserMulti', odataType: 'SP.FieldUser' };
    case 'lookup':
      return { kind: FIELD_TYPE.Lookup, typeAsString: 'Lookup', odataType: 'SP.FieldLookup' };
    case 'multiLookup':
      return { kind: FIELD_TYPE.Lookup, typeAsString: 'LookupMulti', odataType: 'SP.FieldLookup' };
  }
}

function fieldPath(list: ListRecord, id: string): string {
  return `${listPath(list)}/Fields(guid'${id}')`;
}

function columnEntity(list: ListRecord, col: ColumnRecord): Entity {
  const t = typeOf(col);
  const props: Record<string, unknown> = {
    CanBeDeleted: !col.builtIn,
    CustomFormatter: col.customFormatter ?? null,
    Description: col.description,
    EnforceUniqueValues: col.enforceUniqueValues,
    EntityPropertyName: col.name,
    FieldTypeKind: t.kind,
    Group: col.builtIn ? 'Base Columns' : 'Custom Columns',
    Hidden: col.hidden,
    Id: col.id,
    Indexed: col.indexed,
    InternalName: col.name,
    ReadOnlyField: col.readOnly,
    Required: col.required,
    StaticName: col.name,
    Title: col.displayName,
    TypeAsString: t.typeAsString,
    TypeDisplayName: t.typeAsString,
  };
  if (col.text && col.kind === 'text') props['MaxLength'] = col.text.maxLength;
  if (col.text && col.kind === 'note') props['NumberOfLines'] = col.text.linesForEditing;
  if (col.choice) {
    props['Choices'] = new CollectionValue('Collection(Edm.String)', col.choice.choices);
    props['FillInChoice'] = col.choice.allowTextEntry;
  }
  if (col.number) {
    if (col.number.minimum !== undefined) props['MinimumValue'] = col.number.minimum;
    if (col.number.maximum !== undefined) props['MaximumValue'] = col.number.maximum;
  }
  if (col.dateTime) props['DisplayFormat'] = col.dateTime.format === 'dateOnly' ? 0 : 1;
  if (col.lookup) {
    props['LookupList'] = `{${col.lookup.listId}}`;
    props['LookupField'] = col.lookup.columnName;
  }
  if (col.lookup || col.personOrGroup) props['AllowMultipleValues'] = isMultiValue(col.kind);
  return { type: t.odataType, path: fieldPath(list, col.id), props };
}

function builtInEntity(list: ListRecord, f: BuiltInField): Entity {
  return {
    type: f.odataType,
    path: fieldPath(list, f.id),
    props: {
      CanBeDeleted: false,
      CustomFormatter: null,
      Description: '',
      EnforceUniqueValues: false,
      EntityPropertyName: f.name,
      FieldTypeKind: f.kind,
      Group: '_Hidden',
      Hidden: false,
      Id: f.id,
      Indexed: f.name === 'ID',
      InternalName: f.name,
      ReadOnlyField: true,
      Required: false,
      StaticName: f.name,
      Title: f.title,
      TypeAsString: f.typeAsString,
      TypeDisplayName: f.typeAsString,
    },
  };
}

type FoundField = { column: ColumnRecord } | { builtIn: BuiltInField };

function fieldNotFound(name: string): SharePointError {
  return new SharePointError(
    404,
    SP_CODES.argument,
    `Column '${name}' does not exist. It may have been deleted by another user.`,
  );
}

function findField(ctx: RestContext, list: ListRecord, segment: Segment): FoundField {
  const columns = ctx.store.columns(list.id);
  const arg = stringArg(segment);
  const lower = arg.toLowerCase();
  let column: ColumnRecord | undefined;
  let builtIn: BuiltInField | undefined;
  if (segment.key === 'fields' || segment.key === 'getbyid') {
    column = columns.find((c) => c.id.toLowerCase() === lower);
    builtIn = BUILT_IN_FIELDS.find((f) => f.id === lower);
  } else if (segment.key === 'getbyinternalnameortitle') {
    column =
      columns.find((c) => c.name.toLowerCase() === lower) ?? columns.find((c) => c.displayName.toLowerCase() === lower);
    builtIn =
      BUILT_IN_FIELDS.find((f) => f.name.toLowerCase() === lower) ??
      BUILT_IN_FIELDS.find((f) => f.title.toLowerCase() === lower);
  } else if (segment.key === 'getbytitle') {
    column = columns.find((c) => c.displayName.toLowerCase() === lower);
    builtIn = BUILT_IN_FIELDS.find((f) => f.title.toLowerCase() === lower);
  } else {
    throw resourceNotFound(segment.name);
  }
  if (column) return { column };
  if (builtIn) return { builtIn };
  throw fieldNotFound(arg);
}

const UPDATABLE_FIELD_PROPS = new Set(['CustomFormatter', 'Title', 'Description', 'Required', 'Hidden', 'Indexed']);

/**
 * `MERGE` on a field. CustomFormatter must be JSON (or empty to remove it): SharePoint stores any
 * text and shows an error when rendering, the sandbox refuses it up front.
 */
function updateField(ctx: RestContext, req: RestRequest, list: ListRecord, found: FoundField): RestResponse {
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  if ('builtIn' in found) throw badArgument(`The field '${found.builtIn.name}' is read-only and cannot be changed.`);
  const { props } = readEntityBody(req.body);
  for (const key of Object.keys(props))
    if (!UPDATABLE_FIELD_PROPS.has(key)) throw unknownProperty(key, typeOf(found.column).odataType);
  const actor = actorOf(req.auth);
  ctx.store.transaction(() => {
    const current = ctx.store.columns(list.id).find((c) => c.id === found.column.id);
    if (!current) throw fieldNotFound(found.column.name);
    const next: ColumnRecord = structuredClone(current);
    if ('CustomFormatter' in props) {
      const value = props['CustomFormatter'];
      if (value === null || value === '') delete next.customFormatter;
      else if (typeof value !== 'string')
        throw badArgument("The property 'CustomFormatter' needs an Edm.String value (the formatting JSON as text).");
      else {
        try {
          JSON.parse(value);
        } catch (err) {
          throw badArgument(`The column formatting JSON is not valid JSON: ${(err as Error).message}`);
        }
        next.customFormatter = value;
      }
    }
    for (const [key, target] of [
      ['Title', 'displayName'],
      ['Description', 'description'],
    ] as const) {
      const v = props[key];
      if (v === undefined) continue;
      if (typeof v !== 'string' || (key === 'Title' && v.trim() === ''))
        throw badArgument(`The property '${key}' needs a non-empty Edm.String value.`);
      next[target] = v;
    }
    for (const [key, target] of [
      ['Required', 'required'],
      ['Hidden', 'hidden'],
      ['Indexed', 'indexed'],
    ] as const) {
      const v = props[key];
      if (v === undefined) continue;
      if (typeof v !== 'boolean') throw badArgument(`The property '${key}' needs an Edm.Boolean value.`);
      next[target] = v;
    }
    try {
      checkIndexRules(next);
    } catch (err) {
      if (err instanceof GraphError) throw fromGraphError(err);
      throw err;
    }
    ctx.store.updateColumn(list.id, next);
    ctx.store.touchList(list.id, ctx.now().getTime(), actor.identity);
  });
  return noContent();
}

/** SharePoint's internal name for a title: characters outside [A-Za-z0-9_] become `_xHHHH_`, at most 32 characters. */
function internalNameOf(title: string): string {
  const encoded = [...title]
    .map((ch) => (/[A-Za-z0-9_]/.test(ch) ? ch : `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}_`))
    .join('');
  return /^[A-Za-z_]/.test(encoded) ? encoded.slice(0, 32) : `_${encoded}`.slice(0, 32);
}

/**
 * `POST fields`: adds a Text, Note, DateTime, Boolean or Number field (the kinds PnPjs' addText,
 * addMultilineText, addDateTime, addBoolean and addNumber create). Richer kinds go through Graph.
 */
function addField(ctx: RestContext, req: RestRequest, list: ListRecord): RestResponse {
  requireManageSp(req.auth);
  if (list.systemKind) throw accessDeniedSp();
  const { props } = readEntityBody(req.body);
  const allowed = new Set([
    'Title',
    'FieldTypeKind',
    'MaxLength',
    'Required',
    'Indexed',
    'Description',
    'Hidden',
    'DisplayFormat',
    'DateTimeCalendarType',
    'FriendlyDisplayFormat',
    'NumberOfLines',
    'RichText',
    'MinimumValue',
    'MaximumValue',
    'EnforceUniqueValues',
    'StaticName',
  ]);
  for (const key of Object.keys(props)) if (!allowed.has(key)) throw unknownProperty(key, 'SP.Field');
  const title = props['Title'];
  if (typeof title !== 'string' || title.trim() === '') throw badArgument("The parameter 'Title' cannot be empty.");
  const kind = props['FieldTypeKind'];
  let facet: Record<string, unknown>;
  if (kind === FIELD_TYPE.Text)
    facet = { text: { maxLength: typeof props['MaxLength'] === 'number' ? props['MaxLength'] : 255 } };
  else if (kind === FIELD_TYPE.Note)
    facet = {
      text: {
        allowMultipleLines: true,
        linesForEditing: typeof props['NumberOfLines'] === 'number' ? props['NumberOfLines'] : 6,
      },
    };
  else if (kind === FIELD_TYPE.DateTime)
    facet = { dateTime: { format: props['DisplayFormat'] === 1 ? 'dateTime' : 'dateOnly' } };
  else if (kind === FIELD_TYPE.Boolean) facet = { boolean: {} };
  else if (kind === FIELD_TYPE.Number) {
    const number: Record<string, unknown> = {};
    if (typeof props['MinimumValue'] === 'number') number['minimum'] = props['MinimumValue'];
    if (typeof props['MaximumValue'] === 'number') number['maximum'] = props['MaximumValue'];
    facet = { number };
  } else
    throw notSupportedSp(
      `adding fields of FieldTypeKind ${JSON.stringify(kind)} through REST (Text, Note, DateTime, Boolean and Number are; create richer columns through Graph)`,
    );
  const actor = actorOf(req.auth);
  const col = ctx.store.transaction(() => {
    const name = internalNameOf(typeof props['StaticName'] === 'string' ? props['StaticName'] : title.trim());
    const columns = ctx.store.columns(list.id);
    if (columns.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      throw new SharePointError(400, SP_CODES.spException, `A duplicate field name "${name}" was found.`);
    }
    let parsed: ColumnRecord;
    try {
      parsed = parseColumnDefinition(
        {
          name,
          displayName: title.trim(),
          description: typeof props['Description'] === 'string' ? props['Description'] : '',
          required: props['Required'] === true,
          indexed: props['Indexed'] === true,
          enforceUniqueValues: props['EnforceUniqueValues'] === true,
          hidden: props['Hidden'] === true,
          ...facet,
        },
        (key) => ctx.store.findList(key),
      );
    } catch (err) {
      if (err instanceof GraphError) throw fromGraphError(err);
      throw err;
    }
    ctx.store.insertColumn(list.id, parsed);
    ctx.store.touchList(list.id, ctx.now().getTime(), actor.identity);
    return parsed;
  });
  return entityResponse(ctx, req, columnEntity(list, col), 'SP.ApiData.Fields', 201);
}

/** Routes `lists(...)/fields[...]`. */
export function routeFields(
  ctx: RestContext,
  req: RestRequest,
  list: ListRecord,
  fieldsSegment: Segment,
  rest: readonly Segment[],
): RestResponse {
  const [next, ...after] = rest;
  if (fieldsSegment.args === undefined && !next) {
    if (req.method === 'GET') {
      const entities = [
        ...ctx.store.columns(list.id).map((c) => columnEntity(list, c)),
        ...BUILT_IN_FIELDS.map((f) => builtInEntity(list, f)),
      ];
      return collectionResponse(ctx, req, entities, 'SP.ApiData.Fields');
    }
    if (req.method === 'POST') return addField(ctx, req, list);
    throw methodNotAllowedSp(req.method);
  }
  const selector = fieldsSegment.args !== undefined ? fieldsSegment : next;
  const remaining = fieldsSegment.args !== undefined ? rest : after;
  if (!selector) throw resourceNotFound(fieldsSegment.name);
  const found = findField(ctx, list, selector);
  if (remaining.length > 0) throw resourceNotFound(remaining[0]?.name ?? '');
  if (req.method === 'GET')
    return entityResponse(
      ctx,
      req,
      'column' in found ? columnEntity(list, found.column) : builtInEntity(list, found.builtIn),
      'SP.ApiData.Fields',
    );
  if (req.method === 'MERGE') return updateField(ctx, req, list, found);
  throw methodNotAllowedSp(req.method);
}
