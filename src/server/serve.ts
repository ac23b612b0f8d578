import { createBot, MESSAGES_PATH, type Bot } from '../bot/bot-app.js';
import { tabDeepLink } from '../bot/deep-link.js';
import { createReminderRun, startReminderTimer, type ReminderTimer } from '../bot/reminder-timer.js';
import { resolveSite } from '../data/site.js';
import { ConfigError, readConfig } from './config.js';
import { loadEnvFiles } from './env-files.js';
import { startAppServer, type MessagesEndpoint } from './http-server.js';
import { createLogger } from './log.js';
import { createServerGraph } from './prepare-site.js';

/**
 * `npm run serve`: the app against a real tenant (Azure App Service, or a dev tunnel). No sandbox
 * and no seeding: the site is provisioned beforehand with `npm run provision`. Configuration comes
 * from the process environment (App Service settings); `APP_ENV=<name>` also reads
 * env/.env.<name>(.user), with the process environment winning.
 */
const log = createLogger();
try {
  if (process.env.APP_ENV) loadEnvFiles(process.env.APP_ENV);
  const config = readConfig(process.env);
  const graph = createServerGraph(config);
  const site = await resolveSite(graph, config.siteUrl);
  let bot: Bot | undefined;
  // Declared before the server starts: /healthz reads it from the first request on.
  let reminders: ReminderTimer | undefined;
  const app = await startAppServer({
    host: config.host,
    port: config.port,
    tabDistDir: config.tabDistDir,
    tabConfig: () => config.tab,
    messagesPath: MESSAGES_PATH,
    messages: (): MessagesEndpoint | undefined => (bot ? { path: MESSAGES_PATH, handle: bot.adapter.handle } : undefined),
    reminderJob: () => reminders?.status(),
    log,
  });
  if (config.bot) {
    const tabEndpoint = config.tabEndpoint ?? app.url;
    const deepLinkFor = (mt: Parameters<typeof tabDeepLink>[1]) => tabDeepLink(tabEndpoint, mt);
    bot = await createBot({ ...config.bot, host: config.host, graph, siteId: site.id, siteUrl: config.siteUrl, deepLinkFor, log });
    reminders = startReminderTimer({
      intervalMs: config.reminders.intervalMs,
      run: createReminderRun({ graph, siteId: site.id, siteUrl: config.siteUrl, sender: bot.sender, deepLinkFor, log }),
      log,
    });
  } else {
    log({ level: 'warn', msg: 'no CLIENT_ID/TENANT_ID configured: serving the tab without the bot and the reminder job' });
  }
  log({ level: 'info', msg: 'serving', url: app.url, site: site.webUrl, bot: Boolean(bot) });
  const stop = () => {
    Promise.allSettled([reminders?.stop(), app.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  log({ level: 'error', msg: error instanceof ConfigError ? 'configuration invalid' : 'start failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
