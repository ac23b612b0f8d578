import { ZOETERMEER_INRICHTING } from '../domain/inrichting.js';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../domain/plan/zoetermeer.js';
import type { Graph } from '../data/graph/client.js';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { createBot, MESSAGES_PATH, type Bot } from '../bot/bot-app.js';
import { TAB_API_PATH } from '../bot/tab-api.js';
import { tabDeepLink } from '../bot/deep-link.js';
import { loadMts, updateMtChannel } from '../bot/mt-channel.js';
import {
  isPortFree,
  playgroundPortBusyMessage,
  playgroundUrls,
  startPlayground,
  type RunningPlayground,
} from '../bot/playground.js';
import { createReminderRun, startReminderTimer, type ReminderTimer } from '../bot/reminder-timer.js';
import { holidayWindowPerDay } from '../reminders/holidays.js';
import type { ReminderHolidays } from '../shared/wire.js';
import { readConfig, type TabConfig } from './config.js';
import { loadEnvFiles } from './env-files.js';
import { startAppServer, type AppServer, type MessagesEndpoint } from './http-server.js';
import { createLogger, type Logger } from './log.js';
import { countChanges } from '../data/provisioning.js';
import { createServerGraph, createServerSharePoint, prepareSite } from './prepare-site.js';

export type LocalRun = {
  app: AppServer;
  sandbox: RunningSandbox;
  appUrl: string;
  /** The bot, when CLIENT_ID is configured (env/.env.sandbox does). */
  bot?: Bot;
  /** The reminder job's timer (interactive runs only). */
  reminders?: ReminderTimer;
  /** Microsoft 365 Agents Playground (interactive runs, unless PLAYGROUND=off). */
  playground?: RunningPlayground;
  /** The ports this run listens on (the Playground's also when it is off: the CLIs derive its connector from it). */
  ports: LocalPorts;
  close(): Promise<void>;
};

export type LocalPorts = { PORT: number; SANDBOX_PORT: number; PLAYGROUND_PORT: number };

/** The ports env/.env.sandbox gives; a command for other ports has to say them. */
const DEFAULT_PORTS: LocalPorts = { PORT: 3978, SANDBOX_PORT: 3979, PLAYGROUND_PORT: 56150 };

/**
 * The exact command line of an npm script that reaches this run: the port variables that differ from the defaults
 * go in front (`PORT=4100 SANDBOX_PORT=4101 npm run reminders -- --mt cmt --send-now`), as the start banner prints it.
 */
export function localCommand(ports: LocalPorts, script: string, args: string): string {
  const prefix = (Object.keys(DEFAULT_PORTS) as (keyof LocalPorts)[])
    .filter((k) => ports[k] !== DEFAULT_PORTS[k])
    .map((k) => `${k}=${ports[k]} `)
    .join('');
  return `${prefix}npm run ${script}${args ? ` -- ${args}` : ''}`;
}

export type LocalOptions = {
  /** Overrides of the environment (tests pass free ports and a temp data folder). */
  env?: Record<string, string>;
  log?: Logger;
  rootDir?: string;
  /**
   * `npm start`: also run the reminder job on its timer and start Microsoft 365 Agents Playground (unless
   * PLAYGROUND=off). Tests leave this off: they get the sandbox, the app server and the bot endpoint only.
   */
  interactive?: boolean;
  /**
   * More origins the sandbox answers CORS for besides the app server's own: `npm run dev` serves the tab from Vite's
   * dev server on another port.
   */
  extraOrigins?: readonly string[];
  /**
   * What a fresh site is seeded with: Zoetermeer's plan by default; `false` provisions the lists only (a test then
   * imports another municipality's plan, with its own set-up, through the plan import).
   */
  seed?: false;
};

/**
 * The local process tree behind `npm start`: the Microsoft 365 sandbox, then the app's own
 * provisioning and seeding against it (the same code a real site gets), then the app server with
 * the bot endpoint, the reminder job on a short timer, and Microsoft 365 Agents Playground.
 * Only the Graph base URL, the Bot Connector URL and the token sources differ from a tenant.
 */
