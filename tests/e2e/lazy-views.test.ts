/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

/**
 * Notes, on the page's own clock, when an element with each test id is first in the document (a MutationObserver from
 * the document's start), and the first press of a pointer: `window.__firstSeen[testId]`, `…pointerdown`.
 */
const FIRST_SEEN = (testIds: string[]) => `(() => {
  if (window.top !== window) return;
  const seen = (window.__firstSeen = {});
  addEventListener('pointerdown', () => (seen.pointerdown ??= performance.now()), true);
  const look = () => {
    for (const id of ${JSON.stringify(testIds)})
      if (seen[id] === undefined && document.querySelector('[data-testid="' + id + '"]')) seen[id] = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
})();`;

describe('a view in a chunk of its own (components/view-suspense.tsx, lazyView)', () => {
  it("opens an action's details as soon as their code is in, not 300 ms after the spinner (React's fallback throttle)", async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/roadmap`);
    // Once, so the details' code is in the browser's cache: then only React's handling decides when they show.
    await page.getByTestId('roadmap-card').first().click();
    await page.getByTestId('actie-detail').waitFor();
    await page.goto(`${run.appUrl}/#/roadmap`);
    await page.addInitScript({ content: FIRST_SEEN(['view-loading', 'actie-detail']) });
    await page.reload();
    await page.getByTestId('roadmap-card').first().click();
    await page.getByTestId('actie-detail').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen);
    // A new document has none of the details' modules, so the spinner came first; the details followed once their
    // code (from the cache) had loaded. A `lazy` view showed them no sooner than 300 ms after the spinner.
    expect(seen['view-loading']).toBeGreaterThan(0);
    expect(seen['actie-detail']).toBeGreaterThan(seen['view-loading'] ?? Number.POSITIVE_INFINITY);
    expect((seen['actie-detail'] ?? 0) - (seen['view-loading'] ?? 0)).toBeLessThan(270);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the "Nieuwe actie" dialog as soon as its code is in, not 300 ms after the press', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/roadmap`);
    // Once, so the dialog's code is in the browser's cache.
    await page.getByTestId('nieuwe-actie-button').click();
    await page.getByTestId('nieuwe-actie').waitFor();
    await page.addInitScript({ content: FIRST_SEEN(['nieuwe-actie']) });
    await page.reload();
    await page.getByTestId('nieuwe-actie-button').click();
    await page.getByTestId('nieuwe-actie').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen);
    // A `lazy` dialog came no sooner than 300 ms after its (empty) fallback, which the press put there.
    expect(seen['pointerdown']).toBeGreaterThan(0);
    expect((seen['nieuwe-actie'] ?? 0) - (seen['pointerdown'] ?? 0)).toBeLessThan(270);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a view whose code did not load says so, and "Opnieuw proberen" loads it again', async () => {
    const context = await personaContext(browser, UPN.portfolio);
    const page = await context.newPage();
    let requests = 0;
    // The portfolio view's own chunk: its first request is cut off, as on a dropped connection.
    await page.route('**/assets/portfolio-view-*.js', async (route) => {
      requests += 1;
      if (requests === 1) await route.abort('connectionreset');
      else await route.continue();
    });
    await page.goto(`${run.appUrl}/#/portfolio`);
    await page.getByText('Dit onderdeel kon niet worden geladen').waitFor();
    expect(await page.getByTestId('portfolio-row').count()).toBe(0);
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    // A `lazy` view kept its failed load for the whole visit: the same message again, and no new request.
    await page.getByTestId('portfolio-row').first().waitFor();
    await expect(page.getByText('Dit onderdeel kon niet worden geladen').count()).resolves.toBe(0);
    expect(requests).toBeGreaterThan(1);
    await context.close();
  });
});
