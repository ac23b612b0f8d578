/**
 * Borging of advies 11.5 over real HTTP: the reminder log is written the way the reminder job writes it (claim, then
 * markSent with the agenda's snapshot, markDiscussed from the card), decisions through the besluiten store, and the
 * figures are computed from what `loadReportData` reads back. The expected figures are counted by hand from the
 * writes below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, occurrenceKey, serializeSnapshot, snapshotOf } from '../../../src/domain/agenda.js';
import { besluitenLog } from '../../../src/domain/besluitenlog.js';
import { borging } from '../../../src/domain/borging.js';
import type { MT } from '../../../src/domain/model.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import { loadPlan, type LoadedPlan } from '../../../src/data/plan-store.js';
import { besluitenLogInputOf, borgingInputOf, loadReportData } from '../../../src/data/report-data.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;
let plan: LoadedPlan;
let mtA: Loaded<MT>;
let mtB: Loaded<MT>;
let secretaris: string;

const idOf = (nummer: string): string => {
  const found = plan.acties.find((a) => a.value.nummer === nummer);
  if (!found) throw new Error(`no action ${nummer}`);
  return found.id;
};

/** Meetings of MT A (Bedrijfsvoering) and MT B (Sociaal Domein), in the order they happen. */
const A = ['2025-03-05T09:00:00Z', '2025-03-12T09:00:00Z', '2025-03-19T09:00:00Z', '2025-03-26T09:00:00Z'];
const B = [
  '2025-03-06T12:00:00Z',
  '2025-03-13T12:00:00Z',
  '2025-03-20T12:00:00Z',
  '2025-03-27T12:00:00Z',
  '2025-04-03T12:00:00Z',
];
/** A meeting of B held with the side panel only: no reminder was logged for it. */
const B_ZONDER_HERINNERING = '2025-04-10T12:00:00Z';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // The writes below change shared actions' own fields as an edit in SharePoint does; without rows per domain the
  // live plan shows those fields rather than the rows' roll-up.
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl, { domeinVoortgang: false });
  const graph = sandbox.graph();
  plan = await loadPlan(graph, siteId);
  const first = await loadReportData(graph, siteId, { histories: false });
  mtA = first.mts.find((m) => m.value.key === 'mt-bedrijfsvoering')!;
  mtB = first.mts.find((m) => m.value.key === 'mt-sociaal-domein')!;
  secretaris = [...first.mensen].find(([, naam]) => naam === 'Gemeentesecretaris')![0];
  const patch = (nummer: string, fields: Record<string, unknown>) =>
    graph.patch(`/sites/${siteId}/lists/Acties/items/${idOf(nummer)}/fields`, fields);

  // Both MTs see the actions of all four business domains: 1.1, 3.3, 5.1, 6.1, 6.2, 7.1, 7.2 and 11.5. Close all but
  // three, so exactly these stay open on the agendas: 6.1 (never changes), 6.2 (changes between A's 2nd and 3rd
  // meeting) and 5.1 (unchanged through every meeting, changed after the last one).
  for (const nummer of ['1.1', '3.3', '7.1', '7.2', '11.5']) await patch(nummer, { Status: 'Afgerond' });

  const herinneringen = createHerinneringenStore(graph, siteId);
  const besluiten = createBesluitenStore(graph, siteId);
  /** One meeting as the reminder job logs it: claim, then (unless it stays claimed) send with a snapshot or fail. */
  async function meeting(
    mt: Loaded<MT>,
    start: string,
    outcome: 'verzonden' | 'mislukt' | 'geclaimd',
    besprokenOp?: string,
  ): Promise<void> {
    const at = new Date(start);
    const claimed = await herinneringen.claim({
      sleutel: occurrenceKey(mt.value.key, at),
      mtId: mt.id,
      mtNaam: mt.value.naam,
      moment: isoInstant(at),
      claimant: `test-${start}`,
    });
    if (!claimed.won) throw new Error(`claim of ${start} lost`);
    if (outcome === 'geclaimd') return;
    if (outcome === 'mislukt') {
      await herinneringen.markFailed(claimed.item, 'Kanaal niet bereikbaar');
      return;
    }
    const now = await loadPlan(graph, siteId);
    const snapshot = snapshotOf({
      mt: mt.value,
      occurrenceStart: at,
      now: new Date(at.getTime() - 86_400_000),
      acties: now.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value })),
    });
    const sent = await herinneringen.markSent(claimed.item, `bericht-${start}`, serializeSnapshot(snapshot));
    if (besprokenOp) await herinneringen.markDiscussed(sent, secretaris, besprokenOp);
  }

  await meeting(mtA, A[0]!, 'verzonden', '2025-03-05T10:00:00Z');
  await meeting(mtB, B[0]!, 'verzonden');
  await meeting(mtA, A[1]!, 'verzonden');
  await besluiten.record(
    {
      tekst: '',
      vergadering: occurrenceKey('mt-bedrijfsvoering', new Date(A[1]!)),
      mtId: mtA.id,
      actieId: idOf('6.1'),
      besproken: true,
      op: '2025-03-12T09:30:00Z',
    },
    'a2-vink',
  );
  await meeting(mtB, B[1]!, 'verzonden', '2025-03-13T13:00:00Z');
  await patch('6.2', { Status: 'Loopt' });
  await meeting(mtA, A[2]!, 'verzonden', '2025-03-19T10:00:00Z');
  await besluiten.record(
    {
      tekst: 'Leverancier zaaksysteem kiezen',
      vergadering: occurrenceKey('mt-bedrijfsvoering', new Date(A[2]!)),
      mtId: mtA.id,
      actieId: idOf('6.2'),
      besproken: true,
      doorId: secretaris,
      op: '2025-03-19T09:40:00Z',
    },
    'a3-besluit-1',
  );
  await besluiten.record(
    {
      tekst: 'Budget aanvragen',
      vergadering: occurrenceKey('mt-bedrijfsvoering', new Date(A[2]!)),
      mtId: mtA.id,
      besproken: false,
      op: '2025-03-19T09:45:00Z',
    },
    'a3-besluit-2',
  );
  await meeting(mtB, B[2]!, 'mislukt');
  await meeting(mtA, A[3]!, 'verzonden');
  await meeting(mtB, B[3]!, 'verzonden');
  await meeting(mtB, B[4]!, 'geclaimd');
  await besluiten.record(
    {
      tekst: 'Digitalisering blijft vast agendapunt',
      vergadering: occurrenceKey('mt-sociaal-domein', new Date(B_ZONDER_HERINNERING)),
      mtId: mtB.id,
      besproken: true,
      op: '2025-04-10T12:30:00Z',
    },
    'b-paneel',
  );
  // After the last meeting someone updates 5.1: it is no longer standing still.
  await patch('5.1', { StatusToelichting: 'Opdracht uitgezet' });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('borging of advies 11.5, from the lists read back', () => {
  it('counts per MT the meetings, sent, failed, discussed, decisions and ticks, and exactly the standing-still action', async () => {
    const data = await loadReportData(sandbox.graph(), siteId, { histories: false });
    expect(data.herinneringen).toHaveLength(A.length + B.length);
    expect(data.besluiten).toHaveLength(4);
    const result = borging(borgingInputOf(data, new Date('2025-05-01T00:00:00Z')));
    const a = result.find((r) => r.mtKey === 'mt-bedrijfsvoering')!;
    const b = result.find((r) => r.mtKey === 'mt-sociaal-domein')!;

    // A: four meetings, all sent; discussed: 1st (card), 2nd (tick), 3rd (card and decisions); not the 4th.
    expect(a).toMatchObject({
      mtId: mtA.id,
      naam: 'MT Bedrijfsvoering',
      vergaderingen: 4,
      verzonden: 4,
      mislukt: 0,
      besproken: 3,
      besluiten: 2,
      afgevinkt: 2,
      besprokenPercent: 75,
    });
    expect(a.laatsteVergadering).toBe(new Date(A[3]!).toISOString());
    // 6.1 sat unchanged through all four agendas; 6.2 changed before the 3rd; 5.1 changed after the 4th.
    expect(a.stilstaand).toEqual([
      {
        id: idOf('6.1'),
        nummer: '6.1',
        titel: plan.acties.find((x) => x.id === idOf('6.1'))!.value.titel,
        status: 'Niet gestart',
        vergaderingen: 4,
        sinds: A[0],
      },
    ]);

    // B: five logged meetings (3 sent, 1 failed, 1 still claimed) plus one held with the side panel only.
    // Discussed: the 2nd (card) and the side-panel meeting (decision with tick); of the 3 sent, 1 was discussed.
    expect(b).toMatchObject({
      mtId: mtB.id,
      naam: 'MT Sociaal Domein',
      vergaderingen: 6,
      verzonden: 3,
      mislukt: 1,
      besproken: 2,
      besluiten: 1,
      afgevinkt: 1,
      besprokenPercent: 33,
    });
    expect(b.laatsteVergadering).toBe(new Date(B_ZONDER_HERINNERING).toISOString());
    // Its three sent agendas all showed 6.1 the same way; 6.2 changed between its 2nd and 3rd sent agenda.
    expect(b.stilstaand.map((s) => [s.nummer, s.vergaderingen, s.sinds])).toEqual([['6.1', 3, B[0]]]);

    // The other MTs got no reminders.
    for (const other of result.filter((r) => r !== a && r !== b))
      expect(other).toMatchObject({ vergaderingen: 0, verzonden: 0, besproken: 0, stilstaand: [] });
  });

  it('counts only what happened up to the date', async () => {
    const data = await loadReportData(sandbox.graph(), siteId, { histories: false });
    const result = borging(borgingInputOf(data, new Date('2025-03-16T00:00:00Z')));
    const a = result.find((r) => r.mtKey === 'mt-bedrijfsvoering')!;
    const b = result.find((r) => r.mtKey === 'mt-sociaal-domein')!;
    expect(a).toMatchObject({
      vergaderingen: 2,
      verzonden: 2,
      besproken: 2,
      besluiten: 0,
      afgevinkt: 1,
      stilstaand: [],
    });
    expect(b).toMatchObject({
      vergaderingen: 2,
      verzonden: 2,
      mislukt: 0,
      besproken: 1,
      besluiten: 0,
      afgevinkt: 0,
      stilstaand: [],
    });
  });

  it('reads the whole logs through the stores too, in the same order as the report', async () => {
    const graph = sandbox.graph();
    const data = await loadReportData(graph, siteId, { histories: false });
    const log = await createHerinneringenStore(graph, siteId).all();
    expect(log.map((h) => h.value.moment)).toEqual([...A, ...B].sort().reverse());
    expect(log.map((h) => h.id)).toEqual(data.herinneringen.map((h) => h.id));
    expect(log.filter((h) => h.value.status === 'verzonden')).toHaveLength(7);
    const besluiten = await createBesluitenStore(graph, siteId).all();
    expect(besluiten.map((x) => x.value.clientKey)).toEqual(['a2-vink', 'a3-besluit-1', 'a3-besluit-2', 'b-paneel']);
    expect(besluiten.map((x) => x.id)).toEqual(data.besluiten.map((x) => x.id));
  });

  it('gives the decision log with MT, action and person resolved', async () => {
    const data = await loadReportData(sandbox.graph(), siteId, { histories: false });
    const log = besluitenLog(besluitenLogInputOf(data));
    expect(log.map((e) => [e.mt?.key, e.tekst, e.besproken, e.actie?.nummer, e.door])).toEqual([
      ['mt-sociaal-domein', 'Digitalisering blijft vast agendapunt', true, undefined, undefined],
      ['mt-bedrijfsvoering', 'Leverancier zaaksysteem kiezen', true, '6.2', 'Gemeentesecretaris'],
      ['mt-bedrijfsvoering', 'Budget aanvragen', false, undefined, undefined],
      ['mt-bedrijfsvoering', '', true, '6.1', undefined],
    ]);
    expect(log[3]?.vergadering).toBe(A[1]);
  });
});
