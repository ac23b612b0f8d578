/**
 * `npm run bench`: counts what the app's Graph code costs against the local sandbox, in one run.
 * Requests and bytes are the figures that matter on a real tenant (round trips and throttling
 * budget); wall times are printed for information only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDateToInstant } from '../src/domain/dates.js';
import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../src/domain/plan/zoetermeer.js';
import { createGraph } from '../src/data/graph/client.js';
import { sendBatch } from '../src/data/graph/batch.js';
import { createClientCredentialsTokenSource } from '../src/data/graph/token-source.js';
import { loadPlanCold, refreshPlan } from '../src/data/plan-sync.js';
import { createActiesStore } from '../src/data/acties-store.js';
import { loadPortfolio } from '../src/data/portfolio-store.js';
import { loadPlan } from '../src/data/plan-store.js';
import { loadActieHistories, loadReportData } from '../src/data/report-data.js';
import { prepareSite } from '../src/server/prepare-site.js';
import { startSandbox } from '../src/sandbox/server.js';

type Meter = { requests: number; bytes: number; batches: string[][] };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-bench-'));
  const sandbox = await startSandbox({ port: 0, dataDir });
  const tokens = createClientCredentialsTokenSource({
    tokenUrl: sandbox.tokenUrl,
    clientId: 'sandbox-app',
    clientSecret: 'sandbox-secret',
  });
  const meter: Meter = { requests: 0, bytes: 0, batches: [] };
  const graph = createGraph({
    graphBaseUrl: sandbox.graphUrl,
    tokens,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      meter.requests += 1;
      // Which reads travel together: the ids of every $batch's sub-requests.
      if (String(input instanceof Request ? input.url : input).endsWith('/$batch') && typeof init?.body === 'string') {
        meter.batches.push((JSON.parse(init.body) as { requests: { id: string }[] }).requests.map((r) => r.id));
      }
      meter.bytes += (await response.clone().arrayBuffer()).byteLength;
      return response;
    },
  });
  const rows: { scenario: string; requests: number; kb: string; ms: string }[] = [];
  async function measure<T>(scenario: string, work: () => Promise<T>): Promise<T> {
    meter.requests = 0;
    meter.bytes = 0;
    meter.batches = [];
    const started = performance.now();
    const result = await work();
    rows.push({
      scenario,
      requests: meter.requests,
      kb: (meter.bytes / 1024).toFixed(1),
      ms: (performance.now() - started).toFixed(0),
    });
    return result;
  }

  let coldBatches: string[][] = [];
  try {
    const site = await prepareSite(graph, sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
      domeinVoortgang: zoetermeerDomeinVoortgang,
    });
    await tokens.getToken();
    const cold = await measure('plan cold (33 actions, 33 rows per domain)', () =>
      loadPlanCold(graph, sandbox.siteUrl),
    );
    coldBatches = meter.batches;
    if (cold.plan.domeinVoortgang.length !== zoetermeerDomeinVoortgang.length)
      throw new Error(
        `expected ${zoetermeerDomeinVoortgang.length} rows per domain, read ${cold.plan.domeinVoortgang.length}`,
      );
    const warm = await measure('plan warm, nothing changed (delta)', () => refreshPlan(graph, sandbox.siteUrl, cold));
    const store = createActiesStore(graph, site.site.id, cold.plan);
    await store.update(cold.plan.acties[0]!, { status: 'Loopt' });
    await measure('plan warm, one action changed (delta)', () => refreshPlan(graph, sandbox.siteUrl, warm.snapshot));
    await measure('bulk update of 20 actions ($batch)', () =>
      store.bulkUpdate(cold.plan.acties.slice(1, 21).map((current) => ({ current, change: { planning: 'bench' } }))),
    );

    await measure('report data: lists + 33 action and 33 row version histories', () =>
      loadReportData(graph, site.site.id),
    );
    await measure('decision log data (no histories)', () => loadReportData(graph, site.site.id, { histories: false }));
    // What the tab's "Nieuwe actie" costs before the new action is on screen: the create answers with the item.
    const created = await measure('create an action (writes before the UI shows it)', () =>
      store.create(
        {
          titel: 'Bench: nieuwe actie',
          advies: 9,
          plateau: 'Excelleren',
          domeinen: ['Concern'],
          status: 'Niet gestart',
          afhankelijkVan: ['9.1'],
          bevindingen: [6],
        },
        'bench:nieuwe-actie',
      ),
    );
    if (created.value.nummer !== '9.3')
      throw new Error(`expected the new action to be 9.3, got ${created.value.nummer}`);
    await measure('portfolio, 15 items + quarter goals (one $batch)', () => loadPortfolio(graph, site.site.id));
    const domeinen = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein', 'Concern'];
    await sendBatch(
      graph,
      Array.from({ length: 2000 - zoetermeerPortfolio.length }, (_, i) => ({
        id: String(i),
        method: 'POST' as const,
        url: `/sites/${site.site.id}/lists/Portfolio/items`,
        body: {
          fields: {
            Title: `Initiatief ${i}`,
            Domein: domeinen[i % 5],
            Fase: 'Uitvoering',
            Status: 'Op koers',
            Prioriteit: (i % 50) + 1,
            DitKwartaal: i % 3 === 0 ? 'niet' : 'wel',
            ClientKey: `bench:p:${i}`,
          },
        },
      })),
    );
    const portfolio = await measure('portfolio, 2,000 items + quarter goals', () => loadPortfolio(graph, site.site.id));
    if (portfolio.items.length !== 2000)
      throw new Error(`expected 2,000 portfolio items, read ${portfolio.items.length}`);
    const extra = 5000 - zoetermeerPlan.acties.length - 1; // the seeded plan plus the action created above
    await sendBatch(
      graph,
      Array.from({ length: extra }, (_, i) => ({
        id: String(i),
        method: 'POST' as const,
        url: `/sites/${site.site.id}/lists/Acties/items`,
        body: {
          fields: {
            Title: `Bench ${i}`,
            Nummer: `90.${i}`,
            Plateau: 'Verbeteren',
            Status: 'Niet gestart',
            Deadline: calendarDateToInstant('2026-06-30'),
            ClientKey: `bench:${i}`,
          },
        },
      })),
    );
    const big = await measure('plan cold, 5,000 actions', () => loadPlanCold(graph, sandbox.siteUrl));
    await measure('plan warm, 5,000 actions, nothing changed', () => refreshPlan(graph, sandbox.siteUrl, big));
    const bigPlan = await loadPlan(graph, site.site.id);
    const histories = await measure('version histories of 5,000 actions', () =>
      loadActieHistories(graph, site.site.id, bigPlan),
    );
    if (histories.length !== 5000) throw new Error(`expected 5,000 histories, read ${histories.length}`);
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  process.stdout.write('\nGraph cost of the app (sandbox, one run)\n');
  console.table(rows);
  process.stdout.write(
    `Plan cold: ${coldBatches.length} $batch request(s): ${coldBatches.map((ids) => `[${ids.join(', ')}]`).join(' ')}; the rows per domain ${coldBatches.some((ids) => ids.includes('domeinVoortgang')) ? 'travel in the same $batch' : 'are NOT in the batch'}.\n`,
  );
  process.stdout.write(
    'Targets: plan cold <= 2 requests, plan warm = 1 delta request; creating an action = 1 write; version histories ceil(n/20) $batch requests.\n',
  );
}

await main();
