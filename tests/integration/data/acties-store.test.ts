import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { ActieConflictError, ActieValidationError, createActiesStore } from '../../../src/data/acties-store.js';
import { ACTIE_FIELDS, actieToFields } from '../../../src/data/lists/acties.js';
import { GraphRequestError } from '../../../src/data/graph/errors.js';
import { createListStore } from '../../../src/data/list-store.js';
import { loadPlan, type LoadedPlan } from '../../../src/data/plan-store.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const prepared = await prepareSite(sandbox.graph(), sandbox.siteUrl, {
    plan: zoetermeerPlan,
    portfolio: zoetermeerPortfolio,
    kwartaaldoelen: zoetermeerKwartaaldoelen,
    mts: zoetermeerMTs,
  });
  siteId = prepared.site.id;
});
afterAll(async () => {
  await sandbox?.close();
});

const fresh = async (): Promise<LoadedPlan> => loadPlan(sandbox.graph(), siteId);
const find = (plan: LoadedPlan, nummer: string) => {
  const found = plan.acties.find((a) => a.value.nummer === nummer);
  if (!found) throw new Error(`no action ${nummer}`);
  return found;
};

describe('editing actions', () => {
  it('writes a valid change and reads it back with a new eTag', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const before = find(plan, '1.2');
    const after = await store.update(before, { status: 'Loopt', deadline: '2026-03-31' });
    expect(after.value).toMatchObject({ nummer: '1.2', status: 'Loopt', deadline: '2026-03-31' });
    expect(after.eTag).not.toBe(before.eTag);
    expect(find(await fresh(), '1.2').value.status).toBe('Loopt');
  });

  it("refuses a transition the plan does not allow, with the domain's message (Dutch in the error), and writes nothing", async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const before = find(plan, '1.1');
    const error = await store.update(before, { status: 'Geblokkeerd' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActieValidationError);
    const issues = (error as ActieValidationError).issues;
    expect(issues.map((i) => i.message.key)).toContain('toelichtingGeblokkeerd');
    expect((error as Error).message).toMatch(/toelichting|reden/i);
    expect(find(await fresh(), '1.1').eTag).toBe(before.eTag);
  });

  it('two clients edit one action: the first wins, the second gets the typed conflict with their version, no field is lost', async () => {
    const planA = await fresh();
    const planB = await fresh();
    const alice = createActiesStore(sandbox.graph(), siteId, planA);
    const bob = createActiesStore(sandbox.graph(), siteId, planB);
    const seenByAlice = find(planA, '3.1');
    const seenByBob = find(planB, '3.1');

    await alice.update(seenByAlice, { planning: 'Q1 2026 uitwerken in IMO' });
    const error = await bob.update(seenByBob, { status: 'Loopt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActieConflictError);
    const conflict = error as ActieConflictError;
    expect(conflict.mine).toEqual({ status: 'Loopt' });
    expect(conflict.theirs?.value.planning).toBe('Q1 2026 uitwerken in IMO');
    expect(conflict.theirs?.value.status).toBe(seenByBob.value.status);

    // Bob merges onto their version: both edits survive.
    const merged = await bob.update(conflict.theirs!, conflict.mine);
    expect(merged.value).toMatchObject({ planning: 'Q1 2026 uitwerken in IMO', status: 'Loopt' });
  });

  it('records history from SharePoint versions: who changed what, from what to what', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const before = find(plan, '4.1');
    await store.update(before, { status: 'Loopt', eigenaar: plan.users.find((u) => u.displayName === 'Manager I&A') });
    const history = await store.history(before.id);
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([
        { key: 'status', field: 'Status', from: 'Niet gestart', to: 'Loopt' },
        { key: 'eigenaar', field: 'Eigenaar', from: '', to: 'Manager I&A' },
      ]),
    );
    expect(history.at(-1)?.changes.find((c) => c.field === 'Titel')?.to).toBe(before.value.titel);
  });
});

