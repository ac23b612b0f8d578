import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_REGISTERED_MESSAGE } from '../../../src/bot/installation.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import {
  cardOf,
  CMT_CHANNEL,
  CMT_TEAM,
  installActivity,
  MONDAY_MORNING,
  OTHER_TENANT_ID,
  startHarness,
  STRANGERS_TEAM,
  type Harness,
} from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('installing the bot and the scheduled send', () => {
  it('before the bot is installed the CMT has no channel, so the job sends nothing', async () => {
    expect((await h.mt('cmt')).conversationId).toBeUndefined();
    const report = await h.runJob(new Date('2026-11-16T08:05:00Z'));
    expect(report.outcomes).toContainEqual(expect.objectContaining({ mtKey: 'cmt', outcome: 'no-channel' }));
    expect(h.connector.posts()).toEqual([]);
  });

  it('an install from another tenant is ignored: nothing is recorded and nothing is said', async () => {
    const answer = await h.post(installActivity(h, { team: CMT_TEAM, tenant: OTHER_TENANT_ID }));
    expect(answer.status).toBe(200);
    expect((await h.mt('cmt')).conversationId).toBeUndefined();
    expect(h.connector.posts()).toEqual([]);
  });

  it('installing in the CMT team records the CMT channel (the registered channel, not General) through the MTs list', async () => {
    const answer = await h.post(installActivity(h, { team: CMT_TEAM }));
    expect(answer.status).toBe(200);
    const cmt = await h.mt('cmt');
    expect(cmt).toMatchObject({ teamId: CMT_TEAM, channelId: CMT_CHANNEL, conversationId: CMT_CHANNEL });
    // No other MT is tied to this team.
    expect((await h.mt('mt-sociaal-domein')).conversationId).toBeUndefined();
    expect(h.connector.posts()).toEqual([]);
  });

  it('installing in a team no MT is registered for says once, in Dutch, how to register the channel', async () => {
    expect((await h.post(installActivity(h, { team: STRANGERS_TEAM }))).status).toBe(200);
    expect((await h.post(installActivity(h, { team: STRANGERS_TEAM }))).status).toBe(200);
    const said = h.connector.posts(STRANGERS_TEAM);
    expect(said).toHaveLength(1);
    expect((said[0]?.body as { text?: string }).text).toBe(NOT_REGISTERED_MESSAGE);
    expect(NOT_REGISTERED_MESSAGE).toMatch(/Instellingen, Team-id en Kanaal-id/);
    // It names the channel tab's configuration page, which links the channel too (its choice, with the MT's name there).
    expect(NOT_REGISTERED_MESSAGE).toContain('Plaats de herinneringen van het MT in dit kanaal');
  });

  it('the scheduled job then posts exactly one card into the CMT channel and records its message id', async () => {
    const before = h.connector.posts().length;
    const report = await h.runJob(MONDAY_MORNING);
    const sent = report.outcomes.filter((o) => o.outcome === 'sent');
    expect(sent).toEqual([expect.objectContaining({ mtKey: 'cmt', key: 'cmt|2026-11-24T08:00:00Z' })]);

    const posts = h.connector.posts().slice(before);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.conversationId).toBe(CMT_CHANNEL);
    expect(post.authorization).toMatch(/^Bearer ey/);
    const card = cardOf(post);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    // The sender adds the channel's members for the automatic per-person refresh.
    expect((card.refresh as { userIds?: string[] }).userIds).toEqual(
      expect.arrayContaining(['29:1secretaris-cmt', '29:1gemeentesecretaris']),
    );

    const messageId = (sent[0] as { messageId: string }).messageId;
    const logged = await createHerinneringenStore(h.graph, h.siteId).find('cmt|2026-11-24T08:00:00Z');
    expect(logged?.value).toMatchObject({ status: 'verzonden', berichtId: messageId });

    // A second tick (or a second instance) sends nothing more.
    const again = await h.runJob(new Date(MONDAY_MORNING.getTime() + 120_000));
    expect(again.outcomes.filter((o) => o.outcome === 'sent')).toEqual([]);
    expect(h.connector.posts().length).toBe(before + 1);
  });
});

describe('the messaging endpoint on the app server', () => {
  it('answers only POST with a JSON activity', async () => {
    const get = await fetch(`${h.app.url}/api/messages`);
    expect(get.status).toBe(405);
    const text = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hallo',
    });
    expect(text.status).toBe(415);
    const broken = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type":',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
