import type { Page } from 'playwright-core';

/**
 * When the element with `testId` first shows (a box with height), on the page's own clock: ms since that navigation
 * started, checked in the page on every animation frame. Why not a locator's `waitFor` timed from Node: it polls with a
 * back-off (its checks end up 500 ms apart), so a card that showed at 1,000 ms was seen anywhere up to 1,500 ms, and
 * the later a page shows, the more it lost; the bare page, done early, lost least.
 */
export async function shownAt(page: Page, testId: string): Promise<number> {
  const handle = await page.waitForFunction(
    (id) => {
      const element = document.querySelector(`[data-testid="${id}"]`);
      return element !== null && element.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    testId,
    { polling: 'raf', timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
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
