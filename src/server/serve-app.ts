import type { Bot } from '../bot/bot-app.js';
import type { ReminderTimer } from '../bot/reminder-timer.js';
import type { Site } from '../data/site.js';
import { readConfig } from './config.js';
import { checkConnection, type ConfigProblem } from './config-problems.js';
import { startAppServer, type MessagesEndpoint } from './http-server.js';
import type { Logger } from './log.js';
import type { ReminderHolidays } from '../shared/wire.js';
import { createServerGraph } from './server-graph.js';

/** The bot's messaging path (bot-app.ts MESSAGES_PATH; repeated here so the bot module loads only when it is needed). */
const MESSAGES_PATH = '/api/messages';
/** The tab's call to the bot (tab-api.ts TAB_API_PATH; repeated for the same reason, checked when the bot loads). */
const TAB_API_PATH = '/api/tab/cmt-kaart';
/** How long to wait before checking a configuration problem again (a provisioned site or a fixed secret heals without a restart). */
const RECHECK_MS = 30_000;

/** A started `npm run serve`: listening, and working through its first use of the tenant. */
export type ServeRun = {
  /** The app server's URL (the tab, /config.json, /healthz, the bot endpoint). */
  url: string;
  /**
   * Settles when the start is over: resolves once the app serves (or was stopped first), rejects when the start
   * failed after listening (the entry logs it and exits 1).
   */
  serving: Promise<void>;
  /** Stops the reminder job and the server; the recheck of a configuration problem ends at once. */
  stop: () => Promise<void>;
};

/**
 * The production server against a real tenant, without a sandbox or seeding (the site is provisioned beforehand with
 * `npm run provision`). Kept apart from the process entry (`serve.ts`: env files, signals, exit codes) so the tests
 * run it in-process and spawn a process only for what is about the process.
 *
 * Throws `ConfigError` for an invalid configuration, before anything listens. A configuration problem found at first
 * use (token, Graph, site, lists) keeps the server up: it is logged once per change and reported by /healthz, and
 * checked again every `recheckMs`.
 */
export async function startServe(options: {
  env: NodeJS.ProcessEnv;
  log: Logger;
  recheckMs?: number;
}): Promise<ServeRun> {
  const { log } = options;
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const config = readConfig(options.env);

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

  const graph = createServerGraph(config);
  let bot: Bot | undefined;
  // Declared before the server starts: /healthz reads it from the first request on.
  let reminders: ReminderTimer | undefined;
  let holidays: ((now: Date) => ReminderHolidays) | undefined;
  const stopping = new AbortController();
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
    reminderHolidays: () => holidays?.(new Date()),
    problems: () => problems,
    log,
  });
  log({ level: 'info', msg: 'listening', url: app.url });
  // The reminder rule's holidays for the tab's previews, also while the site is unreachable and without a bot (the
  // job may run elsewhere). Loaded after listening: date-holidays' country data is not needed to name a wrong variable.
  void import('../reminders/holidays.js')
    .then((m) => {
      holidays = m.holidayWindowPerDay(config.reminders.extraHolidays);
    })
    .catch((error: unknown) =>
      log({
        level: 'error',
        msg: 'holidays unavailable',
        error: error instanceof Error ? error.message : String(error),
      }),
    );

  /** Resolves after `ms`, or at once when the server is being stopped. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  const serving = (async () => {
    // First use: token, Graph, site, lists. The server stays up meanwhile, so /healthz can say what is wrong.
    let site: Site | undefined;
    while (!site && !stopping.signal.aborted) {
      const check = await checkConnection(config);
      if (check.ok) site = check.site;
      else {
        report(check.problem);
        await pause(recheckMs);
      }
    }
    // Stopped meanwhile: nothing more starts (no bot, no reminder job).
    if (!site || stopping.signal.aborted) return;
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
      if (stopping.signal.aborted) return;
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
  })();

  return {
    url: app.url,
    serving,
    stop: async () => {
      // Not waiting for a start still under way (a Graph request may hang until its timeout): it sees the abort
      // after its current step and starts nothing more.
      stopping.abort();
      const results = await Promise.allSettled([reminders?.stop(), app.close()]);
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
