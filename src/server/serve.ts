import { ConfigError } from './config.js';
import { loadEnvFiles } from './env-files.js';
import { createLogger } from './log.js';
import { startServe, type ServeRun } from './serve-app.js';

/**
 * `npm run serve`: the app against a real tenant (Azure App Service, or a dev tunnel); the server itself is
 * `startServe` (serve-app.ts). This entry is what belongs to the process: configuration from the process environment
 * (App Service settings), where `APP_ENV=<name>` also reads env/.env.<name>(.user) with the process environment
 * winning; exit code 1 with one line per wrong variable; SIGINT/SIGTERM stop it with exit code 0.
 */
const log = createLogger();

let run: ServeRun;
try {
  if (process.env.APP_ENV) loadEnvFiles(process.env.APP_ENV);
  run = await startServe({ env: process.env, log });
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

const stop = () => {
  run.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

run.serving.catch((error: unknown) => {
  log({ level: 'error', msg: 'start failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
