/**
 * The agenda card's `Action.Execute` buttons as they reach the bot (`adaptiveCard/action` invoke). Before anything
 * changes, the action must come from the configured tenant, from the MT's registered channel, on the card message
 * the bot posted for that meeting, and from a member of the MT's team (asked of the Bot Connector, which knows the
 * roster; the activity's own `from` is only a claim). Then:
 * - `besproken`: recorded in the reminder log, and the SAME message is updated for everyone (PUT to the connector);
 * - `status-bijwerken`: written to SharePoint with the card's eTag, then the card is rebuilt and updated in place;
 *   a conflict or a refused change answers with the card and a Dutch message, and writes nothing;
 * - `vernieuwen`: the person's own view ("Jouw acties"), for that person only;
 * - `besluit-vastleggen`: the typed decision into the decision log (Besluiten list) for this meeting, once per invoke,
 *   then the SAME message is updated for everyone with this meeting's decisions; an empty or too long text is
 *   refused with a Dutch message and records nothing.
 * Every refusal is a Dutch message to the person and a warning in the log, and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { AdaptiveCardActionResponse, IAdaptiveCardActionInvokeActivity, TeamsChannelAccount } from '@microsoft/teams.api';
import type { Logger } from '../server/log.js';
import {
  besprokenOf,
  buildCardFor,
  loadCardContext,
  recordBesluitFromCard,
  recordBesproken,
  updateActieStatus,
  withNotice,
  type CardActionDeps,
  type CardContext,
} from '../reminders/actions.js';
import type { AgendaCard } from '../reminders/card.js';
import { besluitTekstProblem, parseBesluitRequest, parseCardActionData, parseStatusUpdate, type CardActionData } from '../reminders/verbs.js';
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

function cardResponse(card: AgendaCard): AdaptiveCardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export const REFUSALS = {
  unknownAction: 'Deze knop wordt niet (meer) herkend. Open het actieplan om verder te gaan.',
  otherTenant: 'Deze actie is geweigerd: je bent niet aangemeld bij de organisatie van dit actieplan.',
  otherChannel: 'Deze actie is geweigerd: deze kaart hoort niet bij het kanaal van dit MT.',
  otherMessage: 'Deze actie is geweigerd: dit is niet de kaart die voor deze vergadering is verstuurd.',
  noTeam: 'Deze actie kan niet worden gecontroleerd: het team van dit MT is niet geregistreerd. Registreer het kanaal in de instellingen van het actieplan.',
  notMember: 'Deze actie is geweigerd: alleen leden van het team van dit MT kunnen deze kaart gebruiken.',
  memberCheckFailed: 'Het lidmaatschap van het team kon nu niet worden gecontroleerd. Er is niets gewijzigd; probeer het later opnieuw.',
  failed: 'Er ging iets mis bij het verwerken van deze actie. Er is mogelijk niets opgeslagen; open het actieplan om dat na te gaan.',
} as const;

/** The status of an error from the Teams SDK's HTTP client (Axios), when it has one. */
function httpStatus(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function tenantOf(activity: IAdaptiveCardActionInvokeActivity): string[] {
  const ids = [activity.channelData?.tenant?.id, activity.conversation.tenantId].filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

type Actor = { member: TeamsChannelAccount };

/**
 * The ClientKey of a decision typed on the card: the invoke's activity id (the same when an invoke is delivered
 * again), with the meeting and the person, hashed to a short fixed length. Without an activity id the text stands
 * in for it: the same person recording the same text for the same meeting is the same decision.
 */
export function besluitClientKey(activity: Pick<IAdaptiveCardActionInvokeActivity, 'id' | 'from'>, occurrenceKey: string, tekst: string): string {
  const source = activity.id ? `invoke\n${activity.id}` : `tekst\n${tekst}`;
  const hash = createHash('sha256').update(`${occurrenceKey}\n${activity.from?.id ?? ''}\n${source}`).digest('base64url');
  return `kaart-besluit:${hash}`;
}

function actorOf(actor: Actor, activity: IAdaptiveCardActionInvokeActivity): { displayName: string; email?: string; upn?: string } {
  return {
    displayName: actor.member.name || activity.from.name || 'onbekend',
    ...(actor.member.email ? { email: actor.member.email } : {}),
    ...(actor.member.userPrincipalName ? { upn: actor.member.userPrincipalName } : {}),
  };
}
type Checked = { data: CardActionData; ctx: CardContext; actor: Actor } | { refusal: AdaptiveCardActionResponse };

async function check(activity: IAdaptiveCardActionInvokeActivity, deps: CardActionHandlerDeps): Promise<Checked> {
  const refuse = (text: string, reason: string, extra: Record<string, unknown> = {}): Checked => {
    deps.log({ level: 'warn', msg: 'card action refused', reason, user: activity.from?.id, conversation: activity.conversation?.id, ...extra });
    return { refusal: message(text) };
  };
  const data = parseCardActionData(activity.value?.action?.data);
  if (!data) return refuse(REFUSALS.unknownAction, 'unknown-action');

  const tenants = tenantOf(activity);
  if (tenants.length === 0 || tenants.some((t) => t !== deps.tenantId)) return refuse(REFUSALS.otherTenant, 'tenant', { tenants });

  const loaded = await loadCardContext(deps, data.mtKey, data.occurrenceKey);
  if ('problem' in loaded) return refuse(loaded.message, loaded.problem, { mt: data.mtKey, key: data.occurrenceKey });
  const mt = loaded.mt.value;

  if (!mt.conversationId || baseConversationId(activity.conversation.id) !== mt.conversationId) {
    return refuse(REFUSALS.otherChannel, 'conversation', { mt: mt.key });
  }
  const messageId = activity.replyToId ?? threadMessageId(activity.conversation.id);
  if (messageId !== undefined && messageId !== loaded.herinnering.value.berichtId) return refuse(REFUSALS.otherMessage, 'message', { mt: mt.key });

  // The roster of the team's thread (`19:…`); an MT registered by its Entra group id is checked on its channel,
  // whose members are the team's (standard channel) or fewer (private channel).
  const roster = mt.teamId?.startsWith('19:') ? mt.teamId : mt.teamId ? mt.conversationId : undefined;
  if (!roster) return refuse(REFUSALS.noTeam, 'no-team', { mt: mt.key });
  let member: TeamsChannelAccount | undefined;
  try {
    member = await deps.connector.getMember(roster, activity.from.id);
  } catch (error) {
    deps.log({ level: 'error', msg: 'team membership check failed', mt: mt.key, status: httpStatus(error), error: error instanceof Error ? error.message : String(error) });
    return { refusal: message(REFUSALS.memberCheckFailed) };
  }
  if (!member) return refuse(REFUSALS.notMember, 'not-member', { mt: mt.key });
  // The roster answers for this user id; its object id and tenant must agree with what the activity says.
  if (member.aadObjectId && activity.from.aadObjectId && member.aadObjectId.toLowerCase() !== activity.from.aadObjectId.toLowerCase()) {
    return refuse(REFUSALS.notMember, 'member-object-id', { mt: mt.key });
  }
  if (member.tenantId && member.tenantId !== deps.tenantId) return refuse(REFUSALS.otherTenant, 'member-tenant', { mt: mt.key });
  return { data, ctx: loaded, actor: { member } };
}

async function refreshUsers(deps: CardActionHandlerDeps, ctx: CardContext): Promise<string[] | undefined> {
  const conversation = ctx.mt.value.conversationId;
  if (!conversation) return undefined;
  try {
    return await deps.connector.memberIds(conversation, 60);
  } catch (error) {
    // The card still works without automatic refresh (people press "Vernieuwen" themselves); say so in the log.
    deps.log({ level: 'warn', msg: 'channel members not read; the card will not refresh automatically', mt: ctx.mt.value.key, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** Puts the rebuilt card on the original message, for everyone. */
async function updateForEveryone(deps: CardActionHandlerDeps, ctx: CardContext, card: AgendaCard): Promise<void> {
  const conversation = ctx.mt.value.conversationId;
  const messageId = ctx.herinnering.value.berichtId;
  if (!conversation || !messageId) return;
  await deps.connector.updateCard(conversation, messageId, card);
}

/** Answers one `adaptiveCard/action` invoke. Never throws for a refusal; unexpected errors are logged and answered. */
export async function handleCardAction(activity: IAdaptiveCardActionInvokeActivity, deps: CardActionHandlerDeps): Promise<AdaptiveCardActionResponse> {
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
        return cardResponse(card);
      }
      case 'besproken': {
        const result = await recordBesproken(deps, ctx, actorOf(actor, activity), now);
        ctx = result.ctx;
        const userIds = await refreshUsers(deps, ctx);
        const shared = buildCardFor(deps, ctx, { now, besproken: result.besproken, ...(userIds ? { refreshUserIds: userIds } : {}) });
        if (!result.alreadyRecorded) await updateForEveryone(deps, ctx, shared);
        deps.log({ level: 'info', msg: 'agenda item discussed', mt: ctx.mt.value.key, key: ctx.herinnering.value.sleutel, knownOnSite: result.besproken.knownOnSite, already: result.alreadyRecorded });
        if (result.alreadyRecorded) return cardResponse(withNotice(shared, `Dit agendapunt was al als besproken vastgelegd door ${result.besproken.door}.`, 'Good'));
        if (!result.besproken.knownOnSite) {
          return cardResponse(
            withNotice(shared, `${result.besproken.door} is geen gebruiker van de SharePoint-site; de naam staat als tekst in het logboek in plaats van als persoon.`, 'Warning'),
          );
        }
        return cardResponse(shared);
      }
      case 'besluit-vastleggen': {
        const request = parseBesluitRequest(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const problem = besluitTekstProblem(request.tekst);
        if (problem) return message(problem);
        const result = await recordBesluitFromCard(deps, ctx, actorOf(actor, activity), request.tekst, besluitClientKey(activity, request.occurrenceKey, request.tekst), now);
        ctx = result.ctx;
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const shared = buildCardFor(deps, ctx, { now, ...(besproken ? { besproken } : {}), ...(userIds ? { refreshUserIds: userIds } : {}) });
        if (!result.alreadyRecorded) await updateForEveryone(deps, ctx, shared);
        deps.log({ level: 'info', msg: 'decision recorded from the agenda card', mt: ctx.mt.value.key, key: ctx.herinnering.value.sleutel, besluit: result.besluit.id, already: result.alreadyRecorded, knownOnSite: result.knownOnSite });
        if (result.alreadyRecorded) return cardResponse(withNotice(shared, 'Dit besluit was al vastgelegd; het staat één keer in het besluitenlog.', 'Good'));
        if (!result.knownOnSite) {
          return cardResponse(withNotice(shared, 'Het besluit is vastgelegd, zonder naam: je bent geen gebruiker van de SharePoint-site.', 'Warning'));
        }
        return cardResponse(withNotice(shared, 'Het besluit is vastgelegd.', 'Good'));
      }
      case 'status-bijwerken': {
        const request = parseStatusUpdate(activity.value.action.data);
        if (!request) return message(REFUSALS.unknownAction);
        const outcome = await updateActieStatus(deps, ctx, request);
        ctx = outcome.ctx;
        const besproken = await besprokenOf(deps, ctx);
        const userIds = await refreshUsers(deps, ctx);
        const shared = buildCardFor(deps, ctx, { now, ...(besproken ? { besproken } : {}), ...(userIds ? { refreshUserIds: userIds } : {}) });
        switch (outcome.kind) {
          case 'updated':
            await updateForEveryone(deps, ctx, shared);
            deps.log({ level: 'info', msg: 'action status changed from the agenda card', mt: ctx.mt.value.key, actie: outcome.actie.id, status: outcome.actie.value.status });
            return cardResponse(withNotice(shared, outcome.message, 'Good'));
          case 'not-on-agenda':
            deps.log({ level: 'warn', msg: 'card action refused', reason: 'not-on-agenda', mt: ctx.mt.value.key, actie: request.actieId, user: activity.from.id });
            return message(outcome.message);
          case 'conflict':
            return cardResponse(withNotice(shared, outcome.message, 'Attention'));
          case 'invalid':
            return cardResponse(withNotice(shared, `Niet opgeslagen: ${outcome.message}`, 'Attention'));
        }
      }
    }
  } catch (error) {
    deps.log({ level: 'error', msg: 'card action failed', error: error instanceof Error ? error.message : String(error), status: httpStatus(error) });
    return message(REFUSALS.failed);
  }
}
