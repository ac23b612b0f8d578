/**
 * The add-in's data over real HTTP: everything an agenda is composed from arrives in ONE request (a `$batch` that
 * addresses the site by its URL), and the agenda composed from it is the one the meeting side panel composes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgendaSourceData, siteAddress } from '../../../src/data/agenda-data.js';
import { paneAgenda } from '../../../src/addin/pane-model.js';
import { createAgendaKeuzesStore } from '../../../src/data/agendakeuzes-store.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { occurrenceKey } from '../../../src/domain/agenda.js';
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

  it("carries the secretary's choices, so the invitation lists what the card will list (issue 14.3)", async () => {
    const graph = sandbox.graph();
    const since = new Date('2026-07-01T00:00:00Z');
    const start = new Date('2026-12-08T08:00:00Z');
    const now = new Date('2026-12-05T08:00:00Z');
    const before = await loadAgendaSourceData(graph, sandbox.siteUrl, since);
    const before31 = paneAgenda(before, { mtKey: 'cmt', start, now })?.agenda;
    const actie = before.plan.acties.find((a) => a.value.nummer === '3.1');
    expect(before31?.overdue.map((a) => a.nummer)).toContain('3.1');
    await createAgendaKeuzesStore(graph, siteId).kiezen({
      vergadering: occurrenceKey('cmt', start),
      vergadermoment: start.toISOString(),
      actieId: actie?.id ?? '',
      actieNummer: '3.1',
      keuze: 'Niet nodig',
      reden: 'Besproken in de <b>stuurgroep</b>',
      op: now.toISOString(),
    });

    const after = await loadAgendaSourceData(graph, sandbox.siteUrl, since);
    expect(after.agendakeuzes.map((k) => [k.value.vergadering, k.value.keuze])).toEqual([
      [occurrenceKey('cmt', start), 'Niet nodig'],
    ]);
    const agenda = paneAgenda(after, { mtKey: 'cmt', start, now })?.agenda;
    expect(agenda?.overdue.map((a) => a.nummer)).not.toContain('3.1');
    expect(agenda?.nietNodig.map((a) => [a.nummer, a.reden])).toEqual([['3.1', 'Besproken in de <b>stuurgroep</b>']]);
    // Another meeting of the CMT, and another MT's same meeting date, keep 3.1 as the plan has it.
    const nextWeek = paneAgenda(after, { mtKey: 'cmt', start: new Date('2026-12-15T08:00:00Z'), now })?.agenda;
    expect(nextWeek?.overdue.map((a) => a.nummer)).toContain('3.1');
    expect(nextWeek?.nietNodig).toEqual([]);
  });
});
