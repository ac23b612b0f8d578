/**
 * The one provisioner of the site: it applies the declarative schema (src/data/lists) idempotently,
 * through two protocols, each for what it does best:
 *
 * - **Graph** (`provisionLists`): lists, columns with types and choices, indexes, unique keys.
 * - **SharePoint REST through PnPjs** (`applySharePointSchema`): what Graph cannot do: list
 *   versioning, the views people use when they open a list in SharePoint, column formatting, the
 *   title column's display name, and the schema-version marker.
 *
 * `provisionSite` runs both and the schema's upgrade steps (see {@link SiteSchema}). It never
 * deletes or retypes a column and never touches items except through an upgrade step, so data
 * survives every run; a second run on a provisioned site changes nothing and reports so.
 */
import type { Graph } from './graph/client.js';
import type { ColumnDefinition, ListDefinition, ListName, ViewDefinition } from './lists/list-definition.js';
import { SCHEMA_VERSION, siteSchema } from './lists/schema.js';
import { zoetermeerPlan } from '../domain/plan/zoetermeer.js';
import { createMissingDomeinVoortgang } from './schema-upgrades/v3-domein-voortgang.js';
import { fillMissingOmschrijving } from './schema-upgrades/v7-omschrijving.js';
import { fillMissingSamenhangEnThema } from './schema-upgrades/v9-samenhang-thema.js';
import { fillZoetermeerInrichting } from './schema-upgrades/v12-inrichting.js';
import { setInrichtingChoices } from './schema-upgrades/v13-inrichting-choices.js';
import { SharePointRequestError, type SharePoint } from './sharepoint.js';
import { listPath } from './site.js';

// ---------------------------------------------------------------------------------------------
// The schema and its versions
// ---------------------------------------------------------------------------------------------

export type SiteClients = { graph: Graph; sharePoint: SharePoint };

export type SchemaUpgradeContext = SiteClients & { siteId: string; schema: SiteSchema };

/**
 * One step from the previous schema version to `toVersion`: what the declarative schema cannot
 * express (moving values into a new column, renaming a choice in existing items, ...). It runs
 * after the declarative schema of the target version is in place, so new columns exist. A step
 * must be safe to run again: if a run fails half-way, the marker still says the old version and
 * the next run repeats the step. It returns a line per change it made.
 */
export type SchemaUpgrade = {
  toVersion: number;
  description: string;
  run(context: SchemaUpgradeContext): Promise<string[]>;
};

/** A version of the site's schema: its lists and the ordered steps that lead to it. */
export type SiteSchema = {
  version: number;
  lists: readonly ListDefinition[];
  upgrades: readonly SchemaUpgrade[];
};

/**
 * Version 1 is the first schema. Sites provisioned before the marker existed hold version 1, so a
 * site without a marker counts as version 1 (a fresh site gets the latest lists straight away, and
 * the steps then find nothing to move).
 */
export const BASELINE_SCHEMA_VERSION = 1;

/** From this version on, the set-up's choice columns follow the Inrichting list, on every provisioning run. */
const INRICHTING_KEUZES_VERSION = 13;

/** The upgrade steps of the app's schema, oldest first. */
export const schemaUpgrades: readonly SchemaUpgrade[] = [
  {
    toVersion: 3,
    description: 'Voortgang per domein: een rij per domein voor elke actie van meerdere domeinen',
    run: ({ graph, siteId }) => createMissingDomeinVoortgang(graph, siteId),
  },
  {
    toVersion: 7,
    description:
      'Omschrijving van adviezen en acties: de eigen woorden van het rapport, waar het item nog het geseede is',
    // The texts of the plan this app seeds; an item is filled only where number and title still equal the seed's.
    run: ({ graph, siteId }) => fillMissingOmschrijving(graph, siteId, zoetermeerPlan),
  },
  {
    toVersion: 9,
    description:
      'Samenhang tussen adviezen en het thema van elke bevinding, uit de bronnen, waar het item nog het geseede is',
    run: ({ graph, siteId }) => fillMissingSamenhangEnThema(graph, siteId, zoetermeerPlan),
  },
  {
    toVersion: 12,
    description:
      'Inrichting: gemeente, domeinen, thema’s en plateaus als gegevens; een site met een plan krijgt die van Zoetermeer',
    run: ({ graph, siteId }) => fillZoetermeerInrichting(graph, siteId),
  },
  {
    toVersion: INRICHTING_KEUZES_VERSION,
    description:
      'Keuzekolommen van domeinen, thema’s en plateaus volgen de inrichting van de site (in plaats van die van Zoetermeer)',
    run: ({ graph, siteId, schema }) => setInrichtingChoices(graph, siteId, schema.lists),
  },
];

