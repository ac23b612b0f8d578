/**
 * Where an MT's agenda card goes, and through which Bot Connector.
 *
 * A bot can post into a standard channel of a team it is installed in without having heard from that channel: a
 * standard channel's id (`19:…@thread.tacv2`) is its conversation id, and the tenant and the Bot Connector address
 * (`serviceUrl`) are those of the team's installation. So an MT registered after the install, with its team and
 * channel, gets its card as soon as the team's installation is known; the bot records the conversation on the MT
 * after the first post.
 */
import type { MT } from '../domain/model.js';
import type { Installatie } from '../data/lists/installaties.js';

export type PostTarget = {
  conversationId: string;
  /** The installation's Bot Connector; absent: the configured SERVICE_URL. */
  serviceUrl?: string;
  /** True when the MT has no conversation recorded yet: write it after the first successful post. */
  record: boolean;
};

export type NoTarget = { missing: 'no-team' | 'not-installed'; detail: string };

/** The conversation and Bot Connector for an MT's card, or what is missing (Dutch, for the log and the UI). */
export function postTarget(mt: MT, installatie: Installatie | undefined): PostTarget | NoTarget {
  const serviceUrl = installatie?.serviceUrl ? { serviceUrl: installatie.serviceUrl } : {};
  if (mt.conversationId) return { conversationId: mt.conversationId, ...serviceUrl, record: false };
  if (!mt.teamId)
    return {
      missing: 'no-team',
      detail: `${mt.naam} heeft geen team en kanaal: een beheerder legt ze vast in Instellingen van het tabblad Actieplan.`,
    };
  if (!installatie) {
    return {
      missing: 'not-installed',
      detail: `De app is (nog) niet geïnstalleerd in het team van ${mt.naam}: voeg haar toe aan het team, dan komt de kaart in het kanaal.`,
    };
  }
  // A registered channel, else the team's General channel (its id is the team's thread id).
  return { conversationId: mt.channelId ?? installatie.teamId, ...serviceUrl, record: true };
}

export function isPostTarget(t: PostTarget | NoTarget): t is PostTarget {
  return 'conversationId' in t;
}
