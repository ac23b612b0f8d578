import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgenderingConflictError,
  AgenderingValidationError,
  createAgenderingenStore,
} from '../../../src/data/agenderingen-store.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { listPath } from '../../../src/data/site.js';
import type { ListItem } from '../../../src/data/lists/list-definition.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

async function context() {
  const { plan } = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
  return plan;
}
const actie = (plan: Awaited<ReturnType<typeof context>>, nummer: string) =>
  plan.acties.find((a) => a.value.nummer === nummer)!;
const persoon = (plan: Awaited<ReturnType<typeof context>>, naam: string) =>
  plan.users.find((u) => u.displayName === naam)!;

async function itemsWithKey(clientKey: string): Promise<ListItem[]> {
  const page = await sandbox
    .graph()
    .get<{ value: ListItem[] }>(
      `${listPath(siteId, 'Agenderingen')}/items?$expand=fields&$filter=fields/ClientKey eq '${clientKey}'`,
    );
  return page.value;
}

describe('escalations to the CMT (Agenderingen list), against the sandbox', () => {
  it('a domain puts an action on the CMT agenda, and the CMT ticks it with a decision (If-Match); a second tick on the old eTag is a conflict', async () => {
    const plan = await context();
    const store = createAgenderingenStore(sandbox.graph(), siteId, plan);
    const im = persoon(plan, 'Informatiemanager Sociaal Domein');
    const created = await store.create(
      {
        actie: actie(plan, '1.1'),
        domein: 'Sociaal Domein',
        reden: '  Het besluit over de roadmap blijft hangen.  ',
        door: im,
        op: '2026-11-20T09:00:00Z',
      },
      [],
      'agendering:a',
    );
    expect(created.value).toEqual({
      actie: '1.1',
      domein: 'Sociaal Domein',
      reden: 'Het besluit over de roadmap blijft hangen.',
      op: '2026-11-20T09:00:00Z',
      besproken: false,
      door: im,
    });
    expect(created.problems).toEqual([]);

    const all = await store.all();
    expect(all.map((a) => a.id)).toContain(created.id);

    const cmt = persoon(plan, 'Gemeentesecretaris');
    const ticked = await store.afhandelen(created, {
      door: cmt,
      op: '2026-12-01T10:00:00Z',
      besluit: 'Roadmap in januari vaststellen',
    });
    expect(ticked.value).toMatchObject({
      besproken: true,
      besprokenOp: '2026-12-01T10:00:00Z',
      besluit: 'Roadmap in januari vaststellen',
      besprokenDoor: cmt,
      reden: 'Het besluit over de roadmap blijft hangen.',
    });
    expect(ticked.eTag).not.toBe(created.eTag);

    // Someone with the card of before the tick: the stale eTag meets 412, and nothing is written.
    const stale = { ...created, value: { ...created.value } };
    const error = await store
      .afhandelen(stale, { op: '2026-12-01T11:00:00Z', besluit: 'Ander besluit' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgenderingConflictError);
    expect((error as AgenderingConflictError).theirs?.value).toMatchObject({
      besproken: true,
      besluit: 'Roadmap in januari vaststellen',
    });
    // The tick of an item already ticked is refused before any write.
    await expect(store.afhandelen(ticked, { op: '2026-12-01T12:00:00Z' })).rejects.toThrow(
      'Het CMT heeft actie 1.1 al als besproken afgevinkt.',
    );
    await expect(store.afhandelen(ticked, { op: '2026-12-01T12:00:00Z' })).rejects.toMatchObject({
      domain: { key: 'agenderingAlBesproken', params: { actie: '1.1' } },
    });
  });

  it('refuses without a reason, another domain, and a second open escalation of the same action by the same domain; nothing is written', async () => {
    const plan = await context();
    const store = createAgenderingenStore(sandbox.graph(), siteId, plan);
    const before = (await store.all()).length;
    await expect(
      store.create(
        { actie: actie(plan, '6.1'), domein: 'Fysiek Domein', reden: '  ', op: '2026-11-21T09:00:00Z' },
        [],
        'agendering:leeg',
      ),
    ).rejects.toThrow(AgenderingValidationError);
    await expect(
      store.create(
        { actie: actie(plan, '3.2'), domein: 'Fysiek Domein', reden: 'r', op: '2026-11-21T09:00:00Z' },
        [],
        'agendering:ander',
      ),
    ).rejects.toMatchObject({
      name: 'AgenderingValidationError',
      message: 'Actie 3.2 hoort niet bij Fysiek Domein; een MT agendeert alleen acties van het eigen domein.',
      domain: { key: 'agenderingGeenDomeinVanActie', params: { actie: '3.2', domein: 'Fysiek Domein' } },
    });
    const first = await store.create(
      {
        actie: actie(plan, '6.1'),
        domein: 'Fysiek Domein',
        reden: 'Geen data-eigenaar aangewezen.',
        op: '2026-11-21T09:00:00Z',
      },
      await store.all(),
      'agendering:6.1-1',
    );
    await expect(
      store.create(
        { actie: actie(plan, '6.1'), domein: 'Fysiek Domein', reden: 'Nog eens', op: '2026-11-22T09:00:00Z' },
        await store.all(),
        'agendering:6.1-2',
      ),
    ).rejects.toThrow('Actie 6.1 staat al sinds 2026-11-21 op de agenda van het CMT voor Fysiek Domein.');
    expect((await store.all()).length).toBe(before + 1);
    expect(first.value.door).toBeUndefined();
  });

  it('an escalation saved twice after a lost answer gives one item (ClientKey exactly-once)', async () => {
    const plan = await context();
    const answers: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      answers.push(`${init?.method ?? 'GET'} ${response.status}`);
      return response;
    };
    const graph = sandbox.graph({
      retryPolicy: { maxAttempts: 6, maxTotalMs: 60_000, baseDelayMs: 10, maxDelayMs: 100 },
      retryEnvironment: recordingRetryEnvironment(),
      fetch: recording,
    });
    const store = createAgenderingenStore(graph, siteId, plan);
    const request = {
      actie: actie(plan, '7.1'),
      domein: 'Dienstverlening' as const,
      reden: 'Keuze leverancier ligt stil.',
      op: '2026-11-23T09:00:00Z',
    };
    // Every write is committed and then answered 503: the answer to the create is lost.
    sandbox.setFaults({ commitThenFailRate: 1 });
    const first = await store.create(request, [], 'agendering:lost');
    sandbox.setFaults({});
    // The person saw no answer and saves again with the same key (the dialog keeps it): the stored item is the answer.
    const second = await store.create(request, await store.all(), 'agendering:lost');
    expect(answers.filter((a) => a.startsWith('POST'))).toEqual(['POST 503']);
    expect(second.id).toBe(first.id);
    expect(await itemsWithKey('agendering:lost')).toHaveLength(1);
  });
});
