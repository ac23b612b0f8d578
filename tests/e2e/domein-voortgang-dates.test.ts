/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDomeinVoortgangStore } from '../../src/data/domein-voortgang-store.js';
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

describe('"Voortgang per domein" in the action detail (issue 19)', () => {
  it('writes each domain’s deadline in the app’s one date format, Dutch and English, never ISO', async () => {
    const plan = await client.plan();
    // A domain's own deadline, next to domains that follow the action's (2025-12-31).
    await createDomeinVoortgangStore(client.graph, plan.siteId, plan).save(byNummer(plan, '1.1'), 'Dienstverlening', {
      deadline: '2027-03-31',
    });
    const id = byNummer(await client.plan(), '1.1').id;
    for (const [locale, own, follows] of [
      ['nl-NL', '31 mrt 2027', '31 dec 2025'],
      ['en-GB', '31 Mar 2027', '31 Dec 2025'],
    ] as const) {
      const context = await personaContext(browser, UPN.secretaris, { locale });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/#/lijst?actie=${id}`);
      const section = page.getByRole('dialog').getByTestId('domein-voortgang');
      const rows = section.getByTestId('domein-voortgang-row');
      await rows.first().waitFor();
      await expect
        .poll(() => section.locator('[data-testid="domein-voortgang-row"][data-domein="Dienstverlening"]').innerText())
        .toContain(` · ${own}`);
      const texts = await rows.allInnerTexts();
      expect(
        texts.some((t) => t.includes(` · ${follows}`)),
        texts.join('\n'),
      ).toBe(true);
      expect(texts.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
