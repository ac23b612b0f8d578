import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function launchOptions(): LaunchOptions {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/** A Chromium of the test's own (the bench, and tests that need a browser nobody else shares). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A Chromium that test files connect to (`chromium.connect(server.wsEndpoint())`): the e2e global setup starts one. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}

/** What can be photographed: a Playwright page or locator. */
type Photographable = { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> };

/** Whether the browser tests save their screenshots (`E2E_SCREENSHOTS=1`). */
export function screenshotsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.E2E_SCREENSHOTS === '1';
}

/**
 * Saves `test-results/<name>.png` for a person to look at, when `E2E_SCREENSHOTS=1`. No test asserts on these pictures
 * (docs/screenshots are made by `npm run screenshots`), and a full-page screenshot costs Chromium about 1 CPU-s, so
 * `npm test` leaves them out by default. Returns the path written, or undefined.
 */
export async function saveScreenshot(
  target: Photographable,
  name: string,
  options: { fullPage?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (!screenshotsWanted(env)) return undefined;
  mkdirSync('test-results', { recursive: true });
  const path = `test-results/${name}.png`;
  await target.screenshot({ path, ...options });
  return path;
}
