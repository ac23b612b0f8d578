import type { IAdaptiveCardActionInvokeActivity } from '@microsoft/teams.api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_NOTES,
  handleCardAction,
  REFUSALS,
  type CardActionHandlerDeps,
  type ConnectorOperations,
} from '../../../src/bot/card-actions.js';
import { besluitenByOccurrenceUrl, createBesluitenStore } from '../../../src/data/besluiten-store.js';
import { BESLUIT_FIELDS } from '../../../src/data/lists/besluiten.js';
import { loadMts } from '../../../src/bot/mt-channel.js';
import type { Graph } from '../../../src/data/graph/client.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { BESLUIT_INPUT_ID, statusInputIds } from '../../../src/reminders/verbs.js';
import {
  cardActionActivity,
  cardOf,
  cardText,
  choicesOf,
  CMT_CHANNEL,
  CMT_TEAM,
  executeActions,
  GAST,
  GEMEENTESECRETARIS,
  installActivity,
  MONDAY_MORNING,
  OTHER_TENANT_ID,
  SECRETARIS,
  startHarness,
  STRANGER,
  TENANT_ID,
  type Harness,
} from './harness.js';

const KEY = 'cmt|2026-11-24T08:00:00Z';
let h: Harness;
let messageId: string;

type InvokeAnswer = { statusCode: number; type: string; value: unknown };
type From = { id: string; name?: string; aadObjectId?: string };