export async function startLocal(options: LocalOptions = {}): Promise<LocalRun> {
  const log = options.log ?? createLogger();
  const rootDir = resolve(options.rootDir ?? process.cwd());
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.env ?? {}) };
  // The card's links open the tab this run serves, unless the person set another public origin (a tunnel).
  const ownTabEndpoint = env.TAB_ENDPOINT;
  loadEnvFiles('sandbox', rootDir, env);

  let tabConfig: TabConfig | undefined;
  let bot: Bot | undefined;
  const host = env.HOST ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new Error(`The local run binds to loopback only; HOST=${host} is refused.`);
  }
  const playgroundPort = Number(env.PLAYGROUND_PORT ?? 56150);
  const withPlayground = options.interactive === true && (env.PLAYGROUND ?? 'on').toLowerCase() !== 'off';
  // The Playground binds every interface and would silently move to another port: check before anything starts.
  if (withPlayground && !(await isPortFree(playgroundPort))) throw new Error(playgroundPortBusyMessage(playgroundPort));
  env.SERVICE_URL ??= playgroundUrls(playgroundPort).connectorUrl;

  // Declared before the server starts: /healthz reads it from the first request on.
  let reminders: ReminderTimer | undefined;
  let holidays: ((now: Date) => ReminderHolidays) | undefined;
  const app = await startAppServer({
    host,
    port: Number(env.PORT ?? 3978),
    tabDistDir: env.TAB_DIST_DIR ?? 'dist/tab',
    tabConfig: () => tabConfig,
    messagesPath: MESSAGES_PATH,
    messages: (): MessagesEndpoint | undefined =>
      bot ? { path: MESSAGES_PATH, handle: bot.adapter.handle } : undefined,
    tabApiPath: TAB_API_PATH,
    tabApi: (): MessagesEndpoint | undefined => (bot ? { path: TAB_API_PATH, handle: bot.tabApi } : undefined),
    reminderJob: () => reminders?.status(),
    reminderHolidays: () => holidays?.(new Date()),
    log,
    // The sandbox run binds to loopback only; the Playground and the test host frame the tab from loopback.
    loopbackFrameAncestors: true,
  }).catch((error: unknown) => {
    throw portHint(error, 'PORT', env.PORT);
  });

  const dataDir = env.SANDBOX_DATA_DIR ?? '.data/sandbox';
  mkdirSync(dataDir, { recursive: true });
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({
      port: Number(env.SANDBOX_PORT ?? 3979),
      dataDir,
      ...(env.GRAPH_CLIENT_ID ? { clientId: env.GRAPH_CLIENT_ID } : {}),
      ...(env.GRAPH_CLIENT_SECRET ? { clientSecret: env.GRAPH_CLIENT_SECRET } : {}),
      allowedOrigins: [
        app.url,
        `http://localhost:${app.port}`,
        `http://127.0.0.1:${app.port}`,
        ...(options.extraOrigins ?? []),
      ],
    });
  } catch (error) {
    await app.close();
    throw portHint(error, 'SANDBOX_PORT', env.SANDBOX_PORT);
  }

  let playground: RunningPlayground | undefined;
  const closeAll = async () => {
    await reminders?.stop();
    await Promise.allSettled([app.close(), sandbox.close(), playground?.close()]);
  };
  try {
    Object.assign(env, {
      GRAPH_BASE_URL: sandbox.graphUrl,
      TOKEN_URL: sandbox.tokenUrl,
      SHAREPOINT_SITE_URL: sandbox.siteUrl,
      PERSONA_DIRECTORY_URL: `${sandbox.baseUrl}/_sandbox/personas`,
      // The persona picker, unless the run asks for Entra's sign-in (TAB_AUTH=naa): then MSAL signs in against the
      // sandbox's own authority (its persona chooser as the sign-in page), exactly as against a tenant.
      TAB_AUTH: env.TAB_AUTH === 'naa' ? 'naa' : 'persona',
      TAB_AUTHORITY: sandbox.authority,
    });
    const config = readConfig(env);
    // Also without a job in this process (tests, `npm run reminders` by hand): the tab's previews follow the rule.
    holidays = holidayWindowPerDay(config.reminders.extraHolidays);
    const graph = createServerGraph(config);
    // The one provisioner, both parts: Graph (lists, columns, indexes) and SharePoint REST (versioning, views, marker).
    const prepared = await prepareSite(
      { graph, sharePoint: createServerSharePoint(config) },
      config.siteUrl,
      options.seed === false
        ? undefined
        : {
            plan: zoetermeerPlan,
            portfolio: zoetermeerPortfolio,
            kwartaaldoelen: zoetermeerKwartaaldoelen,
            mts: zoetermeerMTs,
            domeinVoortgang: zoetermeerDomeinVoortgang,
            inrichting: ZOETERMEER_INRICHTING,
          },
    );
    log({
      level: 'info',
      msg: 'site ready',
      site: prepared.site.webUrl,
      schemaVersion: prepared.provision.schemaVersion.now,
      provisionChanges: countChanges(prepared.provision),
      provision: prepared.provision,
      seeded: prepared.seed?.created,
      unknownPeople: prepared.seed?.unknownPeople,
    });
    tabConfig = config.tab;

    if (config.bot) {
      if (env.PLAYGROUND_MT && env.PLAYGROUND_TEAM_ID) await registerPlaygroundTeam(graph, prepared.site.id, env, log);
      const tabEndpoint = ownTabEndpoint ?? app.url;
      const deepLinkFor = (mt: Parameters<typeof tabDeepLink>[1]) => tabDeepLink(tabEndpoint, mt);
      bot = await createBot({
        ...config.bot,
        host,
        graph,
        siteId: prepared.site.id,
        siteUrl: config.siteUrl,
        graphBaseUrl: config.graph.baseUrl,
        deepLinkFor,
        log,
      });
      log({
        level: 'info',
        msg: 'bot ready',
        endpoint: `${app.url}${MESSAGES_PATH}`,
        connector: config.bot.serviceUrl,
        jwt: config.bot.validateInboundJwt,
      });
      if (options.interactive) {
        reminders = startReminderTimer({
          intervalMs: config.reminders.intervalMs,
          run: createReminderRun({
            graph,
            siteId: prepared.site.id,
            siteUrl: config.siteUrl,
            sender: bot.sender,
            deepLinkFor,
            log,
            extraHolidays: config.reminders.extraHolidays,
          }),
          log,
        });
      }
    } else {
      log({ level: 'warn', msg: 'no CLIENT_ID configured: running without the bot and the reminder job' });
    }
    if (withPlayground) {
      playground = await startPlayground({
        port: playgroundPort,
        botEndpoint: `http://127.0.0.1:${app.port}${MESSAGES_PATH}`,
        rootDir,
        dataDir: env.PLAYGROUND_DATA_DIR ?? '.data/playground',
        log,
      });
    }
  } catch (error) {
    await closeAll();
    throw error;
  }

  return {
    app,
    sandbox,
    appUrl: app.url,
    ports: { PORT: app.port, SANDBOX_PORT: Number(new URL(sandbox.baseUrl).port), PLAYGROUND_PORT: playgroundPort },
    ...(bot ? { bot } : {}),
    ...(reminders ? { reminders } : {}),
    ...(playground ? { playground } : {}),
    close: closeAll,
  };
}

