import { ConfigError } from './config.js';
import { createLogger } from './log.js';
import { startLocal } from './start-local.js';

/** `npm start`: the app on the local Microsoft 365 sandbox. */
const log = createLogger();
try {
  const run = await startLocal({ log });
  process.stdout.write(
    `\nActieplan Digitaal Leiderschap draait lokaal.\n  Open: ${run.appUrl}/\n  Sandbox (Microsoft Graph): ${run.sandbox.graphUrl}\n  Stoppen: Ctrl+C\n\n`,
  );
  const stop = () => {
    run.close().then(
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
