/**
 * The e2e pattern: every worker has one local run (sandbox + app server, seeded once through the app's own code,
 * as `npm start` does) and every test file shares one Chromium. Starting and seeding a run per file cost most of the
 * e2e time; now a file gets the run reset to the freshly seeded site (`RunningSandbox.restore`, a few milliseconds),
 * and with more than one worker each worker has a run of its own (under `npm test` two workers, the second of which
 * starts once the unit and integration files are done: `worker-gate.ts`).
 *
 * A new e2e test file:
 * ```ts
 * let run: SharedRun;
 * let browser: Browser;
 * beforeAll(async () => {
 *   run = await sharedRun();          // the seeded site, reset for this file; run.appUrl is the tab
 *   browser = await sharedBrowser();  // a connection to the shared Chromium
 *   // seed what this file needs on top, through Graph (otherClient(run.appUrl)), as before
 * });
 * afterAll(async () => {
 *   await browser?.close();           // closes this file's contexts and pages, not the shared Chromium
 * });
 * ```
 * A download has no local `path()` on a connected browser: read it with `downloadBytes(download)`.
 *
 * Rules that keep files independent: change the site only through Graph/the UI (the next file gets it reset), never
 * stop the run, and use a new browser context per test or group of tests (`personaContext`). A file that needs a
 * different configuration (other env, faults at start) starts its own with `startTestRun` from
 * `tests/support/local-run.ts`, at the cost of a seeding.
 */
import { chromium, type Browser, type Download } from 'playwright-core';
import { inject } from 'vitest';

export type SharedRun = {
  /** The app server: the built tab, /config.json, the bot endpoint. */
  appUrl: string;
  /** The sandbox's base URL (`/_sandbox/faults` etc.). */
  sandboxUrl: string;
};

/** This worker's run, with its site reset to the freshly seeded state. Call it once per file, in `beforeAll`. */
export async function sharedRun(): Promise<SharedRun> {
  const worker = process.env.VITEST_POOL_ID ?? '1';
  const response = await fetch(`${inject('e2eControlUrl')}/run/${worker}`, { method: 'POST' });
  if (!response.ok)
    throw new Error(`The shared e2e run could not be started or reset (${response.status}): ${await response.text()}`);
  return (await response.json()) as SharedRun;
}

/** A connection to the shared Chromium; `close()` closes what this connection opened. */
export async function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('e2eBrowserEndpoint'));
}

/** The bytes of a finished download (streamed from the shared Chromium, which keeps the file). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
