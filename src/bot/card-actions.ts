/**
 * The agenda card's `Action.Execute` buttons as they reach the bot (`adaptiveCard/action` invoke). Before anything
 * changes, the action must come from the configured tenant, from the MT's registered channel, on the card message
 * the bot posted for that meeting, and from a member of the MT's team (asked of the Bot Connector, which knows the
 * roster; the activity's own `from` is only a claim). Then:
 * - `besproken`: recorded in the reminder log, and the SAME message is updated for everyone (PUT to the connector);
 * - `status-bijwerken`: written to SharePoint with the card's eTag, then the card is rebuilt and updated in place;
 *   a conflict answers with the current card and a Dutch message (and the reason typed on the old card, whose form
 *   the new card no longer holds); a change the plan's rules refuse answers with a message only (Teams does not
 *   replace the card), which repeats what was typed. Neither writes anything;
 * - `vernieuwen`: the person's own view ("Jouw acties"), for that person only;
 * - `besluit-vastleggen`: the typed decision into the decision log (Besluiten list) for this meeting, once per
 *   person and text (`besluitClientKey`: a retried invoke or a second click lands once), then the SAME message is
 *   updated for everyone with this meeting's decisions (also on a second click: the first update may have failed);
 *   an empty or too long text is refused with a Dutch message and records nothing;
 * - `agenderen` (a domain MT's card): one of the MT's actions onto the CMT's agenda with a required reason, once per
 *   card, person, action and reason; the person gets the card back with what was done;
 * - `agendering-besproken` (the CMT's card only): the escalation ticked as discussed with the card's eTag (If-Match),
 *   optionally with a decision; the SAME message is updated for everyone, without the item.
 * A writing button needs the message it was pressed on (`replyToId` or `;messageid=`); without one it is refused.
 * Every refusal is a Dutch message to the person and a warning in the log, and changes nothing.
 *
 * The shared card is only replaced by a complete one: when the meeting's decisions could not be read, a write still
 * stands but the message is left as it is, and the person is told the card shows it at its next update. When the
 * update itself fails after a write, the person is told what was recorded and that the card could not be refreshed
 * (never the generic failure, which would invite a second write).
 */
import type {
  AdaptiveCardActionResponse,
  IAdaptiveCardActionInvokeActivity,
  TeamsChannelAccount,
} from '@microsoft/teams.api';
import type { Logger } from '../shared/log.js';
import { concernDomein } from '../domain/inrichting-basis.js';
import {
  agenderenFromCard,
  agenderingBesprokenFromCard,
  besprokenOf,
  buildCardFor,
  loadCardContext,
  noticeCardFor,
  recordBesluitFromCard,
  recordBesproken,
  updateActieStatus,
  withNotice,
  type CardActionDeps,
  type CardContext,
} from '../reminders/actions.js';
import type { AgendaCard } from '../reminders/card.js';
import { changedBy, formatDateNl, truncateText } from '../reminders/card-text.js';
import { TEXT_MAX } from '../domain/text-limits.js';
import {
  agenderingClientKey,
  besluitClientKey,
  besluitTextProblem,
  parseAgenderenRequest,
  parseAgenderingBesproken,
  parseBesluitRequest,
  typedBesluit,
  parseCardActionData,
  parseStatusUpdate,
  type CardActionData,
} from '../reminders/verbs.js';
import { baseConversationId, threadMessageId } from './teams-ids.js';

/** What the handler asks of the Bot Connector (always the configured one, never the activity's serviceUrl). */
export type ConnectorOperations = {
  /** The member of a team (or channel) conversation; undefined when the user is not a member. */
  getMember(conversationId: string, userId: string): Promise<TeamsChannelAccount | undefined>;
  /** Up to `max` member ids, for the card's automatic refresh. */
  memberIds(conversationId: string, max: number): Promise<string[]>;
  updateCard(conversationId: string, messageId: string, card: AgendaCard): Promise<void>;
};

export type CardActionHandlerDeps = CardActionDeps & {
  /** The tenant whose people may act (TENANT_ID). */
  tenantId: string;
  connector: ConnectorOperations;
  now: () => Date;
  log: Logger;
};

/** A refusal or failure the person sees as a message; nothing was changed. */
function message(text: string): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

