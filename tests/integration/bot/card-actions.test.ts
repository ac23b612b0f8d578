import { deadlineKind } from '../../../src/domain/planning.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../src/bot/card-actions.js';
import type { Actie } from '../../../src/domain/model.js';
import { createActiesStore } from '../../../src/data/acties-store.js';
import { createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { ACTIE_FIELDS } from '../../../src/data/lists/acties.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import { HERINNERING_FIELDS } from '../../../src/data/lists/herinneringen.js';
import { createListStore } from '../../../src/data/list-store.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { isActieOfMT } from '../../../src/domain/agenda.js';
import { hasDomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import { loadCardContext, updateActieStatus } from '../../../src/reminders/actions.js';
import { sendNow } from '../../../src/reminders/cli.js';
import { cardByteSize, DEFAULT_CARD_BUDGET } from '../../../src/reminders/card.js';
import { BESLUIT_INPUT_ID, statusInputIds } from '../../../src/reminders/verbs.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';
import {
  cardActionActivity,
  cardOf,
  cardText,
  choicesOf,
  CMT_CHANNEL,
  CMT_TEAM,
  executeActions,
  GAST,
  installActivity,
  MONDAY_MORNING,
  OTHER_TENANT_ID,
  TENANT_ID,
  SECRETARIS,
  startHarness,
  STRANGER,
  STRANGERS_TEAM,
  type Harness,
} from './harness.js';

const KEY = 'cmt|2026-11-24T08:00:00Z';
let h: Harness;
let messageId: string;
let card: Record<string, unknown>;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };

async function invoke(
  data: Record<string, unknown>,
  options: {
    from?: { id: string; name?: string; aadObjectId?: string };
    channel?: string;
    tenant?: string;
    messageId?: string;
  } = {},
) {
  const activity = cardActionActivity(h, {
    from: options.from ?? {
      id: SECRETARIS.id,
      name: SECRETARIS.name,
      ...(SECRETARIS.aadObjectId ? { aadObjectId: SECRETARIS.aadObjectId } : {}),
    },
    channel: options.channel ?? CMT_CHANNEL,
    team: CMT_TEAM,
    messageId: options.messageId ?? messageId,
    data,
    ...(options.tenant ? { tenant: options.tenant } : {}),
  });
  const answer = await h.post(activity);
  expect(answer.status).toBe(200);
  return answer.body as InvokeAnswer;
}

/** The card's summary facts (Achterstallig, Open acties, ...) by title. */
function factsOf(c: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; facts?: { title: string; value: string }[] };
    if (n.type === 'FactSet') for (const f of n.facts ?? []) found[f.title] = f.value;
    Object.values(node).forEach(walk);
  };
  walk(c);
  return found;
}

