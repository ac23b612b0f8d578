/**
 * The municipality's set-up on the site (issue 12, point 8) against the sandbox over HTTP: the Inrichting list from
 * the declarative schema, schema step 12 (a site of version 11 that holds a plan gets Zoetermeer's set-up, once), a
 * fresh site that stays empty and reads Zoetermeer's as the default, another municipality's set-up (five domains of
 * other names) written and read back, and a set-up edited wrongly in SharePoint refused with the fault named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../../src/domain/inrichting.js';
import { DOMEINEN } from '../../../src/domain/model.js';
import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import type { Graph } from '../../../src/data/graph/client.js';
import {
  InrichtingExistsError,
  InrichtingError,
  readInrichting,
  writeInrichting,
} from '../../../src/data/inrichting-store.js';
import { SCHEMA_VERSION, siteSchema } from '../../../src/data/lists/schema.js';
import { provisionSite, schemaUpgrades, type SiteSchema } from '../../../src/data/provisioning.js';
import { seedSite } from '../../../src/data/seed.js';
import { resolveSite } from '../../../src/data/site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

/** The made-up other municipality's set-up, shared with the plan workbook fixture. */
const WESTERVELD: Inrichting = WESTERVELD_INRICHTING;

/** Today's schema as it was at version 11: without the Inrichting list and step 12. */
const schemaV11: SiteSchema = {
  version: 11,
  lists: siteSchema.filter((l) => l.name !== 'Inrichting'),
  upgrades: schemaUpgrades.filter((u) => u.toVersion <= 11),
};

type Item = { id: string; eTag: string; fields: Record<string, unknown> };
type Column = { name: string; choice?: { choices: string[] } };
const choicesOf = async (graph: Graph, siteId: string, list: string, column: string) =>
  (await graph.getAll<Column>(`/sites/${siteId}/lists/${list}/columns`)).find((c) => c.name === column)?.choice
    ?.choices;
const items = (graph: Graph, siteId: string) =>
  graph.getAll<Item>(`/sites/${siteId}/lists/Inrichting/items?$expand=fields&$top=999`);

describe('a Zoetermeer site of version 11 with a plan, upgraded', () => {
  let sandbox: TestSandbox;
  let graph: Graph;
  let siteId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    graph = sandbox.graph();
    siteId = (await resolveSite(graph, sandbox.siteUrl)).id;
    await provisionSite(sandbox.clients(), siteId, schemaV11);
    const seeded = await seedSite(graph, siteId, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
      domeinVoortgang: zoetermeerDomeinVoortgang,
    });
    expect(seeded.created.Acties).toBe(33);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('step 12 creates the list and fills it with Zoetermeer’s set-up, which reads back as the site’s own', async () => {
    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.schemaVersion).toEqual({ found: 11, now: SCHEMA_VERSION });
    expect(report.listsCreated).toContain('Inrichting');
    expect(report.upgrades.find((u) => u.toVersion === 12)?.changes).toEqual([
      "Inrichting: gemeente 'Gemeente Zoetermeer', 5 domeinen, 3 thema's, 4 plateaus",
    ]);
    // One item per value: the municipality, 5 domains, 3 themes, 4 plateaus.
    expect(await items(graph, siteId)).toHaveLength(13);
    expect(await readInrichting(graph, siteId)).toEqual({ bron: 'site', inrichting: ZOETERMEER_INRICHTING });
  });

  it('a second provisioning changes nothing', async () => {
    const before = await items(graph, siteId);
    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.upgrades).toEqual([]);
    expect(await items(graph, siteId)).toEqual(before);
  });

  it('a set-up edited wrongly in SharePoint is refused, naming the fault in Dutch', async () => {
    const fysiek = (await items(graph, siteId)).find((i) => i.fields['Title'] === 'Fysiek Domein')!;
    await graph.patch(`/sites/${siteId}/lists/Inrichting/items/${fysiek.id}/fields`, { Title: 'sociaal domein' });
    const error = await readInrichting(graph, siteId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InrichtingError);
    expect((error as InrichtingError).message).toBe(
      "De inrichting in de lijst Inrichting klopt niet: Domein 'Sociaal Domein' staat meer dan één keer in de inrichting.",
    );
    const thema = (await items(graph, siteId)).find((i) => i.fields['Code'] === 'B')!;
    await graph.patch(`/sites/${siteId}/lists/Inrichting/items/${thema.id}/fields`, { Adviezen: '5, zes' });
    expect(
      ((await readInrichting(graph, siteId).catch((e: unknown) => e)) as InrichtingError).problemen,
    ).toContainEqual({
      veld: 'themas',
      nr: 2,
      kenmerk: 'adviezen',
      melding: "Thema 'B' noemt een advies dat geen geheel getal van 1 of meer is; geef de adviesnummers als 1, 2, 3.",
      bericht: { key: 'inrichtingThemaAdviezen', params: { code: 'B' } },
    });
    // Provisioning goes on with a broken set-up: it leaves the choice columns as they are and says why.
    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.choicesSet).toHaveLength(1);
    expect(report.choicesSet[0]).toMatch(/^keuzes niet bijgewerkt: De inrichting in de lijst Inrichting klopt niet: /);
    expect(await choicesOf(graph, siteId, 'Acties', 'Domeinen')).toEqual([...DOMEINEN]);
  });
});

