/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCounts } from '../../src/domain/counts.js';
import { saveScreenshot } from './support/browser.js';
import { drawn, roadmapComplete } from './support/waits.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { otherClient, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

async function open(
  hash: string,
  options: Parameters<typeof personaContext>[2] = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.secretaris, options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${hash}`);
  return { page, errors };
}

const domeinChoice = (page: Page) => page.getByRole('banner').getByRole('combobox', { name: 'Domein' });

describe("a manager's first minutes", () => {
  const SECRETARIS_SOCIAAL = 'secretaris.mt-sociaal-domein@zoetermeer.example';

  it.each([SECRETARIS_SOCIAAL, UPN.portfolio, UPN.imSociaal])(
    'shows %s where to start after choosing the role, their own things first',
    async (upn) => {
      const plan = await (await otherClient(run.appUrl)).plan();
      const ownsOpen = plan.acties.some(
        (a) =>
          a.value.eigenaar?.email?.toLowerCase() === upn &&
          a.value.status !== 'Afgerond' &&
          a.value.status !== 'Niet overgenomen',
      );
      if (upn === SECRETARIS_SOCIAAL) expect(ownsOpen).toBe(false);
      const context = await personaContext(browser, upn);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/`);
      await page.getByRole('heading', { name: 'Wat vind ik waar' }).waitFor();
      const kinds = await page
        .getByTestId('start-item')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
      expect(kinds[0]).toBe(ownsOpen ? 'mijn-acties' : 'vergadering');
      expect([...kinds].sort()).toEqual(['mijn-acties', 'portfolio', 'vergadering', 'voortgang']);
      if (ownsOpen)
        await expect(page.getByTestId('start-figures').innerText()).resolves.toMatch(/^\d+ open, \d+ achterstallig$/);
      expect(await seriousViolations(page), `start page of ${upn}`).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('keeps "niet meer tonen" across reloads, and the Over page brings the start page back', async () => {
    const context = await personaContext(browser, SECRETARIS_SOCIAAL);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/`);
    await page.getByRole('heading', { name: 'Wat vind ik waar' }).waitFor();
    await saveScreenshot(page, 'start-secretaris-mt');
    await page.getByTestId('start-dismiss').click();
    await page.getByTestId('roadmap-card').first().waitFor();
    await page.goto(`${run.appUrl}/`);
    await page.reload();
    await page.getByTestId('roadmap-card').first().waitFor();
    await expect(page.getByTestId('start').count()).resolves.toBe(0);
    await page.goto(`${run.appUrl}/#/over`);
    await page.getByRole('link', { name: /Wat vind ik waar/ }).click();
    await page.getByRole('heading', { name: 'Wat vind ik waar' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('chooses the domain once, in the header, and every view and a reload keep it', async () => {
    const { page, errors } = await open('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    const client = await otherClient(run.appUrl);
    const plan = await client.plan();
    const fysiek = plan.acties
      .filter((a) => a.value.domeinen.includes('Fysiek Domein'))
      .map((a) => a.value.nummer)
      .sort();
    expect(fysiek.length).toBeLessThan(plan.acties.length);

    await domeinChoice(page).selectOption('Fysiek Domein');
    await expect.poll(async () => await page.getByTestId('roadmap-card').count()).toBe(fysiek.length);
    expect(new URL(page.url()).searchParams.get('domein')).toBe('Fysiek Domein');

    // Another view through the navigation: the same domain, without choosing again.
    await page.getByRole('navigation').getByRole('link', { name: 'Lijst' }).click();
    await page.getByTestId('actie-row').first().waitFor();
    const listed = await page
      .getByTestId('actie-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nummer')));
    expect([...listed].sort()).toEqual(fysiek);
    await expect(domeinChoice(page).inputValue()).resolves.toBe('Fysiek Domein');

    await page.reload();
    await page.getByTestId('actie-row').first().waitFor();
    await expect(domeinChoice(page).inputValue()).resolves.toBe('Fysiek Domein');

    // A new page of the same browser without the domain in its URL: the remembered choice.
    const again = await page.context().newPage();
    await again.goto(`${run.appUrl}/#/roadmap`);
    await again.getByTestId('roadmap-card').first().waitFor();
    await expect(domeinChoice(again).inputValue()).resolves.toBe('Fysiek Domein');
    await expect.poll(async () => await again.getByTestId('roadmap-card').count()).toBe(fysiek.length);

    // Back to every domain: remembered as such.
    await domeinChoice(again).selectOption('');
    await expect.poll(async () => await again.getByTestId('roadmap-card').count()).toBe(plan.acties.length);
    expect(new URL(again.url()).searchParams.has('domein')).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the same counts on the roadmap and the dashboard, as the domain defines them', async () => {
    const { page, errors } = await open('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    const client = await otherClient(run.appUrl);
    const plan = await client.plan();
    const expected = planCounts(
      plan.acties.map((a) => a.value),
      new Date(),
    );
    expect(expected.wachtOp).toBeGreaterThan(0);
    const summary = await page.getByTestId('plan-summary').innerText();
    expect(summary).toContain(`${expected.acties} acties`);
    expect(summary).toContain(`${expected.open} open`);
    expect(summary).toContain(`${expected.achterstallig} achterstallig`);
    expect(summary).toContain(`${expected.geblokkeerd} geblokkeerd`);
    expect(summary).toMatch(new RegExp(`${expected.wachtOp} (wacht|wachten) op een andere actie`));

    await page.getByRole('navigation').getByRole('link', { name: 'Voortgang' }).click();
    const kpi = async (id: string) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ''));
    await page.getByTestId('kpi-waiting').waitFor();
    expect(await kpi('kpi-total')).toBe(expected.acties);
    expect(await kpi('kpi-blocked')).toBe(expected.geblokkeerd);
    expect(await kpi('kpi-overdue')).toBe(expected.achterstallig);
    expect(await kpi('kpi-waiting')).toBe(expected.wachtOp);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits 320 px: the navigation is a menu, the header small, and no view pushes the page sideways', async () => {
    const { page, errors } = await open('#/roadmap', { width: 320 });
    await page.getByTestId('roadmap-card').first().waitFor();
    const menu = page.getByTestId('nav-menu');
    await expect(menu.isVisible()).resolves.toBe(true);
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height ?? 999).toBeLessThan(140);
    for (const [view, ready] of [
      ['Lijst', 'actie-row'],
      ['Voortgang', 'kpi-total'],
      ['Besluiten', 'besluiten-van'],
      ['Mijn acties', 'nav-menu'],
      ['Instellingen', 'nav-menu'],
      ['Roadmap', 'roadmap-card'],
    ] as const) {
      await menu.locator('summary').click();
      await menu.getByRole('link', { name: view }).click();
      await expect.poll(() => menu.getAttribute('open')).toBeNull();
      await page.getByTestId(ready).first().waitFor();
      if (ready === 'roadmap-card') await roadmapComplete(page);
      await drawn(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${view} at 320 px`).toBeLessThanOrEqual(clientWidth);
    }
    await saveScreenshot(page, 'roadmap-320');
    expect(await seriousViolations(page), 'roadmap at 320 px').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
