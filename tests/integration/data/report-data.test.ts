/**
 * Progress reporting over real HTTP: a sandbox whose clock the test sets stamps every write, so the version history
 * the report reads back holds exactly the instants the test chose. The expected figures below are worked out by hand
 * from the seeded plan and the writes in `beforeAll`, not by the functions under test.
 */
import { reportPdfBuffer } from '../../../src/reporting/pdf-node.js';
import { readPdf } from '../../support/documents/pdf-text.js';
import {
  adviesSection,
  checkAdviesCounts,
  checkAdviesHeadings,
  expectedAdviezen,
} from '../../unit/reporting/report-check.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDateToInstant } from '../../../src/domain/dates.js';
import type { ActieStatus } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { planAt, trendPerMonth, voortgangAt } from '../../../src/domain/report.js';
import type { ProgressCounts } from '../../../src/domain/rules.js';
import { loadPlan, type LoadedPlan } from '../../../src/data/plan-store.js';
import { loadActieHistories, loadReportData, voortgangInputOf } from '../../../src/data/report-data.js';
import { startTestSandbox, testClock, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

const SEEDED = '2025-01-15T09:00:00Z';
/** The writes, at instants in UTC; the comment gives the Amsterdam date that decides the month. */
const WRITES: { at: string; nummer: string; fields: Record<string, unknown> }[] = [
  { at: '2025-02-10T09:00:00Z', nummer: '1.1', fields: { Status: 'Loopt' } }, // 10 Feb 10:00
  { at: '2025-02-10T09:00:00Z', nummer: '3.1', fields: { Status: 'Loopt' } },
  { at: '2025-03-15T09:00:00Z', nummer: '1.1', fields: { Status: 'Afgerond' } }, // 15 Mar 10:00
  {
    at: '2025-03-15T09:00:00Z',
    nummer: '8.1',
    fields: { Status: 'Geblokkeerd', StatusToelichting: 'Wacht op budget' },
  },
  { at: '2025-03-15T09:00:00Z', nummer: '5.1', fields: { Deadline: calendarDateToInstant('2025-04-15') } },
  { at: '2025-03-20T09:00:00Z', nummer: '3.1', fields: { Status: 'Afgerond' } }, // 20 Mar 10:00
  { at: '2025-03-20T09:00:00Z', nummer: '4.1', fields: { Status: 'Loopt' } },
  { at: '2025-03-31T21:30:00Z', nummer: '6.1', fields: { Status: 'Loopt' } }, // 31 Mar 23:30 (CEST): still March
  // April: nothing written.
  { at: '2025-04-30T22:30:00Z', nummer: '6.2', fields: { Status: 'Loopt' } }, // 1 May 00:30 (CEST): May, not April
  { at: '2025-05-02T08:00:00Z', nummer: '8.1', fields: { Status: 'Loopt' } }, // 2 May 10:00
  { at: '2025-05-02T08:00:00Z', nummer: '3.2', fields: { Status: 'Loopt' } }, // and done within the same second
  { at: '2025-05-02T08:00:00Z', nummer: '3.2', fields: { Status: 'Afgerond' } },
];
const NOW = '2025-06-02T10:00:00Z';

const clock = testClock(SEEDED);
let sandbox: TestSandbox;
let siteId: string;
let plan: LoadedPlan;
const idOf = (nummer: string): string => {
  const found = plan.acties.find((a) => a.value.nummer === nummer);
  if (!found) throw new Error(`no action ${nummer}`);
  return found.id;
};

beforeAll(async () => {
  sandbox = await startTestSandbox(undefined, { now: clock.now });
  // The writes below change shared actions' own Status (1.1, 6.1, 6.2), as an edit in SharePoint does; without rows per
  // domain the live plan shows that status instead of the rows' roll-up, so history and live plan can be compared.
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl, { domeinVoortgang: false });
  plan = await loadPlan(sandbox.graph(), siteId);
  const graph = sandbox.graph();
  for (const w of WRITES) {
    clock.set(w.at);
    await graph.patch(`/sites/${siteId}/lists/Acties/items/${idOf(w.nummer)}/fields`, w.fields);
  }
  clock.set(NOW);
  plan = await loadPlan(graph, siteId);
});
afterAll(async () => {
  await sandbox?.close();
});