/**
 * A refusal as a message: Teams shows it and leaves the card as it is. What the person typed is in it too, whole:
 * a client that draws the card again (Agents Playground does) closes the form and empties its inputs.
 */
function refusal(text: string, typed: string | undefined): AdaptiveCardActionResponse {
  // Longer than any of the card's inputs takes only from a hand-made invoke: not echoed beyond that.
  const kept = typed === undefined ? '' : truncateText(typed.trim(), 2 * TEXT_MAX.statusToelichting);
  return message(kept ? `${text} Wat je typte (niet opgeslagen): “${kept}”` : text);
}

function cardResponse(card: AgendaCard): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export const REFUSALS = {
  unknownAction: 'Deze knop wordt niet (meer) herkend. Open het actieplan om verder te gaan.',
  otherTenant: 'Deze actie is geweigerd: je bent niet aangemeld bij de organisatie van dit actieplan.',
  otherChannel: 'Deze actie is geweigerd: deze kaart hoort niet bij het kanaal van dit MT.',
  otherMessage: 'Deze actie is geweigerd: dit is niet de kaart die voor deze vergadering is verstuurd.',
  noTeam:
    'Deze actie kan niet worden gecontroleerd: het team van dit MT is niet geregistreerd. Registreer het kanaal in de instellingen van het actieplan.',
  notMember: 'Deze actie is geweigerd: alleen leden van het team van dit MT kunnen deze kaart gebruiken.',
  memberCheckFailed:
    'Het lidmaatschap van het team kon nu niet worden gecontroleerd. Er is niets gewijzigd; probeer het later opnieuw.',
  failed:
    'Er ging iets mis bij het verwerken van deze actie. Er is mogelijk niets opgeslagen; open het actieplan om dat na te gaan.',
} as const;

/** What the person is told besides what was saved, when the shared card was not (or could not be) updated. */
export const CARD_NOTES = {
  /** The meeting's decisions could not be read: the shared card was left as it is. */
  decisionsUnread:
    'De kaart is nu niet bijgewerkt, omdat de besluiten van deze vergadering niet konden worden gelezen; de kaart toont het bij de volgende bijwerking.',
  /** The update (PUT) of the shared card failed after the write. */
  notRefreshed:
    'De kaart kon nu niet voor iedereen worden bijgewerkt; de anderen zien het bij de volgende bijwerking van de kaart.',
  /** A card for one person, built without the meeting's decisions. */
  decisionsMissing:
    'De besluiten van deze vergadering konden nu niet worden gelezen; ze ontbreken tijdelijk op deze kaart.',
} as const;

