/**
 * The bot under test, composed as `npm start` composes it (app server with POST /api/messages, the Teams SDK bot
 * behind our node:http adapter, the reminder job with the bot as sender), against the sandbox, a fake Bot Connector
 * and a Bot Framework key set the test serves. JWT validation is ON: every activity carries a signed token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamsChannelAccount } from '@microsoft/teams.api';
import type { MT } from '../../../src/domain/model.js';
import { createBot, MESSAGES_PATH, type Bot } from '../../../src/bot/bot-app.js';
import { tabDeepLink } from '../../../src/bot/deep-link.js';
import { TAB_API_PATH } from '../../../src/bot/tab-api.js';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { createReminderRun, startReminderTimer } from '../../../src/bot/reminder-timer.js';
import type { Graph } from '../../../src/data/graph/client.js';
import type { JobReport } from '../../../src/reminders/job.js';
import { startAppServer, type AppServer } from '../../../src/server/http-server.js';
import type { Logger } from '../../../src/server/log.js';
import {
  startFakeConnector,
  startBotFrameworkIdentity,
  type BotFrameworkIdentity,
  type FakeConnector,
} from '../../support/fake-connector.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

export const BOT_ID = 'b8e32370-4bea-4699-9c2b-807756cacf12';
export const TENANT_ID = '6d1a3c59-5b7e-4f7a-9c1e-2a1f0e5d7c31';
export const OTHER_TENANT_ID = '0f0f0f0f-1111-2222-3333-444444444444';
/** The CMT's team (its thread id is also its General channel) and its own channel, Teams style. */
export const CMT_TEAM = '19:cmt-team-general@thread.tacv2';
export const CMT_CHANNEL = '19:cmt-digitalisering@thread.tacv2';
export const STRANGERS_TEAM = '19:andere-afdeling@thread.tacv2';
/** Monday 23 November 2026, 09:05 in Amsterdam: the CMT's reminder (Tuesday 09:00, lead time one day) is due. */
export const MONDAY_MORNING = new Date('2026-11-23T08:05:00Z');

/** People of the CMT's team: two sandbox personas (site users) and one guest the site does not know. */
export const SECRETARIS: TeamsChannelAccount = {
  id: '29:1secretaris-cmt',
  name: 'Secretaris CMT',
  aadObjectId: '67242ac4-1673-51db-aaed-8822e92369d7',
  email: 'secretaris.cmt@zoetermeer.example',
  userPrincipalName: 'secretaris.cmt@zoetermeer.example',
  tenantId: TENANT_ID,
};
export const GEMEENTESECRETARIS: TeamsChannelAccount = {
  id: '29:1gemeentesecretaris',
  name: 'Gemeentesecretaris',
  aadObjectId: '94688077-702a-5c14-852b-da60eceb970d',
  email: 'gemeentesecretaris@zoetermeer.example',
  userPrincipalName: 'gemeentesecretaris@zoetermeer.example',
  tenantId: TENANT_ID,
};
export const GAST: TeamsChannelAccount = {
  id: '29:1gast-extern',
  name: 'Gast Extern',
  aadObjectId: '00000000-0000-0000-0000-00000000e001',
  email: 'gast.extern@example.com',
  userPrincipalName: 'gast.extern@example.com',
  tenantId: TENANT_ID,
};
/** Someone of the tenant who is not in the CMT's team. */
export const STRANGER = {
  id: '29:1buitenstaander',
  name: 'Buitenstaander',
  aadObjectId: '11111111-2222-3333-4444-555555555555',
};

export type Harness = {
  sandbox: TestSandbox;
  graph: Graph;
  siteId: string;
  connector: FakeConnector;
  identity: BotFrameworkIdentity;
  app: AppServer;
  bot: Bot;
  log: { level: string; msg: string }[];
  deepLinkFor: (mt: MT) => string;
  /** POSTs an activity to /api/messages with a valid token (or the given one, or none). */
  post(
    activity: Record<string, unknown>,
    auth?: { token?: string; none?: boolean },
  ): Promise<{ status: number; body: unknown }>;
  /** Runs the reminder job once through the timer, as `npm start` does, at `now`. */
  runJob(now: Date): Promise<JobReport>;
  mt(key: string): Promise<MT>;
  close(): Promise<void>;
};

/** The outbound token the bot presents to the connector (the connector accepts only this one). */
export const BOT_TOKEN_CLAIMS = { audience: 'https://api.botframework.com', serviceUrl: 'https://bot.test' };

