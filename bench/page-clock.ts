import type { Page } from 'playwright-core';

const SHOWN = '__benchShown';
type Waiter = { testId: string; armed: boolean; resolve: (at: number) => void };
const waiters = new WeakMap<Page, Waiter[]>();

/**
 * Makes every document `page` loads from now on note when the element with each of `testIds` first shows (a box with
 * height), on the page's own clock: ms since that navigation started, checked in the page on every animation frame
 * from the document's start (an init script). The page reports it with a console message, which Chromium hands to
 * Playwright as an event: the bench runs none of its own code in the page while it loads. Before, `shownAt` polled
 * with `page.waitForFunction`, and Playwright's first call into a new document evaluates its utility script there
 * (15–19 ms of the page's main thread in a trace), sometimes between the app's first commit and its paint.
 */
export async function watchShown(page: Page, testIds: readonly string[]): Promise<void> {
  const pending: Waiter[] = [];
  waiters.set(page, pending);
  page.on('console', (message) => {
    const [tag, id, at] = message.text().split(' ');
    if (tag !== SHOWN || !id) return;
    // A new document: what waits for the next one listens from now on.
    if (id === '(document)') return pending.forEach((w) => (w.armed = true));
    for (const w of pending.filter((p) => p.armed && p.testId === id)) {
      pending.splice(pending.indexOf(w), 1);
      w.resolve(Number(at));
    }
  });
  // A string, not a function: tsx's transform would wrap named functions in a helper the page does not have.
  await page.addInitScript({
    content: `(() => {
      if (window.top !== window) return;
      const tag = ${JSON.stringify(SHOWN)};
      console.debug(tag + ' (document)');
      const left = new Set(${JSON.stringify(testIds)});
      const frame = () => {
        for (const id of [...left]) {
          const element = document.querySelector('[data-testid="' + id + '"]');
          if (element && element.getBoundingClientRect().height > 0) {
            left.delete(id);
            console.debug(tag + ' ' + id + ' ' + performance.now());
          }
        }
        if (left.size > 0) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })();`,
  });
}

/**
 * When the element with `testId` shows in the next document `page` loads (call it before the navigation, and
 * `watchShown` before that): ms since that navigation started, on the page's own clock, at the animation frame in which
 * it had a box. Why not a locator's `waitFor` timed from Node: it polls with a back-off (its checks end up 500 ms
 * apart), so a card that showed at 1,000 ms was seen anywhere up to 1,500 ms.
 */
export function nextShown(page: Page, testId: string, timeout = 60_000): Promise<number> {
  const pending = waiters.get(page);
  if (!pending) throw new Error('nextShown: call watchShown(page, ...) first');
  const shown = new Promise<number>((resolve, reject) => {
    const waiter: Waiter = {
      testId,
      armed: false,
      resolve: (at) => {
        clearTimeout(timer);
        resolve(at);
      },
    };
    const timer = setTimeout(() => {
      pending.splice(pending.indexOf(waiter), 1);
      reject(new Error(`${testId} did not show within ${timeout} ms`));
    }, timeout);
    // A run that fails before it awaits this (its navigation threw) neither waits for the timer nor reports a second,
    // unhandled error.
    timer.unref();
    pending.push(waiter);
  });
  shown.catch(() => undefined);
  return shown;
}

/**
 * When the number of elements with `testId` last changed, on the page's clock (checked every animation frame), once it
 * has stayed the same for `quietMs`: for a view that renders part of its content after the first paint, when all of it
 * is there. Returns that time and the count.
 */
export async function settledAt(page: Page, testId: string, quietMs = 500): Promise<{ at: number; count: number }> {
  const handle = await page.waitForFunction(
    ({ id, quiet }) => {
      const w = window as unknown as { settle?: { count: number; at: number } };
      const count = document.querySelectorAll(`[data-testid="${id}"]`).length;
      const now = performance.now();
      if (!w.settle || w.settle.count !== count) w.settle = { count, at: now };
      return count > 0 && now - w.settle.at >= quiet ? w.settle : false;
    },
    { id: testId, quiet: quietMs },
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as { at: number; count: number };
}
