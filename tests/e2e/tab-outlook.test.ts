/// <reference lib="dom" />
/**
 * The personal tabs in Outlook and in the Microsoft 365 app (the test host playing each: `app.host.name`, theme,
 * language, no team, channel or meeting): they show, follow the host's theme and language, leave out what needs a
 * team (Instellingen), and share an action as the tab's web link instead of a Teams deep link.
 */
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import type { HostContext, TestHost } from './support/host-server.js';
import { byNummer, otherClient, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, host } = file);
  return file.close;
});

async function inHost(
  tabPath: string,
  context: HostContext,
): Promise<{
  page: Page;
  tab: FrameLocator;
  frame: () => Frame;
  deepLinks: () => Promise<unknown[]>;
  errors: string[];
}> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.appUrl });
  const errors = watchErrors(page);
  await page.goto(host.url(`${run.appUrl}/${tabPath}`, context));
  const frame = () => {
    const f = page.frames().find((fr) => fr.url().startsWith(run.appUrl));
    if (!f) throw new Error('The tab frame is not there');
    return f;
  };
  return {
    page,
    tab: page.frameLocator('#tab'),
    frame,
    deepLinks: () =>
      page.evaluate(() => (window as unknown as { hostState: { deepLinks: unknown[] } }).hostState.deepLinks),
    errors,
  };
}

const OWN = zoetermeerPlan.acties.filter((a) => a.eigenaar?.displayName === 'Afdelingshoofd HR').length;

describe.each(['Outlook', 'Office'] as const)('the personal tabs in %s', (hostName) => {
  it("shows Mijn acties for the host's user in the host's theme and language, without Instellingen", async () => {
    const { page, tab, frame, errors } = await inHost('index.html#/mijn-acties', {
      hostName,
      theme: 'dark',
      locale: 'en-GB',
      upn: UPN.hr,
    });
    await tab.getByTestId('mijn-acties').waitFor();
    await expect.poll(() => tab.getByTestId('actie-summary').count()).toBe(OWN);
    await expect(tab.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe('dark');
    await expect(frame().evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(tab.getByRole('link', { name: 'My actions' }).count()).resolves.toBe(1);
    await expect(tab.getByRole('link', { name: 'Settings' }).count()).resolves.toBe(0);
    // #/instellingen typed by hand falls back to the default view rather than offering team registration.
    await frame().evaluate(() => (window.location.hash = '#/instellingen'));
    await tab.getByTestId('mijn-acties').or(tab.getByTestId('roadmap-card').first()).first().waitFor();
    await expect(tab.getByTestId('instellingen').count()).resolves.toBe(0);
    expect(await seriousViolations(frame()), `Mijn acties in ${hostName}`).toEqual([]);
    await saveScreenshot(page, `tab-${hostName.toLowerCase()}-mijn-acties`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shares an action as the tab's web link, not a Teams deep link", async () => {
    const plan = await (await otherClient(run.appUrl)).plan();
    const item = byNummer(plan, '8.3');
    const { page, tab, deepLinks } = await inHost(`index.html#/lijst?actie=${item.id}`, {
      hostName,
      upn: UPN.imSociaal,
    });
    const dialog = tab.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^8\.3 / }).waitFor();
    await dialog.getByRole('button', { name: 'Link delen' }).click();
    await expect.poll(() => dialog.getByTestId('share-result').innerText()).not.toBe('');
    await expect(deepLinks()).resolves.toEqual([]);
    await page.close();
  });

  it('shows Over, the other personal tab', async () => {
    const { page, tab, errors } = await inHost('index.html#/over', { hostName, upn: UPN.hr });
    await tab.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(tab.getByRole('heading', { level: 1 }).first().innerText()).resolves.toMatch(/Actieplan|Over/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
