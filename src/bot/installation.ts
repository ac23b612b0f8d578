/**
 * Where to post: when the app is installed in a team (`installationUpdate` add) or the bot sees a channel event
 * (`conversationUpdate`), the MTs registered for that team get their conversation id. An MT with a channel of its
 * own (ChannelId, set in the tab's settings) posts there (a Teams channel's id is its conversation id); an MT with
 * only a team posts into the channel the event came from. When no MT is registered for the team, the bot says once,
 * in Dutch, how to register the channel.
 */
import { MessageActivityInput, type Activity } from '@microsoft/teams.api';
import type { MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import type { Loaded } from '../data/lists/field-reader.js';
import type { Logger } from '../shared/log.js';
import { loadMts, updateMtChannel } from './mt-channel.js';
import { baseConversationId } from './teams-ids.js';

export const NOT_REGISTERED_MESSAGE =
  'Dit team is nog niet gekoppeld aan een MT in het Actieplan Digitaal Leiderschap, dus hier komen nog geen agendapunten. ' +
  'Voeg het tabblad Actieplan toe aan het kanaal van het MT en kies in de instellingen van het tabblad het MT en dit kanaal. ' +
  'Daarna zet de bot het agendapunt digitalisering vóór elke MT-vergadering in dat kanaal.';

export type InstallationDeps = {
  graph: Graph;
  siteId: string;
  tenantId: string;
  /** Posts a plain message into a conversation (the configured Bot Connector). */
  say(conversationId: string, text: string): Promise<void>;
  log: Logger;
};

export type InstallationResult =
  | { outcome: 'recorded'; mts: { key: string; conversationId: string; written: boolean }[] }
  | { outcome: 'not-registered'; told: boolean }
  | { outcome: 'ignored'; reason: string };

type ChannelActivity = Pick<Activity, 'conversation' | 'channelData'>;

/** Team and channel of an activity as Teams describes them in `channelData`. */
function teamAndChannel(activity: ChannelActivity): { teamIds: string[]; tenantIds: string[] } {
  const cd = activity.channelData;
  const tenantIds = [cd?.tenant?.id, activity.conversation?.tenantId].filter((t): t is string => typeof t === 'string' && t !== '');
  // The team's thread id (`19:…@thread.tacv2`, teams-js `team.internalId`) and its Entra group id both name it.
  const teamIds = [cd?.team?.id, cd?.team?.aadGroupId].filter((t): t is string => typeof t === 'string' && t !== '');
  return { teamIds, tenantIds: [...new Set(tenantIds)] };
}

/** The active MTs registered for this team (by its thread id or its group id). */
export function mtsForTeam(mts: readonly Loaded<MT>[], teamIds: readonly string[]): Loaded<MT>[] {
  return mts.filter((m) => m.value.teamId !== undefined && teamIds.includes(m.value.teamId) && m.value.actief !== false);
}

/**
 * Creates the handler for installation and channel events. `told` remembers, per process, the conversations already
 * told that no MT is registered, so an install (which Teams announces with two activities) gets one message.
 */
export function createInstallationHandler(deps: InstallationDeps): (activity: ChannelActivity) => Promise<InstallationResult> {
  const told = new Set<string>();
  return async (activity) => {
    const where = teamAndChannel(activity);
    if (activity.conversation?.conversationType !== 'channel' || where.teamIds.length === 0) return { outcome: 'ignored', reason: 'not a team channel' };
    if (where.tenantIds.length === 0 || where.tenantIds.some((t) => t !== deps.tenantId)) {
      deps.log({ level: 'warn', msg: 'installation event from another tenant ignored', tenants: where.tenantIds });
      return { outcome: 'ignored', reason: 'tenant' };
    }
    const conversation = baseConversationId(activity.conversation.id);
    const mts = mtsForTeam(await loadMts(deps.graph, deps.siteId), where.teamIds);
    if (mts.length === 0) {
      if (told.has(conversation)) return { outcome: 'not-registered', told: false };
      told.add(conversation);
      deps.log({ level: 'warn', msg: 'bot installed in a team no MT is registered for', team: where.teamIds[0] });
      await deps.say(conversation, NOT_REGISTERED_MESSAGE);
      return { outcome: 'not-registered', told: true };
    }
    const recorded: { key: string; conversationId: string; written: boolean }[] = [];
    for (const mt of mts) {
      const target = mt.value.channelId ?? conversation;
      const result = await updateMtChannel(deps.graph, deps.siteId, mt, { conversationId: target });
      recorded.push({ key: mt.value.key, conversationId: target, written: result.written });
      if (result.written) deps.log({ level: 'info', msg: 'MT channel recorded', mt: mt.value.key, conversation: target });
    }
    return { outcome: 'recorded', mts: recorded };
  };
}

/** A plain Dutch text message, for `say`. */
export function textMessage(text: string): MessageActivityInput {
  return new MessageActivityInput(text);
}