const member = (p: typeof SECRETARIS): From => ({
  id: p.id,
  name: p.name ?? '',
  ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}),
});

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
    expect((await post(besluitActivity('Besluit uit een andere organisatie', { tenant: OTHER_TENANT_ID }))).value).toBe(
      REFUSALS.otherTenant,
    );
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
    // What was typed comes back whole: a client that draws the card again empties the input.
    expect(long.value).toBe(
      `Een besluit mag hoogstens 255 tekens lang zijn (dit zijn er 256). Er is niets vastgelegd. Wat je typte (niet opgeslagen): “${'x'.repeat(256)}”`,
    );
    expect(await recorded()).toEqual([]);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('records one decision for the meeting and MT, by the person, and updates the SAME message (PUT, no second POST); a retried invoke records once', async () => {
    const posts = h.connector.posts().length;
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const activity = besluitActivity('IMO-terugkoppeling elk kwartaal\nagenderen');
    const answer = await post(activity);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    // What happened, by whom and when (issue 14, point 5).
    expect(cardText(answer.value)).toMatch(
      new RegExp(`Het besluit is vastgelegd, door ${SECRETARIS.name}, \\d{2}:\\d{2}\\.`),
    );
    expect(cardText(answer.value)).toContain('• IMO-terugkoppeling elk kwartaal agenderen');

    const saved = await recorded();
    expect(saved).toHaveLength(1);
    const cmt = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'cmt');
    const users = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.users;
    expect(saved[0]?.value).toMatchObject({
      tekst: 'IMO-terugkoppeling elk kwartaal agenderen',
      vergadering: KEY,
      mtId: cmt?.id,
      besproken: true,
    });
    expect(users.find((u) => u.id === saved[0]?.value.doorId)?.email).toBe(SECRETARIS.email);
    expect(saved[0]?.value.doorNaam).toBe(SECRETARIS.name);
    expect(Date.parse(saved[0]?.value.op ?? '')).not.toBeNaN();
    // Its version history names the person next to the app that wrote it (issue 14, point 4).
    const versions = (
      await h.graph.get<{
        value: {
          lastModifiedBy?: { user?: unknown; application?: { displayName?: string } };
          fields?: Record<string, unknown>;
        }[];
      }>(`/sites/${h.siteId}/lists/Besluiten/items/${saved[0]?.id}/versions?$expand=fields`)
    ).value;
    expect(versions).toHaveLength(1);
    expect(versions[0]?.lastModifiedBy?.user).toBeUndefined();
    expect(versions[0]?.lastModifiedBy?.application?.displayName).toBeTruthy();
    expect(String(versions[0]?.fields?.[`${BESLUIT_FIELDS.door}LookupId`])).toBe(saved[0]?.value.doorId);
    expect(versions[0]?.fields?.[BESLUIT_FIELDS.doorNaam]).toBe(SECRETARIS.name);
    expect(saved[0]?.value.clientKey).toMatch(/^kaart-besluit:/);

    const put = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(put).toHaveLength(1);
    expect(put[0]?.activityId).toBe(messageId);
    const shared = cardText(cardOf(put[0]!));
    expect(shared).toContain('Besluiten deze vergadering (1)');
    expect(shared).toContain('• IMO-terugkoppeling elk kwartaal agenderen');
    // The notice is for the person who acted; everyone's card says what happened, by whom and when (issue 14, point 5).
    expect(shared).not.toContain('Het besluit is vastgelegd');
    expect(shared).toMatch(
      new RegExp(`Laatste wijziging: Besluit vastgelegd, door ${SECRETARIS.name}, \\d{2}:\\d{2}\\.`),
    );

    // Teams delivers the same invoke again (same activity id): one decision; the shared card is put again, unchanged.
    const again = await post(activity);
    expect(cardText(again.value)).toContain('Dit besluit was al vastgelegd');
    expect(await recorded()).toHaveLength(1);
    const after = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(after).toHaveLength(2);
    expect(cardText(cardOf(after[1]!))).toBe(shared);
    expect(h.connector.posts().length).toBe(posts);
  });

  it('a second click with the same text (another invoke) records once and refreshes the card; another person or another text is another decision', async () => {
    const puts = h.connector.puts(CMT_CHANNEL).length;
    // Case, surrounding spaces and runs of white space do not make it another decision.
    const again = await post(besluitActivity('  imo-terugkoppeling ELK kwartaal   agenderen '));
    expect(again.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(again.value)).toContain('Dit besluit was al vastgelegd; het staat één keer in het besluitenlog.');
    expect((await recorded()).map((b) => b.value.tekst)).toEqual(['IMO-terugkoppeling elk kwartaal agenderen']);
    expect(h.connector.puts(CMT_CHANNEL).slice(puts)).toHaveLength(1);

    const other = await post(
      besluitActivity('IMO-terugkoppeling elk kwartaal agenderen', { from: member(GEMEENTESECRETARIS) }),
    );
    expect(cardText(other.value)).toContain('Het besluit is vastgelegd, door ');
    const changed = await post(besluitActivity('IMO-terugkoppeling elk half jaar agenderen'));
    expect(cardText(changed.value)).toContain('Het besluit is vastgelegd, door ');
    const saved = await recorded();
    expect(saved.map((b) => b.value.tekst)).toEqual([
      'IMO-terugkoppeling elk kwartaal agenderen',
      'IMO-terugkoppeling elk kwartaal agenderen',
      'IMO-terugkoppeling elk half jaar agenderen',
    ]);
    expect(new Set(saved.map((b) => b.value.clientKey)).size).toBe(3);
  });

  it('keeps hostile text inert on the card, and stores it as typed', async () => {
    const hostile = '**vet** [klik](http://x.example) ${mt.naam} {{DATE(2017-02-14T06:08:00Z)}} <img src=x>';
    const answer = await post(besluitActivity(hostile, { from: member(GAST) }));
    // The guest is a member of the team but not a user of the site: no person in Door, the name as text, and told so.
    expect(cardText(answer.value)).toMatch(/naam staat als tekst in het besluitenlog/);
    const saved = await recorded();
    expect(saved.at(-1)?.value.tekst).toBe(hostile);
    expect(saved.at(-1)?.value.doorId).toBeUndefined();
    expect(saved.at(-1)?.value.doorNaam).toBe(GAST.name);
    const shared = cardText(cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!));
    expect(shared).toContain(
      '• \\*\\*vet\\*\\* \\[klik\\](http://x.example) $\\{mt.naam\\} \\{\\{DATE(2017-02-14T06:08:00Z)\\}\\} \\<img src=x\\>',
    );
    expect(shared).toContain(`Besluiten deze vergadering (${saved.length})`);
  });

  it('a later rebuild of the card (Vernieuwen) still lists this meeting’s decisions', async () => {
    const answer = await post(
      cardActionActivity(h, {
        from: member(SECRETARIS),
        channel: CMT_CHANNEL,
        team: CMT_TEAM,
        messageId,
        data: { verb: 'vernieuwen', mtKey: 'cmt', occurrenceKey: KEY },
      }),
    );
    expect(cardText(answer.value)).toContain(`Besluiten deze vergadering (${(await recorded()).length})`);
    expect(cardText(answer.value)).toContain('• IMO-terugkoppeling elk kwartaal agenderen');
  });
});

