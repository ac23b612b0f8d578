/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgenderingenStore } from '../../src/data/agenderingen-store.js';
import { AGENDERING_MAX } from '../../src/domain/agendering.js';
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

/** The action's detail in the English UI, in MT Sociaal Domein's tab. */
async function openEnglishDetail(nummer: string) {
  const id = byNummer(await client.plan(), nummer).id;
  const context = await personaContext(browser, UPN.imSociaal, { locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/?domein=${encodeURIComponent('Sociaal Domein')}#/lijst?actie=${id}`);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: new RegExp(`^${nummer.replace('.', '\\.')} `) }).waitFor();
  return { context, page, dialog, errors };
}

describe('the domain’s and the data layer’s messages in the English UI (issue 17)', () => {
  it('an escalation the domain refuses reads in English, not in the Dutch the store’s error carries', async () => {
    const { context, dialog, errors } = await openEnglishDetail('1.1');
    const section = dialog.getByTestId('agenderen');
    await section.getByRole('button', { name: 'Escalate to the CMT' }).click();
    // A client that does not hold to the field's maxlength: the domain's rule (checkAgendering) refuses the reason.
    const reden = section.getByTestId('agenderen-reden');
    await reden.evaluate((el) => el.removeAttribute('maxlength'));
    await reden.fill('x'.repeat(AGENDERING_MAX.reden + 1));
    await section.getByTestId('agenderen-submit').click();
    const message = section.getByTestId('agenderen-message');
    await expect
      .poll(() => message.innerText(), { timeout: 15_000 })
      .toBe(`The reason can be at most ${AGENDERING_MAX.reden} characters long.`);
    expect(await section.innerText()).not.toMatch(/De reden mag|tekens lang/);
    const plan = await client.plan();
    expect(await createAgenderingenStore(client.graph, plan.siteId, plan).all()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to an item deleted in SharePoint is a read problem in English', async () => {
    // Someone deletes finding 5 in SharePoint; 1.1 still links to it.
    const plan = await client.plan();
    const finding = plan.bevindingen.find((b) => b.value.nummer === 5);
    if (!finding) throw new Error('no finding 5');
    await client.graph.delete(`/sites/${plan.siteId}/lists/Bevindingen/items/${finding.id}`);

    const { context, dialog, errors } = await openEnglishDetail('1.1');
    const problems = dialog.locator('section[aria-labelledby="problems-title"]');
    await problems.waitFor({ timeout: 15_000 });
    expect(await problems.getByRole('heading').innerText()).toBe('Read problems');
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      `The linked item ${finding.id} in Bevindingen no longer exists.`,
    ]);
    expect(await problems.innerText()).not.toMatch(/Het gekoppelde item|bestaat niet meer|Het veld/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
