/**
 * CLI: starts the sandbox from environment variables and prints its addresses.
 *
 *   SANDBOX_PORT (default 3979, 0 picks a free port), SANDBOX_DATA_DIR (default .data/sandbox),
 *   SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_ALLOWED_ORIGINS (comma list; default the app at PORT, 3978),
 *   SANDBOX_TOKEN_LIFETIME_SECONDS, and faults: SANDBOX_LATENCY_MS, SANDBOX_THROTTLE_RATE,
 *   SANDBOX_THROTTLE_STATUS (429|503), SANDBOX_RETRY_AFTER_SECONDS, SANDBOX_COMMIT_THEN_FAIL_RATE,
 *   SANDBOX_FAULT_SEED. SANDBOX_HOST may only be 127.0.0.1: the sandbox never listens elsewhere.
 */
import { sandboxSettingsFromEnv } from './cli-options.js';
import { startSandbox } from './server.js';

async function main(): Promise<void> {
  const read = sandboxSettingsFromEnv(process.env);
  if (!read.ok) {
    console.error(`sandbox: invalid environment: ${read.problems.join('; ')}`);
    process.exit(1);
  }
  const { faults, dataDir } = read.settings;
  const sandbox = await startSandbox(read.settings);
  console.log('Microsoft 365 sandbox ready');
  console.log(`  base:  ${sandbox.baseUrl}`);
  console.log(`  graph: ${sandbox.graphUrl}`);
  console.log(`  site:  ${sandbox.siteUrl}`);
  console.log(`  token: ${sandbox.tokenUrl}`);
  console.log(`  data:  ${dataDir}`);
  if (Object.keys(faults).length > 0) console.log(`  faults: ${JSON.stringify(faults)}`);

  const stop = (signal: string): void => {
    console.log(`sandbox: ${signal} received, closing`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('sandbox: error while closing', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('sandbox: failed to start:', err);
  process.exit(1);
});
