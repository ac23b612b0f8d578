/**
 * A site provisioned and seeded with the schema of before issue 12 (version 1, kept as a fixture in
 * tests/fixtures/schema-v1.json, exactly as main had it) upgrades through the provisioning's ordered steps to today's
 * schema: every item and every version of every list is kept, the shared actions get their rows per domain (step 3),
 * and the seeded adviezen and actions get the report's own words (step 7).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domeinVoortgangKey, hasDomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import { DOMEINEN, PLATEAUS } from '../../../src/domain/model.js';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import type { Graph } from '../../../src/data/graph/client.js';
import type { ListDefinition } from '../../../src/data/lists/list-definition.js';
import { SCHEMA_VERSION } from '../../../src/data/lists/schema.js';
import { loadPlan } from '../../../src/data/plan-store.js';
import { countChanges, provisionSite, readSchemaVersion, type SiteSchema } from '../../../src/data/provisioning.js';
import { seedSite } from '../../../src/data/seed.js';
import { resolveSite } from '../../../src/data/site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/schema-v1.json', import.meta.url), 'utf8')) as {
  version: number;
  lists: ListDefinition[];
};
const schemaV1: SiteSchema = { version: fixture.version, lists: fixture.lists, upgrades: [] };

/**
 * The Graph client as the version-1 app used it: item writes carry only the columns version 1 has. Today's seeding
 * code writes later columns too (Vervallen, ...), which a version-1 site refuses, as SharePoint would; the fields
 * it keeps are exactly what the old app wrote.
 */
function versionOneWrites(graph: Graph): Graph {
  const columns = new Map<string, Set<string>>(
    schemaV1.lists.map((l) => [l.name, new Set(['Title', ...l.columns.map((c) => c.name)])]),
  );
  const keep = (path: string, body: unknown): unknown => {
    const list = /\/lists\/([^/]+)\/items/.exec(path)?.[1];
    const known = list ? columns.get(decodeURIComponent(list)) : undefined;
    if (!known || typeof body !== 'object' || body === null) return body;
    const strip = (fields: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(fields).filter(([k]) => known.has(k.replace(/@odata\.type$/, '').replace(/LookupId$/, ''))),
      );
    const b = body as { fields?: Record<string, unknown> };
    return b.fields ? { ...b, fields: strip(b.fields) } : strip(body as Record<string, unknown>);
  };
  return {
    ...graph,
    baseUrl: graph.baseUrl,
    get: graph.get,
    getAll: graph.getAll,
    delete: graph.delete,
    post: (path, body, o) => graph.post(path, keep(path, body), o),
    patch: (path, body, o) => graph.patch(path, keep(path, body), o),
  };
}

type Item = { id: string; eTag: string; fields: Record<string, unknown> };
type Version = { id: string; lastModifiedDateTime?: string; fields?: Record<string, unknown> };
type SiteState = Record<string, Record<string, { eTag: string; fields: Record<string, unknown>; versions: Version[] }>>;

/** Every item of every version-1 list with all its fields, its eTag and its whole version history. */
async function siteState(graph: Graph, siteId: string): Promise<SiteState> {
  const state: SiteState = {};
  for (const list of schemaV1.lists) {
    state[list.name] = {};
    for (const item of await graph.getAll<Item>(`/sites/${siteId}/lists/${list.name}/items?$expand=fields&$top=999`)) {
      const versions = await graph.getAll<Version>(
        `/sites/${siteId}/lists/${list.name}/items/${item.id}/versions?$expand=fields`,
      );
      state[list.name]![item.id] = { eTag: item.eTag, fields: item.fields, versions };
    }
  }
  return state;
}

