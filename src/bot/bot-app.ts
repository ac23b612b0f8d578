/**
 * The bot: one Teams SDK `App`, created once in the composition root, with our node:http adapter, the configured
 * credentials and Bot Connector, and three routes: installation/channel events (where to post), the agenda card's
 * `adaptiveCard/action` invokes, and nothing else. Inbound JWT validation is on in every configuration except the
 * explicit local one, which is refused unless the app server binds to loopback.
 *
 * Proactive posts (the agenda card, the "not registered" message) and the job's card updates go to the Bot Connector
 * recorded at the team's installation, else to the configured SERVICE_URL. The installation's `serviceUrl` is
 * recorded only from activities whose Bot Framework JWT the SDK validated (the token's `serviceurl` claim equals the
 * activity's), so the bot's token never follows a URL an unauthenticated caller wrote: in the explicit local
 * configuration nothing is recorded and everything goes to SERVICE_URL. Card-action answers, member lookups and the
 * updates after a button use the configured SERVICE_URL (`app.api`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CloudEnvironment, IAdaptiveCardActionInvokeActivity, TeamsChannelAccount } from '@microsoft/teams.api';
import { App, type AppOptions, type IPlugin } from '@microsoft/teams.apps';
import type { MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import type { AgendaCard } from '../reminders/card.js';
import type { CardSender } from '../reminders/job.js';
import type { BotCredentials } from './credentials.js';
import type { Logger } from '../shared/log.js';
import { handleCardAction, type ConnectorOperations } from './card-actions.js';
import { cardMessage, createCardSender, postActivity } from './card-sender.js';
import { createNodeHttpAdapter, type NodeHttpAdapter } from './http-adapter.js';
import { createInstallationHandler, textMessage } from './installation.js';
import { createLocalTokenFactory } from './local-token.js';
import { createSdkLogger } from './sdk-logger.js';
import { handleCmtCard } from './tab-api.js';
import { checkedId, isLoopbackHost } from './teams-ids.js';

/** The Bot Framework messaging endpoint on the app server. */
export const MESSAGES_PATH = '/api/messages';

export type TokenFactory = (scope: string | string[], tenantId?: string) => string | Promise<string>;

export type BotOptions = {
  clientId: string;
  tenantId: string;
  serviceUrl: string;
  /** From config; tests may hand a token factory of their own (`kind: 'token'`). */
  credentials: BotCredentials | { kind: 'token'; token: TokenFactory };
  validateInboundJwt: boolean;
  /** The address the app server binds to. */
  host: string;
  /** Bot Framework endpoints (sovereign clouds); tests point `openIdMetadataUrl` at a key set they serve. */
  cloud?: CloudEnvironment;
  graph: Graph;
  siteId: string;
  siteUrl: string;
  deepLinkFor: (mt: MT) => string;
  /** GRAPH_BASE_URL: where the tab's calls (`/api/tab/…`) have their Graph token checked. */
  graphBaseUrl: string;
  log: Logger;
  now?: () => Date;
  /**
   * Whether this bot serves POST /api/messages (the app server) or only sends (`npm run reminders -- --send-now`,
   * default true). One that only sends has no endpoint to warn about: the SDK gets no unauthenticated-endpoint switch,
   * and neither it nor we say that the endpoint accepts unauthenticated activities.
   */
  serves?: boolean;
};

export type Bot = {
  app: App;
  /** Serves POST /api/messages on the app server. */
  adapter: NodeHttpAdapter;
  /** For the reminder job: posts the card and updates it in place. */
  sender: CardSender;
  connector: ConnectorOperations;
  /** Serves the tab's POST /api/tab/cmt-kaart on the app server (tab-api.ts). */
  tabApi(req: IncomingMessage, res: ServerResponse, pathname: string, headers: Record<string, string>): Promise<void>;
};

