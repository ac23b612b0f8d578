/**
 * `npm run reminders -- --mt <key> --preview [--json]` / `--send-now [--json]`: see src/reminders/cli.ts.
 *
 * Reads `env/.env.<TEAMSFX_ENV>` (default `sandbox`) like the server does. Locally, run it next to `npm start` with
 * the same PORT, SANDBOX_PORT and PLAYGROUND_PORT: it reads the running sandbox, and `--send-now` posts through the
 * bot into the Playground's channel. stdout carries the result only (the card's JSON with --preview --json); messages
 * go to stderr.
 */
import { createBot } from '../src/bot/bot-app.js';
import { tabDeepLink } from '../src/bot/deep-link.js';
import { playgroundUrls } from '../src/bot/playground.js';
import { instanceId } from '../src/bot/reminder-timer.js';
import { resolveSite } from '../src/data/site.js';
import {
  CliError,
  describePreview,
  describeSendNow,
  parseArgs,
  prepareCard,
  sendNow,
  UsageError,
  USAGE,
} from '../src/reminders/cli.js';
import { ConfigError, readConfig } from '../src/server/config.js';
import { loadEnvFiles } from '../src/server/env-files.js';
import { createLogger } from '../src/server/log.js';
import { createServerGraph } from '../src/server/prepare-site.js';
import { isMainModule, processIo, withVariable, type CliIo } from './cli-io.js';

async function run(argv: readonly string[], io: CliIo, seen: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const errors = (line: string) => io.stderr(`${line}\n`);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      errors(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...io.env };
  loadEnvFiles(env.TEAMSFX_ENV ?? 'sandbox', io.cwd, env);
  seen.env = env;
  if (env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS === 'true')
    env.SERVICE_URL ??= playgroundUrls(Number(env.PLAYGROUND_PORT ?? 56150)).connectorUrl;
  const config = readConfig(env);
  const graph = createServerGraph(config);
  const site = await resolveSite(graph, config.siteUrl);
  const tabEndpoint = config.tabEndpoint ?? `http://${config.host}:${config.port}`;
  const log = createLogger(errors);
  const deps = {
    log,
    graph,
    siteId: site.id,
    siteUrl: config.siteUrl,
    deepLinkFor: (mt: Parameters<typeof tabDeepLink>[1]) => tabDeepLink(tabEndpoint, mt),
    now: new Date(),
    extraHolidays: config.reminders.extraHolidays,
  };

  if (args.mode === 'preview') {
    const prepared = await prepareCard(deps, args.mt);
    if (args.json) io.stdout(`${JSON.stringify(prepared.card, null, 2)}\n`);
    else io.stdout(`${describePreview(prepared, deps.now)}\n`);
    return 0;
  }

  if (!config.bot)
    throw new CliError('Versturen kan alleen met een bot: CLIENT_ID en TENANT_ID ontbreken in de configuratie.');
  const bot = await createBot({
    ...config.bot,
    host: config.host,
    graph,
    siteId: site.id,
    siteUrl: config.siteUrl,
    graphBaseUrl: config.graph.baseUrl,
    deepLinkFor: deps.deepLinkFor,
    log,
    // It only posts the card: no endpoint, so nothing to say about the endpoint's authentication.
    serves: false,
  });
  const result = await sendNow({ ...deps, sender: bot.sender, claimant: `cli-${instanceId()}` }, args.mt);
  if (args.json) io.stdout(`${JSON.stringify(result)}\n`);
  // A failed send names the variable of the connector's address (SERVICE_URL), as every failure here does.
  else
    io.stdout(
      `${describeSendNow(result.outcome === 'failed' ? { ...result, error: withVariable(result.error, seen.env ?? io.env) } : result)}\n`,
    );
  return result.outcome === 'failed' ? 1 : 0;
}

/**
 * The whole command: exit code 0 (shown or sent, or already sent), 1 (failed: the message names the variable or the
 * URL), 2 (wrong usage).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // The configuration as the run read it (with the env files), for naming the variable behind a failed address.
  const seen: { env?: NodeJS.ProcessEnv } = {};
  try {
    return await run(argv, io, seen);
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) io.stderr(`${error.message}\n`);
    else
      io.stderr(
        `Mislukt: ${withVariable(error instanceof Error ? error.message : String(error), seen.env ?? io.env)}\n`,
      );
    return 1;
  }
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
