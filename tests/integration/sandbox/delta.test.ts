import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestSandbox, type Item, type TestSandbox } from './helpers.js';

type DeltaPage = {
  value: Array<Item & { deleted?: { state: string }; '@removed'?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

describe('sandbox list item delta', () => {
  let t: TestSandbox;
  let listPath: string;

  async function drain(url: string): Promise<{ items: DeltaPage['value']; pages: number; deltaLink: string }> {
    const items: DeltaPage['value'] = [];
    let next: string | undefined = url;
    let pages = 0;
    for (;;) {
      const res = await t.app.get(next);
      if (res.status !== 200) throw new Error(`delta failed: ${res.status} ${res.text}`);
      const page = res.body as DeltaPage;
      pages += 1;
      items.push(...page.value);
      if (page['@odata.deltaLink']) return { items, pages, deltaLink: page['@odata.deltaLink'] };
      next = page['@odata.nextLink'];
      if (!next || pages > 20) throw new Error('delta ended without a deltaLink');
    }
  }

  beforeAll(async () => {
    t = await startTestSandbox();
    const siteId = await t.app.siteId();
    const listId = await t.app.createList('Acties', [{ name: 'Status', text: {} }]);
    listPath = `/sites/${siteId}/lists/${listId}`;
    for (let i = 1; i <= 5; i += 1) {
      const res = await t.app.post(`${listPath}/items`, { fields: { Title: `Actie ${i}`, Status: 'Niet gestart' } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.stop();
  });

  it('enumerates all items in pages, ends with a deltaLink, then returns only changes and deletions', async () => {
    const initial = await drain(`${listPath}/items/delta?$top=2&$expand=fields`);
    expect(initial.pages).toBe(3);
    expect(initial.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(initial.items[0]!.fields['Title']).toBe('Actie 1');
    expect(initial.deltaLink.startsWith(`${t.sandbox.graphUrl}${listPath}/items/delta?`)).toBe(true);
    expect(initial.deltaLink).toContain('token=');

    const nothing = await drain(initial.deltaLink);
    expect(nothing.items).toEqual([]);

    expect((await t.app.patch(`${listPath}/items/2/fields`, { Status: 'Loopt' })).status).toBe(200);
    expect((await t.app.patch(`${listPath}/items/2/fields`, { Status: 'Afgerond' })).status).toBe(200);
    expect((await t.app.delete(`${listPath}/items/4`)).status).toBe(204);
    const created = await t.app.post(`${listPath}/items`, { fields: { Title: 'Actie 6' } });
    expect(created.status).toBe(201);

    const changes = await drain(nothing.deltaLink);
    expect(changes.items.map((i) => i.id)).toEqual(['2', '4', '6']);
    const changed = changes.items[0]!;
    expect(changed.fields['Status']).toBe('Afgerond');
    const removed = changes.items[1]!;
    expect(removed.deleted).toEqual({ state: 'deleted' });
    expect(removed['@removed']).toBeDefined();
    expect(removed.fields).toBeUndefined();

    const again = await drain(changes.deltaLink);
    expect(again.items).toEqual([]);
  });

  it('pages changes by sequence: an item changed again while paging is left to the next round, never given twice', async () => {
    const start = (await t.app.get(`${listPath}/items/delta?token=latest&$top=1&$expand=fields`)).body as DeltaPage;
    for (const id of ['1', '3', '5'])
      expect((await t.app.patch(`${listPath}/items/${id}/fields`, { Status: 'Loopt' })).status).toBe(200);
    const first = (await t.app.get(start['@odata.deltaLink']!)).body as DeltaPage;
    expect(first.value.map((i) => i.id)).toEqual(['1']);
    // Item 3 changes again after the round began: its newest change lies outside this round's window.
    expect((await t.app.patch(`${listPath}/items/3/fields`, { Status: 'Afgerond' })).status).toBe(200);
    const rest = await drain(first['@odata.nextLink']!);
    expect(rest.items.map((i) => i.id)).toEqual(['5']);
    const next = await drain(rest.deltaLink);
    expect(next.items.map((i) => [i.id, i.fields['Status']])).toEqual([['3', 'Afgerond']]);
  });

  it('gives only a deltaLink for token=latest', async () => {
    const res = await t.app.get(`${listPath}/items/delta?token=latest`);
    expect(res.status).toBe(200);
    const page = res.body as DeltaPage;
    expect(page.value).toEqual([]);
    expect(page['@odata.deltaLink']).toBeDefined();
    expect((await t.app.patch(`${listPath}/items/1/fields`, { Status: 'Loopt' })).status).toBe(200);
    const changes = await drain(page['@odata.deltaLink']!);
    expect(changes.items.map((i) => i.id)).toEqual(['1']);
  });

  it('answers 410 resyncRequired with a Location for an unknown token', async () => {
    const res = await t.app.get(`${listPath}/items/delta?token=not-a-real-token`);
    expect(res.status).toBe(410);
    expect(errorOf(res).code).toBe('resyncRequired');
    expect(res.headers.get('location')).toBe(`${t.sandbox.graphUrl}${listPath}/items/delta`);
  });
});
