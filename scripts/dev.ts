/**
 * `npm run dev`: for work on the tab. The same local run as `npm start` (sandbox, seeding, app server with
 * /config.json and the bot, the reminder job; the Playground only when PLAYGROUND=on), and Vite's dev server in front
 * of the tab's sources with hot reload. The dev server proxies the app server's own paths, so the tab talks to the
 * same server and the same sandbox as in `npm start`; nothing is built into dist/.
 */
import { createServer } from 'vite';
import { ConfigError } from '../src/server/config.js';
import { createLogger } from '../src/server/log.js';
import { startLocal } from '../src/server/start-local.js';

const DEFAULT_TAB_DEV_PORT = 5173;

/** TAB_DEV_PORT: the dev server's port (default 5173); a wrong value names the variable. */
export function tabDevPort(env: NodeJS.ProcessEnv): number {
  const raw = env.TAB_DEV_PORT;
  if (raw === undefined || raw === '') return DEFAULT_TAB_DEV_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ConfigError(`TAB_DEV_PORT must be a port number (1-65535), not '${raw}'.`);
  return port;
}

const log = createLogger();
try {
  const port = tabDevPort(process.env);
  const devOrigin = `http://127.0.0.1:${port}`;
  // The Playground is off unless asked for: the dev loop is about the tab, and it saves a process.
  const run = await startLocal({
    log,
    interactive: true,
    env: { PLAYGROUND: process.env.PLAYGROUND ?? 'off' },
    extraOrigins: [devOrigin, `http://localhost:${port}`],
  });
  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      // The app server's own paths; everything else is the tab's source, served and hot-reloaded by Vite.
      proxy: Object.fromEntries(
        ['/config.json', '/healthz', '/api'].map((path) => [path, { target: run.appUrl, changeOrigin: false }]),
      ),
    },
  });
  await vite.listen();
  process.stdout.write(
    [
      '',
      'Actieplan Digitaal Leiderschap: ontwikkelmodus (hot reload van de tab).',
      `  Open: ${devOrigin}/`,
      `  App-server (gebouwde tab, bot, /config.json): ${run.appUrl}/`,
      `  Sandbox (Microsoft Graph): ${run.sandbox.graphUrl}`,
      '  Stoppen: Ctrl+C',
      '',
      '',
    ].join('\n'),
  );
  const stop = () => {
    Promise.allSettled([vite.close(), run.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  log({
    level: 'error',
    msg: error instanceof ConfigError ? 'configuration invalid' : 'dev start failed',
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
}
