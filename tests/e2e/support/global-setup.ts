/**
 * Vitest global setup of the e2e project (runs once, in the main process): one Chromium server for all test files,
 * and one local run (sandbox + app server, seeded once) per worker, handed out through a small loopback control
 * server. See `shared-run.ts` for how a test file uses them.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import type { TestProject } from 'vitest/node';
import type { LocalRun, startLocal as StartLocal } from '../../../src/server/start-local.js';
import { launchChromiumServer } from './browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The control server of the shared runs: `POST {url}/run/{VITEST_POOL_ID}` resets and returns a run. */
    e2eControlUrl: string;
    /** The shared Chromium's websocket endpoint, for `chromium.connect`. */
    e2eBrowserEndpoint: string;
  }
}

type Run = { run: LocalRun; dataDir: string };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runs = new Map<string, Promise<Run>>();
  let seeded: Promise<Run> | undefined;

  // The app's code is loaded the way `npm start` loads it (tsx, Node's own module loading): vitest's runner for global
  // setups would bundle packages such as rrule from their ESM builds, which the app never sees.
  const { startLocal } = (await tsImport('../../../src/server/start-local.ts', import.meta.url)) as {
    startLocal: typeof StartLocal;
  };
  const start = async (dataDir: string): Promise<LocalRun> =>
    startLocal({ env: { PORT: '0', SANDBOX_PORT: '0', SANDBOX_DATA_DIR: dataDir }, log: () => undefined });

  /** The first run seeds the site and snapshots it; every other run starts from a copy of that snapshot. */
  const runFor = (worker: string): Promise<Run> => {
    let run = runs.get(worker);
    if (run) return run;
    run = (async () => {
      const dataDir = mkdtempSync(join(tmpdir(), `actieplan-e2e-${worker}-`));
      if (!seeded) {
        seeded = (async () => {
          const first = await start(dataDir);
          first.sandbox.snapshot();
          return { run: first, dataDir };
        })();
        return seeded;
      }
      const template = await seeded;
      copyFileSync(join(template.dataDir, 'snapshot.sqlite'), join(dataDir, 'sandbox.sqlite'));
      copyFileSync(join(template.dataDir, 'snapshot.sqlite'), join(dataDir, 'snapshot.sqlite'));
      return { run: await start(dataDir), dataDir };
    })();
    runs.set(worker, run);
    return run;
  };

  const control: Server = createServer((req, res) => {
    const match = /^\/run\/(\d+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    runFor(match[1])
      .then(({ run }) => {
        run.sandbox.restore();
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ appUrl: run.appUrl, sandboxUrl: run.sandbox.baseUrl }));
      })
      .catch((error: unknown) => {
        res
          .writeHead(500, { 'Content-Type': 'text/plain' })
          .end(error instanceof Error ? (error.stack ?? error.message) : String(error));
      });
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const address = control.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const browser: BrowserServer = await launchChromiumServer();
  project.provide('e2eControlUrl', `http://127.0.0.1:${port}`);
  project.provide('e2eBrowserEndpoint', browser.wsEndpoint());

  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await browser.close();
    for (const pending of runs.values()) {
      const { run, dataDir } = await pending.catch(() => ({ run: undefined, dataDir: undefined }));
      await run?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