// ---------- failures around the write: the bot's handler, called with a Graph client or connector that fails ----------

/** Card text as a person reads it (the card escapes Markdown characters with a backslash). */
const readable = (card: unknown) => cardText(card).replace(/\\(.)/g, '$1');

type LogEvent = { level: string; msg: string } & Record<string, unknown>;

/** The deps `createBot` gives the handler, on the harness's site and connector, with the parts a test replaces. */
function handlerDeps(options: { graph?: Graph; connector?: ConnectorOperations } = {}): {
  deps: CardActionHandlerDeps;
  log: LogEvent[];
} {
  const log: LogEvent[] = [];
  return {
    log,
    deps: {
      graph: options.graph ?? h.graph,
      siteId: h.siteId,
      siteUrl: h.sandbox.siteUrl,
      deepLinkFor: h.deepLinkFor,
      tenantId: TENANT_ID,
      connector: options.connector ?? h.bot.connector,
      now: () => new Date(),
      log: (event) => log.push(event),
    },
  };
}

const asInvoke = (activity: Record<string, unknown>) => activity as unknown as IAdaptiveCardActionInvokeActivity;

/**
 * A Graph client whose `$batch` that reads this meeting's decisions fails, and nothing else: `list-missing` answers
 * every sub-request 404 (a site without the Besluiten list), `unreachable` fails the request itself.
 */
function graphWithoutDecisionReads(mode: 'list-missing' | 'unreachable'): Graph {
  const decisionsUrl = besluitenByOccurrenceUrl(h.siteId, KEY);
  const failing: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST' && url.endsWith('/$batch') && typeof init.body === 'string') {
      const batch = JSON.parse(init.body) as { requests: { id: string; url: string }[] };
      if (batch.requests.some((r) => r.url === decisionsUrl)) {
        if (mode === 'unreachable') throw new TypeError('fetch failed (injected)');
        const responses = batch.requests.map((r) => ({
          id: r.id,
          status: 404,
          headers: { 'Content-Type': 'application/json' },
          body: { error: { code: 'itemNotFound', message: 'List not found (injected)' } },
        }));
        return new Response(JSON.stringify({ responses }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }
    }
    return fetch(input, init);
  };
  return h.sandbox.graph({ fetch: failing });
}