describe('bulk changes through $batch', () => {
  it('a batch of 45 updates with 3 failing reports exactly those 3 and applies the other 42', async () => {
    // 33 seeded actions plus 12 more, created the way the app creates items (ClientKey, lookups).
    const seeded = await fresh();
    const creator = createListStore(sandbox.graph(), siteId, 'Acties');
    const writeContext = {
      adviesIdByNummer: new Map(seeded.adviezen.map((a) => [a.value.nummer, a.id])),
      bevindingIdByNummer: new Map(seeded.bevindingen.map((b) => [b.value.nummer, b.id])),
      actieIdByNummer: new Map(seeded.acties.map((a) => [a.value.nummer, a.id])),
    };
    for (let n = 7; n < 19; n += 1) {
      const { fields } = actieToFields(
        {
          nummer: `11.${n}`,
          titel: `Extra actie ${n}`,
          advies: 11,
          plateau: 'Verbeteren',
          domeinen: ['Concern'],
          status: 'Niet gestart',
          afhankelijkVan: [],
          bevindingen: [],
        },
        writeContext,
      );
      await creator.create(fields, `test:extra:${n}`, ACTIE_FIELDS.clientKey);
    }
    const plan = await fresh();
    expect(plan.acties).toHaveLength(45);
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const failing = new Set([plan.acties[4]!.id, plan.acties[21]!.id, plan.acties[40]!.id]);
    const entries = plan.acties.map((current) => ({
      current: failing.has(current.id) ? { ...current, eTag: '"{00000000-0000-0000-0000-000000000000},1"' } : current,
      change: { planning: 'Besproken in MT, december 2026' },
    }));
    const results = await store.bulkUpdate(entries);
    expect(results.filter((r) => !r.ok).map((r) => r.id)).toEqual([...failing]);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error instanceof ActieConflictError)).toBe(true);
    expect(results.filter((r) => r.ok)).toHaveLength(42);
    const after = await fresh();
    for (const a of after.acties) {
      expect(a.value.planning === 'Besproken in MT, december 2026', a.value.nummer).toBe(!failing.has(a.id));
    }
  });

  it('refuses an invalid item before sending and still applies the valid ones', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const [a, b] = plan.acties.filter((x) => x.value.status === 'Niet gestart');
    const results = await store.bulkUpdate([
      { current: a!, change: { status: 'Niet overgenomen' } },
      { current: b!, change: { status: 'Loopt' } },
    ]);
    expect(results[0]).toMatchObject({ id: a!.id, ok: false });
    expect(!results[0]!.ok && results[0]!.error).toBeInstanceOf(ActieValidationError);
    expect(results[1]).toMatchObject({ id: b!.id, ok: true });
  });
});

describe('a refusal whose read-back fails', () => {
  it('a bulk change refused on its eTag is a conflict, not a deletion, when their version cannot be read', async () => {
    // The reads after the writes are refused (403): the action is there, only their version is not known.
    const refuseReads: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { requests?: { method: string }[] }) : {};
      if (!String(input).endsWith('/$batch') || !body.requests?.every((r) => r.method === 'GET')) return response;
      const answered = (await response.json()) as { responses: { id: string }[] };
      const refused = answered.responses.map((r) => ({
        id: r.id,
        status: 403,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'accessDenied', message: 'Access denied' } },
      }));
      return new Response(JSON.stringify({ responses: refused }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph({ fetch: refuseReads }), siteId, plan);
    const current = find(plan, '11.1');
    const [result] = await store.bulkUpdate([
      { current: { ...current, eTag: '"{00000000-0000-0000-0000-000000000000},1"' }, change: { planning: 'x' } },
    ]);
    const error = result && !result.ok ? result.error : undefined;
    expect(error).toBeInstanceOf(ActieConflictError);
    expect((error as ActieConflictError).theirs).toBeUndefined();
    expect((error as ActieConflictError).deleted).toBe(false);
    expect((error as ActieConflictError).message).toBe('Deze actie is intussen door iemand anders gewijzigd.');
  });
});

// Last in the file: the action it deletes stays deleted for the tests after it.
describe('an action deleted meanwhile', () => {
  it('a change to an action deleted meanwhile (in SharePoint) is the typed conflict without their version, not a missing list', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const seen = find(plan, '9.2');
    await sandbox.graph().delete(`/sites/${siteId}/lists/Acties/items/${seen.id}`);
    const error = await store.update(seen, { status: 'Loopt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActieConflictError);
    expect((error as ActieConflictError).theirs).toBeUndefined();
    expect((error as ActieConflictError).mine).toEqual({ status: 'Loopt' });
  });

  it('a bulk change names the action deleted meanwhile as such and applies the others', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const [gone, kept] = [find(plan, '10.1'), find(plan, '10.2')];
    await sandbox.graph().delete(`/sites/${siteId}/lists/Acties/items/${gone.id}`);
    const results = await store.bulkUpdate([
      { current: gone, change: { planning: 'Na de verwijdering' } },
      { current: kept, change: { planning: 'Na de verwijdering' } },
    ]);
    expect(results[0]).toMatchObject({ id: gone.id, ok: false });
    const error = !results[0]!.ok ? results[0]!.error : undefined;
    expect(error).toBeInstanceOf(ActieConflictError);
    expect((error as ActieConflictError).theirs).toBeUndefined();
    expect((error as ActieConflictError).deleted).toBe(true);
    expect(results[1]).toMatchObject({ id: kept.id, ok: true });
    expect(find(await fresh(), '10.2').value.planning).toBe('Na de verwijdering');
  });

  it('without the Acties list, a 404 stays what it is: the list is missing, not an action deleted', async () => {
    // The same store on a site that has none of the plan's lists (the sandbox answers 404 for list and item alike).
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), 'site-zonder-lijsten', plan);
    const current = find(plan, '10.3');
    const error = await store.update(current, { planning: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).status).toBe(404);
    const [result] = await store.bulkUpdate([{ current, change: { planning: 'x' } }]);
    expect(result).toMatchObject({ ok: false });
    expect(!result!.ok && result!.error).toBeInstanceOf(GraphRequestError);
    expect(!result!.ok && (result!.error as GraphRequestError).status).toBe(404);
  });
});
