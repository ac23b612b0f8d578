import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { createListStore } from '../../../src/data/list-store.js';

let sandbox: TestSandbox;
let siteId: string;
let mtId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = (
    await prepareSite(sandbox.graph(), sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    })
  ).site.id;
  const mts = await sandbox.graph().getAll<{ id: string }>(`/sites/${siteId}/lists/MTs/items`);
  mtId = mts[0]!.id;
});
afterAll(async () => {
  await sandbox?.close();
});

describe('the reminder log', () => {
  it('lets exactly one of two claimants win an occurrence', async () => {
    const a = createHerinneringenStore(sandbox.graph(), siteId);
    const b = createHerinneringenStore(sandbox.graph(), siteId);
    const claim = { sleutel: 'mt-cmt|2026-12-01T08:00:00Z', mtId, mtNaam: 'CMT', moment: '2026-12-01T08:00:00Z' };
    const [ra, rb] = await Promise.all([
      a.claim({ ...claim, claimant: 'run-a' }),
      b.claim({ ...claim, claimant: 'run-b' }),
    ]);
    expect([ra.won, rb.won].filter(Boolean)).toHaveLength(1);
    const loser = ra.won ? rb : ra;
    expect(loser.won).toBe(false);
    expect(!loser.won && loser.holder?.value.claim).toBe(ra.won ? 'run-a' : 'run-b');
  });

  it('keeps its own claim when the answer to the create was lost', async () => {
    sandbox.setFaults({ commitThenFailRate: 1, seed: 3 });
    const env = recordingRetryEnvironment();
    const graph = sandbox.graph({ retryEnvironment: env });
    const store = createHerinneringenStore(graph, siteId, createListStore(graph, siteId, 'Herinneringen', { env }));
    const result = await store.claim({
      sleutel: 'mt-cmt|2026-12-08T08:00:00Z',
      mtId,
      mtNaam: 'CMT',
      moment: '2026-12-08T08:00:00Z',
      claimant: 'run-c',
    });
    sandbox.setFaults({});
    expect(result.won).toBe(true);
    expect((await store.ofMt(mtId)).filter((h) => h.value.sleutel === 'mt-cmt|2026-12-08T08:00:00Z')).toHaveLength(1);
  });

  it('records sending and discussion on the same item', async () => {
    const store = createHerinneringenStore(sandbox.graph(), siteId);
    const claimed = await store.claim({
      sleutel: 'mt-cmt|2026-12-15T08:00:00Z',
      mtId,
      mtNaam: 'CMT',
      moment: '2026-12-15T08:00:00Z',
      claimant: 'run-d',
    });
    if (!claimed.won) throw new Error('claim lost');
    const sent = await store.markSent(claimed.item, '1732345678901', '{"acties":{}}');
    const users = await sandbox
      .graph()
      .getAll<{ id: string; fields: { Title: string } }>(
        `/sites/${siteId}/lists/User Information List/items?$expand=fields($select=Title)`,
      );
    const secretaris = users.find((u) => u.fields.Title === 'Secretaris CMT')!.id;
    const discussed = await store.markDiscussed(sent, secretaris, '2026-12-15T09:30:00Z');
    expect(discussed.value).toMatchObject({
      status: 'verzonden',
      berichtId: '1732345678901',
      besprokenDoorId: secretaris,
      besprokenOp: '2026-12-15T09:30:00Z',
    });
    expect((await store.find('mt-cmt|2026-12-15T08:00:00Z'))?.value.status).toBe('verzonden');
  });
});
