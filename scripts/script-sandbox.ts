import { mkdirSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../src/sandbox/server.js';

/**
 * `--sandbox` for the scripts: a sandbox in this process on the sandbox's data folder (SANDBOX_DATA_DIR or
 * .data/sandbox), on a free port so it works next to a running `npm start`, and `env` pointed at it.
 */
export async function startScriptSandbox(env: NodeJS.ProcessEnv): Promise<RunningSandbox> {
  const dataDir = env.SANDBOX_DATA_DIR || '.data/sandbox';
  mkdirSync(dataDir, { recursive: true });
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    ...(env.GRAPH_CLIENT_ID ? { clientId: env.GRAPH_CLIENT_ID } : {}),
    ...(env.GRAPH_CLIENT_SECRET ? { clientSecret: env.GRAPH_CLIENT_SECRET } : {}),
  });
  Object.assign(env, {
    GRAPH_BASE_URL: sandbox.graphUrl,
    TOKEN_URL: sandbox.tokenUrl,
    SHAREPOINT_SITE_URL: sandbox.siteUrl,
  });
  return sandbox;
}
