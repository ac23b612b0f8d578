import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { ActieValidationError, createActiesStore, type NewActie } from '../../../src/data/acties-store.js';
import { loadPlan, type LoadedPlan } from '../../../src/data/plan-store.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { validationMessages as M } from '../../../src/domain/messages.js';

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
const itemsWithKey = async (key: string) =>
  (
    await sandbox
      .graph()
      .getAll<{ id: string; fields: { ClientKey?: string } }>(
        `/sites/${siteId}/lists/Acties/items?$expand=fields($select=ClientKey)&$top=999`,
      )
  ).filter((i) => i.fields.ClientKey === key);

function draft(plan: LoadedPlan, overrides: Partial<NewActie> = {}): NewActie {
  const eigenaar = plan.users.find((u) => u.displayName === 'Programmamanager Datagedreven Werken');
  return {
    titel: 'Proces-eigenaarschap vastleggen voor de ketens Wmo en Jeugd',
    advies: 9,
    plateau: 'Excelleren',
    domeinen: ['Concern'],
    status: 'Niet gestart',
    ...(eigenaar ? { eigenaar } : {}),
    deadline: '2027-06-30',
    afhankelijkVan: ['9.1'],
    bevindingen: [6],
    ...overrides,
  };
}

describe('adding an action', () => {
  it('gives the next free number within the advies (9.3), writes it once and answers with the item', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const created = await store.create(draft(plan), 'nieuw:9.3-a');
    expect(created.value).toMatchObject({
      nummer: '9.3',
      advies: 9,
      status: 'Niet gestart',
      afhankelijkVan: ['9.1'],
      bevindingen: [6],
      deadline: '2027-06-30',
      domeinen: ['Concern'],
    });
    expect(created.value.eigenaar?.displayName).toBe('Programmamanager Datagedreven Werken');
    expect(created.problems).toEqual([]);
    const after = await fresh();
    expect(find(after, '9.3').value).toEqual(created.value);
    expect(after.acties).toHaveLength(plan.acties.length + 1);
  });

  it('creating an action twice after a lost answer gives one item', async () => {
    const plan = await fresh();
    const env = recordingRetryEnvironment();
    const policy = { maxAttempts: 6, maxTotalMs: 60_000, baseDelayMs: 10, maxDelayMs: 100 };
    const answers: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      answers.push(`${init?.method ?? 'GET'} ${response.status}`);
      return response;
    };
    const store = createActiesStore(
      sandbox.graph({ retryPolicy: policy, retryEnvironment: env, fetch: recording }),
      siteId,
      plan,
    );
    // Every write is committed and then answered 503: the answer to the create is lost.
    sandbox.setFaults({ commitThenFailRate: 1 });
    const first = await store.create(
      draft(plan, { titel: 'Experiment multidisciplinair team uitbreiden' }),
      'nieuw:lost-answer',
    );
    sandbox.setFaults({});
    // The person did not see an answer and saves again, with the same key.
    const second = await store.create(
      draft(plan, { titel: 'Experiment multidisciplinair team uitbreiden' }),
      'nieuw:lost-answer',
    );
    // The first create was committed and answered 503; the second met the unique key (409). Both found the one item.
    expect(answers.filter((a) => a.startsWith('POST'))).toEqual(['POST 503', 'POST 409']);
    expect(second.id).toBe(first.id);
    expect(second.value.nummer).toBe(first.value.nummer);
    expect(await itemsWithKey('nieuw:lost-answer')).toHaveLength(1);
    const after = await fresh();
    expect(after.acties.filter((a) => a.value.titel === 'Experiment multidisciplinair team uitbreiden')).toHaveLength(
      1,
    );
    expect(after.acties).toHaveLength(plan.acties.length + 1);
  });

  it('takes the next number when someone else took it meanwhile (the list keeps numbers unique)', async () => {
    const stale = await fresh();
    const alice = createActiesStore(sandbox.graph(), siteId, stale);
    const bob = createActiesStore(sandbox.graph(), siteId, stale);
    const a = await alice.create(
      draft(stale, { advies: 4, plateau: 'Excelleren', afhankelijkVan: [], bevindingen: [4] }),
      'nieuw:alice',
    );
    const b = await bob.create(
      draft(stale, { advies: 4, plateau: 'Excelleren', afhankelijkVan: [], bevindingen: [4] }),
      'nieuw:bob',
    );
    expect([a.value.nummer, b.value.nummer]).toEqual(['4.2', '4.3']);
  });

  it('never reuses a number: after retiring the newest action the next one still counts past it', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const created = await store.create(
      draft(plan, { advies: 5, plateau: 'Fundament versterken', afhankelijkVan: [], bevindingen: [] }),
      'nieuw:5.2',
    );
    expect(created.value.nummer).toBe('5.2');
    await store.update(created, { vervallen: true, vervallenReden: 'Dubbel met 5.1' });
    const again = await fresh();
    const next = await createActiesStore(sandbox.graph(), siteId, again).create(
      draft(again, { advies: 5, plateau: 'Fundament versterken', afhankelijkVan: [], bevindingen: [] }),
      'nieuw:5.3',
    );
    expect(next.value.nummer).toBe('5.3');
  });

  it('refuses an action that breaks a rule, with Dutch messages, and writes nothing', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const error = await store
      .create(draft(plan, { titel: ' ', afhankelijkVan: ['9.9'], bevindingen: [12], advies: 12 }), 'nieuw:invalid')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActieValidationError);
    const messages = (error as ActieValidationError).issues.map((i) => i.message);
    expect(messages).toContainEqual(M.titelVerplicht);
    expect(messages).toContainEqual(M.adviesNietOpSite(12));
    expect(messages.map((m) => m.key)).toEqual(
      expect.arrayContaining(['afhankelijkheidOnbekend', 'bevindingOnbekend']),
    );
    // The error's own text is the domain's Dutch.
    expect((error as Error).message).toContain('Advies 12 bestaat niet op de site. Kies een bestaand advies.');
    expect((error as Error).message).toContain('actie 9.9, maar die actie bestaat niet');
    expect((error as Error).message).toContain('bevinding 12, maar die bevinding bestaat niet');
    expect(await itemsWithKey('nieuw:invalid')).toHaveLength(0);
    expect((await fresh()).acties).toHaveLength(plan.acties.length);
  });
});

