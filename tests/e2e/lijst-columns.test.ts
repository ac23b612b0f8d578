/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

async function openList(page: Page): Promise<void> {
  await page.goto(`${run.appUrl}/#/lijst`);
  await page.getByTestId('actie-row').first().waitFor();
}

type Clipped = { text: string; why: string };

/**
 * Every element in the grid's cells whose content is cut, and why that is wrong: a cut without an ellipsis (text
 * overflowing sideways with `text-overflow: clip`, or an element child cut by its parent, where no ellipsis can
 * show), or a cut (with ellipsis or a line clamp) whose cell has no tooltip with the whole text. The list is
 * virtualised, so the check scrolls through all of it.
 */
async function clippedCells(page: Page): Promise<Clipped[]> {
  return page.getByTestId('grid-scroller').evaluate(async (scroller) => {
    const found: Clipped[] = [];
    const seen = new Set<string>();
    const check = () => {
      for (const cell of Array.from(scroller.querySelectorAll<HTMLElement>('[role="gridcell"]'))) {
        const row = cell.closest('[role="row"]');
        const key = `${row?.getAttribute('data-nummer') ?? ''}:${String(Array.from(row?.children ?? []).indexOf(cell))}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const tooltip = cell.getAttribute('title') ?? '';
        for (const el of [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))]) {
          const style = getComputedStyle(el);
          if (style.display === 'none' || el instanceof SVGElement) continue;
          const clipsX = style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1;
          const clipsY = style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1;
          if (!clipsX && !clipsY) continue;
          const text = (el.textContent ?? '').trim().slice(0, 60);
          const box = el.getBoundingClientRect();
          const cutChild = Array.from(el.children).some((child) => {
            const b = child.getBoundingClientRect();
            return getComputedStyle(child).display !== 'none' && b.width > 0 && b.right > box.right + 1;
          });
          if (clipsX && cutChild) found.push({ text, why: 'an element is cut without an ellipsis' });
          else if (clipsX && style.textOverflow !== 'ellipsis')
            found.push({ text, why: 'text is cut without an ellipsis' });
          else if (clipsY && style.webkitLineClamp === 'none')
            found.push({ text, why: 'lines are cut without a line clamp' });
          else if (!tooltip.trim()) found.push({ text, why: 'cut, and the cell has no tooltip' });
        }
      }
    };
    scroller.scrollTop = 0;
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      check();
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight * 0.8;
    }
    scroller.scrollTop = 0;
    return found;
  });
}

const headerWidth = (page: Page, column: string) =>
  page
    .locator(`[role="columnheader"][data-column="${column}"]`)
    .evaluate((el) => Math.round(el.getBoundingClientRect().width));
/** How many of the rows in the DOM show their owner's name cut (with its ellipsis). */
const cutOwners = (page: Page) =>
  page.getByTestId('actie-row').evaluateAll(
    (rows) =>
      rows.filter((r) => {
        // Cells: checkbox, number, title, status, owner.
        const name = r.querySelectorAll('[role="gridcell"]')[4]?.querySelector('span span');
        return name instanceof HTMLElement && name.scrollWidth > name.clientWidth + 1;
      }).length,
  );

describe('Lijst columns', () => {
  it('at 1366 px every column is as wide as its content: nothing is cut, and a cut the person makes ends in an ellipsis with the whole text as a tooltip', async () => {
    const context = await personaContext(browser, UPN.gemeentesecretaris, { width: 1366 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openList(page);
    expect(await clippedCells(page)).toEqual([]);
    // Sized to content: no owner name, deadline or status is cut at this width ("Strategisch adviseur Dig…").
    expect(await cutOwners(page)).toBe(0);
    const overdueCut = await page
      .locator('[data-overdue="true"] span')
      .evaluateAll((spans) => spans.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent));
    expect(overdueCut).toEqual([]);

    // The person narrows the owner column with the keyboard: names are cut, with an ellipsis and the tooltip.
    const eigenaar = page.getByTestId('resize-eigenaar');
    const before = await headerWidth(page, 'eigenaar');
    expect(Number(await eigenaar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await eigenaar.focus();
    for (let i = 0; i < 20; i++) await eigenaar.press('ArrowLeft');
    await expect.poll(() => headerWidth(page, 'eigenaar')).toBeLessThanOrEqual(Math.max(48, before - 20 * 16) + 1);
    await expect.poll(() => cutOwners(page)).toBeGreaterThan(0);
    expect(await clippedCells(page)).toEqual([]);

    // And the deadline column with the mouse: drag its edge 90 px to the left.
    const deadlineBefore = await headerWidth(page, 'deadline');
    const handle = await page.getByTestId('resize-deadline').boundingBox();
    if (!handle) throw new Error('no resize handle for Deadline');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 - 45, handle.y + handle.height / 2, { steps: 3 });
    await page.mouse.move(handle.x + handle.width / 2 - 90, handle.y + handle.height / 2, { steps: 3 });
    await page.mouse.up();
    await expect.poll(() => headerWidth(page, 'deadline')).toBeLessThanOrEqual(deadlineBefore - 85);
    expect(await clippedCells(page)).toEqual([]);
    const chosen = { eigenaar: await headerWidth(page, 'eigenaar'), deadline: await headerWidth(page, 'deadline') };

    // Remembered: after a reload the columns are as the person left them.
    await page.reload();
    await page.getByTestId('actie-row').first().waitFor();
    await expect.poll(() => headerWidth(page, 'eigenaar')).toBe(chosen.eigenaar);
    expect(await headerWidth(page, 'deadline')).toBe(chosen.deadline);

    // Enter on a handle gives the column its content's width back, and that too is remembered.
    await page.getByTestId('resize-eigenaar').focus();
    await page.getByTestId('resize-eigenaar').press('Enter');
    await expect.poll(() => headerWidth(page, 'eigenaar')).toBe(before);
    await expect.poll(() => cutOwners(page)).toBe(0);
    await page.reload();
    await page.getByTestId('actie-row').first().waitFor();
    await expect.poll(() => headerWidth(page, 'eigenaar')).toBe(before);

    expect(await seriousViolations(page), 'Lijst at 1366 px').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens each filter menu as wide as its options: the advies titles on one line each, inside the window', async () => {
    const context = await personaContext(browser, UPN.gemeentesecretaris, { width: 1366 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openList(page);
    await page.getByRole('combobox', { name: 'Advies' }).click();
    // Fluent gives a multiple-choice dropdown's list the menu role.
    const listbox = page.locator('.fui-Dropdown__listbox');
    await listbox.waitFor();
    const layout = await listbox.evaluate((box) => {
      const options = Array.from(box.querySelectorAll<HTMLElement>('[role="option"], [role="menuitemcheckbox"]'));
      const heights = options.map((o) => o.getBoundingClientRect().height);
      return {
        count: options.length,
        wrapped: options
          .filter((o) => o.getBoundingClientRect().height > Math.min(...heights) + 2)
          .map((o) => o.textContent),
        cut: options.filter((o) => o.scrollWidth > o.clientWidth + 1).map((o) => o.textContent),
        sideways: box.scrollWidth > box.clientWidth + 1,
        right: box.getBoundingClientRect().right,
        width: box.getBoundingClientRect().width,
      };
    });
    expect(layout.count).toBe(11);
    expect(layout.wrapped).toEqual([]);
    expect(layout.cut).toEqual([]);
    expect(layout.sideways).toBe(false);
    expect(layout.width).toBeGreaterThan(300);
    expect(layout.right).toBeLessThanOrEqual(1366);
    expect(await seriousViolations(page), 'the open advies menu').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
