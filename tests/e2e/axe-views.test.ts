/// <reference lib="dom" />
/**
 * Issue 19: axe-core (WCAG 2.1 AA and best practice) finds no serious or critical violation on any view, at 320 px and
 * at 1366 px, in the light and the dark theme. One page per persona walks every view by its address; on each view the
 * width and the colour scheme change in place (the tab follows `prefers-color-scheme` without a reload), so the
 * 4 combinations cost 4 axe runs, not 4 page loads. The meeting side panel runs in the Teams test host.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from './support/host-server.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { byNummer, otherClient, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { drawn, WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, host } = file);
  return file.close;
});

const COMBINATIONS = [
  { width: 1366, scheme: 'light' },
  { width: 1366, scheme: 'dark' },
  { width: 320, scheme: 'light' },
  { width: 320, scheme: 'dark' },
] as const;

type View = { name: string; hash: string | (() => Promise<string>); ready: string };

const VIEWS: View[] = [
  { name: 'start', hash: '#/start', ready: '[data-testid="start-item"]' },
  // All its cards: the roadmap adds those below the first screen right after its first paint (aria-busy until then).
  { name: 'roadmap', hash: '#/roadmap', ready: '[data-testid="roadmap"]:not([aria-busy="true"])' },
  { name: 'lijst', hash: '#/lijst', ready: '[data-testid="actie-row"]' },
  {
    name: 'detail',
    hash: async () => `#/lijst?actie=${byNummer(await (await otherClient(run.appUrl)).plan(), '1.1').id}`,
    ready: '[data-testid="history"]',
  },
  { name: 'mijn-acties', hash: '#/mijn-acties', ready: '[data-testid="mijn-acties"]' },
  { name: 'volgende-vergadering', hash: '#/vergadering?mt=cmt', ready: '[data-testid="volgende-wanneer"]' },
  { name: 'voortgang', hash: '#/voortgang', ready: '[data-testid="progress-table"]' },
  { name: 'besluitenlog', hash: '#/besluiten', ready: '[data-testid="besluiten-view"]' },
  { name: 'portfolio', hash: '#/portfolio', ready: '[data-testid="portfolio-view"]' },
  { name: 'portfolio-tijdlijn', hash: '#/portfolio?weergave=tijdlijn', ready: '[data-testid="timeline-table"]' },
  { name: 'instellingen', hash: '#/instellingen', ready: '[data-testid="mt-card"]' },
  { name: 'config', hash: '#/config', ready: '[data-testid="config-page"]' },
  { name: 'over', hash: '#/over', ready: '[data-testid="page-over"]' },
  { name: 'privacy', hash: '#/privacy', ready: '[data-testid="page-privacy"]' },
];

/**
 * Waits until what loads after the view's first element (spinners, lazy charts) has settled, and until the app is
 * visible to assistive technology again unless a modal is open: a detail panel that the route change closed leaves
 * `aria-hidden` on the app until the app's own clean-up after tabster's update (lib/modal-cleanup.ts, 400 ms), and a
 * view that follows sooner than that was checked while it was still hidden. One that stays hidden fails here.
 */
async function settled(target: Page | Frame): Promise<void> {
  await target
    .locator('.fui-Spinner')
    .first()
    .waitFor({ state: 'detached', timeout: WAIT.view })
    .catch(() => undefined);
  await target.waitForFunction(
    () =>
      document.querySelector('[aria-modal="true"]') !== null ||
      document.getElementById('root')?.closest('[aria-hidden="true"]') === null,
    undefined,
    { timeout: WAIT.view },
  );
  await drawn(target);
}

/** Checks one view in the four combinations; returns the failures, named, instead of stopping at the first. */
async function checkCombinations(
  page: Page,
  target: () => Page | Frame,
  name: string,
  height = 900,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { width, scheme } of COMBINATIONS) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await expect
      .poll(() => target().locator('[data-theme]').first().getAttribute('data-theme'), { timeout: WAIT.view })
      .toBe(scheme);
    await settled(target());
    const violations = await seriousViolations(target());
    if (violations.length > 0)
      failures.push(`${name} at ${width} px, ${scheme}: ${JSON.stringify(violations, null, 2)}`);
  }
  return failures;
}

describe('axe on every view at 320 and 1366 px, light and dark (issue 19)', () => {
  describe('every view of the tab, in one page that goes from view to view', () => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      const context = await personaContext(browser, UPN.gemeentesecretaris, { width: 1366 });
      page = await context.newPage();
      errors = watchErrors(page);
      await page.goto(`${run.appUrl}/#/roadmap`);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    it.each(VIEWS)('$name', async (view) => {
      const hash = typeof view.hash === 'string' ? view.hash : await view.hash();
      // By address, as a person follows a link; the plan stays loaded in between.
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await page.locator(view.ready).first().waitFor({ timeout: WAIT.view });
      expect(await checkCombinations(page, () => page, view.name)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('has none in the meeting side panel either', async () => {
    // In Teams the theme comes from Teams (the host's theme), not from the browser: one load per theme.
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(
        host.url(`${run.appUrl}/index.html?domein=Sociaal%20Domein#/roadmap`, {
          frameContext: 'sidePanel',
          upn: UPN.imSociaal,
          theme: scheme === 'dark' ? 'dark' : 'default',
        }),
      );
      const tab = page.frameLocator('#tab');
      await tab.getByTestId('vergadering-panel').waitFor({ timeout: WAIT.view });
      await expect.poll(() => tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe(scheme);
      const frame = page.frames().find((fr) => fr.url().startsWith(run.appUrl));
      if (!frame) throw new Error('The tab frame is not there');
      for (const width of [320, 1366]) {
        await page.setViewportSize({ width, height: 900 });
        await settled(frame);
        const violations = await seriousViolations(frame);
        if (violations.length > 0)
          failures.push(`side panel at ${width} px, ${scheme}: ${JSON.stringify(violations, null, 2)}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});

describe('the axe check itself', () => {
  it('passes a labelled field scrolled out of its panel, and still reports one labelled by its title or hint only', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    // A panel that scrolls inside a surface that clips (overflow: hidden), as the action's side panel in its
    // drawer: a labelled field with a hint at the top, one with only a title and a hint further down, then enough
    // content to scroll both out of view. axe counts a label outside a clipping ancestor's box as not shown.
    await page.setContent(`<!doctype html><html lang="nl"><head><title>t</title></head><body><main>
      <div style="overflow:hidden;height:320px"><div id="panel" style="height:300px;overflow:auto">
        <label id="l1">Deadline Sociaal Domein</label><span id="h1">Leeg: de deadline van de actie.</span>
        <input id="labelled" type="text" aria-labelledby="l1" aria-describedby="h1">
        <span id="h2">Alleen een omschrijving.</span>
        <input id="unlabelled" type="text" title="Deadline" aria-describedby="h2">
        <div style="height:2000px"></div><p id="end">Einde</p>
      </div></div></main></body></html>`);
    const violationsAt = async (scrollTop: number) => {
      await page.evaluate((top) => document.getElementById('panel')?.scrollTo(0, top), scrollTop);
      const found = await seriousViolations(page);
      return found.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`));
    };
    expect(await violationsAt(0)).toEqual(['label-title-only #unlabelled']);
    expect(await violationsAt(1500)).toEqual(['label-title-only #unlabelled']);
    // The check puts the panel's scroll back where the test had it.
    expect(await page.evaluate(() => document.getElementById('panel')?.scrollTop)).toBe(1500);
    await page.close();
  });
});