async function acties(): Promise<Loaded<Actie>[]> {
  return (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.acties;
}

async function actie(id: string): Promise<Loaded<Actie>> {
  const found = (await acties()).find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}

async function logEntry(key = KEY) {
  const entry = await createHerinneringenStore(h.graph, h.siteId).find(key);
  if (!entry) throw new Error(`no log entry ${key}`);
  return entry;
}

/** The first action on the card with a status form, its button data and the statuses it may move to. */
function firstForm(c: unknown, where: (actieId: string) => boolean = () => true) {
  const button = executeActions(c).find((a) => a.verb === 'status-bijwerken' && where(String(a.data.actieId)));
  if (!button) throw new Error('no status form on the card');
  const id = String(button.data.actieId);
  return {
    button,
    id,
    eTag: String(button.data.eTag),
    inputs: statusInputIds(id),
    choices: choicesOf(c, statusInputIds(id).status),
  };
}

beforeAll(async () => {
  h = await startHarness();
  expect((await h.post(installActivity(h, { team: CMT_TEAM }))).status).toBe(200);
  const report = await h.runJob(MONDAY_MORNING);
  const sent = report.outcomes.find((o) => o.outcome === 'sent' && o.mtKey === 'cmt');
  if (!sent || sent.outcome !== 'sent') throw new Error('the CMT card was not sent');
  messageId = sent.messageId;
  card = cardOf(h.connector.posts(CMT_CHANNEL)[0]!);
});
afterAll(async () => {
  await h?.close();
});

describe('refusals change nothing', () => {
  it('an action from someone who is not a member of the CMT team is refused in Dutch', async () => {
    const before = { log: await logEntry(), puts: h.connector.puts().length };
    const answer = await invoke({ verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY }, { from: STRANGER });
    expect(answer).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: REFUSALS.notMember,
    });
    expect((await logEntry()).eTag).toBe(before.log.eTag);
    expect(h.connector.puts().length).toBe(before.puts);
  });

  it('a status update from a non-member writes nothing to SharePoint', async () => {
    const form = firstForm(card);
    const before = await actie(form.id);
    const answer = await invoke({ ...form.button.data, [form.inputs.status]: form.choices[0] }, { from: STRANGER });
    expect(answer.value).toBe(REFUSALS.notMember);
    expect((await actie(form.id)).eTag).toBe(before.eTag);
  });

  it('an action from another tenant is refused, even from a member id', async () => {
    const before = await logEntry();
    const answer = await invoke({ verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY }, { tenant: OTHER_TENANT_ID });
    expect(answer.value).toBe(REFUSALS.otherTenant);
    expect((await logEntry()).eTag).toBe(before.eTag);
  });

  it('the card replayed in another channel, or on another message, is refused', async () => {
    expect(
      (await invoke({ verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY }, { channel: STRANGERS_TEAM })).value,
    ).toBe(REFUSALS.otherChannel);
    expect((await invoke({ verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY }, { messageId: '1' })).value).toBe(
      REFUSALS.otherMessage,
    );
    expect((await logEntry()).value.besprokenOp).toBeUndefined();
  });

  it('"Besluit vastleggen" replayed in another channel, or on another message, is refused and records nothing', async () => {
    const puts = h.connector.puts().length;
    const data = {
      verb: 'besluit-vastleggen',
      mtKey: 'cmt',
      occurrenceKey: KEY,
      [BESLUIT_INPUT_ID]: 'Besluit van elders',
    };
    expect(await invoke(data, { channel: STRANGERS_TEAM })).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: REFUSALS.otherChannel,
    });
    expect(await invoke(data, { messageId: '1' })).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: REFUSALS.otherMessage,
    });
    expect(await createBesluitenStore(h.graph, h.siteId).ofOccurrence(KEY)).toEqual([]);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('a writing button on an invoke that names no message is refused; only "Vernieuwen" may come without one', async () => {
    const before = { log: await logEntry(), puts: h.connector.puts().length };
    const form = firstForm(card);
    const actieBefore = await actie(form.id);
    /** The invoke without `replyToId` and with the bare channel id (no `;messageid=`). */
    const withoutMessage = (data: Record<string, unknown>) => {
      const activity = cardActionActivity(h, {
        from: {
          id: SECRETARIS.id,
          name: SECRETARIS.name,
          ...(SECRETARIS.aadObjectId ? { aadObjectId: SECRETARIS.aadObjectId } : {}),
        },
        channel: CMT_CHANNEL,
        team: CMT_TEAM,
        messageId: messageId,
        data,
      });
      delete activity.replyToId;
      activity.conversation = { ...(activity.conversation as Record<string, unknown>), id: CMT_CHANNEL };
      return activity;
    };
    for (const data of [
      { verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY },
      { verb: 'besluit-vastleggen', mtKey: 'cmt', occurrenceKey: KEY, [BESLUIT_INPUT_ID]: 'Besluit zonder kaart' },
      { ...form.button.data, [form.inputs.status]: form.choices[0] },
    ]) {
      const answer = await h.post(withoutMessage(data));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: REFUSALS.otherMessage,
      });
    }
    expect((await logEntry()).eTag).toBe(before.log.eTag);
    expect(await createBesluitenStore(h.graph, h.siteId).ofOccurrence(KEY)).toEqual([]);
    expect((await actie(form.id)).eTag).toBe(actieBefore.eTag);
    expect(h.connector.puts().length).toBe(before.puts);
    expect(h.log).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'card action refused', reason: 'no-message-id' }),
    );

    const refresh = await h.post(withoutMessage({ verb: 'vernieuwen', mtKey: 'cmt', occurrenceKey: KEY }));
    expect((refresh.body as InvokeAnswer).type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('an action that is not on this MT’s agenda cannot be changed from its card', async () => {
    // 6.1 belongs to the four business domains, not to Concern (the CMT's domain).
    const other = (await acties()).find((a) => a.value.nummer === '6.1');
    if (!other) throw new Error('no action 6.1');
    const ids = statusInputIds(other.id);
    const answer = await invoke({
      verb: 'status-bijwerken',
      mtKey: 'cmt',
      occurrenceKey: KEY,
      actieId: other.id,
      eTag: other.eTag,
      [ids.status]: 'Loopt',
    });
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toMatch(/niet op de agenda van dit MT/);
    expect((await actie(other.id)).eTag).toBe(other.eTag);
  });

  it('a button that is not ours is refused', async () => {
    expect((await invoke({ verb: 'verwijderen', mtKey: 'cmt', occurrenceKey: KEY })).value).toBe(
      REFUSALS.unknownAction,
    );
    expect((await invoke({ verb: 'besproken', mtKey: 'mt-sociaal-domein', occurrenceKey: KEY })).type).toBe(
      'application/vnd.microsoft.activity.message',
    );
  });
});