describe('"Besluit vastleggen" when the card cannot be updated', () => {
  it('the update fails after the write: "Vastgelegd" with a note, and a second click (another invoke) still records once and refreshes the card', async () => {
    const tekst = 'Pilot Copilot uitbreiden naar het sociaal domein';
    let failures = 0;
    const connector: ConnectorOperations = {
      ...h.bot.connector,
      async updateCard(conversationId, messageId, card) {
        if (failures === 0) {
          failures += 1;
          throw Object.assign(new Error('Request failed with status code 502'), { response: { status: 502 } });
        }
        return h.bot.connector.updateCard(conversationId, messageId, card);
      },
    };
    const { deps, log } = handlerDeps({ connector });
    const puts = h.connector.puts(CMT_CHANNEL).length;
    const before = (await recorded()).length;

    const answer = await handleCardAction(asInvoke(besluitActivity(tekst)), deps);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const notice = readable(answer.value);
    expect(notice).toContain(`Vastgelegd: het besluit staat in het besluitenlog. ${CARD_NOTES.notRefreshed}`);
    expect(notice).not.toContain(REFUSALS.failed);
    // The person's own card shows the decision; everyone else's is unchanged.
    expect(notice).toContain(`• ${tekst}`);
    expect(failures).toBe(1);
    expect(h.connector.puts(CMT_CHANNEL).length).toBe(puts);
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'shared card not updated after a write; the write stands',
        status: 502,
      }),
    );

    // The person clicks again (a new invoke, the same text): nothing new is written, and the card is put for everyone.
    const again = await post(besluitActivity(tekst));
    expect(readable(again.value)).toContain('Dit besluit was al vastgelegd; het staat één keer in het besluitenlog.');
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
    expect((await recorded()).length).toBe(before + 1);
    const put = h.connector.puts(CMT_CHANNEL).slice(puts);
    expect(put).toHaveLength(1);
    expect(put[0]?.activityId).toBe(messageId);
    expect(readable(cardOf(put[0]!))).toContain(`• ${tekst}`);
  });
});

