import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actieVoortgang } from '../../../src/domain/domein-voortgang.js';
import {
  createDomeinVoortgangStore,
  DomeinVoortgangConflictError,
  DomeinVoortgangValidationError,
} from '../../../src/data/domein-voortgang-store.js';
import { createGraph } from '../../../src/data/graph/client.js';
import { loadPlanCold, refreshPlan, type PlanSnapshot } from '../../../src/data/plan-sync.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';
import { validationMessages as M } from '../../../src/domain/messages.js';

let sandbox: TestSandbox;
let siteId: string;

function countingGraph() {
  const counter = { requests: 0, bodies: [] as string[] };
  const graph = createGraph({
    graphBaseUrl: sandbox.graphUrl,
    tokens: sandbox.appTokens(),
    fetch: (input, init) => {
      counter.requests += 1;
      counter.bodies.push(typeof init?.body === 'string' ? init.body : '');
      return fetch(input, init);
    },
  });
  return { graph, counter };
}

const actie = (snapshot: PlanSnapshot, nummer: string) => snapshot.plan.acties.find((a) => a.value.nummer === nummer)!;
const rijen = (snapshot: PlanSnapshot, nummer: string) =>
  snapshot.plan.domeinVoortgang.filter((r) => r.value.actie === nummer).map((r) => r.value);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

describe('progress per domain on shared actions, against the sandbox', () => {
  it('the cold load reads the rows per domain in the same single $batch as the plan', async () => {
    const { graph, counter } = countingGraph();
    await graph.get('/me').catch(() => undefined);
    counter.requests = 0;
    counter.bodies = [];
    const snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    expect(counter.requests).toBe(1);
    expect(counter.bodies[0]).toContain('/lists/DomeinVoortgang/items/delta');
    expect(snapshot.plan.domeinVoortgang).toHaveLength(33);
    expect(rijen(snapshot, '1.1').map((r) => [r.domein, r.eigenaar?.displayName])).toEqual([
      ['Bedrijfsvoering', 'Informatiemanager Bedrijfsvoering'],
      ['Dienstverlening', 'Informatiemanager Dienstverlening'],
      ['Fysiek Domein', 'Informatiemanager Fysiek Domein'],
      ['Sociaal Domein', 'Informatiemanager Sociaal Domein'],
    ]);
    expect(rijen(snapshot, '3.3').every((r) => r.eigenaar === undefined)).toBe(true);
    expect(rijen(snapshot, '11.5').map((r) => r.domein)).toContain('Concern');
  });

  it('Sociaal Domein finishes its row of 1.1: the action rolls up to Loopt with 1 van 4 domeinen afgerond', async () => {
    const graph = sandbox.graph();
    let snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    let store = createDomeinVoortgangStore(graph, siteId, snapshot.plan);
    const loopt = await store.save(actie(snapshot, '1.1'), 'Sociaal Domein', { status: 'Loopt' });
    expect(loopt.value).toMatchObject({
      actie: '1.1',
      domein: 'Sociaal Domein',
      status: 'Loopt',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
    });

    const refreshed = await refreshPlan(graph, sandbox.siteUrl, snapshot);
    expect(refreshed.changed).toBe(true);
    snapshot = refreshed.snapshot;
    store = createDomeinVoortgangStore(graph, siteId, snapshot.plan);
    await store.save(actie(snapshot, '1.1'), 'Sociaal Domein', {
      status: 'Afgerond',
      notitie: 'Roadmap vastgesteld in het MT.',
    });

    snapshot = await loadPlanCold(graph, sandbox.siteUrl);
    const a11 = actie(snapshot, '1.1');
    expect(a11.value.status).toBe('Loopt');
    const voortgang = actieVoortgang(a11.value, rijen(snapshot, '1.1'));
    expect(voortgang).toMatchObject({ status: 'Loopt', afgerond: 1, totaal: 4 });
    expect(rijen(snapshot, '1.1').find((r) => r.domein === 'Sociaal Domein')).toMatchObject({
      status: 'Afgerond',
      notitie: 'Roadmap vastgesteld in het MT.',
    });
  });

  it('refuses a change that breaks the status rules, and writes nothing', async () => {
    const snapshot = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
    const store = createDomeinVoortgangStore(sandbox.graph(), siteId, snapshot.plan);
    const blocked = await store
      .save(actie(snapshot, '5.1'), 'Fysiek Domein', { status: 'Geblokkeerd' })
      .catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(DomeinVoortgangValidationError);
    expect((blocked as DomeinVoortgangValidationError).issues[0]?.message).toEqual(M.toelichtingGeblokkeerd);
    expect((blocked as Error).message).toMatch(/Geblokkeerd is een reden verplicht/);
    const wrongDomain = await store
      .save(actie(snapshot, '1.2'), 'Sociaal Domein', { status: 'Loopt' })
      .catch((e: unknown) => e);
    expect(wrongDomain).toBeInstanceOf(DomeinVoortgangValidationError);
    const after = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
    expect(rijen(after, '5.1').find((r) => r.domein === 'Fysiek Domein')?.status).toBe('Niet gestart');
  });

  it('a stale row gets a conflict with the other person’s version; nothing is overwritten', async () => {
    const stale = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
    await createDomeinVoortgangStore(sandbox.graph(), siteId, stale.plan).save(actie(stale, '6.2'), 'Dienstverlening', {
      status: 'Loopt',
      notitie: 'Eerst',
    });
    const conflict = await createDomeinVoortgangStore(sandbox.graph(), siteId, stale.plan)
      .save(actie(stale, '6.2'), 'Dienstverlening', { notitie: 'Tweede, op een oude versie' })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(DomeinVoortgangConflictError);
    expect((conflict as DomeinVoortgangConflictError).theirs?.value).toMatchObject({
      status: 'Loopt',
      notitie: 'Eerst',
    });
  });

  it('a domain without a row gets one on its first change, created once, from where the action stood', async () => {
    const graph = sandbox.graph();
    const before = await loadPlanCold(graph, sandbox.siteUrl);
    const row = before.plan.domeinVoortgang.find(
      (r) => r.value.actie === '7.1' && r.value.domein === 'Bedrijfsvoering',
    )!;
    await graph.delete(`/sites/${siteId}/lists/DomeinVoortgang/items/${row.id}`);
    const without = await loadPlanCold(graph, sandbox.siteUrl);
    expect(rijen(without, '7.1')).toHaveLength(3);
    const created = await createDomeinVoortgangStore(graph, siteId, without.plan).save(
      actie(without, '7.1'),
      'Bedrijfsvoering',
      { status: 'Afgerond' },
    );
    expect(created.value).toMatchObject({ actie: '7.1', domein: 'Bedrijfsvoering', status: 'Afgerond' });
    // A second person with the same (old) plan creates it too: the unique key refuses the duplicate.
    const second = await createDomeinVoortgangStore(graph, siteId, without.plan)
      .save(actie(without, '7.1'), 'Bedrijfsvoering', { status: 'Afgerond' })
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DomeinVoortgangConflictError);
    const after = await loadPlanCold(graph, sandbox.siteUrl);
    expect(rijen(after, '7.1').filter((r) => r.domein === 'Bedrijfsvoering')).toHaveLength(1);
  });
});
