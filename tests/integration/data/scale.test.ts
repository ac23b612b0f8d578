import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDateToInstant } from '../../../src/domain/dates.js';
import { ACTIE_STATUSES, PLATEAUS } from '../../../src/domain/model.js';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { buildActieQuery, queryActies } from '../../../src/data/acties-query.js';
import { sendBatch } from '../../../src/data/graph/batch.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
let siteId: string;
const TOTAL = 5000;
const extra = TOTAL - zoetermeerPlan.acties.length;
const statusOf = (i: number) => ACTIE_STATUSES[i % ACTIE_STATUSES.length]!;
const deadlineOf = (i: number) => addDays('2026-01-01', i % 365);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const graph = sandbox.graph();
  siteId = (
    await prepareSite(graph, sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    })
  ).site.id;
  const requests = Array.from({ length: extra }, (_, i) => ({
    id: String(i),
    method: 'POST' as const,
    url: `/sites/${siteId}/lists/Acties/items`,
    body: {
      fields: {
        Title: `Schaalactie ${i}`,
        Nummer: `90.${i}`,
        Plateau: PLATEAUS[i % 4],
        Status: statusOf(i),
        Deadline: calendarDateToInstant(deadlineOf(i)),
        ClientKey: `scale:${i}`,
      },
    },
  }));
  const results = await sendBatch(graph, requests);
  expect(results.filter((r) => r.status !== 201)).toEqual([]);
}, 180_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('a list of 5,000 actions', () => {
  it('loads completely through delta paging: every item once', async () => {
    const snapshot = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
    expect(snapshot.plan.acties).toHaveLength(TOTAL);
    expect(new Set(snapshot.plan.acties.map((a) => a.id)).size).toBe(TOTAL);
  });

  it('filters and orders on indexed columns only, and SharePoint refuses none of it', async () => {
    const snapshot = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
    const context = {
      adviesNummerById: new Map(snapshot.plan.adviezen.map((a) => [a.id, a.value.nummer])),
      bevindingNummerById: new Map(snapshot.plan.bevindingen.map((b) => [b.id, b.value.nummer])),
      users: new Map(snapshot.plan.users.map((u) => [u.id ?? '', u])),
    };
    const geblokkeerd = await queryActies(sandbox.graph(), siteId, context, { status: ['Geblokkeerd'] });
    const expected = snapshot.plan.acties.filter((a) => a.value.status === 'Geblokkeerd').length;
    expect(geblokkeerd).toHaveLength(expected);
    expect(expected).toBeGreaterThan(800);

    const window = await queryActies(sandbox.graph(), siteId, context, {
      deadlineFrom: '2026-03-01',
      deadlineBefore: '2026-04-01',
      orderByDeadline: 'asc',
      status: ['Loopt', 'Niet gestart'],
    });
    const inWindow = snapshot.plan.acties.filter(
      (a) =>
        a.value.deadline !== undefined &&
        a.value.deadline >= '2026-03-01' &&
        a.value.deadline < '2026-04-01' &&
        ['Loopt', 'Niet gestart'].includes(a.value.status),
    );
    expect(window.map((a) => a.id).sort()).toEqual(inWindow.map((a) => a.id).sort());
    const deadlines = window.map((a) => a.value.deadline ?? '');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('would be refused on a column that is not indexed, which is why queries never use one', async () => {
    const error = await sandbox
      .graph()
      .get(`/sites/${siteId}/lists/Acties/items?$filter=${encodeURIComponent("fields/Planning eq 'x'")}`)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalidRequest' });
    expect(
      buildActieQuery({
        plateau: 'Verbeteren',
        status: ['Loopt', 'Geblokkeerd'],
        eigenaarId: '7',
        orderByDeadline: 'desc',
      }),
    ).toEqual({
      filter:
        "(fields/Status eq 'Loopt' or fields/Status eq 'Geblokkeerd') and fields/Plateau eq 'Verbeteren' and fields/EigenaarLookupId eq 7",
      orderby: 'fields/Deadline desc',
    });
  });
});