describe('"Vernieuwen" gives the person their own view', () => {
  it('returns the card with "Jouw acties" for the viewer and updates nothing', async () => {
    const puts = h.connector.puts().length;
    const answer = await invoke({ verb: 'vernieuwen', mtKey: 'cmt', occurrenceKey: KEY });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toMatch(/Jouw acties/);
    expect(h.connector.puts().length).toBe(puts);
  });
});

describe('"Besproken"', () => {
  it('records who and when in the reminder log and updates the SAME message for everyone, without a second post', async () => {
    const posts = h.connector.posts().length;
    // The tenant id written in capitals is the same tenant (a GUID; Teams sends it in lower case, not every client may).
    const answer = await invoke(
      { verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY },
      { tenant: TENANT_ID.toUpperCase() },
    );
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toMatch(/Besproken door Secretaris CMT op /);
    // "Besproken" is gone from the buttons once it is recorded.
    expect(executeActions(answer.value).map((a) => a.verb)).not.toContain('besproken');

    const log = await logEntry();
    expect(log.value.besprokenOp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The person column holds the site user (the persona's lookup id in the User Information List).
    const users = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.users;
    expect(users.find((u) => u.id === log.value.besprokenDoorId)?.email).toBe(SECRETARIS.email);

    const puts = h.connector.puts(CMT_CHANNEL);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.activityId).toBe(messageId);
    expect(cardText(cardOf(puts[0]!))).toMatch(/Besproken door Secretaris CMT/);
    expect(h.connector.posts().length).toBe(posts);
  });

  it('a second press changes nothing and says who recorded it first', async () => {
    const before = await logEntry();
    const answer = await invoke(
      { verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY },
      { from: { id: GAST.id, name: GAST.name, ...(GAST.aadObjectId ? { aadObjectId: GAST.aadObjectId } : {}) } },
    );
    expect(cardText(answer.value)).toMatch(/al als besproken vastgelegd door Secretaris CMT/);
    expect((await logEntry()).eTag).toBe(before.eTag);
    expect(h.connector.puts(CMT_CHANNEL)).toHaveLength(1);
  });

  it('someone the site does not know is logged by name as text, and told so', async () => {
    // The next meeting's card, sent through the CLI's --send-now path once the meeting of 24 November has started.
    const sent = await sendNow(
      {
        graph: h.graph,
        siteId: h.siteId,
        siteUrl: h.sandbox.siteUrl,
        deepLinkFor: h.deepLinkFor,
        now: new Date('2026-11-24T08:30:00Z'),
        sender: h.bot.sender,
        claimant: 'cli-test',
      },
      'cmt',
    );
    expect(sent).toMatchObject({ outcome: 'sent', key: 'cmt|2026-12-01T08:00:00Z', conversationId: CMT_CHANNEL });
    if (sent.outcome !== 'sent') return;
    const answer = await invoke(
      { verb: 'besproken', mtKey: 'cmt', occurrenceKey: sent.key },
      {
        from: { id: GAST.id, name: GAST.name, ...(GAST.aadObjectId ? { aadObjectId: GAST.aadObjectId } : {}) },
        messageId: sent.messageId,
      },
    );
    const text = cardText(answer.value);
    expect(text).toMatch(/Besproken door Gast Extern/);
    expect(text).toMatch(/geen gebruiker van de SharePoint\\?-site/);
    const log = await logEntry(sent.key);
    expect(log.value.besprokenDoorId).toBeUndefined();
    expect(log.value.besprokenOp).toBeDefined();
    const item = await createListStore(h.graph, h.siteId, 'Herinneringen').get(log.id, [HERINNERING_FIELDS.titel]);
    expect(item.fields[HERINNERING_FIELDS.titel]).toMatch(/Besproken door Gast Extern \(niet bekend op de site\)$/);
    expect(h.connector.puts(CMT_CHANNEL).at(-1)?.activityId).toBe(sent.messageId);
  });
});

describe('a status update from the card', () => {
  let form: ReturnType<typeof firstForm>;
  let target: string;
  /** What the first test chooses on the form: the status, a reason and a date (a second press sends it again). */
  const choice = () => ({
    [form.inputs.status]: target,
    [form.inputs.toelichting]: 'Besproken in het CMT: we starten.',
    // Longest overdue of all, so the action stays first on the card, with its form.
    [form.inputs.deadline]: '2025-01-31',
  });

  it('writes the status, reason and date to SharePoint and updates the same card in place', async () => {
    // A one-off deadline (eenmalig): a started standing commitment (doorlopend) is no longer late and leaves the card.
    const eenmalig = new Set<string>();
    for (const a of executeActions(card).filter((x) => x.verb === 'status-bijwerken')) {
      const id = String(a.data.actieId);
      if (deadlineKind((await actie(id)).value) === 'eenmalig') eenmalig.add(id);
    }
    form = firstForm(card, (id) => eenmalig.has(id));
    const before = await actie(form.id);
    // A move that needs no reason, so the optional reason is the card's own.
    target = form.choices.find((c) => c === 'Loopt') ?? form.choices[0]!;
    const posts = h.connector.posts().length;
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const answer = await invoke({ ...form.button.data, ...choice() });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    // What happened, by whom and when (issue 14, point 5): "3.1 → Loopt, door Secretaris CMT, 17:05." (the card's text
    // escapes a leading "3." as Markdown, "3\.1", which Teams shows as 3.1).
    expect(cardText(answer.value)).toMatch(
      new RegExp(
        `${before.value.nummer.replace('.', '\\\\?\\.')} → ${target}, door ${SECRETARIS.name}, \\d{2}:\\d{2}\\.`,
      ),
    );

    const after = await actie(form.id);
    expect(after.value).toMatchObject({
      status: target,
      statusToelichting: 'Besproken in het CMT: we starten.',
      deadline: '2025-01-31',
    });
    expect(after.eTag).not.toBe(before.eTag);

    const put = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(put).toHaveLength(1);
    expect(put[0]?.activityId).toBe(messageId);
    // The updated card carries the action's new eTag, so the next change from it is not a conflict.
    const updated = executeActions(cardOf(put[0]!)).find(
      (a) => a.verb === 'status-bijwerken' && a.data.actieId === form.id,
    );
    expect(updated?.data.eTag).toBe(after.eTag);
    expect(h.connector.posts().length).toBe(posts);
  });

  it('records the person who clicked on the action and in its version history, next to the app identity (issue 14, point 4)', async () => {
    const users = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.users;
    const secretaris = users.find((u) => u.email === SECRETARIS.email);
    if (!secretaris?.id) throw new Error('the secretary is no site user');
    // Read back through Graph: the item's own columns name the person, and the write's author is the app.
    const path = `/sites/${h.siteId}/lists/Acties/items/${form.id}`;
    const item = await h.graph.get<{
      lastModifiedBy?: { user?: unknown; application?: { displayName?: string } };
      fields: Record<string, unknown>;
    }>(`${path}?$expand=fields`);
    expect(item.fields[ACTIE_FIELDS.bijgewerktNaam]).toBe(SECRETARIS.name);
    expect(String(item.fields[`${ACTIE_FIELDS.bijgewerktDoor}LookupId`])).toBe(secretaris.id);
    expect(item.fields[ACTIE_FIELDS.bijgewerktOp]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item.lastModifiedBy?.user).toBeUndefined();
    const app = item.lastModifiedBy?.application?.displayName;
    expect(app).toBeTruthy();
    // The version history: the newest version carries the same person next to the app.
    const versions = (
      await h.graph.get<{
        value: {
          lastModifiedBy?: { user?: unknown; application?: { displayName?: string } };
          fields?: Record<string, unknown>;
        }[];
      }>(`${path}/versions?$expand=fields`)
    ).value;
    expect(versions[0]?.lastModifiedBy?.application?.displayName).toBe(app);
    expect(versions[0]?.fields?.[ACTIE_FIELDS.bijgewerktNaam]).toBe(SECRETARIS.name);
    expect(String(versions[0]?.fields?.[`${ACTIE_FIELDS.bijgewerktDoor}LookupId`])).toBe(secretaris.id);
    // The seeded versions before it name nobody.
    expect(versions.slice(1).every((v) => v.fields?.[ACTIE_FIELDS.bijgewerktNaam] === undefined)).toBe(true);

    // The tab's history: "Secretaris CMT (via <app>)" for that version only, the status change in it.
    const plan = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan;
    const store = createActiesStore(h.graph, h.siteId, plan);
    const history = await store.history(form.id);
    expect(history[0]).toMatchObject({ modifiedBy: app, namens: SECRETARIS.name });
    expect(history[0]?.changes).toContainEqual(expect.objectContaining({ field: 'Status', to: target }));
    expect(history.slice(1).every((v) => v.namens === undefined)).toBe(true);

    // A later write by the app that is made for nobody (an upgrade step, say) is not put in the secretary's name.
    const current = await actie(form.id);
    await createListStore(h.graph, h.siteId, 'Acties').update(
      form.id,
      current.eTag,
      { [ACTIE_FIELDS.omschrijving]: 'Door een upgrade gezet.' },
      [ACTIE_FIELDS.nummer],
    );
    const later = await store.history(form.id);
    expect(later).toHaveLength(history.length + 1);
    expect(later[0]?.namens).toBeUndefined();
    expect(later[1]?.namens).toBe(SECRETARIS.name);
  });

  it('a second press of "Opslaan" (the same card, the same choice) says it is in place, not refused, and writes nothing', async () => {
    const before = await actie(form.id);
    const puts = h.connector.puts().length;
    const answer = await invoke({ ...form.button.data, ...choice() });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(answer.value);
    expect(text).toContain(`Dit was al vastgelegd: actie ${before.value.nummer} staat op "${target}".`);
    expect(text).not.toMatch(/Niet opgeslagen/);
    const after = await actie(form.id);
    expect(after.eTag).toBe(before.eTag);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('keeps the status and moves only the deadline (the status it has is a choice too), and says so', async () => {
    const before = await actie(form.id);
    const puts = h.connector.puts(CMT_CHANNEL).length;
    // The card as it is now (after the change above), with the action's current eTag.
    const latest = cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!);
    const current = firstForm(latest, (id) => id === form.id);
    expect(current.choices.at(-1)).toBe(before.value.status);
    const answer = await invoke({
      ...current.button.data,
      // The action's eTag now (a test above wrote it once more after the card was updated).
      eTag: before.eTag,
      [current.inputs.status]: before.value.status,
      [current.inputs.deadline]: '2025-02-28',
    });
    expect(cardText(answer.value)).toMatch(
      new RegExp(`${before.value.nummer.replace('.', '\\\\?\\.')}: deadline 28 februari 2025, door ${SECRETARIS.name}`),
    );
    const after = await actie(form.id);
    expect(after.value).toMatchObject({ status: before.value.status, deadline: '2025-02-28' });
    expect(after.value.statusToelichting).toBe(before.value.statusToelichting);
    expect(h.connector.puts(CMT_CHANNEL).length).toBe(puts + 1);
  });

  it('a card with a stale eTag gets a Dutch conflict message and SharePoint stays as it is', async () => {
    const before = await actie(form.id);
    const puts = h.connector.puts().length;
    const other = form.choices.find((c) => c !== target) ?? 'Geblokkeerd';
    // The eTag from the card as it was first sent: someone (the test above) changed the action since.
    const answer = await invoke({
      ...form.button.data,
      [form.inputs.status]: other,
      [form.inputs.toelichting]: 'Toch anders.',
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toMatch(/intussen door iemand anders gewijzigd\. Er is niets opgeslagen/);
    // The new card's form is empty: the reason typed on the old one is shown under the notice, not lost.
    expect(cardText(answer.value)).toMatch(/Wat je typte \(niet opgeslagen\):\nToch anders\./);
    const after = await actie(form.id);
    expect(after.eTag).toBe(before.eTag);
    expect(after.value.status).toBe(target);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('a stale card’s reason of the most a card takes comes back whole, and the card keeps its byte budget', async () => {
    const other = form.choices.find((c) => c !== target) ?? 'Geblokkeerd';
    // 1,000 characters (the input's maxLength), many of more than one UTF-8 byte: the card gives up rows, not text.
    const typed =
      'één ’s middags geëscaleerd zónder besluit '.repeat(30).slice(0, TEXT_MAX.statusToelichting - 1) + 'x';
    const answer = await invoke({ ...form.button.data, [form.inputs.status]: other, [form.inputs.toelichting]: typed });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain(`Wat je typte (niet opgeslagen):\n${typed}`);
    expect(cardByteSize(answer.value)).toBeLessThanOrEqual(DEFAULT_CARD_BUDGET);
  });

  it('a card built before someone else’s change is a conflict, even when its move breaks a rule of their version', async () => {
    const before = await actie(form.id);
    // The first card's eTag (stale), and a move that needs a reason from where the action stands now.
    const answer = await invoke({ ...form.button.data, [form.inputs.status]: 'Geblokkeerd' });
    const text = cardText(answer.value);
    expect(text).toMatch(/intussen door iemand anders gewijzigd\. Er is niets opgeslagen/);
    expect(text).not.toMatch(/Niet opgeslagen/);
    // A move the old card allowed (Niet gestart → Niet overgenomen, with a reason) that the action's status now
    // forbids (Loopt): the conflict and the current card too, not a message that leaves the stale card in place.
    const forbidden = await invoke({
      ...form.button.data,
      [form.inputs.status]: 'Niet overgenomen',
      [form.inputs.toelichting]: 'Past niet meer.',
    });
    expect(forbidden.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(forbidden.value)).toMatch(/intussen door iemand anders gewijzigd\. Er is niets opgeslagen/);
    expect(cardText(forbidden.value)).toContain('Wat je typte (niet opgeslagen):\nPast niet meer.');
    expect((await actie(form.id)).eTag).toBe(before.eTag);
  });

  it('a move that breaks the plan’s rules is refused with the rule, and nothing is written', async () => {
    const current = await actie(form.id);
    const ids = statusInputIds(form.id);
    // Geblokkeerd needs a reason (docs/decisions.md); none is given. The card's eTag in the form of a fields answer
    // (no braces), as a card rebuilt after the bot's own write carries it: the same version, so the rule speaks.
    const answer = await invoke({
      verb: 'status-bijwerken',
      mtKey: 'cmt',
      occurrenceKey: KEY,
      actieId: form.id,
      eTag: current.eTag.replace(/[{}]/g, ''),
      [ids.status]: 'Geblokkeerd',
    });
    // A message, not a card: Teams leaves the person's card as it is.
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toMatch(/^Niet opgeslagen: .*toelichting/i);
    expect(answer.value).not.toContain('Wat je typte');
    // A date that is no date, with a reason typed: the reason comes back in the message, whole.
    const typed = await invoke({
      verb: 'status-bijwerken',
      mtKey: 'cmt',
      occurrenceKey: KEY,
      actieId: form.id,
      eTag: current.eTag,
      [ids.status]: current.value.status,
      [ids.toelichting]: 'Wacht op het besluit van de directie.',
      [ids.deadline]: 'morgen',
    });
    expect(typed.type).toBe('application/vnd.microsoft.activity.message');
    expect(typed.value).toBe(
      'Niet opgeslagen: Vul de nieuwe deadline in als datum (bijvoorbeeld 2026-12-31). Wat je typte (niet opgeslagen): “Wacht op het besluit van de directie.”',
    );
    expect((await actie(form.id)).eTag).toBe(current.eTag);
  });

  it('the card everyone sees says what happened and by whom, and its counts move (issue 14, point 5)', async () => {
    const current = await actie(form.id);
    const ids = statusInputIds(form.id);
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const before = factsOf(cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!));
    // Loopt → Afgerond: the action leaves the overdue actions and the open ones.
    const answer = await invoke({
      verb: 'status-bijwerken',
      mtKey: 'cmt',
      occurrenceKey: KEY,
      actieId: form.id,
      eTag: current.eTag,
      [ids.status]: 'Afgerond',
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const put = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(put).toHaveLength(1);
    const shared = cardOf(put[0]!);
    const line = new RegExp(
      `Laatste wijziging: ${current.value.nummer.replace('.', '\\\\?\\.')} → Afgerond, door ${SECRETARIS.name}, \\d{2}:\\d{2}\\.`,
    );
    expect(cardText(shared)).toMatch(line);
    const after = factsOf(shared);
    expect(Number(after.Achterstallig)).toBe(Number(before.Achterstallig) - 1);
    const open = (f: Record<string, string>) => Number(f['Open acties']?.split(' ')[0]);
    expect(open(after)).toBe(open(before) - 1);
    expect((await actie(form.id)).value.status).toBe('Afgerond');
  });
});

// Last in the file: the actions they delete stay deleted.
describe('an action deleted since the card was built', () => {
  it('its status button says it was deleted, keeps what was typed, and the card everyone sees lets it go', async () => {
    const shared = h.connector.puts(CMT_CHANNEL).at(-1);
    const current = shared ? cardOf(shared) : card;
    const gone = firstForm(current);
    await h.graph.delete(`/sites/${h.siteId}/lists/Acties/items/${gone.id}`);
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const answer = await invoke({
      ...gone.button.data,
      [gone.inputs.status]: gone.choices[0] ?? 'Loopt',
      [gone.inputs.toelichting]: 'Getypt voor een verwijderde actie.',
    });
    // Before: "Deze actie staat niet op de agenda van dit MT." as a message, and the old card with its form stayed.
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain(
      'Deze actie is intussen door iemand anders verwijderd. Er is niets opgeslagen. De kaart toont nu de actuele stand.',
    );
    expect(cardText(answer.value)).toMatch(/Wat je typte \(niet opgeslagen\):\nGetypt voor een verwijderde actie\./);
    const updated = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(updated).toHaveLength(1);
    const formsFor = (c: unknown) =>
      executeActions(c).filter((a) => a.verb === 'status-bijwerken' && String(a.data.actieId) === gone.id);
    expect(formsFor(current).length).toBeGreaterThan(0);
    expect(formsFor(cardOf(updated[0]!))).toEqual([]);
    expect(formsFor(answer.value)).toEqual([]);
  });

  it('deleted between the card’s read and its write: said so, nothing written, and the card without it', async () => {
    const deps = { graph: h.graph, siteId: h.siteId, siteUrl: h.sandbox.siteUrl, deepLinkFor: h.deepLinkFor };
    const ctx = await loadCardContext(deps, 'cmt', KEY);
    if ('problem' in ctx) throw new Error(ctx.message);
    const target = ctx.plan.acties.find((a) => isActieOfMT(a.value, ctx.mt.value) && !hasDomeinVoortgang(a.value));
    if (!target) throw new Error('no action of the CMT without progress per domain');
    // The read is done (ctx); someone deletes the action in SharePoint before the write.
    await h.graph.delete(`/sites/${h.siteId}/lists/Acties/items/${target.id}`);
    const outcome = await updateActieStatus(
      deps,
      ctx,
      // The status it has and a new deadline: a change that any status allows.
      {
        mtKey: 'cmt',
        occurrenceKey: KEY,
        actieId: target.id,
        eTag: target.eTag,
        status: target.value.status,
        deadline: '2030-12-31',
      },
      { displayName: SECRETARIS.name },
      new Date(),
    );
    expect(outcome.kind).toBe('deleted');
    expect(outcome.message).toBe(
      `Actie ${target.value.nummer} is intussen door iemand anders verwijderd. Er is niets opgeslagen. De kaart toont nu de actuele stand.`,
    );
    // The card is built from the answer's context: without the deleted action, so there is nothing to choose again.
    expect(outcome.ctx.plan.acties.map((a) => a.id)).not.toContain(target.id);
    expect((await acties()).map((a) => a.id)).not.toContain(target.id);
  });
});
