/**
 * Escalation to the CMT through the agenda cards (issue 12, point 6), end to end through the bot with JWT validation
 * on: a member of MT Sociaal Domein puts action 1.1 on the CMT's agenda from the MT's card ("Agenderen in CMT", reason
 * required, once per card, person, action and reason); the CMT's card lists it under "Geagendeerd door de MT's"; the
 * CMT ticks it with a decision (If-Match on the card's eTag) and the SAME CMT message is updated without it. Refusals
 * (not a member, not the CMT, no reason, a stale tick) write nothing.
 */
import type { TeamsChannelAccount } from '@microsoft/teams.api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/bot/card-actions.js';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { createAgenderingenStore } from '../../../src/data/agenderingen-store.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { sendNow } from '../../../src/reminders/cli.js';
import { AGENDEREN_INPUT_IDS, agenderingBesluitInputId } from '../../../src/reminders/verbs.js';
import { findPersona } from '../../../src/sandbox/personas.js';
import {
  cardActionActivity,
  cardOf,
  cardText,
  CMT_CHANNEL,
  CMT_TEAM,
  executeActions,
  installActivity,
  MONDAY_MORNING,
  SECRETARIS,
  startHarness,
  STRANGER,
  TENANT_ID,
  type Harness,
} from './harness.js';

const SOC_TEAM = '19:mt-sociaal-team@thread.tacv2';
const SOC_CHANNEL = '19:mt-sociaal-digitalisering@thread.tacv2';
const im = findPersona('informatiemanager.sociaal-domein@zoetermeer.example');
const IM: TeamsChannelAccount = {
  id: '29:1im-sociaal',
  name: 'Informatiemanager Sociaal Domein',
  aadObjectId: im?.oid ?? '',
  email: im?.upn ?? '',
  userPrincipalName: im?.upn ?? '',
  tenantId: TENANT_ID,
};

let h: Harness;
let socMessage: string;
let socKey: string;
let actie11: string;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

async function invoke(
  data: Record<string, unknown>,
  options: { from: TeamsChannelAccount | typeof STRANGER; channel: string; team: string; messageId: string },
): Promise<InvokeAnswer> {
  const from = {
    id: options.from.id,
    name: options.from.name ?? '',
    ...(options.from.aadObjectId ? { aadObjectId: options.from.aadObjectId } : {}),
  };
  const answer = await h.post(
    cardActionActivity(h, { from, channel: options.channel, team: options.team, messageId: options.messageId, data }),
  );
  expect(answer.status).toBe(200);
  return answer.body as InvokeAnswer;
}

async function agenderingen() {
  const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
  return createAgenderingenStore(h.graph, h.siteId, plan).all();
}

beforeAll(async () => {
  h = await startHarness();
  const soc = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'mt-sociaal-domein');
  if (!soc) throw new Error('no MT Sociaal Domein');
  await updateMtChannel(h.graph, h.siteId, soc, { teamId: SOC_TEAM, channelId: SOC_CHANNEL });
  h.connector.setMembers(SOC_TEAM, [IM]);
  h.connector.setMembers(SOC_CHANNEL, [IM]);
  expect((await h.post(installActivity(h, { team: SOC_TEAM }))).status).toBe(200);
  expect((await h.post(installActivity(h, { team: CMT_TEAM }))).status).toBe(200);
  // Wednesday 25 November 13:30 in Amsterdam: MT Sociaal Domein's card for Thursday is due.
  const sent = await sendNow(
    {
      graph: h.graph,
      siteId: h.siteId,
      siteUrl: h.sandbox.siteUrl,
      deepLinkFor: h.deepLinkFor,
      now: new Date('2026-11-25T12:30:00Z'),
      sender: h.bot.sender,
      claimant: 'agenderen-test',
    },
    'mt-sociaal-domein',
  );
  if (sent.outcome !== 'sent') throw new Error(`the Sociaal Domein card was not sent: ${JSON.stringify(sent)}`);
  socMessage = sent.messageId;
  socKey = sent.key;
  const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
  actie11 = plan.acties.find((a) => a.value.nummer === '1.1')!.id;
});
afterAll(async () => {
  await h?.close();
});

