/**
 * The bot finds the CMT by the site's set-up (issue 12.8), not by an MT whose domain is called 'Concern': on a site
 * with Westerveld's set-up the CMT is the MT of "Gemeentebreed". A domain MT escalates from the tab; `POST
 * /api/tab/cmt-kaart` lets a member of the CMT's team in by that domain and puts the rebuilt CMT card on its message.
 * Over real HTTP: the sandbox, the app server with the bot and a fake Bot Connector (harness.ts).
 */
import type { TeamsChannelAccount } from '@microsoft/teams.api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { TAB_API_PATH } from '../../../src/bot/tab-api.js';
import { createAgenderingenStore } from '../../../src/data/agenderingen-store.js';
import { AgenderingValidationError } from '../../../src/data/agenderingen-store.js';
import { createGraph } from '../../../src/data/graph/client.js';
import { createPersonaTokenSource } from '../../../src/data/graph/token-source.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { loadReminderData } from '../../../src/data/reminder-data.js';
import { findPersona } from '../../../src/sandbox/personas.js';
import { AGENDEREN_INPUT_IDS, statusInputIds } from '../../../src/reminders/verbs.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import { maakWesterveld } from '../../support/westerveld-site.js';
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
  TENANT_ID,
  type Harness,
} from './harness.js';

const SAM_TEAM = '19:mt-samenleving-team@thread.tacv2';
const SAM_CHANNEL = '19:mt-samenleving-digitalisering@thread.tacv2';
const IM_UPN = 'informatiemanager.sociaal-domein@zoetermeer.example';
const IM: TeamsChannelAccount = {
  id: '29:1im-samenleving',
  name: 'Informatiemanager Samenleving',
  aadObjectId: findPersona(IM_UPN)?.oid ?? '',
  userPrincipalName: IM_UPN,
  tenantId: TENANT_ID,
};
const REDEN = 'De regiegroep komt niet bijeen.';

let h: Harness;
let cmtMessage: string;

const token = (upn: string) =>
  createPersonaTokenSource({ tokenUrl: h.sandbox.tokenUrl, clientId: 'actieplan-tab', persona: upn }).getToken();

