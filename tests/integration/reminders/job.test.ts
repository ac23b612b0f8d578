import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../src/domain/agenda.js';
import type { AgendaCard } from '../../../src/reminders/card.js';
import { runReminderJob, type CardSender } from '../../../src/reminders/job.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { connectMtChannels, seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

/** A sender that records what reaches each channel. */
function recordingSender(): CardSender & { sent: { conversationId: string; card: AgendaCard; messageId: string }[] } {
  const sent: { conversationId: string; card: AgendaCard; messageId: string }[] = [];
  return {
    sent,
    async send(conversationId, card) {
      const messageId = String(1_700_000_000_000 + sent.length);
      sent.push({ conversationId, card, messageId });
      return { messageId };
    },
    async update() {
      throw new Error('not expected');
    },
  };
}

// Monday 23 November 2026, 09:05 in Amsterdam: the working day before Tuesday's CMT at 09:00.
const MONDAY_MORNING = new Date('2026-11-23T08:05:00Z');

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  await connectMtChannels(sandbox.graph(), siteId);
});
afterAll(async () => {
  await sandbox?.close();
});

describe('the reminder job against the sandbox', () => {
  it('sends the CMT its agenda card the working day before, records it, and does not send it again', async () => {
    const sender = recordingSender();
    const deps = { graph: sandbox.graph(), siteId, siteUrl: sandbox.siteUrl, sender, now: MONDAY_MORNING, deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan' };
    const first = await runReminderJob({ ...deps, claimant: 'run-1' });
    const cmt = first.outcomes.find((o) => o.mtKey === 'cmt');
    expect(cmt).toMatchObject({ outcome: 'sent', key: 'cmt|2026-11-24T08:00:00Z' });
    expect(sender.sent.some((s) => s.conversationId === '19:cmt@thread.tacv2')).toBe(true);
    const logged = await createHerinneringenStore(sandbox.graph(), siteId).find('cmt|2026-11-24T08:00:00Z');
    expect(logged?.value).toMatchObject({ status: 'verzonden', claim: 'run-1' });
    expect(parseSnapshot(logged?.value.snapshot)).toMatchObject({ version: 1, mtKey: 'cmt', occurrenceStart: '2026-11-24T08:00:00Z' });

    const count = sender.sent.length;
    const second = await runReminderJob({ ...deps, claimant: 'run-2' });
    expect(second.outcomes).toEqual([]);
    expect(sender.sent.length).toBe(count);
  });
});