export async function startHarness(): Promise<Harness> {
  const sandbox = await startTestSandbox();
  const graph = sandbox.graph();
  const siteId = await seedSite(graph, sandbox.siteUrl);
  const identity = await startBotFrameworkIdentity();
  const botToken = await identity.sign(BOT_TOKEN_CLAIMS);
  const connector = await startFakeConnector({ token: botToken });
  connector.setMembers(CMT_TEAM, [SECRETARIS, GEMEENTESECRETARIS, GAST]);
  connector.setMembers(CMT_CHANNEL, [SECRETARIS, GEMEENTESECRETARIS, GAST]);

  const log: { level: string; msg: string }[] = [];
  const logger: Logger = (event) => log.push(event);
  const tabDir = mkdtempSync(join(tmpdir(), 'bot-tab-'));
  const holder: { bot?: Bot } = {};
  const app = await startAppServer({
    host: '127.0.0.1',
    port: 0,
    tabDistDir: tabDir,
    tabConfig: () => undefined,
    messagesPath: MESSAGES_PATH,
    messages: () => (holder.bot ? { path: MESSAGES_PATH, handle: holder.bot.adapter.handle } : undefined),
    tabApiPath: TAB_API_PATH,
    tabApi: () => (holder.bot ? { path: TAB_API_PATH, handle: holder.bot.tabApi } : undefined),
    log: logger,
  });
  const deepLinkFor = (mt: MT) => tabDeepLink(app.url, mt);
  const theBot = await createBot({
    clientId: BOT_ID,
    tenantId: TENANT_ID,
    serviceUrl: connector.url,
    credentials: { kind: 'token', token: () => botToken },
    validateInboundJwt: true,
    host: '127.0.0.1',
    cloud: identity.cloud,
    graph,
    siteId,
    siteUrl: sandbox.siteUrl,
    graphBaseUrl: sandbox.graphUrl,
    deepLinkFor,
    log: logger,
  });
  holder.bot = theBot;

  // The tab's settings register the CMT's team and channel (issue 5, item 1); the bot is not installed yet.
  const cmt = (await loadMts(graph, siteId)).find((m) => m.value.key === 'cmt');
  if (!cmt) throw new Error('seeded site has no CMT');
  await updateMtChannel(graph, siteId, cmt, { teamId: CMT_TEAM, channelId: CMT_CHANNEL });

  return {
    sandbox,
    graph,
    siteId,
    connector,
    identity,
    app,
    bot: theBot,
    log,
    deepLinkFor,
    async post(activity, auth = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (!auth.none)
        headers.Authorization = `Bearer ${auth.token ?? (await identity.sign({ audience: BOT_ID, serviceUrl: String(activity.serviceUrl) }))}`;
      const response = await fetch(`${app.url}${MESSAGES_PATH}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
    async runJob(now) {
      const run = createReminderRun({
        graph,
        siteId,
        siteUrl: sandbox.siteUrl,
        sender: theBot.sender,
        deepLinkFor,
        log: logger,
      });
      let resolveReport: (report: JobReport) => void = () => undefined;
      const done = new Promise<JobReport>((resolve) => {
        resolveReport = resolve;
      });
      const timer = startReminderTimer({
        intervalMs: 3_600_000,
        now: () => now,
        log: logger,
        run: async (tick) => {
          const report = await run(tick);
          resolveReport(report);
          return report;
        },
      });
      const report = await done;
      await timer.stop();
      return report;
    },
    async mt(key) {
      const found = (await loadMts(graph, siteId)).find((m) => m.value.key === key);
      if (!found) throw new Error(`no MT ${key}`);
      return found.value;
    },
    async close() {
      await Promise.allSettled([app.close(), connector.close(), identity.close(), sandbox.close()]);
      rmSync(tabDir, { recursive: true, force: true });
    },
  };
}

// ---------- Bot Framework activities, as Teams sends them ----------

let sequence = 0;
function base(h: Pick<Harness, 'connector'>, from: { id: string; name?: string; aadObjectId?: string }) {
  sequence += 1;
  return {
    id: `f:${sequence}`,
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    timestamp: new Date().toISOString(),
    from,
    recipient: { id: `28:${BOT_ID}`, name: 'Actieplan' },
  };
}

/** `installationUpdate` (add) in a team's General channel. */
export function installActivity(
  h: Pick<Harness, 'connector'>,
  options: { team: string; tenant?: string },
): Record<string, unknown> {
  const tenant = options.tenant ?? TENANT_ID;
  return {
    ...base(h, { id: SECRETARIS.id, name: SECRETARIS.name, aadObjectId: SECRETARIS.aadObjectId }),
    type: 'installationUpdate',
    action: 'add',
    conversation: { id: options.team, conversationType: 'channel', isGroup: true, tenantId: tenant },
    channelData: {
      tenant: { id: tenant },
      team: { id: options.team, name: 'Team' },
      channel: { id: options.team, name: 'General' },
      source: { name: 'message' },
    },
  };
}

/** An `adaptiveCard/action` invoke from a card message in a channel. */
export function cardActionActivity(
  h: Pick<Harness, 'connector'>,
  options: {
    from: { id: string; name?: string; aadObjectId?: string };
    channel: string;
    team: string;
    messageId: string;
    data: Record<string, unknown>;
    tenant?: string;
  },
): Record<string, unknown> {
  const tenant = options.tenant ?? TENANT_ID;
  return {
    ...base(h, options.from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: options.messageId,
    conversation: {
      id: `${options.channel};messageid=${options.messageId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenant,
    },
    channelData: {
      tenant: { id: tenant },
      team: { id: options.team },
      channel: { id: options.channel },
      source: { name: 'message' },
    },
    value: {
      action: { type: 'Action.Execute', verb: String(options.data.verb ?? ''), data: options.data },
      trigger: 'manual',
    },
  };
}

/** The card of a message the bot posted (its first attachment). */
export function cardOf(request: { body: unknown }): Record<string, unknown> {
  const body = request.body as { attachments?: { contentType?: string; content?: Record<string, unknown> }[] };
  const attachment = body.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive' || !attachment.content)
    throw new Error('no adaptive card in the message');
  return attachment.content;
}

/** Every `Action.Execute` in a card (also inside ShowCard sub-cards), with its data. */
export function executeActions(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const found: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && typeof n.verb === 'string')
      found.push({ verb: n.verb, data: (n.data ?? {}) as Record<string, unknown> });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

/** The choices of a card's `Input.ChoiceSet` with this id. */
export function choicesOf(card: unknown, inputId: string): string[] {
  let choices: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Input.ChoiceSet' && n.id === inputId)
      choices = ((n.choices ?? []) as { value: string }[]).map((c) => c.value);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return choices;
}

/** All text of a card (TextBlocks), for assertions on what a person reads. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') parts.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return parts.join('\n');
}
