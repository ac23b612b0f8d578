import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createListStore } from '../../../src/data/list-store.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
let siteId: string;
const policy = { maxAttempts: 12, maxTotalMs: 10 * 60_000, baseDelayMs: 100, maxDelayMs: 2_000 };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const graph = sandbox.graph();
  siteId = (await graph.get<{ id: string }>('/sites/127.0.0.1:/sites/actieplan')).id;
  // A scratch list shaped like ours: a unique, indexed ClientKey guards creates.
  await graph.post(`/sites/${siteId}/lists`, {
    displayName: 'MTs',
    list: { template: 'genericList' },
    columns: [
      { name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Teller', number: {} },
    ],
  });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('writes while Graph throttles and loses answers', () => {
  it('200 mixed creates and updates with 30% 429/503 (and answers lost after commit) all land exactly once', async () => {
    const env = recordingRetryEnvironment();
    const store = createListStore(sandbox.graph({ retryPolicy: policy, retryEnvironment: env }), siteId, 'MTs', {
      policy,
      env,
    });

    // 100 creates under 429s and lost answers.
    sandbox.setFaults({
      throttleRate: 0.3,
      throttleStatus: 429,
      retryAfterSeconds: 1,
      commitThenFailRate: 0.15,
      seed: 11,
    });
    const created = [];
    for (let i = 0; i < 100; i += 1)
      created.push(await store.create({ Title: `Item ${i}`, Teller: 0 }, `key-${i}`, 'Sleutel'));

    // 100 updates under 503s and lost answers.
    sandbox.setFaults({
      throttleRate: 0.3,
      throttleStatus: 503,
      retryAfterSeconds: 2,
      commitThenFailRate: 0.15,
      seed: 12,
    });
    for (const item of created) await store.update(item.id, item.eTag, { Teller: 1 }, ['Title', 'Sleutel', 'Teller']);
    sandbox.setFaults({});

    const all = await sandbox
      .graph()
      .getAll<{ id: string; fields: { Sleutel: string; Teller: number } }>(
        `/sites/${siteId}/lists/MTs/items?$expand=fields($select=Sleutel,Teller)&$top=500`,
      );
    expect(all).toHaveLength(100);
    expect(new Set(all.map((i) => i.fields.Sleutel)).size).toBe(100);
    expect(all.every((i) => i.fields.Teller === 1)).toBe(true);
    // The faults really happened, and each wait honoured Retry-After.
    expect(env.waits.length).toBeGreaterThan(20);
    expect(env.waits.filter((w) => w === 1000 || w === 2000).length).toBeGreaterThan(20);
  });
});
