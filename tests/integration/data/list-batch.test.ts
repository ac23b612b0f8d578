import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendBatch } from '../../../src/data/graph/batch.js';
import { LIST_PAGE_SIZE, readListsInOneBatch, type ListRead } from '../../../src/data/list-batch.js';
import { adviesFieldNames } from '../../../src/data/lists/adviezen.js';
import { portfolioFieldNames } from '../../../src/data/lists/portfolio.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

/** More items than a page of 999, the page size before: the Portfolio list is filled up to this. */
const PORTFOLIO_ITEMS = 1200;

let sandbox: TestSandbox;
let siteId: string;
const READS: ListRead[] = [
  { id: 'portfolio', list: 'Portfolio', fields: portfolioFieldNames },
  { id: 'adviezen', list: 'Adviezen', fields: adviesFieldNames },
];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  const graph = sandbox.graph();
  const present = (await graph.getAll(`/sites/${siteId}/lists/Portfolio/items?$select=id&$top=999`)).length;
  const answers = await sendBatch(
    graph,
    Array.from({ length: PORTFOLIO_ITEMS - present }, (_, i) => ({
      id: String(i),
      method: 'POST' as const,
      url: `/sites/${siteId}/lists/Portfolio/items`,
      body: {
        fields: {
          Title: `Initiatief ${i}`,
          Domein: 'Concern',
          Fase: 'Uitvoering',
          Status: 'Op koers',
          Prioriteit: i + 100,
          DitKwartaal: 'wel',
          ClientKey: `lb:${i}`,
        },
      },
    })),
  );
  expect(answers.filter((a) => a.status !== 201)).toEqual([]);
});
afterAll(async () => {
  await sandbox?.close();
});

/** The Graph requests a client makes (token requests left out), as `METHOD path`. */
function countingFetch(calls: string[], next: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/oauth2/')) calls.push(`${init?.method ?? 'GET'} ${url.slice(sandbox.graphUrl.length)}`);
    return next(input, init);
  };
}

describe('several lists in one $batch (readListsInOneBatch)', () => {
  it(`reads a list of ${PORTFOLIO_ITEMS} items in the $batch itself: pages of up to ${LIST_PAGE_SIZE} items`, async () => {
    const calls: string[] = [];
    const items = await readListsInOneBatch(sandbox.graph({ fetch: countingFetch(calls) }), siteId, READS);
    expect(items['portfolio']).toHaveLength(PORTFOLIO_ITEMS);
    expect(items['adviezen']).toHaveLength(11);
    // One request: with pages of 999 the Portfolio list took a second one after the $batch.
    expect(calls).toEqual(['POST /$batch']);
  });

  it('follows each list’s @odata.nextLink when Graph hands out smaller pages than asked for', async () => {
    // Graph may answer a page with fewer items than `$top`. This fetch plays one that pages list items 500 at a time:
    // it cuts each answer (inside the $batch and on its own) to 500 items with a nextLink, and serves that link from
    // the full answer. The reader must follow every list's links and end with the same items.
    const PAGE = 500;
    const paging: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const cut = (path: string, from: number, body: { value?: unknown[]; '@odata.nextLink'?: string }) => {
        const all = body.value ?? [];
        body.value = all.slice(from, from + PAGE);
        if (all.length > from + PAGE)
          body['@odata.nextLink'] = `${sandbox.graphUrl}${path}&$skiptoken=page-${from + PAGE}`;
        return body;
      };
      if (url.endsWith('/$batch') && typeof init?.body === 'string') {
        const requested = new Map(
          (JSON.parse(init.body) as { requests: { id: string; url: string }[] }).requests.map((r) => [r.id, r.url]),
        );
        const envelope = (await (await fetch(input, init)).json()) as {
          responses: { id: string; status: number; body?: { value?: unknown[] } }[];
        };
        for (const r of envelope.responses)
          if (r.status === 200 && r.body) r.body = cut(requested.get(r.id) ?? '', 0, r.body);
        return Response.json(envelope);
      }
      const m = /&\$skiptoken=page-(\d+)$/.exec(url);
      if (!m) return fetch(input, init);
      const full = url.slice(0, m.index);
      const body = (await (await fetch(full, init)).json()) as { value?: unknown[] };
      return Response.json(cut(full.slice(sandbox.graphUrl.length), Number(m[1]), body));
    };
    const unpaged = await readListsInOneBatch(sandbox.graph(), siteId, READS);
    const calls: string[] = [];
    const paged = await readListsInOneBatch(sandbox.graph({ fetch: countingFetch(calls, paging) }), siteId, READS);
    expect(paged).toEqual(unpaged);
    // The $batch, then the Portfolio list's two further pages (500 + 500 + 200); Adviezen fits in one.
    expect(calls).toHaveLength(3);
    expect(calls.filter((c) => c.includes('/lists/Portfolio/items')).length).toBe(2);
  });
});
