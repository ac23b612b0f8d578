/**
 * One browser test file's set-up, in one call: this worker's seeded run reset for the file (`sharedRun`), a connection
 * to the shared Chromium (`sharedBrowser`), a second Graph client for reading and changing the site behind the UI's
 * back (`otherClient`), and, when asked, a test host that plays Teams/Outlook around the tab (`startTestHost`).
 *
 * ```ts
 * let run: SharedRun;
 * let browser: Browser;
 * let client: OtherClient;
 * beforeAll(async () => {
 *   const file = await openE2eFile();          // or openE2eFile({ host: true }) and `host` as well
 *   ({ run, browser, client } = file);
 *   return file.close;                         // vitest runs what beforeAll returns after the file's tests
 * });
 * ```
 * See README.md in this folder for the rules a file keeps so that it can share the run with the files before it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestHost, type TestHost } from './host-server.js';
import { sharedBrowser, sharedRun, type SharedRun } from './shared-run.js';
import { otherClient, UPN, type OtherClient } from './tab.js';

export type { OtherClient };

export type E2eFile = {
  run: SharedRun;
  browser: Browser;
  /** Signed in as `options.persona` (default the CMT's secretary). */
  client: OtherClient;
  /** Closes what the file opened: its browser contexts and pages and its test host, never the shared run or Chromium. */
  close(): Promise<void>;
};

/**
 * Opens this file's share of the e2e run. Call it once per file, in `beforeAll`, and return its `close`.
 * @param options.host also start a test host (Teams/Outlook around the tab); it is closed by `close`
 * @param options.persona whom `client` signs in as
 */
export async function openE2eFile(options: { persona?: string; host: true }): Promise<E2eFile & { host: TestHost }>;
export async function openE2eFile(options?: { persona?: string; host?: false }): Promise<E2eFile>;
export async function openE2eFile(
  options: { persona?: string; host?: boolean } = {},
): Promise<E2eFile & { host?: TestHost }> {
  if (!existsSync('dist/tab/index.html'))
    throw new Error('The tab is not built: run `npm run build:tab` (npm test does this first).');
  const run = await sharedRun();
  const browser = await sharedBrowser();
  const host = options.host ? await startTestHost() : undefined;
  const client = await otherClient(run.appUrl, options.persona ?? UPN.secretaris);
  return {
    run,
    browser,
    client,
    ...(host ? { host } : {}),
    close: async () => {
      await browser.close();
      await host?.close();
    },
  };
}
