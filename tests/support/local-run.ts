import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal, type LocalRun } from '../../src/server/start-local.js';

/**
 * Starts the whole local tree (sandbox, provisioning + seeding through the app's Graph code,
 * app server) on free ports with a fresh data folder, as `npm start` does. `seed: false`: an empty, provisioned site.
 */
export async function startTestRun(
  extraEnv: Record<string, string> = {},
  options: { seed?: false; extraOrigins?: readonly string[] } = {},
): Promise<LocalRun & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-run-'));
  const run = await startLocal({
    env: { PORT: '0', SANDBOX_PORT: '0', SANDBOX_DATA_DIR: dataDir, ...extraEnv },
    log: () => undefined,
    ...options,
  });
  return {
    ...run,
    dataDir,
    close: async () => {
      await run.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