describe('"Agenderen in CMT" on a domain MT card', () => {
  it('the MT card offers it; without a reason it is refused and nothing is written', async () => {
    const card = cardOf(h.connector.posts(SOC_CHANNEL)[0]!);
    const button = executeActions(card).find((a) => a.verb === 'agenderen');
    expect(button?.data).toMatchObject({ mtKey: 'mt-sociaal-domein', occurrenceKey: socKey });
    const answer = await invoke(
      { ...button!.data, [AGENDEREN_INPUT_IDS.actie]: actie11, [AGENDEREN_INPUT_IDS.reden]: '   ' },
      { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage },
    );
    // A message: the person's card (the form open, the action chosen) stays as it is.
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toContain('Niet geagendeerd: Geef een reden');
    expect(await agenderingen()).toEqual([]);
  });

  it('someone outside the MT team is refused and nothing is written', async () => {
    const answer = await invoke(
      {
        verb: 'agenderen',
        mtKey: 'mt-sociaal-domein',
        occurrenceKey: socKey,
        [AGENDEREN_INPUT_IDS.actie]: actie11,
        [AGENDEREN_INPUT_IDS.reden]: 'Van buiten',
      },
      { from: STRANGER, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage },
    );
    expect(answer.value).toBe(REFUSALS.notMember);
    expect(await agenderingen()).toEqual([]);
  });

  it('a member puts 1.1 on the CMT agenda with a reason; the same click again lands once', async () => {
    const data = {
      verb: 'agenderen',
      mtKey: 'mt-sociaal-domein',
      occurrenceKey: socKey,
      [AGENDEREN_INPUT_IDS.actie]: actie11,
      [AGENDEREN_INPUT_IDS.reden]: 'Het besluit over de roadmap blijft hangen.',
    };
    const first = await invoke(data, { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage });
    expect(cardText(first.value)).toContain('Actie 1.1 staat nu op de agenda van het CMT (voor Sociaal Domein).');
    const again = await invoke(data, { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage });
    expect(cardText(again.value)).toContain('Actie 1.1 staat nu op de agenda van het CMT');
    const items = await agenderingen();
    expect(items).toHaveLength(1);
    expect(items[0]?.value).toMatchObject({
      actie: '1.1',
      domein: 'Sociaal Domein',
      reden: 'Het besluit over de roadmap blijft hangen.',
      besproken: false,
      door: { displayName: 'Informatiemanager Sociaal Domein' },
    });
    // Another reason while it is still open: refused, with since when.
    const other = await invoke(
      { ...data, [AGENDEREN_INPUT_IDS.reden]: 'Nog een reden' },
      { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage },
    );
    // A message, so the card stays as it is; the reason typed is in it, whole.
    expect(other.type).toBe('application/vnd.microsoft.activity.message');
    expect(other.value).toContain('Wat je typte (niet opgeslagen): “Nog een reden”');
    expect(other.value).toMatch(
      /Niet geagendeerd: Actie 1\.1 staat al sinds \d{4}-\d{2}-\d{2} op de agenda van het CMT voor Sociaal Domein\./,
    );
    expect(await agenderingen()).toHaveLength(1);
  });

  it('a domain MT cannot tick escalations off (only the CMT can)', async () => {
    const [item] = await agenderingen();
    const answer = await invoke(
      {
        verb: 'agendering-besproken',
        mtKey: 'mt-sociaal-domein',
        occurrenceKey: socKey,
        agenderingId: item!.id,
        eTag: item!.eTag,
      },
      { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage },
    );
    expect(answer).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'Niet afgevinkt: Alleen het CMT vinkt geagendeerde punten af.',
    });
    expect((await agenderingen())[0]?.value.besproken).toBe(false);
  });
});

