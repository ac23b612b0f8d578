/**
 * Progress per domain through the agenda card (issue 12.4), end to end through the bot with JWT validation on: MT
 * Sociaal Domein's card shows its own row of the shared action 1.1 (status, owner, deadline), and "Status bijwerken"
 * writes that row with If-Match on the row's eTag the card carried, never the action's own status. A second click on
 * the stale card is a conflict and writes nothing; the shared card is updated in place.
 */
import type { TeamsChannelAccount } from '@microsoft/teams.api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { createListStore } from '../../../src/data/list-store.js';
import { createDomeinVoortgangStore } from '../../../src/data/domein-voortgang-store.js';
import { ACTIE_FIELDS } from '../../../src/data/lists/acties.js';
import { DOMEIN_VOORTGANG_FIELDS } from '../../../src/data/lists/domein-voortgang.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { sendNow } from '../../../src/reminders/cli.js';
import { statusInputIds } from '../../../src/reminders/verbs.js';
import { findPersona } from '../../../src/sandbox/personas.js';
import {
  cardActionActivity,
  cardOf,
  cardText,
  executeActions,
  installActivity,
  startHarness,
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
let actie11: string;

async function invoke(data: Record<string, unknown>): Promise<{ value: unknown }> {
  const from = { id: IM.id, name: IM.name ?? '', aadObjectId: IM.aadObjectId ?? '' };
  const answer = await h.post(
    cardActionActivity(h, { from, channel: SOC_CHANNEL, team: SOC_TEAM, messageId: socMessage, data }),
  );
  expect(answer.status).toBe(200);
  return answer.body as { value: unknown };
}

async function rowOf11() {
  const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
  return plan.domeinVoortgang.find((r) => r.value.actie === '1.1' && r.value.domein === 'Sociaal Domein');
}

beforeAll(async () => {
  h = await startHarness();
  const soc = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'mt-sociaal-domein');
  if (!soc) throw new Error('no MT Sociaal Domein');
  await updateMtChannel(h.graph, h.siteId, soc, { teamId: SOC_TEAM, channelId: SOC_CHANNEL });
  h.connector.setMembers(SOC_TEAM, [IM]);
  h.connector.setMembers(SOC_CHANNEL, [IM]);
  expect((await h.post(installActivity(h, { team: SOC_TEAM }))).status).toBe(200);
  const sent = await sendNow(
    {
      graph: h.graph,
      siteId: h.siteId,
      siteUrl: h.sandbox.siteUrl,
      deepLinkFor: h.deepLinkFor,
      now: new Date('2026-11-25T12:30:00Z'),
      sender: h.bot.sender,
      claimant: 'domein-voortgang-test',
    },
    'mt-sociaal-domein',
  );
  if (sent.outcome !== 'sent') throw new Error(`the Sociaal Domein card was not sent: ${JSON.stringify(sent)}`);
  socMessage = sent.messageId;
  const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
  actie11 = plan.acties.find((a) => a.value.nummer === '1.1')!.id;
});
afterAll(async () => {
  await h?.close();
});

