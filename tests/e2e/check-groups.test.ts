/// <reference lib="dom" />
import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { byNummer, personaContext, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

async function open(upn: string, path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, upn);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${path}`);
  return { page, errors };
}

/**
 * Clicks the visible label of the box named `second` (not the box itself) and checks that exactly that box changed.
 * Inside a Fluent Field every label pointed at the first box, so this click toggled `first` instead (issue 19).
 */
async function clickSecondLabel(group: Locator, first: string, second: string): Promise<void> {
  const firstBox = group.getByRole('checkbox', { name: first, exact: true });
  const secondBox = group.getByRole('checkbox', { name: second, exact: true });
  const firstBefore = await firstBox.isChecked();
  const secondBefore = await secondBox.isChecked();
  await group.locator('label', { hasText: second }).first().click();
  await expect.poll(() => secondBox.isChecked()).toBe(!secondBefore);
  expect(await firstBox.isChecked()).toBe(firstBefore);
  // Every box has its own id and its own label: no two boxes share an id.
  const ids = await group.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.id));
  expect(new Set(ids).size).toBe(ids.length);
}

describe('checkbox groups: a label toggles its own box (issue 19)', () => {
  it('the action detail’s Domeinen', async () => {
    const plan = await client.plan();
    const { page, errors } = await open(UPN.imSociaal, `#/lijst?actie=${byNummer(plan, '4.1').id}`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^4\.1 / }).waitFor();
    const group = dialog.getByRole('group', { name: 'Domeinen' });
    await clickSecondLabel(group, 'Bedrijfsvoering', 'Dienstverlening');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the new-action dialog’s Domeinen and Bevindingen', async () => {
    const { page, errors } = await open(UPN.secretaris, 'index.html?domein=Concern#/roadmap');
    await page.getByTestId('nieuwe-actie-button').click();
    const dialog = page.getByTestId('nieuwe-actie');
    await dialog.getByRole('combobox', { name: 'Advies' }).selectOption('9');
    await clickSecondLabel(dialog.getByRole('group', { name: 'Domeinen' }), 'Bedrijfsvoering', 'Dienstverlening');
    const bevindingen = dialog.getByRole('group', { name: 'Bevindingen' });
    const names = await bevindingen
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    expect(names.length).toBeGreaterThan(1);
    await clickSecondLabel(bevindingen, names[0]!, names[1]!);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Instellingen’s Domeinen and Vergaderdagen', async () => {
    const { page, errors } = await open(UPN.hr, '#/instellingen');
    await page.getByTestId('mt-add').click();
    const form = page.getByRole('form', { name: 'Nieuw MT' });
    await clickSecondLabel(form.getByRole('group', { name: 'Domeinen' }), 'Bedrijfsvoering', 'Dienstverlening');
    await clickSecondLabel(form.getByRole('group', { name: 'Vergaderdagen' }), 'maandag', 'dinsdag');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
