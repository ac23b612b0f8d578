/**
 * The add-in's data over real HTTP: everything an agenda is composed from arrives in ONE request (a `$batch` that
 * addresses the site by its URL), and the agenda composed from it is the one the meeting side panel composes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgendaSourceData, siteAddress } from '../../../src/data/agenda-data.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  const mts = await sandbox
    .graph()
    .getAll<{ id: string; fields: { Sleutel: string } }>(
      `/sites/${siteId}/lists/MTs/items?$expand=fields($select=Sleutel)`,
    );
  const cmt = mts.find((m) => m.fields.Sleutel === 'cmt');
  await createBesluitenStore(sandbox.graph(), siteId).record(
    {
      tekst: 'Besluit <b>vorige</b> keer',
      vergadering: 'cmt|2026-11-17T08:00:00Z',
      mtId: cmt?.id ?? '',
      besproken: true,
      op: '2026-11-17T09:00:00Z',
    },
    'agenda-data-test-1',
  );
});
afterAll(async () => sandbox?.close());

describe('loadAgendaSourceData', () => {
  it('reads plan, portfolio, MTs, reminder log and decisions in one Graph request', async () => {
    const urls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    };
    const graph = sandbox.graph({ fetch: counting });
    const data = await loadAgendaSourceData(graph, sandbox.siteUrl, new Date('2026-07-01T00:00:00Z'));

    const graphRequests = urls.filter((u) => u.startsWith(sandbox.graphUrl));
    expect(graphRequests).toHaveLength(1);
    expect(graphRequests[0]).toBe(`${sandbox.graphUrl}/$batch`);
    expect(data.plan.acties).toHaveLength(33);
    expect(data.mts.map((m) => m.value.key).sort()).toEqual([
      'cmt',
      'mt-bedrijfsvoering',
      'mt-dienstverlening',
      'mt-fysiek-domein',
      'mt-sociaal-domein',
    ]);
    expect(data.portfolio.items.length).toBeGreaterThan(0);
    expect(data.besluiten.map((b) => b.value.tekst)).toEqual(['Besluit <b>vorige</b> keer']);
    // The open escalations to the CMT travel in the same $batch (none on a freshly seeded site).
    expect(data.agenderingen).toEqual([]);
  });

  it('addresses the site by host and path, and a wrong site fails with a typed error', async () => {
    expect(siteAddress('https://contoso.sharepoint.com/sites/actieplan/')).toBe(
      'contoso.sharepoint.com:/sites/actieplan:',
    );
    const wrong = sandbox.siteUrl.replace(/actieplan$/, 'bestaat-niet');
    await expect(loadAgendaSourceData(sandbox.graph(), wrong, new Date())).rejects.toMatchObject({ status: 404 });
  });
});
