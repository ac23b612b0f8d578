/**
 * The reminder job's `CardSender` on the Teams SDK: a proactive post of the agenda card into the MT's channel and an
 * in-place update of that same message through the Bot Connector's conversations API
 * (`POST /v3/conversations/{id}/activities`, `PUT …/activities/{messageId}`).
 *
 * Which Bot Connector: the one Teams gave at the team's installation (`serviceUrl`, recorded only from activities with a
 * validated Bot Framework token, and used only when it is a Teams Bot Connector address: service-url.ts says why), else
 * the configured SERVICE_URL (`app.api`). Teams SDK 2.0's `app.send` always
 * uses the configured one, so a send to another connector goes through an API client for that URL with the app's own
 * HTTP client (the same bot token), as the SDK's activity sender does for a reply.
 */
import { Client as ConnectorClient, MessageActivityInput, toActivityParams } from '@microsoft/teams.api';
import type { App } from '@microsoft/teams.apps';
import type { AgendaCard } from '../reminders/card.js';
import { CARD_BYTE_LIMIT, cardByteSize, MAX_REFRESH_USER_IDS } from '../reminders/card.js';
import type { CardSender } from '../reminders/job.js';
import type { Logger } from '../shared/log.js';
import { trustedServiceUrl } from './service-url.js';
import { checkedId } from './teams-ids.js';

/** The message that carries the card: one Adaptive Card attachment (its `fallbackText` serves clients without cards). */
export function cardMessage(card: AgendaCard): MessageActivityInput {
  return new MessageActivityInput().addCard('adaptive', card);
}

export class CardSendError extends Error {
  override readonly name = 'CardSendError';
}

export type CardSenderOptions = {
  /**
   * The channel's members, for the card's automatic refresh ("Jouw acties" per person; Teams refreshes for at most 60
   * listed users). The job builds the card without them; the sender knows the channel.
   */
  refreshUserIds?: (conversationId: string) => Promise<string[]>;
  log?: Logger;
};

async function withRefreshUsers(
  card: AgendaCard,
  conversationId: string,
  options: CardSenderOptions,
): Promise<AgendaCard> {
  if (!options.refreshUserIds || !card.refresh || (card.refresh.userIds?.length ?? 0) > 0) return card;
  try {
    const ids = (await options.refreshUserIds(conversationId)).slice(0, MAX_REFRESH_USER_IDS);
    // The job sized the card without these ids; never let them push it over Teams' limit.
    let withIds: AgendaCard = { ...card, refresh: { ...card.refresh, userIds: ids } };
    while (ids.length > 0 && cardByteSize(withIds) > CARD_BYTE_LIMIT) {
      ids.pop();
      withIds = { ...card, refresh: { ...card.refresh, userIds: [...ids] } };
    }
    return ids.length === 0 ? card : withIds;
  } catch (error) {
    // The card works without it (people press "Vernieuwen" themselves); a failed lookup must not stop the agenda.
    options.log?.({
      level: 'warn',
      msg: 'channel members not read; the card will not refresh automatically',
      error: error instanceof Error ? error.message : String(error),
    });
    return card;
  }
}

/**
 * The conversations API of a Bot Connector: the configured one, or the installation's with the same credentials when
 * the bot may send its token there (`trustedServiceUrl`); an address it may not is logged and the configured one used.
 */
export function connectorFor(app: App, serviceUrl: string | undefined, log?: Logger): App['api'] | ConnectorClient {
  const configured = app.api.serviceUrl.replace(/\/+$/, '');
  if (!serviceUrl) return app.api;
  const trusted = trustedServiceUrl(serviceUrl, configured);
  if (trusted === undefined) {
    log?.({
      level: 'warn',
      msg: 'serviceUrl refused: not a Teams Bot Connector address; posting through the configured SERVICE_URL',
      serviceUrl: serviceUrl.slice(0, 200),
    });
    return app.api;
  }
  if (trusted === configured) return app.api;
  return new ConnectorClient(trusted, app.api.http, app.options.apiClientSettings, app.cloud);
}

/** Posts a message into a conversation through a Bot Connector (`connectorFor`), as `app.send` puts it on the wire. */
export async function postActivity(
  app: App,
  serviceUrl: string | undefined,
  conversationId: string,
  message: MessageActivityInput,
  log?: Logger,
): Promise<{ id?: string }> {
  const payload = {
    ...toActivityParams(message),
    from: { id: app.id ?? '', role: 'bot' as const },
    conversation: { id: conversationId },
  };
  return connectorFor(app, serviceUrl, log).conversations.createActivity(conversationId, payload);
}

export function createCardSender(app: App, options: CardSenderOptions = {}): CardSender {
  return {
    async send(conversationId, card, serviceUrl) {
      const id = checkedId(conversationId, 'conversation id');
      const message = cardMessage(await withRefreshUsers(card, id, options));
      const sent = await postActivity(app, serviceUrl, id, message, options.log);
      if (!sent.id)
        throw new CardSendError(`The Bot Connector accepted the card for ${id} but returned no message id.`);
      return { messageId: sent.id };
    },
    async update(conversationId, messageId, card, serviceUrl) {
      const id = checkedId(conversationId, 'conversation id');
      await connectorFor(app, serviceUrl, options.log).conversations.updateActivity(
        id,
        checkedId(messageId, 'message id'),
        cardMessage(await withRefreshUsers(card, id, options)),
      );
    },
  };
}
