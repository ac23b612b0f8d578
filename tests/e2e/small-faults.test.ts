/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { beheerdersToFields } from '../../src/data/lists/mts.js';
import { loadMTSettings } from '../../src/data/mts-store.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  // The CMT names the information manager of Sociaal Domein as its Beheerder, who may then open the MT's form.
  const { client } = file;
  const plan = await client.plan();
  const beheerder = plan.users.find((u) => u.email === UPN.imSociaal);
  const { mts } = await loadMTSettings(client.graph, plan.siteId, new Date('2020-01-01T00:00:00Z'));
  const cmt = mts.find((m) => m.value.key === 'cmt');
  if (!beheerder?.id || !cmt) throw new Error('persona or CMT not on the site');
  await client.graph.patch(
    `/sites/${plan.siteId}/lists/MTs/items/${cmt.id}/fields`,
    beheerdersToFields([beheerder.id]),
  );
  return file.close;
});

describe('small layout faults (issue 19, point 9)', () => {
  it('the Team-id and Kanaal-id inputs are as tall as every other one-line input of the MT form', async () => {
    const context = await personaContext(browser, UPN.imSociaal, { width: 1366 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/instellingen`);
    const card = page.locator('[data-testid="mt-card"][data-mt="cmt"]');
    await card.waitFor();
    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    await form.waitFor();
    const heights = await form.evaluate((el) =>
      Object.fromEntries(
        Array.from(el.querySelectorAll<HTMLElement>('.fui-Input')).map((input) => {
          const label = input.closest('.fui-Field')?.querySelector('label')?.textContent?.trim() ?? '?';
          return [label, Math.round(input.getBoundingClientRect().height)];
        }),
      ),
    );
    expect(Object.keys(heights)).toEqual(expect.arrayContaining(['Team-id', 'Kanaal-id']));
    const standard = Math.min(...Object.values(heights));
    expect(standard).toBeGreaterThan(20);
    expect(heights['Team-id']).toBe(standard);
    expect(heights['Kanaal-id']).toBe(standard);
    expect(errors).toEqual([]);
    await context.close();
  });
});
