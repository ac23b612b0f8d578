import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestSandbox, type Item, type TestSandbox } from './helpers.js';

const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
type Page = { value: Item[]; '@odata.nextLink'?: string };

describe('sandbox item queries', () => {
  let t: TestSandbox;
  let base: string;
  const TOTAL = 450;

  /** Creates many items quickly through $batch (20 per batch). */
  async function seed(count: number): Promise<void> {
    const statuses = ['Niet gestart', 'Loopt', 'Afgerond'];
    for (let start = 1; start <= count; start += 20) {
      const requests = [];
      for (let n = start; n < Math.min(start + 20, count + 1); n += 1) {
        requests.push({
          id: String(n),
          method: 'POST',
          url: `${base}/items`,
          headers: { 'Content-Type': 'application/json' },
          body: {
            fields: {
              Title: `Item ${String(n).padStart(3, '0')}`,
              Volgnummer: n,
              Groep: n % 10,
              Status: statuses[n % 3],
              Naam: n === 7 ? "O'Brien" : `naam-${n}`,
              Deadline: `2025-${String((n % 12) + 1).padStart(2, '0')}-15`,
              'Domeinen@odata.type': 'Collection(Edm.String)',
              Domeinen: ['Concern'],
            },
          },
        });
      }
      const res = await t.app.post('/$batch', { requests });
      const failed = (res.body as { responses: Array<{ status: number }> }).responses.filter((r) => r.status !== 201);
      if (res.status !== 200 || failed.length > 0) throw new Error(`seeding failed: ${res.text.slice(0, 500)}`);
    }
  }

  async function readAll(
    firstUrl: string,
    headers?: Record<string, string>,
  ): Promise<{ pages: Page[]; items: Item[] }> {
    const pages: Page[] = [];
    let url: string | undefined = firstUrl;
    while (url) {
      const res = await t.app.get(url, headers);
      if (res.status !== 200) throw new Error(`page failed: ${res.status} ${res.text}`);
      const page = res.body as Page;
      pages.push(page);
      url = page['@odata.nextLink'];
      if (pages.length > 50) throw new Error('too many pages');
    }
    return { pages, items: pages.flatMap((p) => p.value) };
  }

  beforeAll(async () => {
    t = await startTestSandbox();
    const siteId = await t.app.siteId();
    const listId = await t.app.createList('Acties', [
      { name: 'Volgnummer', number: {}, indexed: true },
      { name: 'Groep', number: {} },
      { name: 'Status', choice: { choices: ['Niet gestart', 'Loopt', 'Afgerond'] }, indexed: true },
      { name: 'Naam', text: {}, indexed: true },
      { name: 'Deadline', dateTime: { format: 'dateOnly' }, indexed: true },
      { name: 'Domeinen', choice: { choices: ['Concern', 'Sociaal Domein'], displayAs: 'checkBoxes' } },
    ]);
    base = `/sites/${siteId}/lists/${listId}`;
    await seed(TOTAL);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('pages 450 items with $top=200 into 3 pages through absolute nextLinks, none twice, none missing', async () => {
    const { pages, items } = await readAll(`${base}/items?$expand=fields($select=Title,Volgnummer)&$top=200`);
    expect(pages.map((p) => p.value.length)).toEqual([200, 200, 50]);
    const first = pages[0]!['@odata.nextLink']!;
    expect(first.startsWith(`${t.sandbox.graphUrl}/sites/`)).toBe(true);
    expect(first).toContain('$skiptoken=');
    expect(decodeURIComponent(first)).toContain('$expand=fields($select=Title,Volgnummer)');
    expect(first).toContain('$top=200');
    expect(pages[2]!['@odata.nextLink']).toBeUndefined();
    const ids = items.map((i) => Number(i.id));
    expect(new Set(ids).size).toBe(TOTAL);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(items[0]!.fields).toEqual({ '@odata.etag': items[0]!.eTag, Title: 'Item 001', Volgnummer: 1 });
  });

  it('pages a filter without $orderby in id order by key: every match once, none missing, pages full until the last', async () => {
    const { pages, items } = await readAll(
      `${base}/items?$filter=fields/Status eq 'Loopt'&$expand=fields($select=Volgnummer)&$top=40`,
    );
    const expected = Array.from({ length: TOTAL }, (_, i) => i + 1).filter((n) => n % 3 === 1);
    expect(items.map((i) => Number(i.id))).toEqual(expected);
    expect(pages.slice(0, -1).every((p) => p.value.length === 40)).toBe(true);
    expect(pages.at(-1)!.value.length).toBe(expected.length - 40 * (pages.length - 1));
  });

  it('uses 200 as the default page size and leaves fields out unless expanded', async () => {
    const res = await t.app.get(`${base}/items`);
    const page = res.body as Page;
    expect(page.value).toHaveLength(200);
    expect(page['@odata.nextLink']).toBeDefined();
    expect(page.value[0]!.fields).toBeUndefined();
    expect(page.value[0]!.eTag).toBeDefined();
  });

  it('keeps paging stable when items are added between pages', async () => {
    const firstPage = (await t.app.get(`${base}/items?$orderby=fields/Volgnummer desc&$top=100`)).body as Page;
    const added = await t.app.post(`${base}/items`, { fields: { Title: 'Nieuw', Volgnummer: 10_000 } });
    expect(added.status).toBe(201);
    const { items: rest } = await readAll(firstPage['@odata.nextLink']!);
    const ids = [...firstPage.value, ...rest].map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain((added.body as Item).id);
    expect(ids).toHaveLength(TOTAL);
    expect((await t.app.delete(`${base}/items/${(added.body as Item).id}`)).status).toBe(204);
  });

  it('refuses a tampered or foreign skiptoken', async () => {
    const page = (await t.app.get(`${base}/items?$top=10`)).body as Page;
    const foreign = page['@odata.nextLink']!.replace('$top=10', '$top=10&$filter=id gt 3');
    expect((await t.app.get(foreign)).status).toBe(400);
    expect((await t.app.get(`${base}/items?$skiptoken=bogus`)).status).toBe(400);
    expect((await t.app.get(`${base}/items?$skip=10`)).status).toBe(400);
  });

  it('filters on indexed columns with eq, ranges, and/or, not, startswith', async () => {
    const q = (filter: string, headers?: Record<string, string>) =>
      readAll(`${base}/items?$expand=fields&$top=500&$filter=${encodeURIComponent(filter)}`, headers);
    expect((await q("fields/Status eq 'Loopt'")).items).toHaveLength(150);
    expect(
      (await q('fields/Volgnummer ge 100 and fields/Volgnummer lt 110')).items.map((i) => i.fields['Volgnummer']),
    ).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    // and binds tighter than or: item 2 is 'Afgerond', so only item 1 matches.
    expect(
      (await q("fields/Volgnummer eq 1 or fields/Volgnummer eq 2 and fields/Status eq 'Loopt'")).items.map((i) => i.id),
    ).toEqual(['1']);
    expect(
      (await q("fields/Volgnummer eq 1 or fields/Volgnummer eq 2 and fields/Status eq 'Afgerond'")).items.map(
        (i) => i.id,
      ),
    ).toEqual(['1', '2']);
    expect(
      (await q("(fields/Volgnummer eq 1 or fields/Volgnummer eq 2) and fields/Status eq 'Loopt'")).items.map(
        (i) => i.id,
      ),
    ).toEqual(['1']);
    expect((await q("not (fields/Status eq 'Loopt') and fields/Volgnummer le 6")).items.map((i) => i.id)).toEqual([
      '2',
      '3',
      '5',
      '6',
    ]);
    expect((await q("fields/Naam eq 'O''Brien'")).items.map((i) => i.id)).toEqual(['7']);
    expect((await q("startswith(fields/Naam,'NAAM-44')")).items.map((i) => i.id)).toEqual([
      '44',
      '440',
      '441',
      '442',
      '443',
      '444',
      '445',
      '446',
      '447',
      '448',
      '449',
    ]);
    expect((await q("startswith(fields/Title,'Item 44')", PREFER)).items.map((i) => i.id)).toEqual([
      '440',
      '441',
      '442',
      '443',
      '444',
      '445',
      '446',
      '447',
      '448',
      '449',
    ]);
    expect((await q('id le 3')).items.map((i) => i.id)).toEqual(['1', '2', '3']);
  });

  it('filters dateOnly columns with quoted and unquoted dateTime literals', async () => {
    const q = async (filter: string) =>
      (await readAll(`${base}/items?$expand=fields&$top=500&$filter=${encodeURIComponent(filter)}`)).items
        .filter((i) => Number(i.id) <= 24)
        .map((i) => i.id);
    // Items n with (n % 12) + 1 === 6 have their deadline on 15 June 2025: n = 5 and 17.
    expect(await q("fields/Deadline eq '2025-06-15'")).toEqual(['5', '17']);
    expect(await q('fields/Deadline eq 2025-06-14T22:00:00Z')).toEqual(['5', '17']);
    expect(await q("fields/Deadline ge '2025-12-01T00:00:00Z'")).toEqual(['11', '23']);
  });

  it("refuses a filter on a column that is not indexed, with SharePoint's message, unless Prefer allows it", async () => {
    const url = `${base}/items?$filter=${encodeURIComponent('fields/Groep eq 3')}&$top=500`;
    const refused = await t.app.get(url);
    expect(refused.status).toBe(400);
    expect(errorOf(refused).code).toBe('invalidRequest');
    expect(errorOf(refused).message).toBe(
      "Field 'Groep' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    const allowed = await t.app.get(url, PREFER);
    expect(allowed.status).toBe(200);
    expect((allowed.body as Page).value).toHaveLength(45);

    expect((await t.app.get(`${base}/items?$orderby=fields/Groep`)).status).toBe(400);
    expect((await t.app.get(`${base}/items?$filter=${encodeURIComponent("fields/Title eq 'Item 001'")}`)).status).toBe(
      400,
    );
  });

  it('refuses unknown fields, multi-value fields and syntax errors with 400 naming the position', async () => {
    const q = (filter: string) => t.app.get(`${base}/items?$filter=${encodeURIComponent(filter)}`, PREFER);
    const unknown = await q("fields/Bestaatniet eq 'x'");
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toContain('Bestaatniet');
    const multi = await q("fields/Domeinen eq 'Concern'");
    expect(multi.status).toBe(400);
    expect(errorOf(multi).message).toContain('Domeinen');
    const syntax = await q("fields/Status eq 'Loopt' and");
    expect(syntax.status).toBe(400);
    expect(errorOf(syntax).message).toContain('position 28');
    const typeMismatch = await q("fields/Volgnummer eq 'abc'");
    expect(typeMismatch.status).toBe(400);
  });

  it('orders by one or more fields, ascending and descending, and pages in that order', async () => {
    const { items } = await readAll(
      `${base}/items?$expand=fields($select=Volgnummer,Status)&$orderby=fields/Status desc,fields/Volgnummer desc&$top=100`,
    );
    expect(items).toHaveLength(TOTAL);
    const statuses = items.map((i) => String(i.fields['Status']));
    expect(statuses[0]).toBe('Niet gestart');
    expect(statuses[TOTAL - 1]).toBe('Afgerond');
    const nietGestart = items
      .filter((i) => i.fields['Status'] === 'Niet gestart')
      .map((i) => Number(i.fields['Volgnummer']));
    expect(nietGestart).toEqual([...nietGestart].sort((a, b) => b - a));
    expect(new Set(items.map((i) => i.id)).size).toBe(TOTAL);

    const asc = (await t.app.get(`${base}/items?$expand=fields&$orderby=fields/Volgnummer asc&$top=3`)).body as Page;
    expect(asc.value.map((i) => i.fields['Volgnummer'])).toEqual([1, 2, 3]);
  });

  it('supports a top-level $select and refuses unknown properties', async () => {
    const res = await t.app.get(`${base}/items?$select=id,eTag&$top=2`);
    expect(res.status).toBe(200);
    const item = (res.body as Page).value[0] as unknown as Record<string, unknown>;
    expect(Object.keys(item).sort()).toEqual(['@odata.etag', 'eTag', 'id']);
    expect((await t.app.get(`${base}/items?$select=bestaatniet`)).status).toBe(400);
  });
});
