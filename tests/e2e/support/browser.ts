import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), the full browser in its new headless mode. */
export const FULL_CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's headless shell (`apt-get install chromium-headless-shell`): the same Chromium version without the browser
 * around it (Chromium's old headless mode, which Playwright itself uses for headless runs). It renders pages with the
 * same engine, and a browser test costs about 40% less CPU in it (docs/performance.md, "The test suite").
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * What a browser is for: `tests` (the browser tests: the headless shell when installed, else the full Chromium) or
 * `full` (the bench, which times what a person's browser does: always the full Chromium).
 */
export type ChromiumUse = 'tests' | 'full';

/**
 * The Chromium binary to drive: `CHROMIUM_PATH` when set, else for the tests the headless shell when it is installed,
 * else Debian's full Chromium. Throws, naming the variable and the path, when that binary is missing.
 */
export function chromiumPath(
  use: ChromiumUse,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!exists(chosen)) throw new Error(`Chromium not found at ${chosen}, which CHROMIUM_PATH names.`);
    return chosen;
  }
  if (use === 'tests' && exists(HEADLESS_SHELL)) return HEADLESS_SHELL;
  if (exists(FULL_CHROMIUM)) return FULL_CHROMIUM;
  throw new Error(
    use === 'tests'
      ? `Chromium not found at ${HEADLESS_SHELL} nor at ${FULL_CHROMIUM}. Install Debian's chromium-headless-shell ` +
          `(apt-get install chromium-headless-shell; the lighter one for tests) or chromium, or set CHROMIUM_PATH.`
      : `Chromium not found at ${FULL_CHROMIUM}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

function launchOptions(use: ChromiumUse): LaunchOptions {
  return {
    executablePath: chromiumPath(use),
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

/**
 * A Chromium of the caller's own: the bench's (`npm run bench` and bench/*.ts), so the full Chromium unless
 * `CHROMIUM_PATH` names another. The bench times the tab in the browser a person uses, and its figures stay comparable
 * with the earlier runs'.
 */
export async function launchChromium(use: ChromiumUse = 'full'): Promise<Browser> {
  return chromium.launch(launchOptions(use));
}

/**
 * The Chromium that the browser test files connect to (`chromium.connect(server.wsEndpoint())`): the e2e global setup
 * starts one. The headless shell when installed (`chromiumPath('tests')`).
 */
export async function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions('tests'));
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
