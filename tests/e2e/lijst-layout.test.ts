/// <reference lib="dom" />
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { byNummer, personaContext, UPN, watchErrors } from './support/tab.js';
import { drawn } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

type Box = { left: number; top: number; width: number; height: number };

/**
 * Every pair of the list's toggles (the filter switches, "Toon vervallen") whose boxes intersect, and each toggle that
 * sticks out of the window sideways. A toggle's box is its whole control: the switch or box and its label.
 */
async function overlappingToggles(page: Page): Promise<string[]> {
  return page.locator('section[aria-labelledby="lijst-title"]').evaluate((section) => {
    const toggles = Array.from(section.querySelectorAll<HTMLElement>('.fui-Switch, .fui-Checkbox')).filter(
      (el) => !el.closest('[role="grid"]') && el.getBoundingClientRect().width > 0,
    );
    const found: string[] = [];
    const text = (el: HTMLElement) => (el.textContent ?? '').trim();
    for (const [i, a] of toggles.entries()) {
      const r = a.getBoundingClientRect();
      if (r.left < 0 || r.right > document.documentElement.clientWidth)
        found.push(`"${text(a)}" outside the window (${Math.round(r.left)}–${Math.round(r.right)})`);
      for (const b of toggles.slice(i + 1)) {
        const s = b.getBoundingClientRect();
        const x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (x > 0.5 && y > 0.5) found.push(`"${text(a)}" × "${text(b)}" (${x.toFixed(1)} × ${y.toFixed(1)} px)`);
      }
    }
    return found;
  });
}

/** The box of a field's control (its input, select or text area), rounded to the pixel. */
const controlBox = (field: Locator): Promise<Box> =>
  field
    .locator('.fui-Input, .fui-Select, .fui-Textarea')
    .first()
    .evaluate((el) => {
      const b = el.getBoundingClientRect();
      return {
        left: Math.round(b.left),
        top: Math.round(b.top),
        width: Math.round(b.width),
        height: Math.round(b.height),
      };
    });

/**
 * What is wrong with the layout of the action panel's "Plan en college" list (a `dl`): each text (`dd`) narrower than
 * `share` of the list's width, and each label or text that sticks out of the list, the list out of the panel, or the
 * panel's body that scrolls sideways. Empty when the text gets the room and everything fits.
 */
