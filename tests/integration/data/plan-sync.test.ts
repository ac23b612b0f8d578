import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { createActiesStore } from '../../../src/data/acties-store.js';
import { createGraph } from '../../../src/data/graph/client.js';
import { loadPlanCold, refreshPlan } from '../../../src/data/plan-sync.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;

/** Counts the HTTP requests the app's Graph client sends. */
function countingGraph() {
  const counter = { requests: 0 };
  const graph = createGraph({
    graphBaseUrl: sandbox.graphUrl,
    tokens: sandbox.appTokens(),
    fetch: (input, init) => {
      counter.requests += 1;
      return fetch(input, init);
    },
  });
  return { graph, counter };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await prepareSite(sandbox.graph(), sandbox.siteUrl, {
    plan: zoetermeerPlan,
    portfolio: zoetermeerPortfolio,
    kwartaaldoelen: zoetermeerKwartaaldoelen,
    mts: zoetermeerMTs,
  });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('loading and refreshing the plan', () => {
  it('loads the whole plan cold in one Graph request ($batch of site + four delta enumerations)', async () => {
    const { graph, counter } = countingGraph();
    await graph.get('/me').catch(() => undefined); // warm the token, not counted below
    counter.requests = 0;
    const snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    expect(counter.requests).toBe(1);
    expect(snapshot.plan.adviezen).toHaveLength(11);
    expect(snapshot.plan.acties.map((a) => a.value.nummer)).toEqual(zoetermeerPlan.acties.map((a) => a.nummer));
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('refreshes with one request that returns only what changed', async () => {
    const { graph, counter } = countingGraph();
    const snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    const unchanged = await refreshPlan(graph, sandbox.siteUrl, snapshot);
    expect(unchanged.changed).toBe(false);

    const store = createActiesStore(sandbox.graph(), snapshot.siteId, snapshot.plan);
    const target = snapshot.plan.acties.find((a) => a.value.nummer === '8.3')!;
    await store.update(target, { status: 'Loopt' });

    counter.requests = 0;
    const refreshed = await refreshPlan(graph, sandbox.siteUrl, unchanged.snapshot);
    expect(counter.requests).toBe(1);
    expect(refreshed.changed).toBe(true);
    expect(refreshed.snapshot.plan.acties.find((a) => a.value.nummer === '8.3')?.value.status).toBe('Loopt');
    expect(refreshed.snapshot.plan.acties).toHaveLength(33);
  });

  it('sees an item deleted in SharePoint disappear', async () => {
    const { graph } = countingGraph();
    const snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    const victim = snapshot.plan.acties.find((a) => a.value.nummer === '9.2')!;
    await sandbox.graph().delete(`/sites/${snapshot.siteId}/lists/Acties/items/${victim.id}`);
    const refreshed = await refreshPlan(graph, sandbox.siteUrl, snapshot);
    expect(refreshed.snapshot.plan.acties.map((a) => a.value.nummer)).not.toContain('9.2');
    expect(refreshed.snapshot.plan.acties).toHaveLength(snapshot.plan.acties.length - 1);
  });

  it('recovers from 410 Gone by reading the plan afresh', async () => {
    const { graph } = countingGraph();
    const snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    const broken = {
      ...snapshot,
      deltaLinks: {
        ...snapshot.deltaLinks,
        acties: snapshot.deltaLinks.acties.replace(/token=[^&]+/, 'token=forgotten'),
      },
    };
    const refreshed = await refreshPlan(graph, sandbox.siteUrl, broken);
    expect(refreshed.changed).toBe(true);
    expect(refreshed.snapshot.plan.acties.map((a) => a.value.nummer)).toEqual(
      snapshot.plan.acties.map((a) => a.value.nummer),
    );
    expect(refreshed.snapshot.deltaLinks.acties).not.toContain('forgotten');
  });
});