describe('upgrading a site of schema version 1 (the fixture) to today’s schema', () => {
  let sandbox: TestSandbox;
  let graph: Graph;
  let siteId: string;
  let before: SiteState;
  let stepReport: string[] | undefined;
  let step9Report: string[] | undefined;
  let step13Report: string[] | undefined;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    graph = sandbox.graph();
    siteId = (await resolveSite(graph, sandbox.siteUrl)).id;
    const provisioned = await provisionSite(sandbox.clients(), siteId, schemaV1);
    expect(provisioned.schemaVersion.now).toBe(1);
    const seeded = await seedSite(versionOneWrites(graph), siteId, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    });
    expect(seeded.created.Acties).toBe(33);

    // A life on the old schema: actions edited more than once (versions 2 and 3), an MT registered, a decision.
    const acties = await graph.getAll<Item>(
      `/sites/${siteId}/lists/Acties/items?$expand=fields($select=Nummer)&$top=999`,
    );
    const id = (nummer: string) => acties.find((a) => a.fields['Nummer'] === nummer)!.id;
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${id('1.1')}/fields`, { Status: 'Loopt' });
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${id('1.1')}/fields`, {
      StatusToelichting: 'Sociaal Domein is gestart met de roadmap.',
    });
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${id('6.1')}/fields`, {
      Status: 'Geblokkeerd',
      StatusToelichting: 'Wacht op besluit IMO.',
    });
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${id('2.2')}/fields`, {
      Planning: 'Loopt reeds (bijgesteld)',
    });
    // A title the site changed: step 7 no longer knows it as the seed's action and leaves it without a description.
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${id('4.1')}/fields`, {
      Title: 'Innovatie apart positioneren (eigen formulering)',
    });
    const mts = await graph.getAll<Item>(`/sites/${siteId}/lists/MTs/items?$expand=fields($select=Sleutel)`);
    await graph.patch(`/sites/${siteId}/lists/MTs/items/${mts[0]!.id}/fields`, {
      ConversationId: '19:cmt@thread.tacv2',
    });
    await graph.post(`/sites/${siteId}/lists/Besluiten/items`, {
      fields: { Title: 'Roadmap Sociaal Domein in MT van maart', Vergadering: 'cmt/2026-03-10T09:00:00Z' },
    });
    before = await siteState(graph, siteId);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('the fixture is the schema of version 1, without the rows per domain', () => {
    expect(fixture.version).toBe(1);
    expect(fixture.lists.map((l) => l.name)).toEqual([
      'Adviezen',
      'Bevindingen',
      'Acties',
      'Portfolio',
      'Kwartaaldoelen',
      'MTs',
      'Besluiten',
      'Herinneringen',
    ]);
  });

  it('upgrades through the ordered steps, keeping every item and every version of every list (step 7 adds one version to the seeded items it fills)', async () => {
    const versionCount = Object.values(before).reduce(
      (n, items) => n + Object.values(items).reduce((m, i) => m + i.versions.length, 0),
      0,
    );
    const itemCount = Object.values(before).reduce((n, items) => n + Object.keys(items).length, 0);
    expect(itemCount).toBeGreaterThan(70);
    expect(versionCount).toBeGreaterThan(itemCount); // the edits above made second and third versions
    expect(
      before['Acties']![Object.keys(before['Acties']!).find((k) => before['Acties']![k]!.fields['Nummer'] === '1.1')!]!
        .versions,
    ).toHaveLength(3);

    const report = await provisionSite(sandbox.clients(), siteId);
    stepReport = report.upgrades.find((u) => u.toVersion === 7)?.changes;
    step9Report = report.upgrades.find((u) => u.toVersion === 9)?.changes;
    step13Report = report.upgrades.find((u) => u.toVersion === 13)?.changes;
    expect(report.schemaVersion).toEqual({ found: 1, now: SCHEMA_VERSION });
    expect(report.listsCreated).toContain('DomeinVoortgang');
    // Version 5 (escalations to the CMT) is a new list only: created empty, no step, nothing else touched.
    expect(report.listsCreated).toContain('Agenderingen');
    expect(report.upgrades.find((u) => u.toVersion === 5)).toBeUndefined();
    const step = report.upgrades.find((u) => u.toVersion === 3);
    expect(step?.changes).toHaveLength(33); // 7 actions × 4 business domains + 11.5 × 5 (Concern as well)
    expect(await readSchemaVersion(sandbox.sharePoint())).toBe(SCHEMA_VERSION);

    const after = await siteState(graph, siteId);
    // Columns added by later steps may appear on items as empty; nothing that was there changes, and no version is
    // added, except that step 7 writes the report's words into each seeded advies and action: one version more.
    // Step 9 writes the related adviezen (advies 1) and each finding's theme: one version more for each of those.
    const writes = new Map<string, number>();
    for (const c of [...(report.upgrades.find((u) => u.toVersion === 7)?.changes ?? []), ...(step9Report ?? [])]) {
      const key = c.replace(/: (Omschrijving|SamenhangMet|Thema)$/, '');
      writes.set(key, (writes.get(key) ?? 0) + 1);
    }
    for (const [list, items] of Object.entries(before)) {
      expect(Object.keys(after[list]!).sort(), list).toEqual(Object.keys(items).sort());
      const v1Columns = ['Title', ...schemaV1.lists.find((l) => l.name === list)!.columns.map((c) => c.name)];
      for (const [id, item] of Object.entries(items)) {
        const now = after[list]![id]!;
        const n = writes.get(`${list} ${String(item.fields['Nummer'])}`) ?? 0;
        if (n > 0) {
          for (const c of v1Columns) expect(now.fields[c], `${list} ${id} ${c}`).toEqual(item.fields[c]);
          expect(now.versions, `${list} ${id}`).toHaveLength(item.versions.length + n);
          expect(now.versions.slice(n), `${list} ${id}: every earlier version kept`).toEqual(item.versions);
          continue;
        }
        expect(now.eTag, `${list} ${id}`).toBe(item.eTag);
        expect(now.fields, `${list} ${id}`).toMatchObject(item.fields);
        expect(now.versions, `${list} ${id}`).toEqual(item.versions);
      }
    }
  });

  it('fills each seeded advies and action with the report’s own words, and leaves an item whose title the site changed', async () => {
    const step = stepReport ?? [];
    expect(step.filter((c) => c.startsWith('Adviezen '))).toHaveLength(11);
    expect(step.filter((c) => c.startsWith('Acties '))).toHaveLength(32);
    expect(step).not.toContain('Acties 4.1: Omschrijving');
    const plan = await loadPlan(graph, siteId);
    for (const a of plan.adviezen)
      expect(a.value.omschrijving, `advies ${a.value.nummer}`).toBe(
        zoetermeerPlan.adviezen.find((s) => s.nummer === a.value.nummer)!.omschrijving,
      );
    for (const a of plan.acties) {
      const seeded = zoetermeerPlan.acties.find((s) => s.nummer === a.value.nummer)!;
      expect(a.value.omschrijving, `actie ${a.value.nummer}`).toBe(
        a.value.nummer === '4.1' ? undefined : seeded.omschrijving,
      );
    }
  });

  it('step 9 records advies 1’s relation to 3 and 5 and every finding’s theme from the seed plan, as the plan data has them', async () => {
    expect([...(step9Report ?? [])].sort()).toEqual(
      ['Adviezen 1: SamenhangMet', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Bevindingen ${n}: Thema`)].sort(),
    );
    const plan = await loadPlan(graph, siteId);
    expect(
      plan.adviezen.filter((a) => a.value.samenhangMet).map((a) => [a.value.nummer, a.value.samenhangMet]),
    ).toEqual([[1, [3, 5]]]);
    expect(plan.bevindingen.map((b) => [b.value.nummer, b.value.thema])).toEqual(
      zoetermeerPlan.bevindingen.map((b) => [b.nummer, b.thema]),
    );
    expect([...plan.adviezen, ...plan.bevindingen].every((x) => x.problems.length === 0)).toBe(true);
  });

  it('gives every shared action a row per domain, where the action stands, with no owner invented', async () => {
    const plan = await loadPlan(graph, siteId);
    const shared = plan.acties.filter((a) => hasDomeinVoortgang(a.value));
    expect(shared.map((a) => a.value.nummer)).toEqual(['1.1', '3.3', '5.1', '6.1', '6.2', '7.1', '7.2', '11.5']);
    expect(plan.domeinVoortgang.map((r) => domeinVoortgangKey(r.value.actie, r.value.domein)).sort()).toEqual(
      shared.flatMap((a) => a.value.domeinen.map((d) => domeinVoortgangKey(a.value.nummer, d))).sort(),
    );
    const r61 = plan.domeinVoortgang.filter((r) => r.value.actie === '6.1');
    expect(r61.map((r) => [r.value.status, r.value.statusToelichting])).toEqual(
      Array(4).fill(['Geblokkeerd', 'Wacht op besluit IMO.']),
    );
    expect(
      plan.domeinVoortgang.every(
        (r) => r.value.eigenaar === undefined && r.value.deadline === undefined && r.problems.length === 0,
      ),
    ).toBe(true);
    // The roll-up of rows that start where the action stands is the action's status: nothing changes on screen.
    const stored = new Map(
      Object.values(before['Acties']!).map((i) => [String(i.fields['Nummer']), String(i.fields['Status'])]),
    );
    for (const a of plan.acties) expect(a.value.status, a.value.nummer).toBe(stored.get(a.value.nummer));
  });

  it('a second run changes nothing and creates no second row', async () => {
    const again = await provisionSite(sandbox.clients(), siteId);
    expect(countChanges(again)).toBe(0);
    const rows = await graph.getAll<Item>(`/sites/${siteId}/lists/DomeinVoortgang/items?$top=999`);
    expect(rows).toHaveLength(33);
  });

  it('step 13: the set-up is Zoetermeer’s, so the choices stay; a set-up changed in SharePoint reaches every choice column of domains on the next run, keeping every item and version', async () => {
    expect(step13Report).toEqual([]);
    type Column = { id: string; name: string; choice?: { choices: string[]; allowTextEntry?: boolean } };
    const choices = async (list: string, column: string) =>
      (await graph.getAll<Column>(`/sites/${siteId}/lists/${list}/columns`)).find((c) => c.name === column)?.choice
        ?.choices;
    expect(await choices('Acties', 'Domeinen')).toEqual([...DOMEINEN]);

    // A Beheerder renames Fysiek Domein in the Inrichting list (SharePoint itself).
    const inrichting = await graph.getAll<Item>(`/sites/${siteId}/lists/Inrichting/items?$expand=fields&$top=999`);
    const fysiek = inrichting.find((i) => i.fields['Title'] === 'Fysiek Domein')!;
    await graph.patch(`/sites/${siteId}/lists/Inrichting/items/${fysiek.id}/fields`, { Title: 'Ruimte' });
    const beforeRun = await siteState(graph, siteId);

    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.choicesSet.sort()).toEqual(
      [
        'Acties.Domeinen: keuzes uit de inrichting',
        'Agenderingen.Domein: keuzes uit de inrichting',
        'DomeinVoortgang.Domein: keuzes uit de inrichting',
        'MTs.Domeinen: keuzes uit de inrichting',
        'Portfolio.Domein: keuzes uit de inrichting',
      ].sort(),
    );
    const wanted = ['Bedrijfsvoering', 'Dienstverlening', 'Ruimte', 'Sociaal Domein', 'Concern'];
    expect(await choices('Acties', 'Domeinen')).toEqual(wanted);
    expect(await choices('DomeinVoortgang', 'Domein')).toEqual(wanted);
    expect(await choices('Acties', 'Plateau')).toEqual([...PLATEAUS]);
    // Columns only: every item, field and version is as it was, also the stored 'Fysiek Domein' values.
    expect(await siteState(graph, siteId)).toEqual(beforeRun);

    // SharePoint's rule holds: a new value must be one of the choices; a stored old one stays and may be kept.
    const acties = await graph.getAll<Item>(
      `/sites/${siteId}/lists/Acties/items?$expand=fields($select=Nummer,Domeinen)&$top=999`,
    );
    const a11 = acties.find((a) => a.fields['Nummer'] === '1.1')!;
    expect(a11.fields['Domeinen']).toContain('Fysiek Domein');
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${a11.id}/fields`, { Status: 'Afgerond' });
    const a21 = acties.find((a) => a.fields['Nummer'] === '2.1')!;
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${a21.id}/fields`, {
      'Domeinen@odata.type': 'Collection(Edm.String)',
      Domeinen: ['Concern', 'Ruimte'],
    });
    await expect(
      graph.patch(`/sites/${siteId}/lists/Acties/items/${a21.id}/fields`, {
        'Domeinen@odata.type': 'Collection(Edm.String)',
        Domeinen: ['Fysiek Domein'],
      }),
    ).rejects.toThrow(/not one of the choices/);

    const again = await provisionSite(sandbox.clients(), siteId);
    expect(again.choicesSet).toEqual([]);
    expect(countChanges(again)).toBe(0);
  });
});
