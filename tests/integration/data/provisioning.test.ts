import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIE_STATUSES } from '../../../src/domain/model.js';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { GraphRequestError } from '../../../src/data/graph/errors.js';
import type { Graph } from '../../../src/data/graph/client.js';
import { actiesList, ACTIE_FIELDS } from '../../../src/data/lists/acties.js';
import { caml } from '../../../src/data/lists/caml.js';
import type { ListDefinition } from '../../../src/data/lists/list-definition.js';
import { SCHEMA_VERSION, siteSchema } from '../../../src/data/lists/schema.js';
import {
  countChanges,
  currentSiteSchema,
  normalizeCaml,
  provisionSite,
  readSchemaVersion,
  SCHEMA_MARKER,
  SchemaVersionError,
  type SiteProvisionReport,
  type SiteSchema,
} from '../../../src/data/provisioning.js';
import { createSharePoint, SharePointRequestError } from '../../../src/data/sharepoint.js';
import { ensureSiteUser } from '../../../src/data/site-user.js';
import { resolveSite } from '../../../src/data/site.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { PERSONAS } from '../../../src/sandbox/personas.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

const NOMETADATA = 'application/json;odata=nometadata';
const VERBOSE = 'application/json;odata=verbose';

/** A raw SharePoint REST read with the app's SharePoint token: what SharePoint itself would show. */
async function restGet<T>(sandbox: TestSandbox, path: string, accept = NOMETADATA): Promise<T> {
  const token = await sandbox.sharePointTokens().getToken();
  const res = await fetch(`${sandbox.siteUrl}/_api/${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: accept },
  });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function restWrite(sandbox: TestSandbox, path: string, body?: unknown, method = 'MERGE'): Promise<void> {
  const token = await sandbox.sharePointTokens().getToken();
  const res = await fetch(`${sandbox.siteUrl}/_api/${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: NOMETADATA,
      'Content-Type': 'application/json',
      ...(method === 'POST' ? {} : { 'X-HTTP-Method': method }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

type GraphColumn = { name: string; indexed: boolean; enforceUniqueValues: boolean; choice?: { choices: string[] } };
type ViewInfo = { Title: string; ViewQuery: string; RowLimit: number; Id: string };

function emptyReport(version: number): SiteProvisionReport {
  return {
    listsCreated: [],
    columnsAdded: [],
    columnsIndexed: [],
    versioningSet: [],
    fieldsUpdated: [],
    viewsCreated: [],
    viewsUpdated: [],
    schemaVersion: { found: version, now: version },
    upgrades: [],
    markerWritten: false,
    choicesSet: [],
  };
}

const declaredViews = siteSchema.flatMap((l) => (l.views ?? []).map((v) => ({ list: l.name, view: v })));

describe('provisioning a fresh site through Graph and SharePoint REST', () => {
  let sandbox: TestSandbox;
  let siteId: string;
  let first: SiteProvisionReport;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    siteId = (await resolveSite(sandbox.graph(), sandbox.siteUrl)).id;
    first = await provisionSite(sandbox.clients(), siteId);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('creates every list with its columns, indexes and unique keys (Graph)', async () => {
    expect(first.listsCreated).toEqual(siteSchema.map((l) => l.name));
    const graph = sandbox.graph();
    for (const list of siteSchema) {
      const columns = await graph.getAll<GraphColumn>(`/sites/${siteId}/lists/${list.name}/columns`);
      for (const column of list.columns) {
        const actual = columns.find((c) => c.name === column.name);
        expect(actual, `${list.name}.${column.name}`).toBeDefined();
        expect(actual?.indexed, `${list.name}.${column.name} indexed`).toBe(column.indexed ?? false);
        expect(actual?.enforceUniqueValues, `${list.name}.${column.name} unique`).toBe(
          column.enforceUniqueValues ?? false,
        );
      }
    }
  });

  it('switches versioning on for every list, with the version limit (REST)', async () => {
    expect(first.versioningSet).toEqual(siteSchema.map((l) => l.name));
    for (const list of siteSchema) {
      const settings = await restGet<{ EnableVersioning: boolean; MajorVersionLimit: number }>(
        sandbox,
        `web/lists/getByTitle('${list.name}')?$select=EnableVersioning,MajorVersionLimit`,
      );
      expect(settings, list.name).toEqual({ EnableVersioning: true, MajorVersionLimit: list.majorVersionLimit ?? 50 });
    }
  });

  it('creates the declared views; read back through REST they hold the declared query, row limit and fields', async () => {
    expect(first.viewsCreated.sort()).toEqual(declaredViews.map((d) => `${d.list}: ${d.view.title}`).sort());
    for (const { list, view } of declaredViews) {
      const views = await restGet<{ d: { results: ViewInfo[] } }>(
        sandbox,
        `web/lists/getByTitle('${list}')/views?$select=Id,Title,ViewQuery,RowLimit`,
        VERBOSE,
      );
      const matching = views.d.results.filter((v) => v.Title === view.title);
      expect(matching, `${list}: ${view.title}`).toHaveLength(1);
      expect(normalizeCaml(matching[0]!.ViewQuery)).toBe(normalizeCaml(view.query));
      expect(matching[0]!.RowLimit).toBe(view.rowLimit ?? 100);
      const fields = await restGet<{ Items: string[] }>(
        sandbox,
        `web/lists/getByTitle('${list}')/views('${matching[0]!.Id}')/viewfields`,
      );
      expect(fields.Items, `${list}: ${view.title} fields`).toEqual([...view.fields]);
    }
  });

  it('the Acties views mean what their names say', async () => {
    const views = await restGet<{ value: ViewInfo[] }>(
      sandbox,
      `web/lists/getByTitle('Acties')/views?$select=Title,ViewQuery`,
    );
    const query = (title: string) => normalizeCaml(views.value.find((v) => v.Title === title)?.ViewQuery);
    expect(query('Per plateau')).toContain(
      '<GroupBy Collapse="FALSE" GroupLimit="30"><FieldRef Name="Plateau"/></GroupBy>',
    );
    expect(query('Mijn acties')).toContain(
      '<Where><Eq><FieldRef Name="Eigenaar" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq></Where>',
    );
    expect(query('Achterstallig')).toBe(
      normalizeCaml(
        '<Where><And><Lt><FieldRef Name="Deadline"/><Value Type="DateTime"><Today/></Value></Lt><And>' +
          '<Neq><FieldRef Name="Status"/><Value Type="Choice">Afgerond</Value></Neq><Neq><FieldRef Name="Status"/><Value Type="Choice">Niet overgenomen</Value></Neq>' +
          '</And></And></Where><OrderBy><FieldRef Name="Deadline"/></OrderBy>',
      ),
    );
    expect(query('Geblokkeerd')).toContain(
      '<Where><Eq><FieldRef Name="Status"/><Value Type="Choice">Geblokkeerd</Value></Eq></Where>',
    );
    expect(views.value.map((v) => v.Title)).toContain('Alle items');
  });

  it('formats the Acties Status column with a colour for every status, and names the title columns', async () => {
    expect(first.fieldsUpdated).toContain('Acties.Status');
    const field = await restGet<{ CustomFormatter: string }>(
      sandbox,
      `web/lists/getByTitle('Acties')/fields/getByInternalNameOrTitle('Status')?$select=CustomFormatter`,
    );
    const format = JSON.parse(field.CustomFormatter) as {
      elmType: string;
      children: Array<{ attributes: { class: string } }>;
    };
    expect(format.elmType).toBe('div');
    const classExpression = format.children[0]!.attributes.class;
    for (const status of ACTIE_STATUSES) expect(classExpression).toContain(`'${status}'`);
    const title = await restGet<{ Title: string }>(
      sandbox,
      `web/lists/getByTitle('Acties')/fields/getByInternalNameOrTitle('Title')?$select=Title`,
    );
    expect(title.Title).toBe(actiesList.titleDisplayName);
  });

  it('stores the schema version in a hidden marker list', async () => {
    expect(first.schemaVersion).toEqual({ found: null, now: SCHEMA_VERSION });
    expect(first.markerWritten).toBe(true);
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(SCHEMA_VERSION);
    const marker = await restGet<{ Hidden: boolean; EnableVersioning: boolean }>(
      sandbox,
      `web/lists/getByTitle('${SCHEMA_MARKER.list}')?$select=Hidden,EnableVersioning`,
    );
    expect(marker).toEqual({ Hidden: true, EnableVersioning: true });
  });

  it('changes nothing on a second run, and says so', async () => {
    const second = await provisionSite(sandbox.clients(), siteId);
    expect(second).toEqual(emptyReport(SCHEMA_VERSION));
    expect(countChanges(second)).toBe(0);
    const views = await restGet<{ value: ViewInfo[] }>(sandbox, `web/lists/getByTitle('Acties')/views?$select=Title`);
    expect(views.value.map((v) => v.Title).sort()).toEqual([
      'Achterstallig',
      'Alle items',
      'Geblokkeerd',
      'Mijn acties',
      'Per plateau',
    ]);
  });

  it('puts back what was changed by hand (a view, its fields, versioning, formatting) and nothing else', async () => {
    const acties = "web/lists/getByTitle('Acties')";
    const views = await restGet<{ value: ViewInfo[] }>(sandbox, `${acties}/views?$select=Id,Title`);
    const id = (title: string) => views.value.find((v) => v.Title === title)!.Id;
    await restWrite(sandbox, `${acties}/views('${id('Geblokkeerd')}')`, {
      ViewQuery: '<OrderBy><FieldRef Name="ID"/></OrderBy>',
    });
    await restWrite(
      sandbox,
      `${acties}/views('${id('Per plateau')}')/viewfields/removeallviewfields`,
      undefined,
      'POST',
    );
    await restWrite(sandbox, acties, { EnableVersioning: false });
    await restWrite(sandbox, `${acties}/fields/getByInternalNameOrTitle('Status')`, { CustomFormatter: '' });

    const repair = await provisionSite(sandbox.clients(), siteId);
    expect(repair).toEqual({
      ...emptyReport(SCHEMA_VERSION),
      versioningSet: ['Acties'],
      fieldsUpdated: ['Acties.Status'],
      viewsUpdated: ['Acties: Per plateau', 'Acties: Geblokkeerd'],
    });
    expect(countChanges(await provisionSite(sandbox.clients(), siteId))).toBe(0);
  });

  it('resolves a person to the site user id that person columns store (ensureUser)', async () => {
    const persona = PERSONAS.find((p) => p.displayName === 'Informatiemanager Sociaal Domein')!;
    const person = await ensureSiteUser(sandbox.sharePoint(), persona.upn);
    expect(person).toEqual({ id: String(persona.lookupId), displayName: persona.displayName, email: persona.upn });
    expect(await ensureSiteUser(sandbox.sharePoint(), `i:0#.f|membership|${persona.upn}`)).toEqual(person);

    // The id is the one Graph writes and reads as EigenaarLookupId.
    const graph = sandbox.graph();
    const created = await graph.post<{ id: string }>(`/sites/${siteId}/lists/Acties/items`, {
      fields: {
        Title: 'Proef',
        [ACTIE_FIELDS.nummer]: '99.1',
        [ACTIE_FIELDS.plateau]: 'Verbeteren',
        [ACTIE_FIELDS.status]: 'Loopt',
        EigenaarLookupId: person.id,
      },
    });
    const read = await graph.get<{ fields: Record<string, unknown> }>(
      `/sites/${siteId}/lists/Acties/items/${created.id}?$expand=fields($select=EigenaarLookupId,Eigenaar)`,
    );
    expect(read.fields).toMatchObject({ EigenaarLookupId: person.id, Eigenaar: persona.displayName });
    await graph.delete(`/sites/${siteId}/lists/Acties/items/${created.id}`);

    const unknown = await ensureSiteUser(sandbox.sharePoint(), 'niemand@zoetermeer.example').catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(SharePointRequestError);
    expect(unknown).toMatchObject({ status: 500, code: '-2146232832, Microsoft.SharePoint.SPException' });
  });

  it('keeps the audiences apart: a Graph token is refused by REST (401), a SharePoint token by Graph', async () => {
    const restWithGraphToken = createSharePoint({ siteUrl: sandbox.siteUrl, tokens: sandbox.appTokens() });
    const refused = await readSchemaVersion(restWithGraphToken).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SharePointRequestError);
    expect((refused as SharePointRequestError).status).toBe(401);
    expect((refused as SharePointRequestError).message).toMatch(
      /Invalid audience Uri 'https:\/\/graph\.microsoft\.com'/,
    );

    const graphWithSharePointToken: Graph = sandbox.graph({ tokens: sandbox.sharePointTokens() });
    const graphRefused = await graphWithSharePointToken.get(`/sites/${siteId}`).catch((e: unknown) => e);
    expect(graphRefused).toBeInstanceOf(GraphRequestError);
    expect((graphRefused as GraphRequestError).status).toBe(401);
  });
});

describe('upgrading a site from the current schema version to the next', () => {
  let sandbox: TestSandbox;
  let siteId: string;
  const NEXT = SCHEMA_VERSION + 1;

  /** The next schema version (test only): Acties gains a Risico column and a "Hoog risico" view; the step fills Risico on existing actions. */
  const risico = {
    name: 'Risico',
    displayName: 'Risico',
    choice: { choices: ['laag', 'midden', 'hoog'], displayAs: 'dropDownMenu' as const },
    indexed: true,
  };
  const actiesV2: ListDefinition = {
    ...actiesList,
    columns: [...actiesList.columns, risico],
    views: [
      ...(actiesList.views ?? []),
      {
        title: 'Hoog risico',
        query: caml.where(caml.eq('Risico', 'Choice', 'hoog')) + caml.orderBy('ID'),
        fields: ['Nummer', 'LinkTitle', 'Risico', 'Eigenaar'],
      },
    ],
  };
  let stepRuns = 0;
  const schemaV2: SiteSchema = {
    version: NEXT,
    lists: siteSchema.map((l) => (l.name === 'Acties' ? actiesV2 : l)),
    upgrades: [
      ...currentSiteSchema.upgrades,
      {
        toVersion: NEXT,
        description: 'Bestaande acties krijgen risico "laag"',
        async run({ graph, siteId: id }) {
          stepRuns += 1;
          const items = await graph.getAll<{ id: string; fields: Record<string, unknown> }>(
            `/sites/${id}/lists/Acties/items?$expand=fields($select=Risico)&$top=500`,
          );
          const changes: string[] = [];
          for (const item of items) {
            if (item.fields['Risico'] !== undefined) continue;
            await graph.patch(`/sites/${id}/lists/Acties/items/${item.id}/fields`, { Risico: 'laag' });
            changes.push(`Acties ${item.id}: Risico = laag`);
          }
          return changes;
        },
      },
    ],
  };

  /** Every item of every list with its values, leaving out what a write changes by itself. */
  async function snapshot(graph: Graph): Promise<Record<string, Record<string, Record<string, unknown>>>> {
    const out: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const list of siteSchema) {
      const items = await graph.getAll<{ id: string; fields: Record<string, unknown> }>(
        `/sites/${siteId}/lists/${list.name}/items?$expand=fields&$top=500`,
      );
      out[list.name] = {};
      for (const item of items) {
        const {
          Modified: _m,
          _UIVersionString: _v,
          '@odata.etag': _e,
          EditorLookupId: _ed,
          Risico: _r,
          ...values
        } = item.fields;
        out[list.name]![item.id] = values;
      }
    }
    return out;
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const prepared = await prepareSite(sandbox.clients(), sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    });
    siteId = prepared.site.id;
    expect(prepared.provision.schemaVersion.now).toBe(SCHEMA_VERSION);
    expect(prepared.seed?.created['Acties']).toBe(33);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('adds the column and the view, runs the step once, keeps every item and moves the marker to the next version', async () => {
    const graph = sandbox.graph();
    const before = await snapshot(graph);
    const itemCount = Object.values(before).reduce((n, items) => n + Object.keys(items).length, 0);
    expect(itemCount).toBeGreaterThan(50);

    const report = await provisionSite(sandbox.clients(), siteId, schemaV2);
    expect(report.schemaVersion).toEqual({ found: SCHEMA_VERSION, now: NEXT });
    expect(report.columnsAdded).toEqual(['Acties.Risico']);
    expect(report.viewsCreated).toEqual(['Acties: Hoog risico']);
    expect(report.listsCreated).toEqual([]);
    expect(report.upgrades).toHaveLength(1);
    expect(report.upgrades[0]!.changes).toHaveLength(33);
    expect(report.markerWritten).toBe(true);
    expect(stepRuns).toBe(1);
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(NEXT);

    expect(await snapshot(graph)).toEqual(before);
    const risicos = await graph.getAll<{ fields: { Risico?: string } }>(
      `/sites/${siteId}/lists/Acties/items?$expand=fields($select=Risico)&$top=500`,
    );
    expect(risicos.map((i) => i.fields.Risico)).toEqual(Array(33).fill('laag'));
  });

  it('changes nothing on a second run of the next version; the step does not run again', async () => {
    const again = await provisionSite(sandbox.clients(), siteId, schemaV2);
    expect(again).toEqual(emptyReport(NEXT));
    expect(stepRuns).toBe(1);
  });

  it('refuses to provision the site with the older code (the current version) and leaves it as it is', async () => {
    const refused = await provisionSite(sandbox.clients(), siteId, currentSiteSchema).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SchemaVersionError);
    expect(refused).toMatchObject({ siteVersion: NEXT, codeVersion: SCHEMA_VERSION });
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(NEXT);
  });

  it('repeats a step that failed: the marker stays at the last version that completed', async () => {
    let attempts = 0;
    const schemaV3: SiteSchema = {
      ...schemaV2,
      version: NEXT + 1,
      upgrades: [
        ...schemaV2.upgrades,
        {
          toVersion: NEXT + 1,
          description: 'Een stap die de eerste keer faalt',
          async run() {
            attempts += 1;
            if (attempts === 1) throw new Error('halfway failure');
            return ['done'];
          },
        },
      ],
    };
    await expect(provisionSite(sandbox.clients(), siteId, schemaV3)).rejects.toThrow('halfway failure');
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(NEXT);
    const retried = await provisionSite(sandbox.clients(), siteId, schemaV3);
    expect(retried.schemaVersion).toEqual({ found: NEXT, now: NEXT + 1 });
    expect(retried.upgrades.map((u) => u.toVersion)).toEqual([NEXT + 1]);
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(NEXT + 1);
  });
});