export const currentSiteSchema: SiteSchema = { version: SCHEMA_VERSION, lists: siteSchema, upgrades: schemaUpgrades };

/** The site holds a newer schema than this code knows: provisioning refuses to touch it. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
  constructor(
    readonly siteVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The site holds schema version ${siteVersion}, newer than this app's version ${codeVersion}. Deploy the newer app instead of provisioning with this one.`,
    );
  }
}

function checkSchema(schema: SiteSchema): void {
  let previous = BASELINE_SCHEMA_VERSION;
  for (const step of schema.upgrades) {
    if (!Number.isInteger(step.toVersion) || step.toVersion <= previous || step.toVersion > schema.version) {
      throw new Error(
        `Upgrade steps must lead from version ${BASELINE_SCHEMA_VERSION} to ${schema.version} in increasing order; '${step.description}' goes to ${step.toVersion}.`,
      );
    }
    previous = step.toVersion;
  }
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/** What the Graph part changed. */
export type ProvisionReport = {
  listsCreated: ListName[];
  columnsAdded: string[];
  columnsIndexed: string[];
};

/** What the SharePoint REST part changed. Entries are `List` or `List.Column` / `List: View`. */
export type SharePointReport = {
  versioningSet: string[];
  fieldsUpdated: string[];
  viewsCreated: string[];
  viewsUpdated: string[];
};

export type SiteProvisionReport = ProvisionReport &
  SharePointReport & {
    /** The version the marker held before (null: no marker yet) and holds now. */
    schemaVersion: { found: number | null; now: number };
    upgrades: Array<{ toVersion: number; description: string; changes: string[] }>;
    markerWritten: boolean;
    /**
     * Choice columns set from the site's set-up on a run after version 13's step (a set-up changed since), as
     * `List.Column: ...`; a line without a column says why none was (a set-up that is not valid).
     */
    choicesSet: string[];
  };

/** The number of changes a run made; 0 means the site already matched the schema. */
export function countChanges(report: SiteProvisionReport): number {
  return (
    report.listsCreated.length +
    report.columnsAdded.length +
    report.columnsIndexed.length +
    report.versioningSet.length +
    report.fieldsUpdated.length +
    report.viewsCreated.length +
    report.viewsUpdated.length +
    report.upgrades.reduce((n, u) => n + Math.max(1, u.changes.length), 0) +
    report.choicesSet.length +
    (report.markerWritten ? 1 : 0)
  );
}

