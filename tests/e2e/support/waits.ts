/// <reference lib="dom" />
/**
 * Named waits for the browser tests. A test waits for what the page shows, never for a fixed time: on a shared two-core
 * machine the same step takes 0.2 s or 5 s. Each timeout here is a ceiling, named after what it waits for, so that a
 * test that needs more than the default (Playwright's 30 s for a locator, `expect.poll`'s 1 s) says why.
 */
import { errors, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';

export const WAIT = {
  /** A write (save, tick, import of a few items) and the view showing its outcome. */
  write: 15_000,
  /** A view's content after a navigation, a reload or a changed theme: a Graph read, lazy chunks and a render. */
  view: 30_000,
  /** Work that grows with the data: hundreds of imported rows, 5,000 portfolio items. */
  bulk: 60_000,
} as const;

/**
 * Waits until the page has drawn what it has: two animation frames, then until every finite animation and CSS
 * transition (Fluent fades a button's colours over 100 ms when it becomes enabled) has finished, then one more frame.
 * Endless animations (a spinner) are not waited for; wait for the spinner to go first.
 */
export async function drawn(target: Page | Frame): Promise<void> {
  await target.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    await frame();
    await frame();
    const finite = document
      .getAnimations()
      .filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await frame();
  });
}

/**
 * Waits until the page's main thread has nothing left to do (a `requestIdleCallback`, twice, with a frame between):
 * after an answer the test let through has arrived, the page has handled it. For proving that something does NOT
 * change, where there is nothing to wait for on the page. A page that is never idle goes on after `WAIT.write`.
 */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(async (ceiling) => {
    const idleOnce = () => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: ceiling }));
    await idleOnce();
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    await idleOnce();
  }, WAIT.write);
}

/**
 * Waits until the roadmap holds all its cards. Its first render paints the first screen's cards and adds the others
 * right after that paint (issue 16), with `aria-busy` on the grid until then; a test that reads every card, or that a
 * card is absent, waits for this rather than for the first card.
 */
export async function roadmapComplete(target: Page | Frame | FrameLocator, timeout: number = WAIT.view): Promise<void> {
  await target.locator('[data-testid="roadmap"]:not([aria-busy="true"])').waitFor({ timeout });
}

/**
 * For a page whose context has a fake clock (`context.clock.install()`): waits until `locator` is there (or, with
 * `state: 'detached'`, gone), letting the page's time run on by `stepMs` whenever it is not yet. So what the app does
 * after a wait of its own (a poll every 10 s, a retry's back-off of seconds after a dropped connection) happens at
 * once instead of after that time in real life; the app's timers still run in their order, and the page's network
 * answers come in real time. Fails after `timeout` ms of real time. Start it once the page has done what it does on
 * its own clock at start (the host's handshake gives up after 5 s of the page's time). An error a page timer throws
 * while time passes fails the test here.
 */
export async function whileTimePasses(
  page: Page,
  locator: Locator,
  { state = 'visible', stepMs = 1_000, timeout = WAIT.view }: WhileTimePassesOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await locator.waitFor({ state, timeout: 200 });
      return;
    } catch (error) {
      // Only "not yet" lets time pass; anything else (two matches, a closed page) is the test's failure at once.
      if (!(error instanceof errors.TimeoutError)) throw error;
      if (Date.now() > deadline)
        throw new Error(`${String(locator)} was not ${state} after ${timeout} ms while the page's time passed`, {
          cause: error,
        });
    }
    await page.clock.runFor(stepMs);
  }
}

type WhileTimePassesOptions = { state?: 'visible' | 'attached' | 'detached'; stepMs?: number; timeout?: number };
