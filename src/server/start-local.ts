import { mkdirSync } from 'node:fs';
import { zoetermeerKwartaaldoelen, zoetermeerMTs, zoetermeerPlan, zoetermeerPortfolio } from '../domain/plan/zoetermeer.js';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { readConfig, type TabConfig } from './config.js';
import { loadEnvFiles } from './env-files.js';
import { startAppServer, type AppServer } from './http-server.js';
import { createLogger, type Logger } from './log.js';
import { createServerGraph, prepareSite } from './prepare-site.js';

export type LocalRun = { app: AppServer; sandbox: RunningSandbox; appUrl: string; close(): Promise<void> };

export type LocalOptions = {
  /** Overrides of the environment (tests pass free ports and a temp data folder). */
  env?: Record<string, string>;
  log?: Logger;
  rootDir?: string;
};

/**
 * The local process tree behind `npm start`: the Microsoft 365 sandbox, then the app's own
 * provisioning and seeding against it (the same code a real site gets), then the app server.
 * Only the Graph base URL and the token source differ from a tenant; nothing else knows.
 */
export async function startLocal(options: LocalOptions = {}): Promise<LocalRun> {
  const log = options.log ?? createLogger();
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.env ?? {}) };
  loadEnvFiles('sandbox', options.rootDir ?? process.cwd(), env);

  let tabConfig: TabConfig | undefined;
  const host = env.HOST ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new Error(`The local run binds to loopback only; HOST=${host} is refused.`);
  }
  const app = await startAppServer({
    host,
    port: Number(env.PORT ?? 3978),
    tabDistDir: env.TAB_DIST_DIR ?? 'dist/tab',
    tabConfig: () => tabConfig,
    log,
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
      allowedOrigins: [app.url, `http://localhost:${app.port}`, `http://127.0.0.1:${app.port}`],
    });
  } catch (error) {
    await app.close();
    throw portHint(error, 'SANDBOX_PORT', env.SANDBOX_PORT);
  }

  try {
    Object.assign(env, {
      GRAPH_BASE_URL: sandbox.graphUrl,
      TOKEN_URL: sandbox.tokenUrl,
      SHAREPOINT_SITE_URL: sandbox.siteUrl,
      PERSONA_DIRECTORY_URL: `${sandbox.baseUrl}/_sandbox/personas`,
      TAB_AUTH: 'persona',
    });
    const config = readConfig(env);
    const graph = createServerGraph(config);
    const prepared = await prepareSite(graph, config.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    });
    log({ level: 'info', msg: 'site ready', site: prepared.site.webUrl, provision: prepared.provision, seeded: prepared.seed?.created, unknownPeople: prepared.seed?.unknownPeople });
    tabConfig = config.tab;
  } catch (error) {
    await Promise.allSettled([app.close(), sandbox.close()]);
    throw error;
  }

  return {
    app,
    sandbox,
    appUrl: app.url,
    close: async () => {
      await Promise.allSettled([app.close(), sandbox.close()]);
    },
  };
}

function portHint(error: unknown, variable: string, value: string | undefined): Error {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(`Port ${value ?? '(default)'} is already in use. Stop the other process or choose another port with ${variable}=<port>.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