describe('a domain MT’s card and its own row of a shared action', () => {
  it('shows the domain’s row and writes it, not the action; a stale second click conflicts and writes nothing', async () => {
    const row = await rowOf11();
    expect(row?.value).toMatchObject({
      status: 'Niet gestart',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
    });
    const card = cardOf(h.connector.posts(SOC_CHANNEL)[0]!);
    expect(cardText(card)).toContain('Niet gestart (Sociaal Domein) · Eigenaar: Informatiemanager Sociaal Domein');
    const button = executeActions(card).find((a) => a.verb === 'status-bijwerken' && a.data.actieId === actie11);
    expect(button?.data).toMatchObject({ rijId: row?.id, eTag: row?.eTag });
    const actieBefore = await createListStore(h.graph, h.siteId, 'Acties').get(actie11, [ACTIE_FIELDS.status]);

    const ids = statusInputIds(actie11);
    const puts = h.connector.puts(SOC_CHANNEL).length;
    const first = await invoke({ ...button!.data, [ids.status]: 'Loopt', [ids.deadline]: '2026-11-01' });
    expect(cardText(first.value)).toMatch(/1\\?\.1 → Loopt, door Informatiemanager Sociaal Domein/);
    expect(cardText(first.value)).toContain(
      'Loopt (Sociaal Domein) · Eigenaar: Informatiemanager Sociaal Domein · Deadline: 1 november 2026',
    );
    const after = await rowOf11();
    expect(after?.value).toMatchObject({ status: 'Loopt', deadline: '2026-11-01' });
    expect(after?.eTag).not.toBe(row?.eTag);
    // The action's own stored status and version are untouched: the domain wrote its own row.
    const actieAfter = await createListStore(h.graph, h.siteId, 'Acties').get(actie11, [ACTIE_FIELDS.status]);
    expect(actieAfter.fields[ACTIE_FIELDS.status]).toBe(actieBefore.fields[ACTIE_FIELDS.status]);
    expect(actieAfter.eTag).toBe(actieBefore.eTag);
    // The shared card is replaced in place with the domain's new stand.
    const updates = h.connector.puts(SOC_CHANNEL);
    expect(updates.length).toBe(puts + 1);
    expect(cardText(cardOf(updates.at(-1)!))).toContain('Loopt (Sociaal Domein)');

    // The same (now stale) button again, with another move: a conflict, nothing written.
    const stale = await invoke({ ...button!.data, [ids.status]: 'Afgerond' });
    expect(cardText(stale.value)).toContain(
      'De voortgang van Sociaal Domein op actie 1.1 is intussen door iemand anders gewijzigd. Er is niets opgeslagen.',
    );
    expect((await rowOf11())?.value.status).toBe('Loopt');

    // The stale button with a move that breaks a rule of the row as it is now (Geblokkeerd needs a reason): still
    // the conflict, which brings the current card, not the rule of a version the person has not seen.
    const ruleBreaking = await invoke({ ...button!.data, [ids.status]: 'Geblokkeerd' });
    expect(cardText(ruleBreaking.value)).toContain('is intussen door iemand anders gewijzigd. Er is niets opgeslagen.');
    expect(cardText(ruleBreaking.value)).not.toContain('Niet opgeslagen');
    expect((await rowOf11())?.value.status).toBe('Loopt');
  });

  it('"(blijft)" with nothing else, for a domain without its own row, writes nothing and creates no row', async () => {
    const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
    const card = cardOf(h.connector.posts(SOC_CHANNEL)[0]!);
    // A shared action of the domain with a form on the card, other than 1.1 (the test above wrote its row).
    const button = executeActions(card).find(
      (a) => a.verb === 'status-bijwerken' && a.data.actieId !== actie11 && a.data.rijId !== undefined,
    );
    if (!button) throw new Error('no other shared action with a form on the card');
    const actie = plan.acties.find((a) => a.id === button.data.actieId)!;
    const rij = plan.domeinVoortgang.find((r) => r.id === button.data.rijId)!;
    // As on a card built while the domain had no row yet: the row goes, the button names none.
    await createListStore(h.graph, h.siteId, 'DomeinVoortgang').remove(rij.id, rij.eTag!);
    const { rijId: _gone, ...data } = button.data;
    const ids = statusInputIds(actie.id);
    const answer = await invoke({ ...data, eTag: actie.eTag, [ids.status]: actie.value.status });
    expect(cardText(answer.value)).toContain(
      `Dit was al vastgelegd: Sociaal Domein staat op actie ${actie.value.nummer} op "${actie.value.status}".`,
    );
    const after = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.domeinVoortgang;
    expect(after.some((r) => r.value.actie === actie.value.nummer && r.value.domein === 'Sociaal Domein')).toBe(false);

    // Someone changes the action meanwhile (its title, in SharePoint): the card's eTag of the action, which a domain
    // without a row follows, is old. A move from it is a conflict, and no row is made.
    await createListStore(h.graph, h.siteId, 'Acties').update(
      actie.id,
      actie.eTag,
      { [ACTIE_FIELDS.titel]: `${actie.value.titel} (bijgewerkt)` },
      [ACTIE_FIELDS.titel],
    );
    const stale = await invoke({ ...data, eTag: actie.eTag, [ids.status]: 'Geblokkeerd', [ids.toelichting]: 'Wacht.' });
    expect(cardText(stale.value)).toContain(
      'Deze actie is intussen door iemand anders gewijzigd. Er is niets opgeslagen.',
    );
    const rows = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.domeinVoortgang;
    expect(rows.some((r) => r.value.actie === actie.value.nummer && r.value.domein === 'Sociaal Domein')).toBe(false);
  });

  it('records the person who clicked on the row and in its version history, next to the app identity (issue 14, point 4)', async () => {
    const row = await rowOf11();
    if (!row) throw new Error('no row 1.1 Sociaal Domein');
    const { plan } = await loadPlanCold(h.graph, h.sandbox.siteUrl);
    const person = plan.users.find((u) => u.email === IM.email);
    if (!person?.id) throw new Error('the informatiemanager is no site user');
    // Read back through Graph: the row's own columns name the person of the card's write, its author is the app.
    const path = `/sites/${h.siteId}/lists/DomeinVoortgang/items/${row.id}`;
    type Version = {
      lastModifiedBy?: { user?: unknown; application?: { displayName?: string } };
      fields?: Record<string, unknown>;
    };
    const item = await h.graph.get<Version & { fields: Record<string, unknown> }>(`${path}?$expand=fields`);
    expect(item.fields[DOMEIN_VOORTGANG_FIELDS.bijgewerktNaam]).toBe(IM.name);
    expect(String(item.fields[`${DOMEIN_VOORTGANG_FIELDS.bijgewerktDoor}LookupId`])).toBe(person.id);
    expect(item.fields[DOMEIN_VOORTGANG_FIELDS.bijgewerktOp]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item.lastModifiedBy?.user).toBeUndefined();
    const app = item.lastModifiedBy?.application?.displayName;
    expect(app).toBeTruthy();
    const versions = (await h.graph.get<{ value: Version[] }>(`${path}/versions?$expand=fields`)).value;
    expect(versions[0]?.lastModifiedBy?.application?.displayName).toBe(app);
    expect(versions[0]?.fields?.[DOMEIN_VOORTGANG_FIELDS.bijgewerktNaam]).toBe(IM.name);
    // The seeded version names nobody.
    expect(versions.at(-1)?.fields?.[DOMEIN_VOORTGANG_FIELDS.bijgewerktNaam]).toBeUndefined();

    // The tab's history of the row: the card's write in the person's name (via the app), with the status change.
    const store = createDomeinVoortgangStore(h.graph, h.siteId, plan);
    const history = await store.history(row.id);
    expect(history[0]).toMatchObject({ modifiedBy: app, namens: IM.name });
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([
        { key: 'status', field: 'Status', from: 'Niet gestart', to: 'Loopt' },
        { key: 'deadline', field: 'Deadline', from: '', to: '2026-11-01' },
      ]),
    );
    expect(history.slice(1).every((v) => v.namens === undefined)).toBe(true);

    // A later app write made for nobody is not put in the informatiemanager's name.
    await createListStore(h.graph, h.siteId, 'DomeinVoortgang').update(
      row.id,
      row.eTag,
      { [DOMEIN_VOORTGANG_FIELDS.notitie]: 'Door een upgrade gezet.' },
      [DOMEIN_VOORTGANG_FIELDS.sleutel],
    );
    const later = await store.history(row.id);
    expect(later).toHaveLength(history.length + 1);
    expect(later[0]?.namens).toBeUndefined();
    expect(later[1]?.namens).toBe(IM.name);
  });
});
