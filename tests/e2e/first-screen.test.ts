/// <reference lib="dom" />
/**
 * The kept first screen (issue 16, src/tab/lib/plan/first-screen.ts): a warm start paints the roadmap as the page last
 * showed it, from index.html's inline script, and React's first commit replaces it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCacheKey } from '../../src/tab/lib/plan/plan-cache.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, tabConfig, UPN, watchErrors } from './support/tab.js';
import { idle, roadmapComplete, WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

const KEPT = 'actieplan.first-screen';

/**
 * Records, from the document's start, the kept picture's life: when it was added (and, measured at once, its cards'
 * boxes, whether it is inert, whether its style rules are in), when it and its style went, and in which batch of
 * mutations (one batch: one task, so no frame between them).
 */
const WATCH = `(function () {
  if (window.top !== window) return;
  var seen = (window.__kept = { added: null, removed: null, styleRemoved: null, batch: 0 });
  new MutationObserver(function (records) {
    seen.batch += 1;
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1 || !node.hasAttribute('data-kept-screen')) return;
        var cards = node.querySelectorAll('[data-testid="roadmap-card"]');
        seen.added = {
          at: performance.now(),
          inert: node.inert,
          style: document.getElementById('actieplan-kept-screen-style') !== null,
          marks: performance.getEntriesByType('mark').map(function (m) { return m.name; }),
          cards: Array.prototype.map.call(cards, function (card) {
            var box = card.getBoundingClientRect();
            return { nummer: card.getAttribute('data-nummer'), x: box.x, y: box.y, width: box.width, height: box.height };
          }),
        };
      });
      record.removedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        if (node.id === 'actieplan-kept-screen-style') seen.styleRemoved = seen.batch;
        if (node.hasAttribute('data-kept-screen') || node.querySelector('[data-kept-screen]')) seen.removed = seen.batch;
      });
      if (record.target.id === 'root' && record.removedNodes.length && seen.added && seen.removed === null)
        seen.removed = seen.batch; // React clears #root with textContent: the picture's removal is this record
    });
  }).observe(document, { subtree: true, childList: true });
})();`;

type Box = { nummer: string; x: number; y: number; width: number; height: number };
type Seen = {
  added: { at: number; inert: boolean; style: boolean; marks: string[]; cards: Box[] } | null;
  removed: number | null;
  styleRemoved: number | null;
};

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __kept: Seen }).__kept);

/** The live roadmap's cards that begin inside the window, with their boxes. */
function liveCardsOnScreen(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="roadmap-card"]'))
      .map((card) => {
        const box = card.getBoundingClientRect();
        return {
          nummer: card.getAttribute('data-nummer') ?? '',
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
        };
      })
      .filter((box) => box.y < window.innerHeight),
  );
}

/** Until the kept screen carries the plan cache's current stamp (the page kept what it shows now). */
async function keptSettled(page: Page, mark: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          ([key, markKey]) =>
            (JSON.parse(window.localStorage.getItem(key) ?? '{}') as { stamp?: string }).stamp ===
            window.localStorage.getItem(markKey),
          [KEPT, mark] as const,
        ),
      { timeout: WAIT.view },
    )
    .toBe(true);
}

