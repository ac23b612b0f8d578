/**
 * `npm run bench` (part 2): the reminder job for 100 MTs × 200 actions against the sandbox with
 * injected Graph latency. Reports Graph requests in all and per MT (the target is at most 3 per
 * MT), and the wall time for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDateToInstant } from '../src/domain/dates.js';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../src/domain/plan/zoetermeer.js';
import { createGraph } from '../src/data/graph/client.js';
import { sendBatch } from '../src/data/graph/batch.js';
import { createClientCredentialsTokenSource } from '../src/data/graph/token-source.js';
import { runReminderJob } from '../src/reminders/job.js';
import { prepareSite } from '../src/server/prepare-site.js';
import { startSandbox } from '../src/sandbox/server.js';
import { addTuesdayMts } from '../tests/support/seeded-site.js';

const MTS = 100;
const ACTIONS = 200;
const LATENCY_MS = 20;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-bench-reminders-'));
  const sandbox = await startSandbox({ port: 0, dataDir });
  const tokens = createClientCredentialsTokenSource({
    tokenUrl: sandbox.tokenUrl,
    clientId: 'sandbox-app',
    clientSecret: 'sandbox-secret',
  });
  let requests = 0;
  const setup = createGraph({ graphBaseUrl: sandbox.graphUrl, tokens });
  const measured = createGraph({
    graphBaseUrl: sandbox.graphUrl,
    tokens,
    fetch: (input, init) => {
      requests += 1;
      return fetch(input, init);
    },
  });
  try {
    const site = await prepareSite(setup, sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    });
    const siteId = site.site.id;
    // Every MT covers Sociaal Domein; the plan gets 200 actions for that domain.
    await sendBatch(
      setup,
      Array.from({ length: ACTIONS }, (_, i) => ({
        id: String(i),
        method: 'POST' as const,
        url: `/sites/${siteId}/lists/Acties/items`,
        body: {
          fields: {
            Title: `Bench-actie ${i}`,
            Nummer: `80.${i}`,
            Plateau: 'Verbeteren',
            Status: i % 5 === 0 ? 'Geblokkeerd' : 'Loopt',
            StatusToelichting: i % 5 === 0 ? 'Wacht op I&A' : null,
            'Domeinen@odata.type': 'Collection(Edm.String)',
            Domeinen: ['Sociaal Domein'],
            Deadline: calendarDateToInstant(i % 2 === 0 ? '2026-11-01' : '2026-12-01'),
            ClientKey: `bench:${i}`,
          },
        },
      })),
    );
    await addTuesdayMts(setup, siteId, MTS, 'bench');
    await tokens.getToken();
    sandbox.setFaults({ latencyMs: LATENCY_MS });
    let cards = 0;
    let cardBytes = 0;
    const started = performance.now();
    const report = await runReminderJob({
      graph: measured,
      siteId,
      siteUrl: sandbox.siteUrl,
      claimant: 'bench',
      now: new Date('2026-11-23T08:05:00Z'),
      deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
      sender: {
        async send(_conversationId, card) {
          cards += 1;
          cardBytes = Math.max(cardBytes, JSON.stringify(card).length);
          return { messageId: String(cards) };
        },
        async update() {
          throw new Error('not used');
        },
      },
    });
    const elapsed = performance.now() - started;
    const sent = report.outcomes.filter((o) => o.outcome === 'sent').length;
    process.stdout.write(
      `\nReminder job: ${MTS} bench MTs (+${zoetermeerMTs.length} seeded) × ${ACTIONS} actions each, Graph latency ${LATENCY_MS} ms per request\n`,
    );
    console.table([
      {
        'cards sent': sent,
        'Graph requests': requests,
        'requests per MT': (requests / sent).toFixed(2),
        'largest card (bytes)': cardBytes,
        'wall time (s)': (elapsed / 1000).toFixed(1),
      },
    ]);
    process.stdout.write('Target: at most 3 Graph requests per MT.\n');
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