describe('when the meeting’s decisions cannot be read, the shared card is left as it is', () => {
  it('"Besluit vastleggen": the decision is recorded, nothing is put, and the person is told the card shows it at its next update', async () => {
    const tekst = 'Besluit vastgelegd terwijl het besluitenlog niet leesbaar was';
    const { deps, log } = handlerDeps({ graph: graphWithoutDecisionReads('list-missing') });
    const puts = h.connector.puts().length;
    const answer = await handleCardAction(asInvoke(besluitActivity(tekst)), deps);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(answer.value).toMatch(
      new RegExp(
        `^Het besluit is vastgelegd, door .+, \\d{2}:\\d{2}\\. ${CARD_NOTES.decisionsUnread.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
      ),
    );
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
    expect(h.connector.puts().length).toBe(puts);
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'shared card not updated: the meeting decisions could not be read',
        verb: 'besluit-vastleggen',
      }),
    );

    // The same text again while the log still cannot be read: the unique ClientKey keeps it at one.
    const again = await handleCardAction(asInvoke(besluitActivity(tekst)), deps);
    expect(again.value).toBe(
      `Dit besluit was al vastgelegd; het staat één keer in het besluitenlog. ${CARD_NOTES.decisionsUnread}`,
    );
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('"Besproken": recorded in the reminder log, nothing is put', async () => {
    const { deps, log } = handlerDeps({ graph: graphWithoutDecisionReads('unreachable') });
    const puts = h.connector.puts().length;
    const answer = await handleCardAction(
      asInvoke(
        cardActionActivity(h, {
          from: member(SECRETARIS),
          channel: CMT_CHANNEL,
          team: CMT_TEAM,
          messageId,
          data: { verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY },
        }),
      ),
      deps,
    );
    expect(answer).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: `Vastgelegd: besproken door Secretaris CMT. ${CARD_NOTES.decisionsUnread}`,
    });
    expect((await createHerinneringenStore(h.graph, h.siteId).find(KEY))?.value.besprokenOp).toMatch(
      /^\d{4}-\d{2}-\d{2}T/,
    );
    expect(h.connector.puts().length).toBe(puts);
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'shared card not updated: the meeting decisions could not be read',
        verb: 'besproken',
      }),
    );
  });

  it('"Status bijwerken": written to SharePoint, nothing is put; "Vernieuwen" says the decisions are missing', async () => {
    const card = cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!);
    const button = executeActions(card).find((a) => a.verb === 'status-bijwerken');
    if (!button) throw new Error('no status form on the card');
    const actieId = String(button.data.actieId);
    const inputs = statusInputIds(actieId);
    const target = choicesOf(card, inputs.status).find((c) => c === 'Loopt');
    if (!target) throw new Error('"Loopt" is not a choice of the first form');
    const { deps } = handlerDeps({ graph: graphWithoutDecisionReads('list-missing') });
    const puts = h.connector.puts().length;
    const answer = await handleCardAction(
      asInvoke(
        cardActionActivity(h, {
          from: member(SECRETARIS),
          channel: CMT_CHANNEL,
          team: CMT_TEAM,
          messageId,
          data: { ...button.data, [inputs.status]: target, [inputs.toelichting]: 'Gestart.' },
        }),
      ),
      deps,
    );
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toMatch(new RegExp(`^Opgeslagen: .+ → ${target}, door .+, \\d{2}:\\d{2}\\. `));
    expect(answer.value).toContain(CARD_NOTES.decisionsUnread);
    const actie = (await loadPlanCold(h.graph, h.sandbox.siteUrl)).plan.acties.find((a) => a.id === actieId);
    expect(actie?.value.status).toBe(target);
    expect(h.connector.puts().length).toBe(puts);

    const refreshed = await handleCardAction(
      asInvoke(
        cardActionActivity(h, {
          from: member(SECRETARIS),
          channel: CMT_CHANNEL,
          team: CMT_TEAM,
          messageId,
          data: { verb: 'vernieuwen', mtKey: 'cmt', occurrenceKey: KEY },
        }),
      ),
      deps,
    );
    expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(readable(refreshed.value)).toContain(CARD_NOTES.decisionsMissing);
    expect(h.connector.puts().length).toBe(puts);
  });

  it('the next update of the card, once the decisions can be read, shows what was recorded meanwhile', async () => {
    const answer = await post(besluitActivity('Na de storing: besluitenlog weer leesbaar'));
    expect(cardText(answer.value)).toContain('Het besluit is vastgelegd, door ');
    const shared = readable(cardOf(h.connector.puts(CMT_CHANNEL).at(-1)!));
    const saved = await recorded();
    expect(shared).toContain(`Besluiten deze vergadering (${saved.length})`);
    expect(shared).toContain('• Besluit vastgelegd terwijl het besluitenlog niet leesbaar was');
    expect(shared).toContain('• Na de storing: besluitenlog weer leesbaar');
    expect(shared).toMatch(/Besproken door Secretaris CMT/);
  });
});

describe('"Besproken" pressed with a decision typed but not recorded', () => {
  function besprokenActivity(tekst: string): Record<string, unknown> {
    return cardActionActivity(h, {
      from: member(SECRETARIS),
      channel: CMT_CHANNEL,
      team: CMT_TEAM,
      messageId,
      // A client sends the card's inputs with the press, the decision box among them.
      data: { verb: 'besproken', mtKey: 'cmt', occurrenceKey: KEY, [BESLUIT_INPUT_ID]: tekst },
    });
  }

  it('records the typed decision, once, before the item is marked discussed', async () => {
    const tekst = 'Het MT pakt 6.1 en 6.2 samen op';
    const answer = await post(besprokenActivity(`  ${tekst}\n`));
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toContain(`• ${tekst}`);
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
    // Everyone's card shows it, also when the item had been marked discussed before (the tests above did).
    const puts = h.connector.puts(CMT_CHANNEL);
    expect(cardText(cardOf(puts[puts.length - 1]!))).toContain(`• ${tekst}`);
    await post(besprokenActivity(tekst));
    expect((await recorded()).filter((b) => b.value.tekst === tekst)).toHaveLength(1);
  });

  it('refuses a typed decision that is too long, keeps the text in its answer and records nothing', async () => {
    const before = (await recorded()).length;
    const answer = await post(besprokenActivity('y'.repeat(256)));
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).toContain('Het agendapunt is niet als besproken gemarkeerd.');
    expect(answer.value).toContain(`Wat je typte (niet opgeslagen): “${'y'.repeat(256)}”`);
    expect(await recorded()).toHaveLength(before);
  });
});