/** Opens the roadmap cold and waits until the page has kept its screen (right after it was painted). */
async function keptRoadmap(context: BrowserContext, path = '#/roadmap'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${run.appUrl}/${path}`);
  await roadmapComplete(page);
  await expect
    .poll(() => page.evaluate((key) => window.localStorage.getItem(key) !== null, KEPT), { timeout: WAIT.view })
    .toBe(true);
  return page;
}

describe('the kept first screen (issue 16)', () => {
  it('paints the roadmap the page last showed before the app’s code runs, inert, and React’s first commit replaces it', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    await context.addInitScript({ content: WATCH });
    const page = await keptRoadmap(context);
    const errors = watchErrors(page);
    const liveBefore = await liveCardsOnScreen(page);
    await page.reload();
    await roadmapComplete(page);
    const kept = await seen(page);
    // Painted while the HTML was parsed: before React was asked to render (main.tsx's mark) ...
    expect(kept.added).not.toBeNull();
    expect(kept.added!.marks).not.toContain('tab:react-render');
    expect(kept.added!.inert).toBe(true);
    expect(kept.added!.style).toBe(true);
    // ... with the cards the window showed, in the places the live roadmap gives them (its style rules, media
    // conditions included, came along), and none of the cards below the window.
    expect(kept.added!.cards.map((c) => c.nummer)).toEqual(liveBefore.map((c) => c.nummer));
    expect(kept.added!.cards.length).toBeGreaterThan(3);
    const live = await liveCardsOnScreen(page);
    for (const [i, card] of kept.added!.cards.entries()) {
      const other = live[i]!;
      expect(card.nummer).toBe(other.nummer);
      for (const side of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(card[side] - other[side])).toBeLessThan(1);
    }
    // Gone with React's first commit, its style rules in the same task (no frame between them); nothing of it left.
    expect(kept.removed).not.toBeNull();
    expect(kept.styleRemoved).toBe(kept.removed);
    expect(await page.locator('[data-kept-screen], #actieplan-kept-screen-style').count()).toBe(0);
    // The live roadmap works: a card opens its action.
    await page.getByTestId('roadmap-card').first().click();
    await page.getByRole('dialog').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not painted for another person, another address, or a plan written since it was kept', async () => {
    const config = await tabConfig(run.appUrl);
    const mark = `actieplan.plan-cached|${planCacheKey(config.siteUrl, UPN.imSociaal)}`;
    const context = await personaContext(browser, UPN.imSociaal);
    await context.addInitScript({ content: WATCH });
    const page = await keptRoadmap(context);
    const errors = watchErrors(page);
    const painted = async () => (await seen(page)).added !== null;

    // The control: the same start paints it.
    await page.reload();
    await roadmapComplete(page);
    expect(await painted()).toBe(true);

    // Another tab wrote the plan since (the mark's stamp changed): no older picture first. (First this page's own
    // refresh, which may write the plan again, and its keeping are done.)
    await keptSettled(page, mark);
    await page.evaluate((key) => window.localStorage.setItem(key, 'written-by-another-tab'), mark);
    await page.reload();
    await roadmapComplete(page);
    expect(await painted()).toBe(false);

    // Kept again by this start, then another address: an MT's own tab.
    await keptSettled(page, mark);
    await page.goto(`${run.appUrl}/index.html?domein=Sociaal%20Domein#/roadmap`);
    await roadmapComplete(page);
    expect(await painted()).toBe(false);

    // Another person, even with a mark of the same stamp: the picture was kept for the plan of this one.
    await page.goto(`${run.appUrl}/#/roadmap`);
    await roadmapComplete(page);
    await keptSettled(page, mark);
    await page.evaluate(
      ([markKey, otherMark, upn]) => {
        window.localStorage.setItem(otherMark, window.localStorage.getItem(markKey)!);
        window.localStorage.setItem('actieplan.persona', upn);
      },
      [mark, `actieplan.plan-cached|${planCacheKey(config.siteUrl, UPN.portfolio)}`, UPN.portfolio] as const,
    );
    await page.reload();
    await roadmapComplete(page);
    expect(await painted()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps nothing that could run, and the form fields as they were', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await keptRoadmap(context);
    await page.evaluate(() => {
      const grid = document.querySelector('[data-testid="roadmap"]')!;
      grid.insertAdjacentHTML(
        'afterbegin',
        '<a id="x-link" href="javascript:void(0)" onclick="void 0">a</a><img id="x-img" src="data:," onerror="void 0"><script>void 0</script>',
      );
      const select = document.querySelector('select')!;
      select.selectedIndex = select.options.length - 1;
    });
    // Kept again once the page is quiet after the change.
    await expect
      .poll(() => page.evaluate((key) => window.localStorage.getItem(key)!.includes('x-link'), KEPT), {
        timeout: WAIT.view,
      })
      .toBe(true);
    const kept = await page.evaluate((key) => JSON.parse(window.localStorage.getItem(key)!) as { html: string }, KEPT);
    expect(kept.html).toContain('id="x-img"');
    expect(kept.html).not.toMatch(/onclick|onerror|javascript:|<script/i);
    const lastOption = await page.evaluate(() => document.querySelector('select')!.options.length - 1);
    const options = [...kept.html.matchAll(/<option[^>]*>/g)].map((m) => m[0]);
    expect(options.filter((o) => o.includes('selected'))).toEqual([options[lastOption]]);

    // And what is shown is cleaned again: a picture someone else wrote into localStorage runs nothing.
    await page.evaluate((key) => {
      const planted = JSON.parse(window.localStorage.getItem(key)!) as { html: string };
      planted.html =
        '<img id="planted" src="data:," onerror="window.__planted = 1"><a id="planted-link" href=" java\tscript:void(0)">a</a>' +
        planted.html;
      window.localStorage.setItem(key, JSON.stringify(planted));
      // Not kept again before the reload: the page is left at once.
    }, KEPT);
    await page.evaluate(() => document.getElementById('root')!.replaceChildren());
    await context.addInitScript({
      content: `new MutationObserver(function (r, o) { var p = document.getElementById('planted'); if (p) { window.__plantedSeen = p.outerHTML; o.disconnect(); } }).observe(document, { subtree: true, childList: true });`,
    });
    await page.reload();
    await roadmapComplete(page);
    expect(await page.evaluate(() => (window as unknown as { __plantedSeen?: string }).__plantedSeen)).toBe(
      '<img id="planted">',
    );
    expect(await page.evaluate(() => (window as unknown as { __planted?: number }).__planted)).toBeUndefined();
    await context.close();
  });

  it('keeps nothing while the page shows another view or a dialog', async () => {
    const config = await tabConfig(run.appUrl);
    const mark = `actieplan.plan-cached|${planCacheKey(config.siteUrl, UPN.imSociaal)}`;
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    /** A change in #root, then two idle moments: a page that keeps would have kept by then. */
    const changeAndWait = async () => {
      await page.evaluate(() =>
        document.querySelector('#root [data-testid]')!.setAttribute('data-x', String(Date.now())),
      );
      await idle(page);
      await idle(page);
    };
    const keptNow = () => page.evaluate((key) => window.localStorage.getItem(key), KEPT);
    await page.goto(`${run.appUrl}/#/lijst`);
    await page.getByRole('grid').first().waitFor({ timeout: WAIT.view });
    await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key), mark)).not.toBeNull();
    await changeAndWait();
    expect(await keptNow()).toBeNull();

    await page.goto(`${run.appUrl}/#/roadmap`);
    await roadmapComplete(page);
    await keptSettled(page, mark);
    await page.getByTestId('roadmap-card').first().click();
    await page.getByRole('dialog').waitFor();
    await page.evaluate((key) => window.localStorage.removeItem(key), KEPT);
    await changeAndWait();
    expect(await keptNow()).toBeNull();
    await context.close();
  });
});
