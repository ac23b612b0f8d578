import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, http, startTestSandbox, type Item, type TestSandbox } from './helpers.js';

describe('sandbox fault injection', () => {
  let t: TestSandbox;
  let listPath: string;
  beforeAll(async () => {
    t = await startTestSandbox();
    const siteId = await t.app.siteId();
    const listId = await t.app.createList('Herinneringen', [
      { name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true },
    ]);
    listPath = `/sites/${siteId}/lists/${listId}`;
  });
  afterEach(() => {
    t.sandbox.setFaults({});
  });
  afterAll(async () => {
    await t.stop();
  });

  async function itemsWith(key: string): Promise<Item[]> {
    const res = await t.app.get(
      `${listPath}/items?$expand=fields&$filter=${encodeURIComponent(`fields/Sleutel eq '${key}'`)}`,
    );
    return (res.body as { value: Item[] }).value;
  }

  it('answers 429 TooManyRequests with Retry-After before doing anything', async () => {
    t.sandbox.setFaults({ throttleRate: 1, retryAfterSeconds: 3 });
    const res = await t.app.post(`${listPath}/items`, { fields: { Title: 'gesmoord', Sleutel: 'throttled-429' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(errorOf(res).code).toBe('TooManyRequests');
    t.sandbox.setFaults({});
    expect(await itemsWith('throttled-429')).toHaveLength(0);
  });

  it('answers 503 serviceNotAvailable when throttleStatus is 503, default Retry-After 1', async () => {
    t.sandbox.setFaults({ throttleRate: 1, throttleStatus: 503 });
    const res = await t.app.get('/sites/127.0.0.1:/sites/actieplan');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(errorOf(res).code).toBe('serviceNotAvailable');
  });

  it('throttles before authentication, as it answers before doing anything', async () => {
    t.sandbox.setFaults({ throttleRate: 1 });
    const res = await http(`${t.sandbox.graphUrl}/me`);
    expect(res.status).toBe(429);
  });

  it('commits a write and then answers 503: the item is there afterwards', async () => {
    t.sandbox.setFaults({ commitThenFailRate: 1, retryAfterSeconds: 2 });
    const res = await t.app.post(`${listPath}/items`, { fields: { Title: 'toch opgeslagen', Sleutel: 'ctf-1' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(errorOf(res).code).toBe('serviceNotAvailable');
    t.sandbox.setFaults({});
    const stored = await itemsWith('ctf-1');
    expect(stored).toHaveLength(1);
    // A naive retry of the create now meets the unique key, which is how a client finds out.
    const retry = await t.app.post(`${listPath}/items`, { fields: { Title: 'toch opgeslagen', Sleutel: 'ctf-1' } });
    expect(retry.status).toBe(409);
  });

  it('leaves reads alone under commitThenFail', async () => {
    t.sandbox.setFaults({ commitThenFailRate: 1 });
    expect((await t.app.get(`${listPath}/items`)).status).toBe(200);
  });

  it('makes the same decisions for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      t.sandbox.setFaults({ throttleRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await t.app.get('/sites/127.0.0.1:/sites/actieplan')).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });

  it('takes faults at run time through POST /_sandbox/faults, and validates them', async () => {
    const set = await http(`${t.sandbox.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1, throttleStatus: 503, retryAfterSeconds: 5 }),
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ throttleRate: 1, throttleStatus: 503, retryAfterSeconds: 5 });
    const throttled = await t.app.get('/sites/127.0.0.1:/sites/actieplan');
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('5');

    const invalid = await http(`${t.sandbox.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(invalid.status).toBe(400);

    const cleared = await http(`${t.sandbox.baseUrl}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(cleared.body).toEqual({});
    expect((await t.app.get('/sites/127.0.0.1:/sites/actieplan')).status).toBe(200);
  });

  it('adds latency without changing the answer', async () => {
    t.sandbox.setFaults({ latencyMs: 30 });
    const res = await t.app.get('/sites/127.0.0.1:/sites/actieplan');
    expect(res.status).toBe(200);
    const faults = await http(`${t.sandbox.baseUrl}/_sandbox/faults`);
    expect(faults.body).toEqual({ latencyMs: 30 });
  });
});
