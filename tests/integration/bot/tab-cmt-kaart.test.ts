/**
 * An escalation made in the tab updates the CMT's card that is already posted (issue 12, point 6 gap): the tab
 * writes the escalation through Graph with the person's own token, then calls `POST /api/tab/cmt-kaart` on the app
 * server with that same token; the bot checks the token with Graph, the tenant and the person's team, and puts the
 * rebuilt CMT card on the SAME message (one PUT, no new post). Unauthorised callers are refused and nothing changes.
 * Over real HTTP: the sandbox, the app server with the bot (JWT validation on) and a fake Bot Connector.
 */
import type { TeamsChannelAccount } from '@microsoft/teams.api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { TAB_API_PATH, TAB_API_REFUSALS } from '../../../src/bot/tab-api.js';
import { createAgenderingenStore } from '../../../src/data/agenderingen-store.js';
import { createGraph } from '../../../src/data/graph/client.js';
import { createPersonaTokenSource } from '../../../src/data/graph/token-source.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { findPersona } from '../../../src/sandbox/personas.js';
import {
  cardOf,
  cardText,
  CMT_CHANNEL,
  installActivity,
  MONDAY_MORNING,
  startHarness,
  TENANT_ID,
  type Harness,
} from './harness.js';

const SOC_TEAM = '19:mt-sociaal-team@thread.tacv2';
const SOC_CHANNEL = '19:mt-sociaal-digitalisering@thread.tacv2';
const IM_UPN = 'informatiemanager.sociaal-domein@zoetermeer.example';
const im = findPersona(IM_UPN);
const IM: TeamsChannelAccount = {
  id: '29:1im-sociaal',
  name: 'Informatiemanager Sociaal Domein',
  aadObjectId: im?.oid ?? '',
  userPrincipalName: IM_UPN,
  // In capitals, as a roster may give it: the same tenant (a GUID).
  tenantId: TENANT_ID.toUpperCase(),
};
/** A person of the tenant (a site user with a valid token) in neither the Sociaal Domein's team nor the CMT's. */
const OUTSIDER_UPN = 'directeur.fysiek-domein@zoetermeer.example';
const REDEN = 'Het besluit over de <b>roadmap</b> blijft hangen.';

let h: Harness;
let cmtMessage: string;
let agenderingId: string;

function userToken(upn: string): Promise<string> {
  return createPersonaTokenSource({ tokenUrl: h.sandbox.tokenUrl, clientId: 'actieplan-tab', persona: upn }).getToken();
}