async function cramped(dialog: Locator, share: number): Promise<string[]> {
  return dialog.evaluate((panel, minShare) => {
    const found: string[] = [];
    const dl = panel.querySelector('section[aria-labelledby="context-title"] dl');
    if (!dl) return ['no list'];
    const list = dl.getBoundingClientRect();
    const box = panel.getBoundingClientRect();
    const px = (n: number) => String(Math.round(n));
    if (list.left < box.left - 0.5 || list.right > box.right + 0.5)
      found.push(`the list ${px(list.left)}–${px(list.right)} outside the panel ${px(box.left)}–${px(box.right)}`);
    for (const el of Array.from(panel.querySelectorAll<HTMLElement>('*')))
      if (el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        found.push(`<${el.tagName.toLowerCase()}> scrolls sideways (${px(el.scrollWidth)} in ${px(el.clientWidth)})`);
    let label = '';
    for (const cell of Array.from(dl.querySelectorAll<HTMLElement>(':scope > dt, :scope > dd'))) {
      const r = cell.getBoundingClientRect();
      if (cell.tagName === 'DT') label = (cell.textContent ?? '').trim();
      if (r.left < list.left - 0.5 || r.right > list.right + 0.5)
        found.push(`${cell.tagName.toLowerCase()} of "${label}" ${px(r.left)}–${px(r.right)} outside the list`);
      if (cell.tagName === 'DD' && r.width < minShare * list.width)
        found.push(`text of "${label}" ${px(r.width)} of ${px(list.width)} px`);
    }
    return found;
  }, share);
}

describe('the list’s layout', () => {
  // A guard, not a caught fault: an overlap of these toggles was reported from a UI walk, but no width from 1280 down
  // to 320 px (Dutch or English, filtered, grouped or in an MT's tab) showed one on the build this test came with.
  for (const locale of ['nl-NL', 'en-GB']) {
    it(`no two of the list’s toggles overlap, at 1280 and at 320 px wide (${locale})`, async () => {
      const context = await personaContext(browser, UPN.imSociaal, { locale, width: 1280 });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/#/lijst`);
      await page.getByTestId('actie-row').first().waitFor();
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await drawn(page);
        // The three filter switches and "Toon vervallen": all there, none on another.
        expect(await page.locator('section .fui-Switch').count()).toBe(3);
        expect(await page.getByTestId('toon-vervallen').count()).toBe(1);
        expect(await overlappingToggles(page), `${String(width)} px`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  // At 1280 px (a 592 px panel) the label column took the width of its longest label, in English "Response of the
  // Municipal Executive (college van B&W)": 441 of 543 px, leaving the texts 90 px; at 320 px 30 px (English) and
  // 60 px (Dutch). The texts now get at least 55% of the list side by side, the whole width stacked.
  for (const locale of ['en-GB', 'nl-NL']) {
    it(`the action panel’s "Plan en college" gives its texts the room, at 1280 and at 320 px wide (${locale})`, async () => {
      const plan = await client.plan();
      const context = await personaContext(browser, UPN.imSociaal, { locale, width: 1280 });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, '1.1').id}`);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: /^1\.1 / }).waitFor();
      // Action 1.1 has every row: the recommendation's text, the college's response, the ones taken up with it.
      await dialog.getByTestId('samenhang').waitFor();
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await drawn(page);
        expect(await cramped(dialog, 0.55), `${String(width)} px`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a message under one of two fields side by side moves neither field sideways nor the other one down (the action’s panel)', async () => {
    const plan = await client.plan();
    const context = await personaContext(browser, UPN.imSociaal, { width: 1280 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, '8.2').id}`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^8\.2 / }).waitFor();
    await drawn(page);
    const start = dialog.locator('[data-field="start"]');
    const deadline = dialog.locator('[data-field="deadline"]');
    const titel = dialog.locator('[data-field="titel"]');
    const before = { start: await controlBox(start), deadline: await controlBox(deadline) };
    // Two columns: the deadline beside the start, as tall as any one-line input.
    expect(before.deadline.left).toBeGreaterThan(before.start.left + before.start.width);
    expect(before.deadline.top).toBe(before.start.top);
    expect(before.deadline.height).toBe(before.start.height);

    // A date that does not exist, refused under the start field.
    const startBox = dialog.getByRole('combobox', { name: 'Start' });
    await startBox.fill('31-4-2027');
    await startBox.press('Tab');
    await dialog.getByTestId('date-problem').waitFor();
    // A title longer than the column takes: the plan's rule under the title, above both.
    const titleBefore = await controlBox(titel);
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Te lang. '.repeat(40));
    await dialog.getByText('De titel mag maximaal 255 tekens lang zijn.').waitFor();
    await drawn(page);
    const titleAfter = await controlBox(titel);
    expect({ left: titleAfter.left, width: titleAfter.width }).toEqual({
      left: titleBefore.left,
      width: titleBefore.width,
    });
    // Everything below the title moved down by the title's message, by the same amount; nothing moved sideways,
    // and the deadline (no message of its own) kept its place beside the start and its height.
    const after = { start: await controlBox(start), deadline: await controlBox(deadline) };
    const down = after.start.top - before.start.top;
    expect(after.start).toEqual({ ...before.start, top: before.start.top + down });
    expect(after.deadline).toEqual({ ...before.deadline, top: before.deadline.top + down });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the new action’s plateau and deadline stand level, as tall as each other, with the plateau’s hint or a refused date under one of them', async () => {
    const context = await personaContext(browser, UPN.imSociaal, { width: 1280 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst`);
    await page.getByTestId('nieuwe-actie-button').click();
    const dialog = page.getByTestId('nieuwe-actie');
    const plateau = dialog.locator('.fui-Field').filter({ has: page.getByRole('combobox', { name: 'Plateau' }) });
    const deadline = dialog.locator('.fui-Field').filter({ has: page.getByRole('combobox', { name: 'Deadline' }) });
    await deadline.waitFor();
    await drawn(page);
    // The plateau has its hint ("Standaard het plateau van het advies") under it from the start.
    const first = { plateau: await controlBox(plateau), deadline: await controlBox(deadline) };
    expect(first.deadline.top).toBe(first.plateau.top);
    expect(first.deadline.height).toBe(first.plateau.height);
    const input = dialog.getByRole('combobox', { name: 'Deadline' });
    await input.fill('31-4-2027');
    await input.press('Tab');
    await dialog.getByTestId('date-problem').waitFor();
    await drawn(page);
    expect({ plateau: await controlBox(plateau), deadline: await controlBox(deadline) }).toEqual(first);
    expect(errors).toEqual([]);
    await context.close();
  });
});
