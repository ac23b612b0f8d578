import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, http, startTestSandbox, type Item, type TestSandbox } from './helpers.js';

type BatchResponse = {
  responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: unknown }>;
};

describe('sandbox JSON batching', () => {
  let t: TestSandbox;
  let listPath: string;
  beforeAll(async () => {
    t = await startTestSandbox();
    const siteId = await t.app.siteId();
    const listId = await t.app.createList('MTs', [
      { name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true },
    ]);
    listPath = `/sites/${siteId}/lists/${listId}`;
  });
  afterAll(async () => {
    t.sandbox.setFaults({});
    await t.stop();
  });

  const create = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
    id,
    method: 'POST',
    url: `${listPath}/items`,
    headers: { 'Content-Type': 'application/json' },
    body: { fields: { Title: title, ...extra } },
  });

  it('runs up to 20 requests, reads and writes mixed, answering each by id', async () => {
    const requests = [
      ...Array.from({ length: 18 }, (_, i) => create(`c${i}`, `Batch ${i}`)),
      { id: 'site', method: 'GET', url: '/sites/127.0.0.1:/sites/actieplan' },
      { id: 'missing', method: 'GET', url: `${listPath}/items/99999` },
    ];
    const res = await t.app.post('/$batch', { requests });
    expect(res.status).toBe(200);
    const body = res.body as BatchResponse;
    expect(body.responses).toHaveLength(20);
    const byId = new Map(body.responses.map((r) => [r.id, r]));
    for (let i = 0; i < 18; i += 1) {
      const r = byId.get(`c${i}`)!;
      expect(r.status).toBe(201);
      expect((r.body as Item).fields['Title']).toBe(`Batch ${i}`);
      expect(r.headers['ETag']).toBe((r.body as Item).eTag);
    }
    expect(byId.get('site')!.status).toBe(200);
    expect(byId.get('missing')!.status).toBe(404);
    expect((byId.get('missing')!.body as { error: { code: string } }).error.code).toBe('itemNotFound');
    const all = await t.app.get(`${listPath}/items?$top=100`);
    expect((all.body as { value: unknown[] }).value).toHaveLength(18);
  });

  it('refuses more than 20 requests with 400 and runs none of them', async () => {
    const before = ((await t.app.get(`${listPath}/items?$top=500`)).body as { value: unknown[] }).value.length;
    const res = await t.app.post('/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => create(`x${i}`, `Te veel ${i}`)),
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('invalidRequest');
    const after = ((await t.app.get(`${listPath}/items?$top=500`)).body as { value: unknown[] }).value.length;
    expect(after).toBe(before);
  });

  it('refuses duplicate ids and unknown dependsOn targets with 400', async () => {
    expect((await t.app.post('/$batch', { requests: [create('a', 'a'), create('A', 'b')] })).status).toBe(400);
    expect((await t.app.post('/$batch', { requests: [{ ...create('a', 'a'), dependsOn: ['zz'] }] })).status).toBe(400);
    expect((await t.app.post('/$batch', { requests: [] })).status).toBe(400);
  });

  it('answers 424 for requests whose dependency failed, and does not run them', async () => {
    const res = await t.app.post('/$batch', {
      requests: [
        create('1', 'Eerste', { Sleutel: 'k1' }),
        { ...create('2', 'Dubbel', { Sleutel: 'k1' }), dependsOn: ['1'] },
        { ...create('3', 'Na dubbel', { Sleutel: 'k3' }), dependsOn: ['2'] },
        { ...create('4', 'Los', { Sleutel: 'k4' }), dependsOn: ['1'] },
      ],
    });
    expect(res.status).toBe(200);
    const byId = new Map((res.body as BatchResponse).responses.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(201);
    expect(byId.get('2')!.status).toBe(409);
    expect(byId.get('3')!.status).toBe(424);
    expect(byId.get('4')!.status).toBe(201);
    const k3 = await t.app.get(
      `${listPath}/items?$expand=fields&$filter=${encodeURIComponent("fields/Sleutel eq 'k3'")}`,
    );
    expect((k3.body as { value: unknown[] }).value).toHaveLength(0);
  });

  it('needs Content-Type for a sub-request with a body, and the outer token for all', async () => {
    const res = await t.app.post('/$batch', {
      requests: [{ id: '1', method: 'POST', url: `${listPath}/items`, body: { fields: { Title: 'zonder type' } } }],
    });
    expect((res.body as BatchResponse).responses[0]!.status).toBe(400);
    const anonymous = await http(`${t.sandbox.graphUrl}/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/sites/127.0.0.1:/sites/actieplan' }] }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('throttles sub-requests one by one: 429 with Retry-After inside a 200 batch', async () => {
    t.sandbox.setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
    try {
      const res = await t.app.post('/$batch', { requests: [create('t1', 'Gesmoord')] });
      expect(res.status).toBe(200);
      const sub = (res.body as BatchResponse).responses[0]!;
      expect(sub.status).toBe(429);
      expect(sub.headers['Retry-After']).toBe('7');
      expect((sub.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
    } finally {
      t.sandbox.setFaults({});
    }
    const found = await t.app.get(`${listPath}/items?$expand=fields&$top=500`);
    expect((found.body as { value: Item[] }).value.some((i) => i.fields['Title'] === 'Gesmoord')).toBe(false);
  });
});