/** Counts the Graph requests a client makes (token requests left out). */
function countingGraph(): { graph: ReturnType<TestSandbox['graph']>; calls: string[] } {
  const calls: string[] = [];
  const counting: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/oauth2/')) calls.push(`${init?.method ?? 'GET'} ${url.slice(sandbox.graphUrl.length)}`);
    return fetch(input, init);
  };
  return { graph: sandbox.graph({ fetch: counting }), calls };
}

const counts = (c: Omit<ProgressCounts, 'percentAfgerond' | 'total'>): Omit<ProgressCounts, 'percentAfgerond'> => ({
  total: c.afgerond + c.lopend + c.geblokkeerd + c.nietOvergenomen + c.nietGestart,
  ...c,
});

describe('the version history of the actions', () => {
  it('reads every version of every action, each mapped to the action as it then was', async () => {
    const histories = await loadActieHistories(sandbox.graph(), siteId, plan);
    expect(histories).toHaveLength(33);
    const h11 = histories.find((h) => h.id === idOf('1.1'))!;
    // Oldest first: the seed's version(s) in January, then the two writes.
    const tail = h11.revisions.slice(-2).map((r) => [r.modified, r.value.status]);
    expect(tail).toEqual([
      ['2025-02-10T09:00:00Z', 'Loopt'],
      ['2025-03-15T09:00:00Z', 'Afgerond'],
    ]);
    expect(h11.revisions.slice(0, -2).every((r) => r.modified === SEEDED && r.value.status === 'Niet gestart')).toBe(
      true,
    );
    // Untouched since seeding: every version is from the seed.
    const h12 = histories.find((h) => h.id === idOf('1.2'))!;
    expect(h12.revisions.every((r) => r.modified === SEEDED)).toBe(true);
    // The newest version of each action reads exactly like the live item (lookups, people and dependencies resolved).
    for (const h of histories) {
      const live = plan.acties.find((a) => a.id === h.id)!;
      expect(h.revisions.at(-1)?.value, `action ${live.value.nummer}`).toEqual(live.value);
      expect(h.revisions.flatMap((r) => r.problems)).toEqual([]);
    }
    // Dependencies come through as action numbers in the versions too.
    const withDeps = zoetermeerPlan.acties.filter((a) => a.afhankelijkVan.length > 0);
    expect(withDeps.length).toBeGreaterThan(0);
    for (const a of withDeps) {
      expect(
        histories
          .find((h) => h.id === idOf(a.nummer))
          ?.revisions.at(-1)
          ?.value.afhankelijkVan.slice()
          .sort(),
      ).toEqual(a.afhankelijkVan.slice().sort());
    }
  });

  it('gives the trend per month with the counts the writes imply, also for a month without writes', async () => {
    const histories = await loadActieHistories(sandbox.graph(), siteId, plan);
    const trend = trendPerMonth(histories, '2025-05-31');
    expect(trend.map((p) => [p.maand, p.peildatum])).toEqual([
      ['2025-01', '2025-01-31'],
      ['2025-02', '2025-02-28'],
      ['2025-03', '2025-03-31'],
      ['2025-04', '2025-04-30'],
      ['2025-05', '2025-05-31'],
    ]);
    // Seeded: 14 Niet gestart, 17 Belegd in lopend traject and 11.5 Loopt (both counted as lopend), 1 Niet overgenomen.
    const seeded = (s: ActieStatus) => zoetermeerPlan.acties.filter((a) => a.status === s).length;
    expect([
      seeded('Niet gestart'),
      seeded('Belegd in lopend traject'),
      seeded('Loopt'),
      seeded('Niet overgenomen'),
    ]).toEqual([14, 17, 1, 1]);
    const expected = [
      {
        ...counts({ afgerond: 0, lopend: 18, geblokkeerd: 0, nietOvergenomen: 1, nietGestart: 14, achterstallig: 0 }),
        percentAfgerond: 0,
      },
      // Feb: 1.1 and 3.1 start.
      {
        ...counts({ afgerond: 0, lopend: 20, geblokkeerd: 0, nietOvergenomen: 1, nietGestart: 12, achterstallig: 0 }),
        percentAfgerond: 0,
      },
      // Mar: 1.1 and 3.1 done, 8.1 blocked, 4.1 and 6.1 (late on the 31st) start; 5.1's deadline moves to 15 April.
      {
        ...counts({ afgerond: 2, lopend: 20, geblokkeerd: 1, nietOvergenomen: 1, nietGestart: 9, achterstallig: 0 }),
        percentAfgerond: 6,
      },
      // Apr: no writes; 5.1 (Niet gestart) is now past its deadline.
      {
        ...counts({ afgerond: 2, lopend: 20, geblokkeerd: 1, nietOvergenomen: 1, nietGestart: 9, achterstallig: 1 }),
        percentAfgerond: 6,
      },
      // May: 6.2 starts just after midnight on 1 May, 8.1 runs again, 3.2 done.
      {
        ...counts({ afgerond: 3, lopend: 22, geblokkeerd: 0, nietOvergenomen: 1, nietGestart: 7, achterstallig: 1 }),
        percentAfgerond: 9,
      },
    ];
    expect(trend.map((p) => p.counts)).toEqual(expected);
    expect(expected.every((c) => c.total === 33)).toBe(true);
  });

  it('shows the plan at an instant between two versions as the earlier version', async () => {
    const histories = await loadActieHistories(sandbox.graph(), siteId, plan);
    const statusAt = (at: string, nummer: string) =>
      planAt(histories, new Date(at)).find((a) => a.value.nummer === nummer)?.value.status;
    // Between 3.1's versions of 10 Feb and 20 Mar, and after 1.1's of 15 Mar.
    expect(statusAt('2025-03-17T12:00:00Z', '3.1')).toBe('Loopt');
    expect(statusAt('2025-03-17T12:00:00Z', '1.1')).toBe('Afgerond');
    // One second before a write still shows the version before it; the write's own second shows the write.
    expect(statusAt('2025-03-15T08:59:59Z', '1.1')).toBe('Loopt');
    expect(statusAt('2025-03-15T09:00:00Z', '1.1')).toBe('Afgerond');
    const deadlineAt = (at: string) =>
      planAt(histories, new Date(at)).find((a) => a.value.nummer === '5.1')?.value.deadline;
    expect(deadlineAt('2025-03-15T08:59:59Z')).toBe('2025-06-30');
    expect(deadlineAt('2025-03-15T09:00:00Z')).toBe('2025-04-15');
    // Before the seed nothing existed; right after it all 33 did.
    expect(planAt(histories, new Date('2025-01-15T08:59:59Z'))).toEqual([]);
    expect(planAt(histories, new Date(SEEDED))).toHaveLength(33);
    // 3.2 went to Loopt and on to Afgerond within one second (versions carry whole seconds): the later version counts.
    expect(statusAt('2025-05-02T08:00:00Z', '3.2')).toBe('Afgerond');
    expect(statusAt('2025-05-02T07:59:59Z', '3.2')).toBe('Niet gestart');
  });

  it('follows @odata.nextLink when an action’s versions come in pages', async () => {
    // The sandbox answers every versions request in one page. This fetch plays a Graph that pages them two at a
    // time: it cuts each answer inside the $batch to two versions with a nextLink, and serves that link from the
    // full answer. The loader must follow the links (in further $batch rounds) and end with the same histories.
    const PAGE = 2;
    const calls: string[] = [];
    const paging: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.endsWith('/$batch') || typeof init?.body !== 'string') return fetch(input, init);
      calls.push(url);
      const body = JSON.parse(init.body) as { requests: { id: string; url: string }[] };
      const offsets = new Map<string, number>();
      for (const r of body.requests) {
        const m = /&\$skiptoken=page-(\d+)$/.exec(r.url);
        if (m) {
          offsets.set(r.id, Number(m[1]));
          r.url = r.url.slice(0, m.index);
        }
      }
      const requested = new Map(body.requests.map((r) => [r.id, r.url]));
      const response = await fetch(input, { ...init, body: JSON.stringify(body) });
      const envelope = (await response.json()) as {
        responses: { id: string; status: number; body?: { value?: unknown[]; '@odata.nextLink'?: string } }[];
      };
      for (const r of envelope.responses) {
        const path = requested.get(r.id) ?? '';
        if (r.status !== 200 || !path.includes('/versions') || !r.body?.value) continue;
        const from = offsets.get(r.id) ?? 0;
        const all = r.body.value;
        r.body.value = all.slice(from, from + PAGE);
        if (all.length > from + PAGE)
          r.body['@odata.nextLink'] = `${sandbox.graphUrl}${path}&$skiptoken=page-${from + PAGE}`;
      }
      return new Response(JSON.stringify(envelope), {
        status: response.status,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const unpaged = await loadActieHistories(sandbox.graph(), siteId, plan);
    const paged = await loadActieHistories(sandbox.graph({ fetch: paging }), siteId, plan);
    expect(paged).toEqual(unpaged);
    // 1.1 has the seed's version(s) and two writes: more than one page.
    const most = Math.max(...unpaged.map((h) => h.revisions.length));
    expect(unpaged.find((h) => h.id === idOf('1.1'))!.revisions.length).toBeGreaterThan(PAGE);
    // Round 1: two batches for 33 actions; then one batch per further page round (fewer than 20 paged actions).
    const pagedActions = unpaged.filter((h) => h.revisions.length > PAGE).length;
    expect(pagedActions).toBeGreaterThan(0);
    expect(pagedActions).toBeLessThanOrEqual(20);
    expect(calls).toHaveLength(2 + Math.ceil(most / PAGE) - 1);
  });
});

describe('the report for a date', () => {
  it('counts per advies what the writes imply for a date in the past', async () => {
    const data = await loadReportData(sandbox.graph(), siteId);
    const report = voortgangAt(
      voortgangInputOf(data, { peildatum: '2025-03-20', gemeente: 'Zoetermeer', now: clock.now() }),
    );
    const advies = (n: number) => report.perAdvies.find((a) => a.nummer === n)!;
    // 1.1 done on 15 Mar, 1.2 untouched.
    expect(advies(1).counts).toMatchObject({ total: 2, afgerond: 1, nietGestart: 1, lopend: 0, percentAfgerond: 50 });
    expect(advies(1).gedaan.map((a) => a.nummer)).toEqual(['1.1']);
    // 3.1 done at 10:00 on the 20th itself (the whole day counts); 3.2 only done in May.
    expect(advies(3).counts).toMatchObject({ total: 3, afgerond: 1, nietGestart: 2, lopend: 0 });
    expect(advies(4).counts).toMatchObject({ total: 1, lopend: 1, nietGestart: 0 });
    // 6.1 starts on the 31st: not yet on the 20th.
    expect(advies(6).counts).toMatchObject({ total: 2, nietGestart: 2, lopend: 0 });
    expect(advies(8).counts).toMatchObject({ total: 5, geblokkeerd: 1, nietGestart: 4 });
    expect(advies(8).volgende.find((a) => a.nummer === '8.1')).toMatchObject({
      status: 'Geblokkeerd',
      toelichting: 'Wacht op budget',
    });
    expect(advies(5).counts).toMatchObject({ total: 1, nietGestart: 1, achterstallig: 0 });
    expect(report.totals).toEqual({
      total: 33,
      afgerond: 2,
      lopend: 19,
      geblokkeerd: 1,
      nietOvergenomen: 1,
      nietGestart: 10,
      achterstallig: 0,
      percentAfgerond: 6,
    });

    // A month later 5.1 is past its moved deadline.
    const april = voortgangAt(
      voortgangInputOf(data, { peildatum: '2025-04-20', gemeente: 'Zoetermeer', now: clock.now() }),
    );
    expect(april.perAdvies.find((a) => a.nummer === 5)!.counts).toMatchObject({ nietGestart: 1, achterstallig: 1 });
    expect(april.totals).toMatchObject({ afgerond: 2, lopend: 20, geblokkeerd: 1, nietGestart: 9, achterstallig: 1 });
  });

  it('writes those counts into the PDF for that date, read back from the document', async () => {
    const data = await loadReportData(sandbox.graph(), siteId);
    const report = voortgangAt({
      ...voortgangInputOf(data, { peildatum: '2025-03-20', gemeente: 'Gemeente Zoetermeer', now: clock.now() }),
      histories: data.histories,
    });
    const pdf = await readPdf(await reportPdfBuffer(report));
    const text = pdf.pages.map((p) => p.text).join(' ');
    // The hand-counted figures of the test above, now as a reader of the document sees them.
    const expected = expectedAdviezen(
      data.plan.adviezen.map((a) => a.value),
      (n) => {
        const c = report.perAdvies.find((a) => a.nummer === n)!.counts;
        return [c.total, c.afgerond, c.lopend, c.geblokkeerd, c.nietGestart, c.nietOvergenomen, c.achterstallig];
      },
    );
    expect(checkAdviesHeadings(text, expected)).toEqual([]);
    expect(checkAdviesCounts(text, expected)).toEqual([]);
    // Advies 1 by hand: 1.1 done, 1.2 not started.
    expect(adviesSection(text, 1, 2)).toContain('Achterstallig 2 1 0 0 1 0 0');
    expect(text).toContain(
      'Op 20 maart 2025 telt het actieplan 33 acties: 2 afgerond, 19 lopend, 1 geblokkeerd, 10 niet gestart en 1 niet overgenomen.',
    );
    expect(text).toContain('Pagina 1 van');
  }, 30_000);

  it('uses the live plan for today', async () => {
    const data = await loadReportData(sandbox.graph(), siteId, { histories: false });
    expect(data.histories).toEqual([]);
    const input = voortgangInputOf(data, { peildatum: '2025-06-02', gemeente: 'Zoetermeer', now: clock.now() });
    expect(input.acties.map((a) => a.id)).toEqual(plan.acties.map((a) => a.id));
    const report = voortgangAt(input);
    expect(report.totals).toEqual({
      total: 33,
      afgerond: 3,
      lopend: 22,
      geblokkeerd: 0,
      nietOvergenomen: 1,
      nietGestart: 7,
      achterstallig: 1,
      percentAfgerond: 9,
    });
    expect(report.gemeente).toBe('Zoetermeer');
  });

  it('loads everything else a report needs: portfolio, MTs, people', async () => {
    const data = await loadReportData(sandbox.graph(), siteId, { histories: false });
    expect(data.plan.acties).toHaveLength(33);
    expect(data.plan.adviezen).toHaveLength(11);
    expect(data.portfolio.items.length).toBeGreaterThan(0);
    expect(data.portfolio.actieIdByNummer.get('1.1')).toBe(idOf('1.1'));
    expect(data.mts.map((m) => m.value.key).sort()).toEqual([
      'cmt',
      'mt-bedrijfsvoering',
      'mt-dienstverlening',
      'mt-fysiek-domein',
      'mt-sociaal-domein',
    ]);
    expect(data.herinneringen).toEqual([]);
    expect(data.besluiten).toEqual([]);
    const owner = plan.acties.find((a) => a.value.nummer === '1.2')!.value.eigenaar!;
    expect(data.mensen.get(owner.id!)).toBe('Portfoliomanager I&A');
  });
});

describe('request counts', () => {
  it('reads the versions of the 33 seeded actions in exactly two $batch requests', async () => {
    const { graph, calls } = countingGraph();
    const histories = await loadActieHistories(graph, siteId, plan);
    expect(histories).toHaveLength(33);
    expect(calls).toEqual(['POST /$batch', 'POST /$batch']);
  });

  it('loads a whole report (lists and histories) in three requests', async () => {
    const { graph, calls } = countingGraph();
    const data = await loadReportData(graph, siteId);
    expect(data.histories).toHaveLength(33);
    expect(calls).toEqual(['POST /$batch', 'POST /$batch', 'POST /$batch']);
  });
});

// Last: these change the site (a status value typed in SharePoint, a deleted action).
describe('tolerant reading of the history', () => {
  it('keeps a version whose fields do not map, with its problems, and leaves out an action deleted meanwhile', async () => {
    const graph = sandbox.graph();
    const list = `/sites/${siteId}/lists/Acties`;
    clock.set('2025-06-10T08:00:00Z');
    // Someone adds a Status choice in SharePoint and uses it on 6.2.
    const columns = await graph.getAll<{ id: string; name: string; choice?: { choices: string[] } }>(`${list}/columns`);
    const status = columns.find((c) => c.name === 'Status')!;
    await graph.patch(`${list}/columns/${status.id}`, {
      choice: { ...status.choice, choices: [...(status.choice?.choices ?? []), 'On hold'] },
    });
    await graph.patch(`${list}/items/${idOf('6.2')}/fields`, { Status: 'On hold' });
    // ...and deletes 4.1 after the report read the plan.
    const stale = plan;
    await graph.delete(`${list}/items/${idOf('4.1')}`);

    const histories = await loadActieHistories(graph, siteId, stale);
    expect(histories).toHaveLength(32);
    expect(histories.some((h) => h.id === idOf('4.1'))).toBe(false);
    const h62 = histories.find((h) => h.id === idOf('6.2'))!;
    const last = h62.revisions.at(-1)!;
    expect(last.modified).toBe('2025-06-10T08:00:00Z');
    expect(last.problems).toContainEqual({
      field: 'Status',
      message: "Onbekende waarde 'On hold' in Status.",
      domain: { key: 'veldOnbekendeWaarde', params: { veld: 'Status', waarde: 'On hold' } },
      value: 'On hold',
    });
    expect(last.value.nummer).toBe('6.2');
    expect(h62.revisions.slice(0, -1).flatMap((r) => r.problems)).toEqual([]);
    expect(h62.revisions.at(-2)?.value.status).toBe('Loopt');
  });
});
