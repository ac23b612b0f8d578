/**
 * `npm run reminders -- --mt <key> --preview [--json]` / `--send-now [--json]`: see src/reminders/cli.ts.
 *
 * Reads `env/.env.<TEAMSFX_ENV>` (default `sandbox`) like the server does. Locally, run it next to `npm start`:
 * it reads the running sandbox, and `--send-now` posts through the bot into the Playground's channel.
 * stdout carries the result only (the card's JSON with --preview --json); messages go to stderr.
 */
import { createBot } from '../src/bot/bot-app.js';
import { tabDeepLink } from '../src/bot/deep-link.js';
import { playgroundUrls } from '../src/bot/playground.js';
import { instanceId } from '../src/bot/reminder-timer.js';
import { resolveSite } from '../src/data/site.js';
import { CliError, describePreview, parseArgs, prepareCard, sendNow, UsageError, USAGE } from '../src/reminders/cli.js';
import { ConfigError, readConfig } from '../src/server/config.js';
import { loadEnvFiles } from '../src/server/env-files.js';
import { createLogger } from '../src/server/log.js';
import { createServerGraph } from '../src/server/prepare-site.js';
import { isEntryPoint, processIo, type CliIo } from './cli-io.js';

async function main(io: CliIo, errors: (line: string) => void): Promise<number> {
  let args;
  try {
    args = parseArgs(io.argv);
  } catch (error) {
    if (error instanceof UsageError) {
      errors(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...io.env };
  loadEnvFiles(env.TEAMSFX_ENV ?? 'sandbox', io.cwd, env);
  if (env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS === 'true') env.SERVICE_URL ??= playgroundUrls(Number(env.PLAYGROUND_PORT ?? 56150)).connectorUrl;
  const config = readConfig(env);
  const graph = createServerGraph(config);
  const site = await resolveSite(graph, config.siteUrl);
  const tabEndpoint = config.tabEndpoint ?? `http://${config.host}:${config.port}`;
  const deps = { graph, siteId: site.id, siteUrl: config.siteUrl, deepLinkFor: (mt: Parameters<typeof tabDeepLink>[1]) => tabDeepLink(tabEndpoint, mt), now: new Date() };

  if (args.mode === 'preview') {
    const prepared = await prepareCard(deps, args.mt);
    if (args.json) io.stdout(`${JSON.stringify(prepared.card, null, 2)}\n`);
    else io.stdout(`${describePreview(prepared)}\n`);
    return 0;
  }

  if (!config.bot) throw new CliError('Versturen kan alleen met een bot: CLIENT_ID en TENANT_ID ontbreken in de configuratie.');
  const log = createLogger(errors);
  const bot = await createBot({ ...config.bot, host: config.host, graph, siteId: site.id, siteUrl: config.siteUrl, deepLinkFor: deps.deepLinkFor, log });
  const result = await sendNow({ ...deps, sender: bot.sender, claimant: `cli-${instanceId()}` }, args.mt);
  if (args.json) io.stdout(`${JSON.stringify(result)}\n`);
  else if (result.outcome === 'sent') io.stdout(`Verstuurd: ${result.key} naar ${result.conversationId} (bericht ${result.messageId}).\n`);
  else if (result.outcome === 'lost-claim') io.stdout(`Niet verstuurd: ${result.key} is al door een ander proces geclaimd.\n`);
  else io.stdout(`Mislukt: ${result.key}: ${result.error}\nDe vergadering staat als mislukt in het logboek en wordt niet automatisch opnieuw verstuurd.\n`);
  return result.outcome === 'failed' ? 1 : 0;
}

/** `npm run reminders`: the exit code (0 done, 1 failed, 2 wrong usage); the process and the tests call this. */
export async function run(io: CliIo): Promise<number> {
  const errors = (line: string) => io.stderr(`${line}\n`);
  try {
    return await main(io, errors);
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) errors(error.message);
    else errors(`Mislukt: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await run(processIo());
