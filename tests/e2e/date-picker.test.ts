/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { byNummer, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

async function openDetail(
  nummer: string,
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const plan = await client.plan();
  const context = await personaContext(browser, UPN.imSociaal, options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, nummer).id}`);
  await page
    .getByRole('dialog')
    .getByRole('heading', { name: new RegExp(`^${nummer.replace('.', '\\.')} `) })
    .waitFor();
  return { page, errors };
}

/** The open calendar's visible texts: the month header, the day-of-week headers and the "today" button. */
async function calendarTexts(
  page: Page,
): Promise<{ text: string; buttons: string[]; announced: string; days: string[] }> {
  const calendar = page.getByRole('dialog', { name: /Kalender|Calendar/ });
  await calendar.waitFor();
  return calendar.evaluate((el) => ({
    text: (el as HTMLElement).innerText,
    buttons: Array.from(el.querySelectorAll('button')).map((b) => (b.textContent ?? '').trim()),
    announced: (el.querySelector('[aria-live]')?.textContent ?? '').trim(),
    days: Array.from(el.querySelectorAll('th')).map((th) => (th.textContent ?? '').trim()),
  }));
}

describe('the date picker', () => {
  it('is Dutch: the date as the app writes it, Dutch month and day names, the week from Monday; a typed or clicked date is saved', async () => {
    const { page, errors } = await openDetail('4.1');
    const dialog = page.getByRole('dialog').first();
    const deadline = dialog.getByRole('combobox', { name: 'Deadline' });
    // Typed day first, shown the way the rest of the app writes dates.
    await deadline.fill('31-3-2027');
    await deadline.press('Tab');
    await expect.poll(() => deadline.inputValue()).toBe('31 mrt 2027');
    expect(await deadline.getAttribute('placeholder')).toMatch(/^bijv\. /);

    // A click in the field is for typing: the calendar stays shut and what is typed lands in the field.
    await deadline.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1-4-2027');
    expect(await deadline.inputValue()).toBe('1-4-2027');
    expect(await page.getByRole('dialog', { name: 'Kalender' }).count()).toBe(0);
    await deadline.press('Tab');
    await expect.poll(() => deadline.inputValue()).toBe('1 apr 2027');
    await deadline.fill('31-3-2027');
    await deadline.press('Tab');
    await expect.poll(() => deadline.inputValue()).toBe('31 mrt 2027');
    // The calendar opens from its button beside the field.
    // Named with its field, so a screen reader tells the Start and Deadline buttons apart.
    const open = dialog.getByRole('button', { name: 'Kalender openen Deadline', exact: true });
    // The mouse's way to the calendar is a target of at least 24 × 24 pixels (WCAG 2.2, 2.5.8).
    const box = await open.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(24);
    expect(box?.height).toBeGreaterThanOrEqual(24);
    await open.click();
    const texts = await calendarTexts(page);
    // The month header, the live announcement, the week from Monday, the "today" button.
    expect(texts.text).toContain('maart 2027');
    expect(texts.announced).toBe('Gekozen datum 31 maart 2027');
    expect(texts.days).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect(texts.buttons).toContain('Naar vandaag');
    expect(await seriousViolations(page), 'the open calendar').toEqual([]);
    // A day chosen with the mouse: its cell's accessible name has the Dutch month.
    await page.getByRole('dialog', { name: 'Kalender' }).getByRole('gridcell', { name: '15, maart, 2027' }).click();
    await expect.poll(() => deadline.inputValue()).toBe('15 mrt 2027');

    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    expect(byNummer(await client.plan(), '4.1').value.deadline).toBe('2027-03-15');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a date that does not exist and keeps the last good one; clearing the field clears the date', async () => {
    const { page, errors } = await openDetail('4.1');
    const dialog = page.getByRole('dialog').first();
    const start = dialog.getByRole('combobox', { name: 'Start' });
    await start.fill('1-2-2027');
    await start.press('Tab');
    await expect.poll(() => start.inputValue()).toBe('1 feb 2027');
    await start.fill('31-4-2027');
    await start.press('Tab');
    await expect.poll(() => start.inputValue()).toBe('1 feb 2027');
    // And says why, rather than the text silently turning back.
    await expect
      .poll(() => dialog.getByTestId('date-problem').first().innerText())
      .toBe('Dat is geen bestaande datum; het veld houdt wat er stond. Typ bijvoorbeeld 30-6-2026.');
    // The date it kept, typed again: a good date, so the message goes, though the date did not change.
    await start.fill('1-2-2027');
    await start.press('Tab');
    await expect.poll(() => dialog.getByTestId('date-problem').count()).toBe(0);
    await start.fill('31-4-2027');
    await start.press('Tab');
    await expect.poll(() => dialog.getByTestId('date-problem').count()).toBe(1);
    await start.fill('1-3-2027');
    await start.press('Tab');
    await expect.poll(() => dialog.getByTestId('date-problem').count()).toBe(0);
    await start.fill('');
    await start.press('Tab');
    await expect.poll(() => start.inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps a date still being typed when the tab re-renders (the plan’s minute tick) before the field is left', async () => {
    const plan = await client.plan();
    const context = await personaContext(browser, UPN.imSociaal);
    // A controllable clock: the plan's "now" ticks every minute and re-renders every open form.
    await context.clock.install();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, '3.1').id}`);
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /^3\.1 / })
      .waitFor();
    const deadline = page.getByRole('dialog').first().getByRole('combobox', { name: 'Deadline' });
    await deadline.fill('12-11-2027');
    await context.clock.runFor(61_000);
    await deadline.press('Tab');
    await expect.poll(() => deadline.inputValue()).toBe('12 nov 2027');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English in the English UI', async () => {
    const { page, errors } = await openDetail('4.1', { locale: 'en-GB' });
    const deadline = page.getByRole('dialog').first().getByRole('combobox', { name: 'Deadline' });
    await deadline.fill('3 oct 2027');
    await deadline.press('Tab');
    await expect.poll(() => deadline.inputValue()).toBe('3 Oct 2027');
    // From the keyboard: Arrow down in the field.
    await deadline.press('ArrowDown');
    const texts = await calendarTexts(page);
    expect(texts.text).toContain('October 2027');
    expect(texts.announced).toBe('Selected date 3 October 2027');
    expect(texts.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(texts.buttons).toContain('Go to today');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