async function call(agenderingId: string, upn: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${h.app.url}${TAB_API_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token(upn)}` },
    body: JSON.stringify({ agenderingId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function escaleer(nummer: string, domein: string, sleutel: string): Promise<string> {
  const graph = createGraph({
    graphBaseUrl: h.sandbox.graphUrl,
    tokens: createPersonaTokenSource({ tokenUrl: h.sandbox.tokenUrl, clientId: 'actieplan-tab', persona: IM_UPN }),
  });
  const { plan } = await loadPlanCold(graph, h.sandbox.siteUrl);
  const actie = plan.acties.find((a) => a.value.nummer === nummer)!;
  const store = createAgenderingenStore(graph, h.siteId, plan);
  return (await store.create({ actie, domein, reden: REDEN, op: '2026-11-23T09:00:00Z' }, await store.open(), sleutel))
    .id;
}

beforeAll(async () => {
  h = await startHarness();
  // The CMT of Westerveld carries Gemeentebreed; the Sociaal Domein's MT becomes Samenleving's.
  await maakWesterveld(h.graph, h.siteId, {
    mts: { cmt: ['Gemeentebreed'], 'mt-sociaal-domein': ['Samenleving'] },
    // 3.1 is shared by the CMT's own Gemeentebreed and Samenleving, and has no rows per domain yet.
    acties: { '1.1': ['Samenleving', 'Ruimte'], '1.2': ['Samenleving'], '3.1': ['Gemeentebreed', 'Samenleving'] },
  });
  const sam = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'mt-sociaal-domein');
  if (!sam) throw new Error('no MT Samenleving');
  await updateMtChannel(h.graph, h.siteId, sam, { teamId: SAM_TEAM, channelId: SAM_CHANNEL });
  h.connector.setMembers(SAM_TEAM, [IM]);
  h.connector.setMembers(SAM_CHANNEL, [IM]);
  expect((await h.post(installActivity(h, { team: SAM_TEAM }))).status).toBe(200);
  expect((await h.post(installActivity(h, { team: '19:cmt-team-general@thread.tacv2' }))).status).toBe(200);
  const report = await h.runJob(MONDAY_MORNING);
  const sent = report.outcomes.find((o) => o.outcome === 'sent' && o.mtKey === 'cmt');
  if (!sent || sent.outcome !== 'sent') throw new Error('the CMT card was not sent');
  cmtMessage = sent.messageId;
}, 180_000);
afterAll(async () => {
  await h?.close();
});

describe("the bot on a site with Westerveld's set-up", { timeout: 120_000 }, () => {
  it('reads the MTs, the set-up and the escalations against Westerveld', async () => {
    const data = await loadReminderData(h.graph, h.siteId, new Date('2026-01-01T00:00:00Z'));
    expect(data.inrichting).toEqual(WESTERVELD_INRICHTING);
    const domeinen = Object.fromEntries(data.mts.map((m) => [m.value.key, m.value.domeinen]));
    expect(domeinen.cmt).toEqual(['Gemeentebreed']);
    expect(domeinen['mt-sociaal-domein']).toEqual(['Samenleving']);
    // An MT still holding a Zoetermeer domain has it reported, not silently kept.
    const fysiek = data.mts.find((m) => m.value.key === 'mt-fysiek-domein');
    expect(fysiek?.value.domeinen).toEqual([]);
    expect(fysiek?.problems.map((p) => p.value)).toContain('Fysiek Domein');
  });

  it("refuses an escalation by Westerveld's concern domain: it is the CMT's own", async () => {
    await expect(escaleer('1.2', 'Gemeentebreed', 'tab-agendering:westerveld-gemeentebreed')).rejects.toBeInstanceOf(
      AgenderingValidationError,
    );
  });

  it("a Samenleving escalation: the MT's member gets the Gemeentebreed CMT's posted card updated in place", async () => {
    const id = await escaleer('1.1', 'Samenleving', 'tab-agendering:westerveld-1.1');
    const answer = await call(id, IM_UPN);
    // Before the set-up reached the bot: 'none' (no MT carries 'Concern').
    expect(answer).toEqual({ status: 200, body: { cmtKaart: 'updated' } });
    const updates = h.connector.puts(CMT_CHANNEL);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(cmtMessage);
    expect(cardText(cardOf(updates[0]!))).toContain(REDEN);
  });

  it("a member of the CMT's team is let in by the set-up's concern domain", async () => {
    const id = (await escaleer('1.2', 'Samenleving', 'tab-agendering:westerveld-1.2')) ?? '';
    const answer = await call(id, SECRETARIS.userPrincipalName!);
    expect(answer).toEqual({ status: 200, body: { cmtKaart: 'updated' } });
    expect(h.connector.puts(CMT_CHANNEL)).toHaveLength(2);
  });

  describe("a hand-made press on the CMT's card for 3.1, which Gemeentebreed shares with Samenleving", () => {
    async function press(data: Record<string, unknown>): Promise<{ type?: string; value: unknown }> {
      const card = cardOf(h.connector.posts(CMT_CHANNEL)[0]!);
      const { mtKey, occurrenceKey } = executeActions(card)[0]!.data;
      const from = { id: SECRETARIS.id, name: SECRETARIS.name ?? '', aadObjectId: SECRETARIS.aadObjectId ?? '' };
      const answer = await h.post(
        cardActionActivity(h, {
          from,
          channel: CMT_CHANNEL,
          team: CMT_TEAM,
          messageId: cmtMessage,
          data: { mtKey, occurrenceKey, ...data },
        }),
      );
      expect(answer.status).toBe(200);
      return answer.body as { type?: string; value: unknown };
    }

    async function actie31() {
      const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
      return { actie: plan.acties.find((a) => a.value.nummer === '3.1')!, rijen: plan.domeinVoortgang };
    }

    it("writes the action's own status, never a row of the CMT's concern domain", async () => {
      const { actie } = await actie31();
      const ids = statusInputIds(actie.id);
      await press({ verb: 'status-bijwerken', actieId: actie.id, eTag: actie.eTag, [ids.status]: 'Loopt' });
      const after = await actie31();
      // With Zoetermeer's concern domain in its place, the CMT counted Gemeentebreed as a domain of its own here.
      expect(after.rijen.filter((r) => r.value.actie === '3.1').map((r) => r.value.domein)).toEqual([]);
      expect(after.actie.value.status).toBe('Loopt');
    });

    it('refuses to put it on the CMT’s own agenda, and says who does', async () => {
      const { actie } = await actie31();
      const answer = await press({
        verb: 'agenderen',
        [AGENDEREN_INPUT_IDS.actie]: actie.id,
        [AGENDEREN_INPUT_IDS.reden]: 'Loopt vast.',
      });
      expect(answer.type).toBe('application/vnd.microsoft.activity.message');
      expect(String(answer.value)).toContain('Agenderen in het CMT doet het MT van een domein dat de actie draagt.');
    });
  });
});