/** The report as lines for a person (the CLI and `npm start` print it). */
export function describeReport(report: SiteProvisionReport): string[] {
  const { found, now } = report.schemaVersion;
  const lines = [
    found === null
      ? `Schema: geen schemamarkering gevonden; de site staat nu op versie ${now}.`
      : found === now
        ? `Schema: versie ${now} (ongewijzigd).`
        : `Schema: bijgewerkt van versie ${found} naar ${now}.`,
  ];
  const section = (title: string, entries: readonly string[]) => {
    if (entries.length > 0) lines.push(`${title} (${entries.length}): ${entries.join(', ')}`);
  };
  section('Lijsten aangemaakt', report.listsCreated);
  section('Kolommen toegevoegd', report.columnsAdded);
  section('Kolommen geïndexeerd', report.columnsIndexed);
  section('Versiebeheer aangezet', report.versioningSet);
  section('Velden bijgewerkt', report.fieldsUpdated);
  section('Weergaven aangemaakt', report.viewsCreated);
  section('Weergaven bijgewerkt', report.viewsUpdated);
  for (const u of report.upgrades)
    lines.push(
      `Upgrade naar versie ${u.toVersion}: ${u.description}${u.changes.length ? ` (${u.changes.join('; ')})` : ' (niets te wijzigen)'}`,
    );
  section('Keuzes uit de Inrichting', report.choicesSet);
  if (report.markerWritten) lines.push(`Schemamarkering op versie ${now} gezet.`);
  const changes = countChanges(report);
  lines.push(
    changes === 0
      ? 'Geen wijzigingen: de site volgt het schema al.'
      : `${changes} ${changes === 1 ? 'wijziging' : 'wijzigingen'}.`,
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Graph: lists, columns, indexes, unique keys
// ---------------------------------------------------------------------------------------------

type GraphList = { id: string; displayName: string };
type GraphColumn = { id: string; name: string; indexed?: boolean };

/** Graph's columnDefinition for one of our columns; a lookup's target list name becomes its id. */
function toGraphColumn(column: ColumnDefinition, listIds: ReadonlyMap<string, string>): Record<string, unknown> {
  // customFormatter is SharePoint-only and choicesFrom ours (the choices follow the set-up: inrichting-choices.ts).
  const { customFormatter: _formatter, choicesFrom: _choicesFrom, ...graphColumn } = column;
  if (!('lookup' in graphColumn)) return { ...graphColumn };
  const { lookup, ...rest } = graphColumn;
  const listId = listIds.get(lookup.listName);
  if (!listId) throw new Error(`Lookup ${column.name} points to list ${lookup.listName}, which does not exist yet.`);
  return {
    ...rest,
    lookup: {
      listId,
      columnName: lookup.columnName,
      ...(lookup.allowMultipleValues ? { allowMultipleValues: true } : {}),
    },
  };
}

function isSelfLookup(column: ColumnDefinition, list: ListDefinition): boolean {
  return 'lookup' in column && column.lookup.listName === list.name;
}

/**
 * Applies the lists of the schema to a site through Graph, idempotently: creates missing lists
 * with their columns, adds missing columns to existing lists and switches on indexes that are
 * off. It never deletes or retypes a column: data survives every run.
 * Needs Sites.Manage.All (or Sites.Selected with manage rights on the one site).
 */
export async function provisionLists(
  graph: Graph,
  siteId: string,
  schema: readonly ListDefinition[],
): Promise<ProvisionReport> {
  const report: ProvisionReport = { listsCreated: [], columnsAdded: [], columnsIndexed: [] };
  const existing = await graph.getAll<GraphList>(`/sites/${siteId}/lists?$select=id,displayName`);
  const listIds = new Map(existing.map((l) => [l.displayName, l.id]));

  for (const list of schema) {
    let listId = listIds.get(list.name);
    if (!listId) {
      const created = await graph.post<GraphList>(`/sites/${siteId}/lists`, {
        displayName: list.name,
        description: list.description,
        list: { template: 'genericList' },
        columns: list.columns.filter((c) => !isSelfLookup(c, list)).map((c) => toGraphColumn(c, listIds)),
      });
      listId = created.id;
      listIds.set(list.name, listId);
      report.listsCreated.push(list.name);
    }

    const columns = await graph.getAll<GraphColumn>(`${listPath(siteId, list.name)}/columns`);
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const column of list.columns) {
      const present = byName.get(column.name);
      if (!present) {
        await graph.post(`${listPath(siteId, list.name)}/columns`, toGraphColumn(column, listIds));
        report.columnsAdded.push(`${list.name}.${column.name}`);
      } else if (column.indexed && !present.indexed) {
        await graph.patch(`${listPath(siteId, list.name)}/columns/${present.id}`, { indexed: true });
        report.columnsIndexed.push(`${list.name}.${column.name}`);
      }
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// SharePoint REST: versioning, views, column formatting, title display name
// ---------------------------------------------------------------------------------------------

/** Versions SharePoint keeps per item when a list does not say otherwise. */
export const DEFAULT_MAJOR_VERSION_LIMIT = 50;
const DEFAULT_VIEW_ROW_LIMIT = 100;

type ListSettingsInfo = { EnableVersioning: boolean; MajorVersionLimit: number };
type ViewInfo = { Id: string; Title: string; ViewQuery: string | null; RowLimit: number };
type FieldInfo = { Title?: string; CustomFormatter?: string | null };

/**
 * CAML as SharePoint may give it back: whitespace between tags, quote style, `" />` vs `"/>` and the
 * order of the top-level elements (Where, OrderBy, GroupBy) vary, the meaning does not. Compared
 * in this form, an unchanged view is never rewritten.
 */
export function normalizeCaml(xml: string | null | undefined): string {
  const flat = (xml ?? '')
    .replace(/>\s+</g, '><')
    .replace(/\s*\/>/g, '/>')
    .replace(/([\w:]+)='([^']*)'/g, '$1="$2"')
    .trim();
  return topLevelElements(flat).sort().join('');
}

/** Splits a flat XML fragment into its top-level elements (text outside elements is kept as is). */
function topLevelElements(xml: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const tag = /<(\/?)[^>]*?(\/?)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const closing = m[1] === '/';
    const selfClosing = m[2] === '/';
    if (depth === 0 && !closing) start = m.index;
    if (closing) depth -= 1;
    else if (!selfClosing) depth += 1;
    if (depth === 0) parts.push(xml.slice(start, tag.lastIndex));
  }
  return parts.length > 0 ? parts : [xml];
}

function sameJson(stored: string | null | undefined, wanted: Readonly<Record<string, unknown>>): boolean {
  if (!stored) return false;
  try {
    return canonicalJson(JSON.parse(stored)) === canonicalJson(wanted);
  } catch {
    return false; // stored text that is not JSON differs from ours and is replaced
  }
}

/** JSON with sorted keys, so key order never counts as a difference. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** ViewFields come back as `Items: [...]` (JSON light) or `Items: {results: [...]}` (verbose). */
function viewFieldNames(data: unknown): string[] {
  const items = (data as { Items?: unknown } | null)?.Items;
  if (Array.isArray(items)) return items.map(String);
  const results = (items as { results?: unknown } | undefined)?.results;
  return Array.isArray(results) ? results.map(String) : [];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A fresh PnPjs object for a list on every call: PnPjs queryables keep their query (`select`,
 * `top`) once set, so reusing one would send a read's `$select` along with the next write.
 */
function listOf(sharePoint: SharePoint, title: string) {
  return sharePoint.sp.web.lists.getByTitle(title);
}

async function setViewFields(
  sharePoint: SharePoint,
  listName: string,
  viewId: string,
  fields: readonly string[],
): Promise<void> {
  await listOf(sharePoint, listName).views.getById(viewId).fields.removeAll();
  for (const field of fields) await listOf(sharePoint, listName).views.getById(viewId).fields.add(field);
}

async function applyView(
  sharePoint: SharePoint,
  listName: string,
  wanted: ViewDefinition,
  existing: readonly ViewInfo[],
  report: SharePointReport,
): Promise<void> {
  const rowLimit = wanted.rowLimit ?? DEFAULT_VIEW_ROW_LIMIT;
  const label = `${listName}: ${wanted.title}`;
  const current = existing.find((v) => v.Title === wanted.title);
  if (!current) {
    const created = (await listOf(sharePoint, listName).views.add(wanted.title, false, {
      ViewQuery: wanted.query,
      RowLimit: rowLimit,
      Paged: true,
    })) as { Id: string };
    await setViewFields(sharePoint, listName, created.Id, wanted.fields);
    report.viewsCreated.push(label);
    return;
  }
  let changed = false;
  if (normalizeCaml(current.ViewQuery) !== normalizeCaml(wanted.query) || current.RowLimit !== rowLimit) {
    await listOf(sharePoint, listName)
      .views.getById(current.Id)
      .update({ ViewQuery: wanted.query, RowLimit: rowLimit });
    changed = true;
  }
  const fields = viewFieldNames(await listOf(sharePoint, listName).views.getById(current.Id).fields());
  if (!sameList(fields, wanted.fields)) {
    await setViewFields(sharePoint, listName, current.Id, wanted.fields);
    changed = true;
  }
  if (changed) report.viewsUpdated.push(label);
}

/**
 * Applies what only SharePoint REST can to each list of the schema: versioning on (with the
 * list's version limit), the title column's display name, column formatting, and the views.
 * Idempotent: it reads first and writes only what differs. Views it does not know are left alone.
 */
export async function applySharePointSchema(
  sharePoint: SharePoint,
  lists: readonly ListDefinition[],
): Promise<SharePointReport> {
  const report: SharePointReport = { versioningSet: [], fieldsUpdated: [], viewsCreated: [], viewsUpdated: [] };
  for (const definition of lists) {
    const name = definition.name;
    const limit = definition.majorVersionLimit ?? DEFAULT_MAJOR_VERSION_LIMIT;
    const settings = (await listOf(sharePoint, name).select(
      'EnableVersioning',
      'MajorVersionLimit',
    )()) as ListSettingsInfo;
    if (!settings.EnableVersioning || settings.MajorVersionLimit !== limit) {
      await listOf(sharePoint, name).update({ EnableVersioning: true, MajorVersionLimit: limit });
      report.versioningSet.push(name);
    }

    if (definition.titleDisplayName) {
      const info = (await listOf(sharePoint, name)
        .fields.getByInternalNameOrTitle('Title')
        .select('Title')()) as FieldInfo;
      if (info.Title !== definition.titleDisplayName) {
        await listOf(sharePoint, name)
          .fields.getByInternalNameOrTitle('Title')
          .update({ Title: definition.titleDisplayName }, 'SP.FieldText');
        report.fieldsUpdated.push(`${name}.Title`);
      }
    }
    for (const column of definition.columns) {
      if (!column.customFormatter) continue;
      const info = (await listOf(sharePoint, name)
        .fields.getByInternalNameOrTitle(column.name)
        .select('CustomFormatter')()) as FieldInfo;
      if (!sameJson(info.CustomFormatter, column.customFormatter)) {
        await listOf(sharePoint, name)
          .fields.getByInternalNameOrTitle(column.name)
          .update({ CustomFormatter: JSON.stringify(column.customFormatter) }, 'SP.Field');
        report.fieldsUpdated.push(`${name}.${column.name}`);
      }
    }

    if (definition.views && definition.views.length > 0) {
      const existing = (await listOf(sharePoint, name).views.select(
        'Id',
        'Title',
        'ViewQuery',
        'RowLimit',
      )()) as ViewInfo[];
      for (const view of definition.views) await applyView(sharePoint, name, view, existing, report);
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// The schema-version marker
// ---------------------------------------------------------------------------------------------

/**
 * Where the schema version lives: one item of a hidden list. The web's property bag would be the
 * classic place, but SharePoint REST cannot write it (`web/AllProperties` refuses MERGE, PnPjs has
 * no setter) and the CSOM route is blocked on modern (NoScript) sites such as the ones Teams
 * creates. A hidden list item is written with plain REST, keeps a version history, and needs no
 * extra permission.
 */
export const SCHEMA_MARKER = { list: 'ActieplanSchema', key: 'ActieplanSchemaVersion', valueField: 'Waarde' } as const;

type MarkerState = { version: number | null; listExists: boolean; hasValueField: boolean; itemId?: number };
type MarkerItem = { Id: number; Title: string | null } & Record<string, unknown>;

function isNotFound(error: unknown): boolean {
  return error instanceof SharePointRequestError && error.status === 404;
}

/** Reads the marker. A marker that cannot be read as a version is an error, never ignored. */
async function readMarker(sharePoint: SharePoint): Promise<MarkerState> {
  try {
    await listOf(sharePoint, SCHEMA_MARKER.list).select('Id')();
  } catch (error) {
    if (isNotFound(error)) return { version: null, listExists: false, hasValueField: false };
    throw error;
  }
  try {
    await listOf(sharePoint, SCHEMA_MARKER.list)
      .fields.getByInternalNameOrTitle(SCHEMA_MARKER.valueField)
      .select('Id')();
  } catch (error) {
    if (isNotFound(error)) return { version: null, listExists: true, hasValueField: false };
    throw error;
  }
  const items = (await listOf(sharePoint, SCHEMA_MARKER.list)
    .items.select('Id', 'Title', SCHEMA_MARKER.valueField)
    .top(100)()) as MarkerItem[];
  const item = items.find((i) => i.Title === SCHEMA_MARKER.key);
  if (!item) return { version: null, listExists: true, hasValueField: true };
  const raw = item[SCHEMA_MARKER.valueField];
  const version = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(
      `The schema marker (list '${SCHEMA_MARKER.list}', item ${item.Id}) holds '${String(raw)}', which is not a schema version. Fix or remove it by hand.`,
    );
  }
  return { version, listExists: true, hasValueField: true, itemId: item.Id };
}

/** The schema version a site holds, or null when it has no marker yet. */
export async function readSchemaVersion(sharePoint: SharePoint): Promise<number | null> {
  return (await readMarker(sharePoint)).version;
}

async function writeMarker(sharePoint: SharePoint, state: MarkerState, version: number): Promise<MarkerState> {
  if (!state.listExists) {
    await sharePoint.sp.web.lists.add(
      SCHEMA_MARKER.list,
      'Schemaversie van de lijsten van het actieplan (bijgehouden door de provisioning; niet wijzigen).',
      100,
      false,
      {
        Hidden: true,
        NoCrawl: true,
        EnableVersioning: true,
        MajorVersionLimit: DEFAULT_MAJOR_VERSION_LIMIT,
      },
    );
  }
  if (!state.hasValueField)
    await listOf(sharePoint, SCHEMA_MARKER.list).fields.addText(SCHEMA_MARKER.valueField, { MaxLength: 255 });
  const values = { [SCHEMA_MARKER.valueField]: String(version) };
  if (state.itemId === undefined) {
    const created = (await listOf(sharePoint, SCHEMA_MARKER.list).items.add({
      Title: SCHEMA_MARKER.key,
      ...values,
    })) as { Id: number };
    return { version, listExists: true, hasValueField: true, itemId: created.Id };
  }
  await listOf(sharePoint, SCHEMA_MARKER.list).items.getById(state.itemId).update(values);
  return { ...state, version };
}

// ---------------------------------------------------------------------------------------------
// The whole run
// ---------------------------------------------------------------------------------------------

/**
 * Brings a site to `schema` (the app's current schema by default):
 * 1. reads the schema-version marker (and refuses a site newer than the code);
 * 2. applies the lists through Graph, then the SharePoint-only settings through REST;
 * 3. runs the upgrade steps after the stored version, oldest first, writing the marker after each;
 * 4. writes the marker when it does not hold the schema's version yet.
 */
export async function provisionSite(
  clients: SiteClients,
  siteId: string,
  schema: SiteSchema = currentSiteSchema,
): Promise<SiteProvisionReport> {
  checkSchema(schema);
  let marker = await readMarker(clients.sharePoint);
  const found = marker.version;
  if (found !== null && found > schema.version) throw new SchemaVersionError(found, schema.version);

  const graphReport = await provisionLists(clients.graph, siteId, schema.lists);
  const spReport = await applySharePointSchema(clients.sharePoint, schema.lists);

  const upgrades: SiteProvisionReport['upgrades'] = [];
  const from = found ?? BASELINE_SCHEMA_VERSION;
  let markerWritten = false;
  for (const step of schema.upgrades) {
    if (step.toVersion <= from) continue;
    const changes = await step.run({ ...clients, siteId, schema });
    upgrades.push({ toVersion: step.toVersion, description: step.description, changes });
    marker = await writeMarker(clients.sharePoint, marker, step.toVersion);
    markerWritten = true;
  }
  if (marker.version !== schema.version) {
    marker = await writeMarker(clients.sharePoint, marker, schema.version);
    markerWritten = true;
  }
  // A set-up changed since (in SharePoint, or by a plan import) reaches the choice columns on the next run.
  const choicesSet =
    schema.version >= INRICHTING_KEUZES_VERSION &&
    !upgrades.some((u) => u.toVersion === INRICHTING_KEUZES_VERSION) &&
    schema.lists.some((l) => l.name === 'Inrichting')
      ? await setInrichtingChoices(clients.graph, siteId, schema.lists)
      : [];
  return {
    ...graphReport,
    ...spReport,
    schemaVersion: { found, now: schema.version },
    upgrades,
    markerWritten,
    choicesSet,
  };
}
