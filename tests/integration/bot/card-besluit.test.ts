import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/bot/card-actions.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { loadMts } from '../../../src/bot/mt-channel.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { BESLUIT_INPUT_ID } from '../../../src/reminders/verbs.js';
import { cardActionActivity, cardOf, cardText, CMT_CHANNEL, CMT_TEAM, executeActions, GAST, installActivity, MONDAY_MORNING, OTHER_TENANT_ID, SECRETARIS, startHarness, STRANGER, type Harness } from './harness.js';

const KEY = 'cmt|2026-11-24T08:00:00Z';
let h: Harness;
let messageId: string;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };
type From = { id: string; name?: string; aadObjectId?: string };

const member = (p: typeof SECRETARIS): From => ({ id: p.id, name: p.name ?? '', ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}) });

/** A `besluit-vastleggen` invoke from the CMT's card, as Teams sends it (one activity, one id). */
function besluitActivity(tekst: unknown, options: { from?: From; tenant?: string } = {}): Record<string, unknown> {
  return cardActionActivity(h, {
    from: options.from ?? member(SECRETARIS),
    channel: CMT_CHANNEL,
    team: CMT_TEAM,
    messageId,
    data: { verb: 'besluit-vastleggen', mtKey: 'cmt', occurrenceKey: KEY, [BESLUIT_INPUT_ID]: tekst },
    ...(options.tenant ? { tenant: options.tenant } : {}),
  });
}

async function post(activity: Record<string, unknown>): Promise<InvokeAnswer> {
  const answer = await h.post(activity);
  expect(answer.status).toBe(200);
  return answer.body as InvokeAnswer;
}

const recorded = () => createBesluitenStore(h.graph, h.siteId).ofOccurrence(KEY);

beforeAll(async () => {
  h = await startHarness();
  expect((await h.post(installActivity(h, { team: CMT_TEAM }))).status).toBe(200);
  const report = await h.runJob(MONDAY_MORNING);
  const sent = report.outcomes.find((o) => o.outcome === 'sent' && o.mtKey === 'cmt');
  if (!sent || sent.outcome !== 'sent') throw new Error('the CMT card was not sent');
  messageId = sent.messageId;
});
afterAll(async () => {
  await h?.close();
});

describe('"Besluit vastleggen" on the agenda card', () => {
  it('the card the job posted has the decision input and its button', () => {
    const card = cardOf(h.connector.posts(CMT_CHANNEL)[0]!);
    expect(executeActions(card).filter((a) => a.verb === 'besluit-vastleggen')).toEqual([
      { verb: 'besluit-vastleggen', data: { verb: 'besluit-vastleggen', mtKey: 'cmt', occurrenceKey: KEY } },
    ]);
    expect(cardText(card)).toContain('Besluiten deze vergadering (0)');
  });

  it('refuses a non-member and another tenant, and writes nothing', async () => {
    const puts = h.connector.puts().length;
    expect(await post(besluitActivity('Besluit van een buitenstaander', { from: STRANGER }))).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: REFUSALS.notMember,
    });
    expect((await post(besluitActivity('Besluit uit een andere organisatie', { tenant: OTHER_TENANT_ID }))).value).toBe(REFUSALS.otherTenant);
    expect(await recorded()).toEqual([]);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('refuses an empty or too long text with a Dutch message, and records nothing', async () => {
    const puts = h.connector.puts().length;
    for (const tekst of ['', '   \n  ', undefined]) {
      const answer = await post(besluitActivity(tekst));
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(answer.value).toMatch(/^Typ eerst het besluit .*Er is niets vastgelegd\.$/);
    }
    const long = await post(besluitActivity('x'.repeat(256)));
    expect(long.value).toBe('Een besluit mag hoogstens 255 tekens lang zijn (dit zijn er 256). Er is niets vastgelegd.');
    expect(await recorded()).toEqual([]);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('records one decision for the meeting and MT, by the person, and updates the SAME message (PUT, no second POST); a retried invoke records once', async () => {
    const posts = h.connector.posts().length;
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const activity = besluitActivity('IMO-terugkoppeling elk kwartaal\nagenderen');
    const answer = await post(activity);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain('Het besluit is vastgelegd.');
    expect(cardText(answer.value)).toContain('• IMO-terugkoppeling elk kwartaal agenderen');

    const saved = await recorded();
    expect(saved).toHaveLength(1);
    const cmt = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'cmt');
    const users = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.users;
    expect(saved[0]?.value).toMatchObject({ tekst: 'IMO-terugkoppeling elk kwartaal agenderen', vergadering: KEY, mtId: cmt?.id, besproken: true });
    expect(users.find((u) => u.id === saved[0]?.value.doorId)?.email).toBe(SECRETARIS.email);
    expect(Date.parse(saved[0]?.value.op ?? '')).not.toBeNaN();
    expect(saved[0]?.value.clientKey).toMatch(/^kaart-besluit:/);

    const put = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(put).toHaveLength(1);
    expect(put[0]?.activityId).toBe(messageId);
    const shared = cardText(cardOf(put[0]!));
    expect(shared).toContain('Besluiten deze vergadering (1)');
    expect(shared).toContain('• IMO-terugkoppeling elk kwartaal agenderen');
    // The notice is for the person who acted, not on everyone's card.
    expect(shared).not.toContain('Het besluit is vastgelegd.');

    // Teams delivers the same invoke again (same activity id): one decision, no second update.
    const again = await post(activity);
    expect(cardText(again.value)).toContain('Dit besluit was al vastgelegd');
    expect(await recorded()).toHaveLength(1);
    expect(h.connector.puts(CMT_CHANNEL).slice(puts)).toHaveLength(1);
    expect(h.connector.posts().length).toBe(posts);
  });

  it('keeps hostile text inert on the card, and stores it as typed', async () => {
    const hostile = '**vet** [klik](http://x.example) ${mt.naam} {{DATE(2017-02-14T06:08:00Z)}} <img src=x>';
    const answer = await post(besluitActivity(hostile, { from: member(GAST) }));
    // The guest is a member of the team but not a user of the site: recorded without a name, and told so.
    expect(cardText(answer.value)).toMatch(/zonder naam/);
    const saved = await recorded();
    expect(saved.map((b) => b.value.tekst)).toEqual(['IMO-terugkoppeling elk kwartaal agenderen', hostile]);
    expect(saved[1]?.value.doorId).toBeUndefined();
    const shared = cardText(cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!));
    expect(shared).toContain('• \\*\\*vet\\*\\* \\[klik\\](http://x.example) $\\{mt.naam\\} \\{\\{DATE(2017-02-14T06:08:00Z)\\}\\} \\<img src=x\\>');
    expect(shared).toContain('Besluiten deze vergadering (2)');
  });

  it('a later rebuild of the card (Vernieuwen) still lists this meeting’s decisions', async () => {
    const answer = await post(
      cardActionActivity(h, { from: member(SECRETARIS), channel: CMT_CHANNEL, team: CMT_TEAM, messageId, data: { verb: 'vernieuwen', mtKey: 'cmt', occurrenceKey: KEY } }),
    );
    expect(cardText(answer.value)).toContain('Besluiten deze vergadering (2)');
    expect(cardText(answer.value)).toContain('• IMO-terugkoppeling elk kwartaal agenderen');
  });
});