/**
 * Gives the Playground's MT (PLAYGROUND_MT, the CMT) the Playground's mock team and channel, as registering the
 * channel in the tab's settings would, unless that MT already has a team. The conversation id is left to the bot:
 * opening a channel in the Playground installs it there, and it records where to post.
 */
async function registerPlaygroundTeam(
  graph: Graph,
  siteId: string,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<void> {
  const mt = (await loadMts(graph, siteId)).find((m) => m.value.key === env.PLAYGROUND_MT);
  if (!mt) {
    log({ level: 'warn', msg: 'PLAYGROUND_MT names no MT of the site', mt: env.PLAYGROUND_MT });
    return;
  }
  if (mt.value.teamId) return;
  await updateMtChannel(graph, siteId, mt, {
    teamId: env.PLAYGROUND_TEAM_ID ?? '',
    ...(env.PLAYGROUND_CHANNEL_ID ? { channelId: env.PLAYGROUND_CHANNEL_ID } : {}),
  });
  log({
    level: 'info',
    msg: 'Playground team registered on the MT',
    mt: mt.value.key,
    team: env.PLAYGROUND_TEAM_ID,
    channel: env.PLAYGROUND_CHANNEL_ID,
  });
}

function portHint(error: unknown, variable: string, value: string | undefined): Error {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(
      `Port ${value ?? '(default)'} is already in use. Stop the other process or choose another port with ${variable}=<port>.`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