/** The status of an error from the Teams SDK's HTTP client (Axios), when it has one. */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function tenantOf(activity: IAdaptiveCardActionInvokeActivity): string[] {
  const ids = [activity.channelData?.tenant?.id, activity.conversation.tenantId].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

type Actor = { member: TeamsChannelAccount };

function actorOf(
  actor: Actor,
  activity: IAdaptiveCardActionInvokeActivity,
): { displayName: string; email?: string; upn?: string } {
  return {
    displayName: actor.member.name || activity.from.name || 'onbekend',
    ...(actor.member.email ? { email: actor.member.email } : {}),
    ...(actor.member.userPrincipalName ? { upn: actor.member.userPrincipalName } : {}),
  };
}
type Checked = { data: CardActionData; ctx: CardContext; actor: Actor } | { refusal: AdaptiveCardActionResponse };

async function check(activity: IAdaptiveCardActionInvokeActivity, deps: CardActionHandlerDeps): Promise<Checked> {
  const refuse = (text: string, reason: string, extra: Record<string, unknown> = {}): Checked => {
    deps.log({
      level: 'warn',
      msg: 'card action refused',
      reason,
      user: activity.from?.id,
      conversation: activity.conversation?.id,
      ...extra,
    });
    return { refusal: message(text) };
  };
  const data = parseCardActionData(activity.value?.action?.data);
  if (!data) return refuse(REFUSALS.unknownAction, 'unknown-action');

  const tenants = tenantOf(activity);
  if (tenants.length === 0 || tenants.some((t) => t !== deps.tenantId))
    return refuse(REFUSALS.otherTenant, 'tenant', { tenants });

  const loaded = await loadCardContext(deps, data.mtKey, data.occurrenceKey);
  if ('problem' in loaded) return refuse(loaded.message, loaded.problem, { mt: data.mtKey, key: data.occurrenceKey });
  const mt = loaded.mt.value;

  if (!mt.conversationId || baseConversationId(activity.conversation.id) !== mt.conversationId) {
    return refuse(REFUSALS.otherChannel, 'conversation', { mt: mt.key });
  }
  // A writing button must name the card it was pressed on; only the person's own refresh may come without it.
  const messageId = activity.replyToId ?? threadMessageId(activity.conversation.id);
  if (messageId === undefined && data.verb !== 'vernieuwen')
    return refuse(REFUSALS.otherMessage, 'no-message-id', { mt: mt.key, verb: data.verb });
  if (messageId !== undefined && messageId !== loaded.herinnering.value.berichtId)
    return refuse(REFUSALS.otherMessage, 'message', { mt: mt.key });

  // The roster of the team's thread (`19:…`); an MT registered by its Entra group id is checked on its channel,
  // whose members are the team's (standard channel) or fewer (private channel).
  const roster = mt.teamId?.startsWith('19:') ? mt.teamId : mt.teamId ? mt.conversationId : undefined;
  if (!roster) return refuse(REFUSALS.noTeam, 'no-team', { mt: mt.key });
  let member: TeamsChannelAccount | undefined;
  try {
    member = await deps.connector.getMember(roster, activity.from.id);
  } catch (error) {
    deps.log({
      level: 'error',
      msg: 'team membership check failed',
      mt: mt.key,
      status: httpStatus(error),
      error: error instanceof Error ? error.message : String(error),
    });
    return { refusal: message(REFUSALS.memberCheckFailed) };
  }
  if (!member) return refuse(REFUSALS.notMember, 'not-member', { mt: mt.key });
  // The roster answers for this user id; its object id and tenant must agree with what the activity says.
  if (
    member.aadObjectId &&
    activity.from.aadObjectId &&
    member.aadObjectId.toLowerCase() !== activity.from.aadObjectId.toLowerCase()
  ) {
    return refuse(REFUSALS.notMember, 'member-object-id', { mt: mt.key });
  }
  if (member.tenantId && member.tenantId.toLowerCase() !== deps.tenantId)
    return refuse(REFUSALS.otherTenant, 'member-tenant', { mt: mt.key });
  return { data, ctx: loaded, actor: { member } };
}

async function refreshUsers(deps: CardActionHandlerDeps, ctx: CardContext): Promise<string[] | undefined> {
  const conversation = ctx.mt.value.conversationId;
  if (!conversation) return undefined;
  try {
    return await deps.connector.memberIds(conversation, 60);
  } catch (error) {
    // The card still works without automatic refresh (people press "Vernieuwen" themselves); say so in the log.
    deps.log({
      level: 'warn',
      msg: 'channel members not read; the card will not refresh automatically',
      mt: ctx.mt.value.key,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/**
 * Puts the rebuilt card on the original message, for everyone, after a write. `skipped`: the meeting's decisions
 * could not be read, so the card would wipe them from the shared message; it is left as it is. `failed`: the
 * connector refused or did not answer; the write stands. Both are logged; neither throws.
 */
async function updateForEveryone(
  deps: CardActionHandlerDeps,
  ctx: CardContext,
  card: AgendaCard,
  verb: CardActionData['verb'],
): Promise<'updated' | 'skipped' | 'failed'> {
  const conversation = ctx.mt.value.conversationId;
  const messageId = ctx.herinnering.value.berichtId;
  if (!ctx.decisionsRead) {
    deps.log({
      level: 'warn',
      msg: 'shared card not updated: the meeting decisions could not be read',
      mt: ctx.mt.value.key,
      key: ctx.herinnering.value.sleutel,
      verb,
    });
    return 'skipped';
  }
  if (!conversation || !messageId) return 'updated';
  try {
    await deps.connector.updateCard(conversation, messageId, card);
    return 'updated';
  } catch (error) {
    deps.log({
      level: 'error',
      msg: 'shared card not updated after a write; the write stands',
      mt: ctx.mt.value.key,
      key: ctx.herinnering.value.sleutel,
      verb,
      status: httpStatus(error),
      error: error instanceof Error ? error.message : String(error),
    });
    return 'failed';
  }
}

/**
 * After a domain MT put an action on the CMT's agenda from its card: the CMT's card that is already posted (its most
 * recent sent meeting card) is rebuilt from the site and put on the same message, the way every other card write
 * updates its card, so "Geagendeerd door de MT's" shows the item without waiting for a button or the next card.
 * Best effort: the escalation stands whatever happens here, and a failure is logged. Also called by the tab's
 * `POST /api/tab/cmt-kaart` (tab-api.ts) after an escalation made in the action's detail.
 */
export async function refreshCmtCard(
  deps: CardActionHandlerDeps,
  data: Pick<CardContext['data'], 'mts' | 'herinneringen' | 'inrichting'>,
  now: Date,
): Promise<'updated' | 'skipped' | 'failed' | 'none'> {
  // The CMT is the MT of the site's concern domain (its set-up, issue 12.8), not an MT named 'Concern'.
  const cmtDomein = concernDomein(data.inrichting);
  const cmt = data.mts.find((m) => m.value.actief !== false && m.value.domeinen.includes(cmtDomein));
  if (!cmt) return 'none';
  const sent = data.herinneringen
    .filter((h) => h.value.mtId === cmt.id && h.value.status === 'verzonden' && h.value.berichtId)
    .sort((a, b) => b.value.moment.localeCompare(a.value.moment))[0];
  if (!sent) return 'none';
  try {
    const cmtCtx = await loadCardContext(deps, cmt.value.key, sent.value.sleutel);
    if ('problem' in cmtCtx) return 'none';
    const besproken = await besprokenOf(deps, cmtCtx);
    const userIds = await refreshUsers(deps, cmtCtx);
    const card = buildCardFor(deps, cmtCtx, {
      now,
      ...(besproken ? { besproken } : {}),
      ...(userIds ? { refreshUserIds: userIds } : {}),
    });
    return await updateForEveryone(deps, cmtCtx, card, 'agenderen');
  } catch (error) {
    deps.log({
      level: 'error',
      msg: 'the CMT card was not updated after an escalation; the escalation stands',
      mt: cmt.value.key,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'failed';
  }
}

/** Answers one `adaptiveCard/action` invoke. Never throws for a refusal; unexpected errors are logged and answered. */
export async function handleCardAction(
  activity: IAdaptiveCardActionInvokeActivity,
  deps: CardActionHandlerDeps,
): Promise<AdaptiveCardActionResponse> {
  try {
    const checked = await check(activity, deps);
    if ('refusal' in checked) return checked.refusal;
    const { data, actor } = checked;
    let { ctx } = checked;
    const now = deps.now();

    switch (data.verb) {
      case 'vernieuwen': {
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const card = buildCardFor(deps, ctx, {
          now,
          viewerDisplayName: actor.member.name || activity.from.name || '',
          ...(besproken ? { besproken } : {}),
          ...(userIds ? { refreshUserIds: userIds } : {}),
        });
        return cardResponse(ctx.decisionsRead ? card : withNotice(card, CARD_NOTES.decisionsMissing, 'Warning'));
      }
      case 'besproken': {
        // A decision typed but not recorded goes with the press: recorded first, never lost with the card's update.
        const typed = typedBesluit(activity.value.action.data);
        let besluitVastgelegd = false;
        if (typed !== '') {
          const problem = besluitTextProblem(typed);
          if (problem) return refusal(`${problem} Het agendapunt is niet als besproken gemarkeerd.`, typed);
          const clientKey = besluitClientKey(ctx.herinnering.value.sleutel, activity.from.id, typed);
          const recorded = await recordBesluitFromCard(deps, ctx, actorOf(actor, activity), typed, clientKey, now);
          ctx = recorded.ctx;
          besluitVastgelegd = true;
        }
        const result = await recordBesproken(deps, ctx, actorOf(actor, activity), now);
        ctx = result.ctx;
        const userIds = await refreshUsers(deps, ctx);
        const shared = buildCardFor(deps, ctx, {
          now,
          besproken: result.besproken,
          ...(userIds ? { refreshUserIds: userIds } : {}),
        });
        // A decision recorded with this press goes onto everyone's card, also when the item was discussed already.
        const update =
          result.alreadyRecorded && !besluitVastgelegd
            ? undefined
            : await updateForEveryone(deps, ctx, shared, data.verb);
        deps.log({
          level: 'info',
          msg: 'agenda item discussed',
          mt: ctx.mt.value.key,
          key: ctx.herinnering.value.sleutel,
          knownOnSite: result.besproken.knownOnSite,
          already: result.alreadyRecorded,
          update,
        });
        const unknown = result.besproken.knownOnSite
          ? ''
          : ` ${result.besproken.door} is geen gebruiker van de SharePoint-site; de naam staat als tekst in het logboek in plaats van als persoon.`;
        if (result.alreadyRecorded) {
          const already = `Dit agendapunt was al als besproken vastgelegd door ${result.besproken.door}.`;
          return ctx.decisionsRead ? cardResponse(withNotice(shared, already, 'Good')) : message(already);
        }
        if (update === 'skipped')
          return message(
            `Vastgelegd: besproken door ${result.besproken.door}.${unknown} ${CARD_NOTES.decisionsUnread}`,
          );
        if (update === 'failed')
          return cardResponse(
            withNotice(
              shared,
              `Vastgelegd: besproken door ${result.besproken.door}.${unknown} ${CARD_NOTES.notRefreshed}`,
              'Warning',
            ),
          );
        if (unknown) return cardResponse(withNotice(shared, unknown.trim(), 'Warning'));
        if (besluitVastgelegd)
          return cardResponse(
            withNotice(shared, 'Het getypte besluit is vastgelegd en het agendapunt is besproken.', 'Good'),
          );
        return cardResponse(shared);
      }
      case 'besluit-vastleggen': {
        const request = parseBesluitRequest(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const problem = besluitTextProblem(request.tekst);
        if (problem) return refusal(problem, request.tekst);
        // The meeting, the person and the text: the same decision clicked again lands once (see besluitClientKey).
        const clientKey = besluitClientKey(ctx.herinnering.value.sleutel, activity.from.id, request.tekst);
        const result = await recordBesluitFromCard(deps, ctx, actorOf(actor, activity), request.tekst, clientKey, now);
        ctx = result.ctx;
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const view = { now, ...(besproken ? { besproken } : {}), ...(userIds ? { refreshUserIds: userIds } : {}) };
        const shared = buildCardFor(deps, ctx, view);
        // What happened and by whom, for everyone (issue 14, point 5), from the decision as stored, so a repeated
        // click puts the same card.
        const door = result.besluit.value.doorNaam ?? actorOf(actor, activity).displayName;
        const op = result.besluit.value.op ? new Date(result.besluit.value.op) : now;
        const forEveryone = buildCardFor(deps, ctx, {
          now,
          ...(besproken ? { besproken } : {}),
          ...(userIds ? { refreshUserIds: userIds } : {}),
          laatsteWijziging: changedBy('Besluit vastgelegd', door, Number.isNaN(op.getTime()) ? now : op),
        });
        // Also when it was recorded before: that click's update of the shared card may have failed.
        const update = await updateForEveryone(deps, ctx, forEveryone, data.verb);
        deps.log({
          level: 'info',
          msg: 'decision recorded from the agenda card',
          mt: ctx.mt.value.key,
          key: ctx.herinnering.value.sleutel,
          besluit: result.besluit.id,
          already: result.alreadyRecorded,
          knownOnSite: result.knownOnSite,
          update,
        });
        const recorded = result.alreadyRecorded
          ? 'Dit besluit was al vastgelegd; het staat één keer in het besluitenlog.'
          : result.knownOnSite
            ? `${changedBy('Het besluit is vastgelegd', actorOf(actor, activity).displayName, now)}.`
            : `${changedBy('Het besluit is vastgelegd', actorOf(actor, activity).displayName, now)}. Je naam staat als tekst in het besluitenlog, niet als persoon: je bent geen gebruiker van de SharePoint-site.`;
        if (update === 'skipped') return message(`${recorded} ${CARD_NOTES.decisionsUnread}`);
        if (update === 'failed') {
          const saved = result.alreadyRecorded
            ? recorded
            : `Vastgelegd: het besluit staat in het besluitenlog${result.knownOnSite ? '' : ', met je naam als tekst (je bent geen gebruiker van de SharePoint-site)'}.`;
          return cardResponse(withNotice(shared, `${saved} ${CARD_NOTES.notRefreshed}`, 'Warning'));
        }
        return cardResponse(
          withNotice(shared, recorded, result.alreadyRecorded || result.knownOnSite ? 'Good' : 'Warning'),
        );
      }
      case 'agenderen': {
        const request = parseAgenderenRequest(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const clientKey = agenderingClientKey(
          ctx.herinnering.value.sleutel,
          activity.from.id,
          request.actieId ?? '',
          request.reden,
        );
        const outcome = await agenderenFromCard(deps, ctx, actorOf(actor, activity), request, clientKey, now);
        const cmtCard = outcome.kind === 'saved' ? await refreshCmtCard(deps, outcome.ctx.data, now) : undefined;
        deps.log({
          level: outcome.kind === 'saved' ? 'info' : 'warn',
          msg: 'escalation to the CMT from the agenda card',
          mt: ctx.mt.value.key,
          actie: request.actieId,
          outcome: outcome.kind,
          cmtCard,
        });
        // Nothing on this MT's shared card changes. A refusal is a message (`refusal`: the card is not replaced, and
        // the reason typed is in the message). What was done comes with their card.
        if (outcome.kind !== 'saved') return refusal(`Niet geagendeerd: ${outcome.message}`, request.reden);
        if (!outcome.ctx.decisionsRead) return message(outcome.message);
        const besproken = await besprokenOf(deps, outcome.ctx);
        const card = buildCardFor(deps, outcome.ctx, { now, ...(besproken ? { besproken } : {}) });
        return cardResponse(withNotice(card, outcome.message, 'Good'));
      }
      case 'agendering-besproken': {
        const request = parseAgenderingBesproken(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const outcome = await agenderingBesprokenFromCard(deps, ctx, actorOf(actor, activity), request, now);
        ctx = outcome.ctx;
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const view = { now, ...(besproken ? { besproken } : {}), ...(userIds ? { refreshUserIds: userIds } : {}) };
        const shared = buildCardFor(deps, ctx, view);
        deps.log({
          level: outcome.kind === 'saved' ? 'info' : 'warn',
          msg: 'escalation ticked on the CMT card',
          mt: ctx.mt.value.key,
          agendering: request.agenderingId,
          outcome: outcome.kind,
        });
        // A refusal of what the card still shows rightly is a message (`refusal`, which repeats the decision typed).
        // One whose item is gone, and a conflict, get the current card, with the decision typed shown in the notice.
        const notice = (text: string) =>
          cardResponse(noticeCardFor(deps, ctx, view, { text, color: 'Attention', typed: request.besluit }));
        if (outcome.kind === 'refused') {
          const text = `Niet afgevinkt: ${outcome.message}`;
          return outcome.stale && ctx.decisionsRead ? notice(text) : refusal(text, request.besluit);
        }
        if (outcome.kind === 'conflict') {
          // Someone else's tick: the item may have left; the shared card shows the current state too.
          if (ctx.decisionsRead) await updateForEveryone(deps, ctx, shared, data.verb);
          return ctx.decisionsRead ? notice(outcome.message) : refusal(outcome.message, request.besluit);
        }
        const update = await updateForEveryone(deps, ctx, shared, data.verb);
        if (update === 'skipped') return message(`${outcome.message} ${CARD_NOTES.decisionsUnread}`);
        if (update === 'failed')
          return cardResponse(withNotice(shared, `${outcome.message} ${CARD_NOTES.notRefreshed}`, 'Warning'));
        return cardResponse(withNotice(shared, outcome.message, 'Good'));
      }
      case 'status-bijwerken': {
        const request = parseStatusUpdate(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const outcome = await updateActieStatus(deps, ctx, request, actorOf(actor, activity), now);
        ctx = outcome.ctx;
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const view = { now, ...(besproken ? { besproken } : {}), ...(userIds ? { refreshUserIds: userIds } : {}) };
        const shared = buildCardFor(deps, ctx, view);
        switch (outcome.kind) {
          case 'updated': {
            // What happened and by whom: "3.1 → Afgerond, door Secretaris CMT, 17:05" (issue 14, point 5), on the card
            // everyone sees (its counts come from the plan as written) and as the clicker's notice.
            const { nummer, status, deadline } = outcome.actie.value;
            // "3.1 → Afgerond", or with the status kept what did change: "8.1: deadline 28 februari 2025".
            const delen = [
              ...(outcome.changed.includes('deadline')
                ? [deadline === undefined ? 'deadline verwijderd' : `deadline ${formatDateNl(deadline)}`]
                : []),
              ...(outcome.changed.includes('toelichting') ? ['toelichting bijgewerkt'] : []),
            ];
            const wat = outcome.changed.includes('status')
              ? `${nummer} → ${status}`
              : `${nummer}: ${delen.join(', ') || 'bijgewerkt'}`;
            const wijziging = changedBy(wat, actorOf(actor, activity).displayName, now);
            const update = await updateForEveryone(
              deps,
              ctx,
              buildCardFor(deps, ctx, { ...view, laatsteWijziging: wijziging }),
              data.verb,
            );
            deps.log({
              level: 'info',
              msg: 'action status changed from the agenda card',
              mt: ctx.mt.value.key,
              actie: outcome.actie.id,
              status: outcome.actie.value.status,
              update,
            });
            const said = `${wijziging}.`;
            if (update === 'skipped') return message(`Opgeslagen: ${said} ${CARD_NOTES.decisionsUnread}`);
            if (update === 'failed')
              return cardResponse(withNotice(shared, `Opgeslagen: ${said} ${CARD_NOTES.notRefreshed}`, 'Warning'));
            return cardResponse(withNotice(shared, said, 'Good'));
          }
          case 'not-on-agenda':
            deps.log({
              level: 'warn',
              msg: 'card action refused',
              reason: 'not-on-agenda',
              mt: ctx.mt.value.key,
              actie: request.actieId,
              user: activity.from.id,
            });
            return refusal(outcome.message, request.toelichting);
          case 'deleted':
            // Everyone's card still offers the deleted action's form: the shared card shows the current state too.
            deps.log({
              level: 'warn',
              msg: 'card action on a deleted action',
              mt: ctx.mt.value.key,
              actie: request.actieId,
              user: activity.from.id,
            });
            if (ctx.decisionsRead) await updateForEveryone(deps, ctx, shared, data.verb);
            return cardResponse(
              noticeCardFor(deps, ctx, view, {
                text: ctx.decisionsRead ? outcome.message : `${outcome.message} ${CARD_NOTES.decisionsMissing}`,
                color: 'Attention',
                typed: request.toelichting,
              }),
            );
          case 'conflict':
            // The person needs the current version (and its eTag) to choose again, even without the decisions; the
            // new card's form is empty, so the reason they typed is shown in the notice.
            return cardResponse(
              noticeCardFor(deps, ctx, view, {
                text: ctx.decisionsRead ? outcome.message : `${outcome.message} ${CARD_NOTES.decisionsMissing}`,
                color: 'Attention',
                typed: request.toelichting,
              }),
            );
          case 'invalid':
            // Nothing changed, and the card is current (a stale card is a conflict first): a message (`refusal`)
            // leaves the person's card as it is, to mend the choice. Only a card whose form no longer applies gets the
            // current card.
            if (!outcome.stale || !ctx.decisionsRead)
              return refusal(`Niet opgeslagen: ${outcome.message}`, request.toelichting);
            return cardResponse(
              noticeCardFor(deps, ctx, view, {
                text: `Niet opgeslagen: ${outcome.message}`,
                color: 'Attention',
                typed: request.toelichting,
              }),
            );
          case 'unchanged':
            // A second press of "Opslaan" (or the same change by someone else): in place, nothing written.
            if (!ctx.decisionsRead) return message(outcome.message);
            return cardResponse(withNotice(shared, outcome.message, 'Good'));
        }
      }
    }
  } catch (error) {
    deps.log({
      level: 'error',
      msg: 'card action failed',
      error: error instanceof Error ? error.message : String(error),
      status: httpStatus(error),
    });
    return message(REFUSALS.failed);
  }
}
