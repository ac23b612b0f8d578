import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../src/domain/agenda.js';
import type { AgendaCard } from '../../../src/reminders/card.js';
import { runReminderJob, type CardSender } from '../../../src/reminders/job.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { closedPort } from '../../support/closed-port.js';
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
    const deps = {
      graph: sandbox.graph(),
      siteId,
      siteUrl: sandbox.siteUrl,
      sender,
      now: MONDAY_MORNING,
      deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
    };
    const first = await runReminderJob({ ...deps, claimant: 'run-1' });
    const cmt = first.outcomes.find((o) => o.mtKey === 'cmt');
    expect(cmt).toMatchObject({ outcome: 'sent', key: 'cmt|2026-11-24T08:00:00Z' });
    expect(sender.sent.some((s) => s.conversationId === '19:cmt@thread.tacv2')).toBe(true);
    const logged = await createHerinneringenStore(sandbox.graph(), siteId).find('cmt|2026-11-24T08:00:00Z');
    expect(logged?.value).toMatchObject({ status: 'verzonden', claim: 'run-1' });
    expect(parseSnapshot(logged?.value.snapshot)).toMatchObject({
      version: 1,
      mtKey: 'cmt',
      occurrenceStart: '2026-11-24T08:00:00Z',
    });

    const count = sender.sent.length;
    const second = await runReminderJob({ ...deps, claimant: 'run-2' });
    expect(second.outcomes).toEqual([]);
    expect(sender.sent.length).toBe(count);
  });
});

describe('the reminder job on public holidays', () => {
  const deps = () => ({
    graph: sandbox.graph(),
    siteId,
    siteUrl: sandbox.siteUrl,
    deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
  });
  const cmtCards = (sender: ReturnType<typeof recordingSender>) =>
    sender.sent.filter((s) => s.conversationId === '19:cmt@thread.tacv2');

  // The seeded CMT meets on Tuesdays at 09:00 with a lead time of 1440 minutes: normally Monday 09:00.
  it('sends the card for the Tuesday after Koningsdag (Monday 27 April 2026) on Friday 24 April, not on the holiday', async () => {
    const sender = recordingSender();
    // Thursday 23 April, 09:05: the meeting of Tuesday 28 April is not due yet.
    const thursday = await runReminderJob({
      ...deps(),
      sender,
      claimant: 'holiday-thu',
      now: new Date('2026-04-23T07:05:00Z'),
    });
    expect(thursday.outcomes.filter((o) => o.mtKey === 'cmt')).toEqual([]);
    expect(thursday.decisions.find((d) => d.mtKey === 'cmt' && d.action === 'wait')).toMatchObject({
      reminderAt: new Date('2026-04-24T07:00:00Z'),
    });
    // Friday 24 April, 09:05: the last working day before the meeting.
    const friday = await runReminderJob({
      ...deps(),
      sender,
      claimant: 'holiday-fri',
      now: new Date('2026-04-24T07:05:00Z'),
    });
    expect(friday.outcomes.find((o) => o.mtKey === 'cmt')).toMatchObject({
      outcome: 'sent',
      key: 'cmt|2026-04-28T07:00:00Z',
    });
    expect(cmtCards(sender)).toHaveLength(1);
    // On the holiday itself nothing goes out again.
    const monday = await runReminderJob({
      ...deps(),
      sender,
      claimant: 'holiday-mon',
      now: new Date('2026-04-27T07:05:00Z'),
    });
    expect(monday.outcomes.filter((o) => o.mtKey === 'cmt')).toEqual([]);
    expect(cmtCards(sender)).toHaveLength(1);
  });

  it('skips the organisation’s own closing days from configuration too', async () => {
    const sender = recordingSender();
    // Monday 30 November 2026 is configured as a closing day: the card for Tuesday 1 December goes out on Friday 27.
    const friday = await runReminderJob({
      ...deps(),
      sender,
      claimant: 'extra-fri',
      now: new Date('2026-11-27T08:05:00Z'),
      extraHolidays: ['2026-11-30'],
    });
    expect(friday.outcomes.find((o) => o.mtKey === 'cmt')).toMatchObject({
      outcome: 'sent',
      key: 'cmt|2026-12-01T08:00:00Z',
    });
    expect(cmtCards(sender)).toHaveLength(1);
  });
});

describe('a send that fails', () => {
  // Monday 7 December 2026, 09:05 in Amsterdam: the card for Tuesday 8 December's CMT is due.
  const MONDAY = new Date('2026-12-07T08:05:00Z');
  const KEY = 'cmt|2026-12-08T08:00:00Z';
  const deps = () => ({
    graph: sandbox.graph(),
    siteId,
    siteUrl: sandbox.siteUrl,
    now: MONDAY,
    deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
  });
  /** A sender whose Bot Connector is at `url`: it posts there as the real one does, and fails as fetch fails. */
  const senderAt = (url: string): CardSender => ({
    async send() {
      const response = await fetch(`${url}/v3/conversations/x/activities`, { method: 'POST', body: '{}' });
      throw new Error(`Bot Connector answered ${response.status}`);
    },
    async update() {
      throw new Error('not expected');
    },
  });

  it('takes the claim back when the connector was not reached, and the next run sends the card', async () => {
    const refused = await runReminderJob({
      ...deps(),
      sender: senderAt(`http://127.0.0.1:${await closedPort()}`),
      claimant: 'run-refused',
    });
    expect(refused.outcomes.find((o) => o.key === KEY)).toMatchObject({ outcome: 'failed', retry: true });
    expect(await createHerinneringenStore(sandbox.graph(), siteId).find(KEY)).toBeUndefined();

    const sender = recordingSender();
    const next = await runReminderJob({ ...deps(), sender, claimant: 'run-next' });
    expect(next.outcomes.find((o) => o.key === KEY)).toMatchObject({ outcome: 'sent' });
    expect(sender.sent.filter((s) => s.conversationId === '19:cmt@thread.tacv2')).toHaveLength(1);
    expect((await createHerinneringenStore(sandbox.graph(), siteId).find(KEY))?.value.status).toBe('verzonden');
  });

  it('records a failure that may have posted the card as mislukt, and no later run sends it again', async () => {
    // A connector that answers 502: the request reached it, so the card may be in the channel.
    const server = createServer((_req, res) => res.writeHead(502).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const later = { ...deps(), now: new Date('2026-12-14T08:05:00Z') };
      const key = 'cmt|2026-12-15T08:00:00Z';
      const failed = await runReminderJob({ ...later, sender: senderAt(`http://127.0.0.1:${port}`), claimant: 'a' });
      const outcome = failed.outcomes.find((o) => o.key === key);
      expect(outcome).toMatchObject({ outcome: 'failed' });
      expect(outcome).not.toHaveProperty('retry');
      expect((await createHerinneringenStore(sandbox.graph(), siteId).find(key))?.value.status).toBe('mislukt');
      const sender = recordingSender();
      const next = await runReminderJob({ ...later, sender, claimant: 'b' });
      expect(next.outcomes.find((o) => o.key === key)).toBeUndefined();
      expect(sender.sent).toEqual([]);
    } finally {
      server.close();
    }
  });
});
