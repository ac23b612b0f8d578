/// <reference lib="dom" />
/**
 * Where the focus goes when the control that had it goes away (a bar that closes with its selection, a menu that
 * closes, a button whose view is left): to the control it belongs with, never to the page, where a keyboard or
 * screen-reader user would have to start again from the top.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

/** What has the focus: its accessible name or test id, or BODY for the page itself. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'BODY';
    return (
      e.getAttribute('aria-label') ??
      e.getAttribute('data-testid') ??
      (e.id === 'main' ? 'main' : (e.textContent ?? '').trim().slice(0, 40) || e.tagName)
    );
  });

describe('the focus when its control goes away', () => {
  it('Lijst: a bulk dialog gives it back to its button; clearing the selection puts it on "select all"', async () => {
    const page = await (await personaContext(browser, UPN.imSociaal)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst`);
    const row = page.getByTestId('actie-row').first();
    await row.waitFor();
    const nummer = await row.getAttribute('data-nummer');
    await page.getByRole('checkbox', { name: `Actie ${nummer} selecteren` }).check();
    const bar = page.getByTestId('bulk-bar');
    for (const name of ['Status wijzigen', 'Eigenaar wijzigen', 'Deadline wijzigen']) {
      await bar.getByRole('button', { name }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(() => focused(page), { timeout: WAIT.view }).toBe(name);
    }
    await bar.getByRole('button', { name: 'Selectie wissen' }).click();
    await bar.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? 'BODY'))
      .toBe('checkbox');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Voortgang: "Toon in lijst" opens the list with the focus in it', async () => {
    const page = await (await personaContext(browser, UPN.imSociaal)).newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/voortgang`);
    const show = page.getByRole('button', { name: /^Toon in lijst: / }).first();
    await show.waitFor({ timeout: WAIT.view });
    await show.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('actie-row').first().waitFor({ timeout: WAIT.view });
    await expect.poll(() => focused(page)).toBe('main');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the narrow menu: Esc closes it, and a chosen view leaves the focus on the menu', async () => {
    const page = await (await personaContext(browser, UPN.imSociaal, { width: 320 })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/roadmap`);
    const menu = page.getByTestId('nav-menu');
    await menu.waitFor();
    const summary = menu.locator('summary');
    const open = () => menu.evaluate((d) => (d as HTMLDetailsElement).open);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(open).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(open).toBe(false);
    await expect.poll(() => summary.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(open).toBe(true);
    await menu.getByRole('link', { name: 'Lijst' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('actie-row').first().waitFor({ timeout: WAIT.view });
    await expect.poll(open).toBe(false);
    await expect.poll(() => summary.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