describe('editing links and retiring', () => {
  it('writes new dependencies and findings, and refuses a cycle naming it (6.1 → 6.2 → 6.1), writing nothing', async () => {
    let plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const saved = await store.update(find(plan, '6.2'), { afhankelijkVan: ['6.1'], bevindingen: [5, 6] });
    expect(saved.value).toMatchObject({ afhankelijkVan: ['6.1'], bevindingen: [5, 6] });
    plan = await fresh();
    expect(find(plan, '6.2').value.afhankelijkVan).toEqual(['6.1']);
    const before = find(plan, '6.1');
    const error = await createActiesStore(sandbox.graph(), siteId, plan)
      .update(before, { afhankelijkVan: ['6.2'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActieValidationError);
    expect((error as ActieValidationError).issues).toEqual([
      { path: 'afhankelijkVan', message: M.afhankelijkheidsKring(['6.1', '6.2', '6.1']) },
    ]);
    expect(find(await fresh(), '6.1').eTag).toBe(before.eTag);
  });

  it('retires an action only with a reason; the item, its number and its history stay', async () => {
    const plan = await fresh();
    const store = createActiesStore(sandbox.graph(), siteId, plan);
    const before = find(plan, '8.5');
    const refused = await store.update(before, { vervallen: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActieValidationError);
    expect((refused as ActieValidationError).issues.map((i) => i.message)).toEqual([M.vervallenRedenVerplicht]);
    const retired = await store.update(before, {
      vervallen: true,
      vervallenReden: 'Gildes lopen via Digitaal Samenwerken',
    });
    expect(retired.value).toMatchObject({
      nummer: '8.5',
      vervallen: true,
      vervallenReden: 'Gildes lopen via Digitaal Samenwerken',
    });
    const after = await fresh();
    expect(find(after, '8.5').value.vervallen).toBe(true);
    const history = await store.history(before.id);
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([
        { key: 'vervallen', field: 'Vervallen', from: '', to: 'ja' },
        { key: 'vervallenReden', field: 'Reden vervallen', from: '', to: 'Gildes lopen via Digitaal Samenwerken' },
      ]),
    );
  });
});
