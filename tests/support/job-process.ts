/**
 * Runs one reminder job in its own OS process, for the exactly-once race test. Cards "sent" are
 * appended as JSON lines to OUT_FILE (one small append per card is atomic on POSIX).
 */
import { appendFileSync } from 'node:fs';
import { createGraph } from '../../src/data/graph/client.js';
import { createClientCredentialsTokenSource } from '../../src/data/graph/token-source.js';
import { runReminderJob } from '../../src/reminders/job.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const graph = createGraph({
  graphBaseUrl: env('GRAPH_BASE_URL'),
  tokens: createClientCredentialsTokenSource({
    tokenUrl: env('TOKEN_URL'),
    clientId: 'sandbox-app',
    clientSecret: 'sandbox-secret',
  }),
});
const claimant = env('CLAIMANT');
let counter = 0;
const report = await runReminderJob({
  graph,
  siteId: env('SITE_ID'),
  siteUrl: env('SITE_URL'),
  claimant,
  now: new Date(env('NOW')),
  deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
  sender: {
    async send(conversationId) {
      counter += 1;
      const messageId = `${claimant}-${counter}`;
      appendFileSync(env('OUT_FILE'), `${JSON.stringify({ conversationId, messageId, claimant })}\n`);
      return { messageId };
    },
    async update() {
      throw new Error('not expected');
    },
  },
});
process.stdout.write(
  JSON.stringify({
    sent: report.outcomes.filter((o) => o.outcome === 'sent').length,
    lost: report.outcomes.filter((o) => o.outcome === 'lost-claim').length,
  }),
);
