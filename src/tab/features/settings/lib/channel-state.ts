/**
 * What "Verbonden" means for an MT's channel (issue 14, point 1): the bot has recorded the channel's conversation
 * (on an installation or channel event, or after its first post there). Otherwise it says what is missing, in the
 * order the reminder job needs it (`postTarget`): a team and channel, the app installed in that team, then the first
 * card, which goes to the registered channel or else the team's General channel.
 */
import { installatieForTeam } from '../../../../data/installaties-store.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { Installatie } from '../../../../data/lists/installaties.js';
import { conversationIsChannel } from '../../../../data/mts-store.js';
import type { MT } from '../../../../domain/model.js';

export type ChannelState =
  /** The bot recorded this channel's conversation: the card goes there. */
  | { kind: 'verbonden' }
  /** The bot recorded a conversation of another channel than the registered one; the card still goes there. */
  | { kind: 'ander-kanaal' }
  /** No team (and so no channel) registered. */
  | { kind: 'geen-team' }
  /** A team is registered, but the app is not (yet) installed in it as far as the bot knows. */
  | { kind: 'niet-geinstalleerd' }
  /** Team registered and app installed; nothing posted yet. The first card goes to the channel or General. */
  | { kind: 'eerste-kaart'; kanaal: 'geregistreerd' | 'algemeen' };

export function channelState(
  mt: Pick<MT, 'teamId' | 'groepId' | 'channelId' | 'conversationId'>,
  installaties: readonly Loaded<Installatie>[],
): ChannelState {
  if (mt.conversationId) {
    return mt.channelId && !conversationIsChannel(mt.conversationId, mt.channelId)
      ? { kind: 'ander-kanaal' }
      : { kind: 'verbonden' };
  }
  if (!mt.teamId) return { kind: 'geen-team' };
  if (!installatieForTeam(installaties, mt.teamId, mt.groepId)) return { kind: 'niet-geinstalleerd' };
  return { kind: 'eerste-kaart', kanaal: mt.channelId ? 'geregistreerd' : 'algemeen' };
}
