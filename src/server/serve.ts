import { setTimeout as sleep } from 'node:timers/promises';
import type { Bot } from '../bot/bot-app.js';
import type { ReminderTimer } from '../bot/reminder-timer.js';
import type { Site } from '../data/site.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { checkConnection, type ConfigProblem } from './config-problems.js';
import { loadEnvFiles } from './env-files.js';
import { startAppServer, type MessagesEndpoint } from './http-server.js';
import { createLogger } from './log.js';
import { createServerGraph } from './server-graph.js';

/**
 * `npm run serve`: the app against a real tenant (Azure App Service, or a dev tunnel). No sandbox
 * and no seeding: the site is provisioned beforehand with `npm run provision`. Configuration comes
 * from the process environment (App Service settings); `APP_ENV=<name>` also reads
 * env/.env.<name>(.user), with the process environment winning.
 */
const log = createLogger();
/** The bot's messaging path (bot-app.ts MESSAGES_PATH; repeated here so the bot module loads only when it is needed). */
const MESSAGES_PATH = '/api/messages';
/** The tab's call to the bot (tab-api.ts TAB_API_PATH; repeated for the same reason, checked when the bot loads). */
const TAB_API_PATH = '/api/tab/cmt-kaart';
/** How long to wait before checking a configuration problem again (a provisioned site or a fixed secret heals without a restart). */
const RECHECK_MS = 30_000;

let config: ServerConfig;
try {
  if (process.env.APP_ENV) loadEnvFiles(process.env.APP_ENV);
  config = readConfig(process.env);
} catch (error) {
  // One line per variable, no stack: the operator fixes the variable the line names.
  if (error instanceof ConfigError && error.issues.length > 0) {
    for (const issue of error.issues)
      log({ level: 'error', msg: 'configuration invalid', variable: issue.variable, problem: issue.problem });
  } else {
    log({
      level: 'error',
      msg: error instanceof ConfigError ? 'configuration invalid' : 'start failed',
      error: error instanceof Error ? error.message : String(error),
    });
  }
  process.exit(1);
}

/** The configuration problems /healthz reports; set by the start check and by a failed reminder run. */
let problems: ConfigProblem[] = [];
let lastLogged = '';
const report = (problem: ConfigProblem | undefined): void => {
  problems = problem ? [problem] : [];
  const line = problem ? JSON.stringify(problem) : '';
  // Logged once per change, so a problem that stays does not flood the log every recheck.
  if (problem && line !== lastLogged) log({ level: 'error', msg: 'configuration problem', ...problem });
  if (!problem && lastLogged !== '') log({ level: 'info', msg: 'configuration problem resolved' });
  lastLogged = line;
};

try {
  const graph = createServerGraph(config);
  let bot: Bot | undefined;
  // Declared before the server starts: /healthz reads it from the first request on.
  let reminders: ReminderTimer | undefined;
  let stopping = false;
  const app = await startAppServer({
    host: config.host,
    port: config.port,
    tabDistDir: config.tabDistDir,
    tabConfig: () => config.tab,
    messagesPath: MESSAGES_PATH,
    messages: (): MessagesEndpoint | undefined =>
      bot ? { path: MESSAGES_PATH, handle: bot.adapter.handle } : undefined,
    tabApiPath: TAB_API_PATH,
    tabApi: (): MessagesEndpoint | undefined => (bot ? { path: TAB_API_PATH, handle: bot.tabApi } : undefined),
    reminderJob: () => reminders?.status(),
    problems: () => problems,
    log,
  });
  const stop = () => {
    stopping = true;
    Promise.allSettled([reminders?.stop(), app.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log({ level: 'info', msg: 'listening', url: app.url });

  // First use: token, Graph, site, lists. The server stays up meanwhile, so /healthz can say what is wrong.
  let site: Site | undefined;
  while (!site && !stopping) {
    const check = await checkConnection(config);
    if (check.ok) site = check.site;
    else {
      report(check.problem);
      await sleep(RECHECK_MS);
    }
  }
  if (!site) throw new Error('stopped before the site was reachable');
  const siteId = site.id;
  report(undefined);

  if (config.bot) {
    // Loaded only once the configuration works: the Teams SDK is most of the start time, and a wrong
    // variable should be named in seconds.
    const [
      { createBot, MESSAGES_PATH: botPath },
      { tabDeepLink },
      { createReminderRun, startReminderTimer },
      { TAB_API_PATH: tabApiPath },
    ] = await Promise.all([
      import('../bot/bot-app.js'),
      import('../bot/deep-link.js'),
      import('../bot/reminder-timer.js'),
      import('../bot/tab-api.js'),
    ]);
    if (botPath !== MESSAGES_PATH)
      throw new Error(`The bot serves ${botPath}, the server routes ${MESSAGES_PATH} to it`);
    if (tabApiPath !== TAB_API_PATH)
      throw new Error(`The bot serves ${tabApiPath}, the server routes ${TAB_API_PATH} to it`);
    const tabEndpoint = config.tabEndpoint ?? app.url;
    const deepLinkFor = (mt: Parameters<typeof tabDeepLink>[1]) => tabDeepLink(tabEndpoint, mt);
    bot = await createBot({
      ...config.bot,
      host: config.host,
      graph,
      siteId,
      siteUrl: config.siteUrl,
      graphBaseUrl: config.graph.baseUrl,
      deepLinkFor,
      log,
    });
    const run = createReminderRun({
      graph,
      siteId,
      siteUrl: config.siteUrl,
      sender: bot.sender,
      deepLinkFor,
      log,
      extraHolidays: config.reminders.extraHolidays,
    });
    reminders = startReminderTimer({
      intervalMs: config.reminders.intervalMs,
      run: async (tick) => {
        try {
          const result = await run(tick);
          report(undefined);
          return result;
        } catch (error) {
          // A failed run may be the configuration (a secret expired, a list deleted): check it and say which variable.
          const check = await checkConnection(config);
          report(check.ok ? undefined : check.problem);
          throw error;
        }
      },
      log,
    });
  } else {
    log({
      level: 'warn',
      msg: 'no CLIENT_ID/TENANT_ID configured: serving the tab without the bot and the reminder job',
    });
  }
  log({ level: 'info', msg: 'serving', url: app.url, site: site.webUrl, bot: Boolean(bot) });
} catch (error) {
  log({ level: 'error', msg: 'start failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
