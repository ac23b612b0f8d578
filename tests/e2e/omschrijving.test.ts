/// <reference lib="dom" />
/**
 * The report's own words (issue 12, point 5): the page the reminder card's "Open in actieplan" link opens (the list),
 * the action's detail and the meeting side panel show each action's and advies' description as the plan data has it,
 * read from the site through Graph.
 */
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tabDeepLink } from '../../src/bot/deep-link.js';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import type { TestHost } from './support/host-server.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, host } = file);
  return file.close;
});

const actie = (nummer: string) => zoetermeerPlan.acties.find((a) => a.nummer === nummer)!;
const advies = (nummer: number) => zoetermeerPlan.adviezen.find((a) => a.nummer === nummer)!;
const bevinding = (nummer: number) => zoetermeerPlan.bevindingen.find((b) => b.nummer === nummer)!;
/** Text as the browser renders it: runs of white space as one space. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the report’s own words in the tab', () => {
  it('the card’s link opens the list with each action’s description; its detail has the action’s, the advies’ and the findings’ texts', async () => {
    const context = await personaContext(browser, UPN.secretaris);
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The CMT card's "Open in actieplan", as the bot builds it.
    await page.goto(tabDeepLink(run.appUrl, { domeinen: ['Concern'] }));
    const row = page.locator('[data-testid="actie-row"][data-nummer="3.2"]');
    await row.waitFor();
    await expect(row.getByTestId('lijst-omschrijving').textContent()).resolves.toBe(actie('3.2').omschrijving);

    await row.click();
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: /3\.2/ }).waitFor();
    await expect(detail.getByTestId('actie-omschrijving').innerText().then(flat)).resolves.toBe(
      flat(actie('3.2').omschrijving!),
    );
    await expect(detail.getByTestId('advies-omschrijving').innerText().then(flat)).resolves.toBe(
      flat(advies(3).omschrijving!),
    );
    // 3.2 answers finding 3: its title and the report's explanation.
    const findings = await detail.getByTestId('bevinding').allInnerTexts();
    expect(findings.map(flat)).toEqual(
      actie('3.2').bevindingen.map((n) => flat(`${n}. ${bevinding(n).titel} ${bevinding(n).toelichting}`)),
    );
    expect(await seriousViolations(page), 'the detail').toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the meeting side panel gives each action on the agenda its description, folded open on request', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(
      host.url(
        `${run.appUrl}/index.html?domein=Sociaal%20Domein&vergadering=${encodeURIComponent('2026-12-03T12:00:00.000Z')}#/roadmap`,
        { frameContext: 'sidePanel', upn: UPN.imSociaal },
      ),
    );
    const tab = page.frameLocator('#tab');
    const item = tab
      .getByTestId('agenda-item')
      .filter({ has: tab.locator('[data-testid="actie-summary"]') })
      .first();
    await item.waitFor();
    const nummer = (await item.getByTestId('actie-summary').getAttribute('data-nummer')) ?? '';
    const omschrijving = item.getByTestId('panel-omschrijving');
    await expect(omschrijving.getByText(actie(nummer).omschrijving!).isVisible()).resolves.toBe(false);
    await omschrijving.getByText('Omschrijving').click();
    await expect(omschrijving.getByText(actie(nummer).omschrijving!).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