export class BotConfigurationError extends Error {
  override readonly name = 'BotConfigurationError';
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function sdkCredentials(
  options: BotOptions,
): Pick<AppOptions<IPlugin>, 'clientSecret' | 'token' | 'managedIdentityClientId'> {
  // clientSecret is always given (empty when unused): the SDK would otherwise read CLIENT_SECRET from the
  // environment and pick client credentials over the credentials we chose.
  switch (options.credentials.kind) {
    case 'client-secret':
      return { clientSecret: options.credentials.clientSecret };
    case 'managed-identity':
      return options.credentials.managedIdentityClientId
        ? { clientSecret: '', managedIdentityClientId: options.credentials.managedIdentityClientId }
        : { clientSecret: '' };
    case 'local':
      return { clientSecret: '', token: createLocalTokenFactory(options.clientId) };
    case 'token':
      return { clientSecret: '', token: options.credentials.token };
  }
}

/**
 * Creates and initialises the bot. Throws `BotConfigurationError` for an unauthenticated endpoint off loopback, or
 * the local token factory with JWT validation on (a half-local configuration is a mistake, not a mode).
 */
export async function createBot(options: BotOptions): Promise<Bot> {
  if (!options.validateInboundJwt && !isLoopbackHost(options.host)) {
    throw new BotConfigurationError(
      `Refusing to start: the bot endpoint would accept unauthenticated activities on ${options.host}. ` +
        'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS is only for a local run bound to 127.0.0.1/localhost/::1.',
    );
  }
  if (options.credentials.kind === 'local' && options.validateInboundJwt) {
    throw new BotConfigurationError(
      'The local token factory belongs to the explicit local configuration only (DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true on loopback).',
    );
  }
  const log = options.log;
  const serves = options.serves ?? true;
  const now = options.now ?? (() => new Date());
  const adapter = createNodeHttpAdapter();
  const app = new App({
    clientId: options.clientId,
    tenantId: options.tenantId,
    ...sdkCredentials(options),
    serviceUrl: options.serviceUrl,
    httpServerAdapter: adapter,
    messagingEndpoint: MESSAGES_PATH,
    // Always explicit: the SDK would otherwise read DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS from the environment.
    dangerouslyAllowUnauthenticatedRequests: serves && !options.validateInboundJwt,
    logger: createSdkLogger(log),
    // No user sign-in: skip the user-token lookup the SDK could otherwise make on every activity.
    oauth: { fetchUserToken: false },
    ...(options.cloud ? { cloud: options.cloud } : {}),
  });
  if (serves && !options.validateInboundJwt) {
    log({
      level: 'warn',
      msg: 'bot endpoint accepts UNAUTHENTICATED activities (explicit local configuration, loopback only)',
      host: options.host,
    });
  }

  const connector: ConnectorOperations = {
    async getMember(conversationId, userId) {
      try {
        // The user id comes from the activity: encoded, so it can only ever name a member.
        return await app.api.conversations.getMemberById(
          checkedId(conversationId, 'team id'),
          encodeURIComponent(userId),
        );
      } catch (error) {
        const status = httpStatus(error);
        if (status === 404 || status === 403 || status === 400) return undefined;
        throw error;
      }
    },
    async memberIds(conversationId, max) {
      const page = await app.api.conversations.getPagedMembers(
        checkedId(conversationId, 'conversation id'),
        Math.max(50, max),
      );
      return page.members.map((m: TeamsChannelAccount) => m.id).slice(0, max);
    },
    async updateCard(conversationId, messageId, card: AgendaCard) {
      await app.api.conversations.updateActivity(
        checkedId(conversationId, 'conversation id'),
        checkedId(messageId, 'message id'),
        cardMessage(card),
      );
    },
  };

  const installation = createInstallationHandler({
    graph: options.graph,
    siteId: options.siteId,
    tenantId: options.tenantId,
    log,
    say: async (conversationId, text, serviceUrl) => {
      await postActivity(app, serviceUrl, checkedId(conversationId, 'conversation id'), textMessage(text), log);
    },
    trustServiceUrl: options.validateInboundJwt,
  });
  const onInstallation = async (activity: Parameters<typeof installation>[0], event: string) => {
    try {
      const result = await installation(activity);
      log({ level: 'info', msg: 'installation event handled', event, outcome: result.outcome });
    } catch (error) {
      log({
        level: 'error',
        msg: 'installation event failed',
        event,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  };
  app.on('install.add', async ({ activity }) => onInstallation(activity, 'install.add'));
  app.on('conversationUpdate', async ({ activity }) => {
    // Only the bot's own arrival (or a new channel) says something about where to post; other member changes do not.
    const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient?.id) ?? false;
    const eventType = activity.channelData?.eventType;
    if (botAdded || eventType === 'channelCreated' || eventType === 'teamRenamed' || eventType === 'channelRestored') {
      await onInstallation(activity, `conversationUpdate${typeof eventType === 'string' ? `.${eventType}` : ''}`);
    }
  });
  const handlerDeps = {
    graph: options.graph,
    siteId: options.siteId,
    siteUrl: options.siteUrl,
    deepLinkFor: options.deepLinkFor,
    tenantId: options.tenantId,
    connector,
    now,
    log,
  };
  app.on('card.action', async ({ activity }) =>
    handleCardAction(activity as IAdaptiveCardActionInvokeActivity, handlerDeps),
  );

  await app.initialize();
  const sender = createCardSender(app, {
    refreshUserIds: (conversationId) => connector.memberIds(conversationId, 60),
    log,
  });
  const tabApi: Bot['tabApi'] = (req, res, _pathname, headers) =>
    handleCmtCard({ ...handlerDeps, graphBaseUrl: options.graphBaseUrl }, req, res, headers);
  return { app, adapter, sender, connector, tabApi };
}
