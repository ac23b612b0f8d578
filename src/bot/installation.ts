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
import { recordInstallatie } from '../data/installaties-store.js';
import type { Installatie } from '../data/lists/installaties.js';
import { loadMts, updateMtChannel } from './mt-channel.js';
import { baseConversationId } from './teams-ids.js';

export const NOT_REGISTERED_MESSAGE =
  'Dit team is nog niet gekoppeld aan een MT in het Actieplan Digitaal Leiderschap, dus hier komen nog geen agendapunten. ' +
  'Een beheerder van het MT voegt in het MT-kanaal het tabblad Actieplan toe en kiest op de configuratiepagina "Plaats de herinneringen van het MT in dit kanaal", ' +
  'of legt het team en het kanaal vast in het tabblad Actieplan (Instellingen, Team-id en Kanaal-id). ' +
  'De bot is hier al geïnstalleerd: daarna zet hij het agendapunt digitalisering vóór elke MT-vergadering in dat kanaal, zonder opnieuw te installeren.';

export type InstallationDeps = {
  graph: Graph;
  siteId: string;
  tenantId: string;
  /** Posts a plain message into a conversation, through the given Bot Connector (else the configured one). */
  say(conversationId: string, text: string, serviceUrl?: string): Promise<void>;
  /**
   * Whether the activity's `serviceUrl` may be recorded and used: only when the SDK validated the activity's Bot
   * Framework token, whose `serviceurl` claim must equal it. Never in the explicit local configuration, where anyone
   * on the machine could write any URL there and the bot's token would follow it.
   */
  trustServiceUrl: boolean;
  log: Logger;
};

export type InstallationResult =
  | { outcome: 'recorded'; mts: { key: string; conversationId: string; written: boolean }[] }
  | { outcome: 'not-registered'; told: boolean }
  | { outcome: 'ignored'; reason: string };

type ChannelActivity = Pick<Activity, 'conversation' | 'channelData'> & { serviceUrl?: string };

/** Team and channel of an activity as Teams describes them in `channelData`. */
function teamAndChannel(activity: ChannelActivity): { teamIds: string[]; tenantIds: string[] } {
  const cd = activity.channelData;
  const tenantIds = [cd?.tenant?.id, activity.conversation?.tenantId].filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );
  // The team's thread id (`19:…@thread.tacv2`, teams-js `team.internalId`) and its Entra group id both name it.
  const teamIds = [cd?.team?.id, cd?.team?.aadGroupId].filter((t): t is string => typeof t === 'string' && t !== '');
  return { teamIds, tenantIds: [...new Set(tenantIds.map((t) => t.toLowerCase()))] };
}

/** The active MTs registered for this team (by its thread id or its group id). */
export function mtsForTeam(mts: readonly Loaded<MT>[], teamIds: readonly string[]): Loaded<MT>[] {
  return mts.filter(
    (m) => m.value.teamId !== undefined && teamIds.includes(m.value.teamId) && m.value.actief !== false,
  );
}

/**
 * Creates the handler for installation and channel events. `told` remembers, per process, the conversations already
 * told that no MT is registered, so an install (which Teams announces with two activities) gets one message.
 */
export function createInstallationHandler(
  deps: InstallationDeps,
): (activity: ChannelActivity) => Promise<InstallationResult> {
  const told = new Set<string>();
  return async (activity) => {
    const where = teamAndChannel(activity);
    if (activity.conversation?.conversationType !== 'channel' || where.teamIds.length === 0)
      return { outcome: 'ignored', reason: 'not a team channel' };
    if (where.tenantIds.length === 0 || where.tenantIds.some((t) => t !== deps.tenantId)) {
      deps.log({ level: 'warn', msg: 'installation event from another tenant ignored', tenants: where.tenantIds });
      return { outcome: 'ignored', reason: 'tenant' };
    }
    const conversation = baseConversationId(activity.conversation.id);
    const serviceUrl =
      deps.trustServiceUrl && activity.serviceUrl ? activity.serviceUrl.replace(/\/+$/, '') : undefined;
    await rememberInstallation(deps, activity, where.tenantIds[0], serviceUrl);
    const mts = mtsForTeam(await loadMts(deps.graph, deps.siteId), where.teamIds);
    if (mts.length === 0) {
      if (told.has(conversation)) return { outcome: 'not-registered', told: false };
      told.add(conversation);
      deps.log({ level: 'warn', msg: 'bot installed in a team no MT is registered for', team: where.teamIds[0] });
      await deps.say(conversation, NOT_REGISTERED_MESSAGE, serviceUrl);
      return { outcome: 'not-registered', told: true };
    }
    const recorded: { key: string; conversationId: string; written: boolean }[] = [];
    for (const mt of mts) {
      const target = mt.value.channelId ?? conversation;
      const result = await updateMtChannel(deps.graph, deps.siteId, mt, { conversationId: target });
      recorded.push({ key: mt.value.key, conversationId: target, written: result.written });
      if (result.written)
        deps.log({ level: 'info', msg: 'MT channel recorded', mt: mt.value.key, conversation: target });
    }
    return { outcome: 'recorded', mts: recorded };
  };
}

/**
 * Records the team's installation (Installaties list): the team's thread id and group id, the tenant and, when
 * trusted, the Bot Connector address. What a later post into any standard channel of the team needs, also for an MT
 * registered after this event. A failure is logged and does not stop the event (the MTs are still recorded).
 */
async function rememberInstallation(
  deps: InstallationDeps,
  activity: ChannelActivity,
  tenantId: string | undefined,
  serviceUrl: string | undefined,
): Promise<void> {
  const team = activity.channelData?.team;
  if (!team?.id) return;
  const installatie: Installatie = { teamId: team.id };
  if (team.name) installatie.naam = team.name;
  if (team.aadGroupId) installatie.groepId = team.aadGroupId;
  if (tenantId) installatie.tenantId = tenantId;
  if (serviceUrl) installatie.serviceUrl = serviceUrl;
  try {
    if (await recordInstallatie(deps.graph, deps.siteId, installatie))
      deps.log({
        level: 'info',
        msg: 'installation recorded',
        team: team.id,
        serviceUrl: serviceUrl ?? '(configured)',
      });
  } catch (error) {
    deps.log({
      level: 'warn',
      msg: 'installation not recorded',
      team: team.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A plain Dutch text message, for `say`. */
export function textMessage(text: string): MessageActivityInput {
  return new MessageActivityInput(text);
}