describe('a fresh site, and another municipality', () => {
  let sandbox: TestSandbox;
  let graph: Graph;
  let siteId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    graph = sandbox.graph();
    siteId = (await resolveSite(graph, sandbox.siteUrl)).id;
  }, 120_000);
  afterAll(async () => {
    await sandbox?.close();
  });

  it('a fresh site without a plan keeps the list empty (step 12 writes nothing) and reads Zoetermeer’s as the default', async () => {
    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.upgrades.find((u) => u.toVersion === 12)?.changes).toEqual([]);
    expect(await items(graph, siteId)).toEqual([]);
    expect(await readInrichting(graph, siteId)).toEqual({ bron: 'standaard', inrichting: ZOETERMEER_INRICHTING });
  });

  it('Westerveld’s set-up with five domains of other names is written once and read back as it is', async () => {
    expect(await writeInrichting(graph, siteId, WESTERVELD)).toBe(12);
    expect(await readInrichting(graph, siteId)).toEqual({ bron: 'site', inrichting: WESTERVELD });
    // The next provisioning run gives every choice column of domains, themes and plateaus Westerveld's values.
    const report = await provisionSite(sandbox.clients(), siteId);
    expect(report.choicesSet).toHaveLength(9);
    const domeinen = WESTERVELD.domeinen.map((d) => d.naam);
    expect(await choicesOf(graph, siteId, 'Acties', 'Domeinen')).toEqual(domeinen);
    expect(await choicesOf(graph, siteId, 'MTs', 'Domeinen')).toEqual(domeinen);
    expect(await choicesOf(graph, siteId, 'Portfolio', 'Domein')).toEqual(domeinen);
    expect(await choicesOf(graph, siteId, 'Adviezen', 'Thema')).toEqual(['S', 'L']);
    expect(await choicesOf(graph, siteId, 'Bevindingen', 'Thema')).toEqual(['S', 'L']);
    expect(await choicesOf(graph, siteId, 'Adviezen', 'Plateau')).toEqual(WESTERVELD.plateaus);
    expect(await choicesOf(graph, siteId, 'Acties', 'Plateau')).toEqual(WESTERVELD.plateaus);
    // Writing it again finishes nothing (all there); another set-up is refused and nothing changes.
    expect(await writeInrichting(graph, siteId, WESTERVELD)).toBe(0);
    await expect(writeInrichting(graph, siteId, ZOETERMEER_INRICHTING)).rejects.toBeInstanceOf(InrichtingExistsError);
    // Seeding Zoetermeer's plan data into this site leaves Westerveld's set-up alone.
    const seeded = await seedSite(graph, siteId, {
      plan: { themas: [], adviezen: [], bevindingen: [], acties: [] },
      portfolio: [],
      kwartaaldoelen: [],
      mts: [],
      inrichting: ZOETERMEER_INRICHTING,
    });
    expect(seeded.created.Inrichting).toBe(0);
    expect(await readInrichting(graph, siteId)).toEqual({ bron: 'site', inrichting: WESTERVELD });
  });

  it('an invalid set-up is refused before anything is written', async () => {
    const other = await startTestSandbox();
    try {
      const g = other.graph();
      const id = (await resolveSite(g, other.siteUrl)).id;
      await provisionSite(other.clients(), id);
      const error = await writeInrichting(g, id, { ...WESTERVELD, plateaus: [] }).catch((e: unknown) => e);
      expect((error as InrichtingError).message).toBe(
        'De inrichting in de lijst Inrichting klopt niet: Er is geen enkel plateau ingericht.',
      );
      expect(await items(g, id)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
