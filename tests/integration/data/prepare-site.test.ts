import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting.js';
import { loadPlan } from '../../../src/data/plan-store.js';
import { siteSchema } from '../../../src/data/lists/schema.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

const seed = {
  plan: zoetermeerPlan,
  portfolio: zoetermeerPortfolio,
  kwartaaldoelen: zoetermeerKwartaaldoelen,
  mts: zoetermeerMTs,
  domeinVoortgang: zoetermeerDomeinVoortgang,
  inrichting: ZOETERMEER_INRICHTING,
};
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('provisioning and seeding a site through Graph', () => {
  it('creates every list of the schema and fills it with the plan on first run', async () => {
    const result = await prepareSite(sandbox.graph(), sandbox.siteUrl, seed);
    expect(result.provision.listsCreated).toEqual(siteSchema.map((l) => l.name));
    expect(result.seed?.created).toEqual({
      Adviezen: 11,
      Bevindingen: 9,
      Acties: 33,
      Portfolio: zoetermeerPortfolio.length,
      Kwartaaldoelen: zoetermeerKwartaaldoelen.length,
      MTs: zoetermeerMTs.length,
      Herinneringen: 0,
      Besluiten: 0,
      DomeinVoortgang: 33,
      Installaties: 0,
      Agenderingen: 0,
      Agendakeuzes: 0,
      // The municipality, 5 domains, 3 themes, 4 plateaus.
      Inrichting: 13,
    });
    expect(result.seed?.unknownPeople).toEqual([]);
  });

  it('changes nothing on a second run (idempotent)', async () => {
    const result = await prepareSite(sandbox.graph(), sandbox.siteUrl, seed);
    expect(result.provision).toEqual({ listsCreated: [], columnsAdded: [], columnsIndexed: [] });
    expect(Object.values(result.seed?.created ?? {}).every((n) => n === 0)).toBe(true);
  });

  it('reads the seeded plan back exactly: numbers, statuses, deadlines, owners, dependencies, findings', async () => {
    const graph = sandbox.graph();
    const site = await prepareSite(graph, sandbox.siteUrl);
    const loaded = await loadPlan(graph, site.site.id);
    expect(loaded.adviezen.map((a) => a.value.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(loaded.bevindingen).toHaveLength(9);
    expect(loaded.acties.map((a) => a.value.nummer)).toEqual(zoetermeerPlan.acties.map((a) => a.nummer));
    expect(loaded.acties.flatMap((a) => a.problems)).toEqual([]);
    for (const expected of zoetermeerPlan.acties) {
      const actual = loaded.acties.find((a) => a.value.nummer === expected.nummer)?.value;
      expect(actual, expected.nummer).toBeDefined();
      expect({ ...actual, eigenaar: actual?.eigenaar?.displayName }, expected.nummer).toEqual({
        ...expected,
        eigenaar: expected.eigenaar?.displayName,
      });
    }
    // The rows per domain start where their action starts: the roll-up shows the seeded statuses.
    expect(loaded.domeinVoortgang).toHaveLength(33);
    expect(loaded.domeinVoortgang.flatMap((r) => r.problems)).toEqual([]);
    const perAdvies = loaded.adviezen.map((a) => loaded.acties.filter((x) => x.value.advies === a.value.nummer).length);
    expect(perAdvies).toEqual([2, 3, 3, 1, 1, 2, 2, 5, 2, 6, 6]);
  });
});