describe("the CMT's card: 'Geagendeerd door de MT\\'s' and the tick", () => {
  let cmtMessage: string;
  let tick: { verb: string; data: Record<string, unknown> };

  beforeAll(async () => {
    const report = await h.runJob(MONDAY_MORNING);
    const sent = report.outcomes.find((o) => o.outcome === 'sent' && o.mtKey === 'cmt');
    if (!sent || sent.outcome !== 'sent') throw new Error('the CMT card was not sent');
    cmtMessage = sent.messageId;
    const card = cardOf(h.connector.posts(CMT_CHANNEL)[0]!);
    tick = executeActions(card).find((a) => a.verb === 'agendering-besproken')!;
  });

  it('lists the escalation with domain, who, why and since when', () => {
    const text = cardText(cardOf(h.connector.posts(CMT_CHANNEL)[0]!));
    expect(text).toContain("Geagendeerd door de MT's (1)");
    expect(text).toContain('Sociaal Domein · door Informatiemanager Sociaal Domein · sinds');
    expect(text).toContain('Reden: Het besluit over de roadmap blijft hangen.');
    expect(tick).toBeDefined();
  });

  it('the CMT ticks it with a decision: stored with If-Match, and the same message is updated without it', async () => {
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const answer = await invoke(
      { ...tick.data, [agenderingBesluitInputId(String(tick.data.agenderingId))]: 'Roadmap in januari vaststellen' },
      { from: SECRETARIS, channel: CMT_CHANNEL, team: CMT_TEAM, messageId: cmtMessage },
    );
    expect(cardText(answer.value)).toContain(
      'Actie 1.1 (Sociaal Domein) is afgevinkt als besproken. Besluit: Roadmap in januari vaststellen',
    );
    const [item] = await agenderingen();
    expect(item?.value).toMatchObject({ besproken: true, besluit: 'Roadmap in januari vaststellen' });
    expect(item?.value.besprokenOp).toBeDefined();
    const updates = h.connector.puts(CMT_CHANNEL);
    expect(updates.length).toBe(puts + 1);
    expect(updates.at(-1)?.activityId).toBe(cmtMessage);
    expect(h.connector.posts(CMT_CHANNEL)).toHaveLength(1);
    expect(cardText(cardOf(updates.at(-1)!))).not.toContain('Geagendeerd door de MT');
    // The decision is in the decision log like every decision of the CMT's meeting, on the escalated action, once.
    const log = (await createBesluitenStore(h.graph, h.siteId).all()).filter(
      (b) => b.value.tekst === 'Roadmap in januari vaststellen',
    );
    expect(log).toHaveLength(1);
    expect(log[0]?.value).toMatchObject({
      vergadering: String(tick.data.occurrenceKey),
      actieId: actie11,
      besproken: true,
    });
    expect(log[0]?.value.vergadering.startsWith('cmt|')).toBe(true);
  });

  it('the same tick again (a stale card) changes nothing and says it is already ticked', async () => {
    const before = await agenderingen();
    const answer = await invoke(
      { ...tick.data, [agenderingBesluitInputId(String(tick.data.agenderingId))]: 'Ander besluit' },
      { from: SECRETARIS, channel: CMT_CHANNEL, team: CMT_TEAM, messageId: cmtMessage },
    );
    // The current card (the item is gone from it), with the decision typed on the old one shown, not lost.
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain(
      'Niet afgevinkt: Dit geagendeerde punt is al afgevinkt of bestaat niet meer.',
    );
    expect(cardText(answer.value)).toContain('Wat je typte (niet opgeslagen):\nAnder besluit');
    expect(await agenderingen()).toEqual(before);
  });

  it('a domain MT that escalates after the CMT card was posted updates that posted card in place (no new message)', async () => {
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const answer = await invoke(
      {
        verb: 'agenderen',
        mtKey: 'mt-sociaal-domein',
        occurrenceKey: socKey,
        [AGENDEREN_INPUT_IDS.actie]: actie11,
        [AGENDEREN_INPUT_IDS.reden]: 'Nog steeds geen vastgestelde roadmap.',
      },
      { from: IM, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage },
    );
    expect(cardText(answer.value)).toContain('Actie 1.1 staat nu op de agenda van het CMT (voor Sociaal Domein).');
    const updates = h.connector.puts(CMT_CHANNEL);
    expect(updates.length).toBe(puts + 1);
    expect(updates.at(-1)?.activityId).toBe(cmtMessage);
    expect(h.connector.posts(CMT_CHANNEL)).toHaveLength(1);
    const text = cardText(cardOf(updates.at(-1)!));
    expect(text).toContain("Geagendeerd door de MT's (1)");
    expect(text).toContain('Reden: Nog steeds geen vastgestelde roadmap.');
  });
});