async function call(
  body: unknown,
  token?: string,
): Promise<{ status: number; body: { cmtKaart?: string; error?: string; message?: string } }> {
  const response = await fetch(`${h.app.url}${TAB_API_PATH}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { cmtKaart?: string; error?: string } };
}

beforeAll(async () => {
  h = await startHarness();
  const soc = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'mt-sociaal-domein');
  if (!soc) throw new Error('no MT Sociaal Domein');
  await updateMtChannel(h.graph, h.siteId, soc, { teamId: SOC_TEAM, channelId: SOC_CHANNEL });
  h.connector.setMembers(SOC_TEAM, [IM]);
  h.connector.setMembers(SOC_CHANNEL, [IM]);
  expect((await h.post(installActivity(h, { team: SOC_TEAM }))).status).toBe(200);
  expect((await h.post(installActivity(h, { team: '19:cmt-team-general@thread.tacv2' }))).status).toBe(200);
  const report = await h.runJob(MONDAY_MORNING);
  const sent = report.outcomes.find((o) => o.outcome === 'sent' && o.mtKey === 'cmt');
  if (!sent || sent.outcome !== 'sent') throw new Error('the CMT card was not sent');
  cmtMessage = sent.messageId;
});
afterAll(async () => {
  await h?.close();
});

describe('POST /api/tab/cmt-kaart after an escalation in the tab', () => {
  it('the tab escalates 1.1 with the person own token; the posted CMT card does not change by itself', async () => {
    const graph = createGraph({
      graphBaseUrl: h.sandbox.graphUrl,
      tokens: createPersonaTokenSource({ tokenUrl: h.sandbox.tokenUrl, clientId: 'actieplan-tab', persona: IM_UPN }),
    });
    const { plan } = await loadPlanCold(graph, h.sandbox.siteUrl);
    const actie = plan.acties.find((a) => a.value.nummer === '1.1')!;
    const store = createAgenderingenStore(graph, h.siteId, plan);
    const created = await store.create(
      { actie, domein: 'Sociaal Domein', reden: REDEN, op: '2026-11-23T09:00:00Z' },
      await store.open(),
      'tab-agendering:test-1.1',
    );
    agenderingId = created.id;
    expect(h.connector.puts(CMT_CHANNEL)).toHaveLength(0);
    expect(cardText(cardOf(h.connector.posts(CMT_CHANNEL)[0]!))).not.toContain('blijft hangen');
  });

  it('refuses a caller without a token, with a token Graph refuses, or with a bad body, and changes nothing', async () => {
    const none = await call({ agenderingId });
    expect(none).toEqual({ status: 401, body: { error: 'noToken', message: TAB_API_REFUSALS.noToken } });
    const forged = await call({ agenderingId }, 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiI2ZDFhM2M1OSJ9.x');
    expect(forged).toEqual({ status: 401, body: { error: 'badToken', message: TAB_API_REFUSALS.badToken } });
    // An app-only token is no person: Graph's /me refuses it.
    const app = await call({ agenderingId }, await h.sandbox.appTokens().getToken());
    expect(app.status).toBe(401);
    const token = await userToken(IM_UPN);
    expect((await call('{"agenderingId": 12', token)).status).toBe(400);
    expect((await call({ agenderingId: '../1' }, token)).status).toBe(400);
    expect((await call({ agenderingId: '999999' }, token)).body.error).toBe('unknown');
    expect(h.connector.puts(CMT_CHANNEL)).toHaveLength(0);
  });

  it('refuses a person of the tenant who is in neither the MT team of the escalation nor the CMT team', async () => {
    const outsider = await call({ agenderingId }, await userToken(OUTSIDER_UPN));
    expect(outsider).toEqual({ status: 403, body: { error: 'notMember', message: TAB_API_REFUSALS.notMember } });
    expect(h.connector.puts(CMT_CHANNEL)).toHaveLength(0);
  });

  it('a member of the MT team: the posted CMT card is updated once, in place, with the item (no new post)', async () => {
    const answer = await call({ agenderingId }, await userToken(IM_UPN));
    expect(answer).toEqual({ status: 200, body: { cmtKaart: 'updated' } });
    const updates = h.connector.puts(CMT_CHANNEL);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(cmtMessage);
    expect(h.connector.posts(CMT_CHANNEL)).toHaveLength(1);
    const text = cardText(cardOf(updates[0]!));
    expect(text).toContain("Geagendeerd door de MT's (1)");
    // The reason as typed, escaped for the card's Markdown.
    expect(text).toContain('Reden: Het besluit over de \\<b\\>roadmap\\</b\\> blijft hangen.');
    expect(h.log.some((e) => e.msg === 'CMT card refreshed for the tab')).toBe(true);
  });

  it('a retried call puts the same card on the same message again and never posts a second one', async () => {
    const first = cardOf(h.connector.puts(CMT_CHANNEL)[0]!);
    const again = await call({ agenderingId }, await userToken(IM_UPN));
    expect(again.status).toBe(200);
    const updates = h.connector.puts(CMT_CHANNEL);
    expect(updates).toHaveLength(2);
    expect(updates[1]?.activityId).toBe(cmtMessage);
    expect(cardText(cardOf(updates[1]!))).toBe(cardText(first));
    expect(h.connector.posts(CMT_CHANNEL)).toHaveLength(1);
  });

  it('answers GET with 405', async () => {
    const response = await fetch(`${h.app.url}${TAB_API_PATH}`);
    expect(response.status).toBe(405);
  });
});
