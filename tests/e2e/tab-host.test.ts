/// <reference lib="dom" />
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { beheerdersToFields } from '../../src/data/lists/mts.js';
import { loadMTRegistrations } from '../../src/data/mts-store.js';
import { loadPortfolio } from '../../src/data/portfolio-store.js';
import { resolveSite } from '../../src/data/site.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import type { HostContext, TestHost } from './support/host-server.js';
import {
  byNummer,
  fetchOrder,
  otherClient,
  recordFetches,
  seriousViolations,
  tabConfig,
  UPN,
  watchErrors,
} from './support/tab.js';
import { roadmapComplete } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;

type HostState = {
  config?: { contentUrl: string; entityId: string; suggestedDisplayName: string; websiteUrl: string };
  validity?: boolean;
  saved?: boolean;
  deepLinks: { subPageId: string; subPageLabel: string; subPageWebUrl: string }[];
  handlers: string[];
  notified: string[];
};

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, host } = file);
  return file.close;
});

/** Opens the tab inside the test host, which answers teams-js like Teams does. */
async function inHost(
  tabPath: string,
  context: HostContext,
  width = 1280,
): Promise<{ page: Page; tab: FrameLocator; frame: () => Frame; state: () => Promise<HostState>; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
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
    state: () => page.evaluate(() => (window as unknown as { hostState: HostState }).hostState),
    errors,
  };
}

const SOCIAAL = zoetermeerPlan.acties.filter((a) => a.domeinen.includes('Sociaal Domein')).map((a) => a.nummer);

describe('the tab inside a Microsoft 365 host (test host speaking the teams-js protocol)', () => {
  it('opens a channel tab filtered to its MT, tells the host it is ready, and follows theme changes live', async () => {
    const { page, tab, frame, state, errors } = await inHost(
      'index.html?domein=Sociaal%20Domein&view=roadmap#/roadmap',
      { theme: 'default', locale: 'nl-NL', upn: UPN.imSociaal },
    );
    await roadmapComplete(tab);
    // The channel's MT is the header's domain choice (its default), and the person can widen it there.
    await expect(tab.getByRole('combobox', { name: 'Domein' }).inputValue()).resolves.toBe('Sociaal Domein');
    const shown = await tab
      .getByTestId('roadmap-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-nummer')));
    expect([...shown].sort()).toEqual([...SOCIAAL].sort());
    await expect.poll(async () => (await state()).notified).toContain('appInitialization.success');
    expect((await state()).handlers).toContain('themeChange');
    await expect(tab.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe('light');

    await page.evaluate(() => (window as unknown as { hostSendTheme: (t: string) => void }).hostSendTheme('dark'));
    await expect.poll(() => tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    const background = await frame().evaluate(
      () => getComputedStyle(document.querySelector('[data-theme] > div') as Element).backgroundColor,
    );
    expect(background).not.toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'host-channel-dark');
    expect(await seriousViolations(frame()), 'dark theme in the host').toEqual([]);

    await page.evaluate(() => (window as unknown as { hostSendTheme: (t: string) => void }).hostSendTheme('contrast'));
    await expect.poll(() => tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe('contrast');
    await saveScreenshot(page, 'host-channel-contrast');
    expect(await seriousViolations(frame()), 'high contrast theme in the host').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts teams-js, the token and the plan’s $batch before React renders (issue 16.1), and asks Graph once', async () => {
    const config = await tabConfig(run.appUrl);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await recordFetches(page, run.appUrl);
    await page.goto(host.url(`${run.appUrl}/index.html#/roadmap`, { upn: UPN.imSociaal }));
    const tab = page.frameLocator('#tab');
    await tab.getByTestId('roadmap-card').first().waitFor();
    const frame = page.frames().find((f) => f.url().startsWith(run.appUrl));
    if (!frame) throw new Error('The tab frame is not there');
    const { fetches, reactRender } = await fetchOrder(frame);
    const graph = fetches.filter((f) => f.url.startsWith(config.graphBaseUrl));
    const batches = graph.filter((f) => f.method === 'POST' && f.url === `${config.graphBaseUrl}/$batch`);
    const tokens = fetches.filter((f) => f.url === config.tokenUrl);
    // One cold $batch (React took the boot's over), the host's user's token before it, both before React's render.
    expect(batches).toHaveLength(1);
    expect(graph[0]).toEqual(batches[0]);
    expect(tokens.length).toBeGreaterThan(0);
    expect(reactRender).toHaveLength(1);
    expect(tokens[0]!.at).toBeLessThan(batches[0]!.at);
    expect(batches[0]!.at).toBeLessThan(reactRender[0]!);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the language from the host', async () => {
    const { page, tab } = await inHost('index.html#/roadmap', { locale: 'en-US', upn: UPN.imSociaal });
    await tab.getByTestId('roadmap-card').first().waitFor();
    await expect(tab.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Digital Leadership Action Plan');
    await expect(tab.getByRole('link', { name: 'My actions' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('configures a channel tab: choosing the MT makes Save valid, and Save hands the domain to the host', async () => {
    const { page, tab, state } = await inHost('index.html#/config', { frameContext: 'settings', upn: UPN.imSociaal });
    await tab.getByTestId('config-page').waitFor();
    await expect.poll(async () => (await state()).validity).toBe(false);
    await tab.getByRole('radio', { name: 'MT Sociaal Domein' }).check();
    await tab.getByRole('radio', { name: 'Lijst' }).check();
    await expect.poll(async () => (await state()).validity).toBe(true);
    await saveScreenshot(page, 'host-config');
    await page.evaluate(() => (window as unknown as { hostPressSave: () => void }).hostPressSave());
    await expect.poll(async () => (await state()).saved).toBe(true);
    const config = (await state()).config;
    expect(config?.suggestedDisplayName).toBe('Actieplan Sociaal Domein');
    const contentUrl = new URL(config?.contentUrl ?? '');
    expect(contentUrl.searchParams.get('domein')).toBe('Sociaal Domein');
    expect(contentUrl.hash).toBe('#/lijst');
    await page.close();

    // The saved content URL opens the tab filtered to that domain, on the chosen view.
    const opened = await inHost(`${contentUrl.pathname.slice(1)}${contentUrl.search}${contentUrl.hash}`, {
      upn: UPN.imSociaal,
    });
    await opened.tab.getByTestId('actie-row').first().waitFor();
    await expect(opened.tab.getByTestId('list-count').innerText()).resolves.toBe(
      `${SOCIAAL.length} van ${SOCIAAL.length} acties`,
    );
    await opened.page.close();
  });

  it('in a channel, a Beheerder of the MT links it to the reminders on the configuration page: Save writes the team and channel onto the MT', async () => {
    const TEAM = '19:team-sociaal-domein@thread.tacv2';
    const GROUP = '3f6c9a1e-2b4d-4c8e-9f0a-1b2c3d4e5f60';
    const CHANNEL = '19:digitalisering-sociaal@thread.tacv2';
    const place = {
      teamId: TEAM,
      groupId: GROUP,
      teamName: 'Sociaal Domein',
      channelId: CHANNEL,
      channelName: 'MT-overleg',
      channelType: 'Regular' as const,
    };
    const client = await otherClient(run.appUrl);
    const siteId = (await client.plan()).siteId;
    const users = (await client.plan()).users;
    const beheerder = users.find((u) => u.email === UPN.imSociaal);
    const mts = async () => loadMTRegistrations(client.graph, siteId);
    const sociaal = async () => {
      const found = (await mts()).find((m) => m.value.key === 'mt-sociaal-domein');
      if (!found) throw new Error('no MT Sociaal Domein');
      return found;
    };
    // The MT names one Beheerder: the information manager of Sociaal Domein.
    await client.graph.patch(
      `/sites/${siteId}/lists/MTs/items/${(await sociaal()).id}/fields`,
      beheerdersToFields([beheerder?.id ?? '']),
    );

    // Someone else sees why they cannot link the channel; the tab itself can still be saved.
    const other = await inHost('index.html#/config', { frameContext: 'settings', upn: UPN.hr, ...place });
    await other.tab.getByRole('radio', { name: 'MT Sociaal Domein' }).check();
    await expect(other.tab.getByTestId('config-link-readonly').innerText()).resolves.toContain(
      'Alleen een beheerder van MT Sociaal Domein (Informatiemanager Sociaal Domein)',
    );
    expect(await other.tab.getByRole('checkbox').count()).toBe(0);
    await other.page.close();

    // In a private channel the card is not offered: it goes to standard channels only.
    const privat = await inHost('index.html#/config', {
      frameContext: 'settings',
      upn: UPN.imSociaal,
      ...place,
      channelType: 'Private',
    });
    await privat.tab.getByRole('radio', { name: 'MT Sociaal Domein' }).check();
    await expect(privat.tab.getByTestId('config-link-private').innerText()).resolves.toContain(
      'alleen in standaardkanalen',
    );
    expect(await privat.tab.getByRole('checkbox').count()).toBe(0);
    await privat.page.close();

    const { page, tab, frame, state, errors } = await inHost('index.html#/config', {
      frameContext: 'settings',
      upn: UPN.imSociaal,
      ...place,
    });
    await tab.getByRole('radio', { name: 'MT Sociaal Domein' }).check();
    const box = tab.getByRole('checkbox', { name: 'Plaats de herinneringen van MT Sociaal Domein in dit kanaal' });
    await box.check();
    await saveScreenshot(page, 'host-config-link');
    expect(await seriousViolations(frame()), 'configuration page with the channel link').toEqual([]);
    await page.evaluate(() => (window as unknown as { hostPressSave: () => void }).hostPressSave());
    await expect.poll(async () => (await state()).saved).toBe(true);
    const linked = await sociaal();
    expect([linked.value.teamId, linked.value.groepId, linked.value.channelId, linked.value.conversationId]).toEqual([
      TEAM,
      GROUP,
      CHANNEL,
      undefined,
    ]);
    expect(errors).toEqual([]);
    await page.close();

    // Opened again, the page says the channel is linked and offers nothing more to write.
    const again = await inHost('index.html#/config', { frameContext: 'settings', upn: UPN.imSociaal, ...place });
    await again.tab.getByRole('radio', { name: 'MT Sociaal Domein' }).check();
    await expect(again.tab.getByTestId('config-link-done').innerText()).resolves.toBe(
      'Dit kanaal ontvangt de herinneringen van MT Sociaal Domein.',
    );
    await again.page.close();
  });

  it('opens an item from a deep link (subPageId) and shares one through the host', async () => {
    const plan = await (await otherClient(run.appUrl)).plan();
    const item = byNummer(plan, '8.3');
    const { page, tab, state } = await inHost('index.html#/roadmap', {
      subPageId: `actie-${item.id}`,
      upn: UPN.imSociaal,
    });
    const dialog = tab.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^8\.3 / }).waitFor();
    await dialog.getByRole('button', { name: 'Link delen' }).click();
    await expect.poll(async () => (await state()).deepLinks.length).toBe(1);
    const link = (await state()).deepLinks[0];
    expect(link?.subPageId).toBe(`actie-${item.id}`);
    expect(link?.subPageLabel).toContain('8.3');
    expect(link?.subPageWebUrl).toContain(`#/actie/${item.id}`);
    await expect(dialog.getByTestId('share-result').innerText()).resolves.toContain('gedeeld');
    await page.close();
  });

  it('shows the compact agenda in a meeting side panel', async () => {
    const { page, tab, errors } = await inHost(
      'index.html?domein=Sociaal%20Domein#/roadmap',
      { frameContext: 'sidePanel', upn: UPN.imSociaal },
      320,
    );
    await tab.getByTestId('attention-list').waitFor();
    await expect(tab.getByRole('navigation').count()).resolves.toBe(0);
    const nummers = await tab
      .getByTestId('actie-summary')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nummer')));
    expect(nummers.length).toBeGreaterThan(0);
    expect(nummers.every((n) => SOCIAAL.includes(n ?? ''))).toBe(true);
    await saveScreenshot(page, 'host-side-panel');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a read-only presentation on the meeting stage', async () => {
    const { page, tab, frame } = await inHost('index.html?domein=Sociaal%20Domein#/roadmap', {
      frameContext: 'meetingStage',
      upn: UPN.imSociaal,
    });
    await tab.getByTestId('roadmap-card').first().waitFor();
    await expect(tab.getByRole('navigation').getByRole('link').allInnerTexts()).resolves.toEqual([
      'Roadmap',
      'Voortgang',
      'Portfolio',
    ]);
    await tab.locator('[data-nummer="11.5"]').getByRole('button').click();
    await tab
      .getByRole('dialog')
      .getByRole('heading', { name: /^11\.5 / })
      .waitFor();
    await expect(tab.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'host-stage');
    await page.keyboard.press('Escape');
    await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);

    // Voortgang on the stage: the figures, without the downloads (they would land on the presenter's machine).
    await tab.getByRole('navigation').getByRole('link', { name: 'Voortgang' }).click();
    await tab.getByTestId('voortgang').waitFor();
    await tab.getByTestId('peildatum-text').waitFor();
    await expect(tab.getByRole('button', { name: /PDF|Word/ }).count()).resolves.toBe(0);

    // The presenter switches to the portfolio: read-only, grouped for a shared screen. A domain MT sees its own
    // projects and the Concern's (issue 12.7: "Eigen domein en Concern" is a domain's default), never another domain's.
    await tab.getByRole('navigation').getByRole('link', { name: 'Portfolio' }).click();
    const stage = tab.getByTestId('portfolio-stage');
    await stage.waitFor();
    const client = await otherClient(run.appUrl);
    const portfolio = await loadPortfolio(client.graph, (await resolveSite(client.graph, client.siteUrl)).id);
    const zichtbaar = portfolio.items.filter(
      (i) => i.value.domein === 'Sociaal Domein' || i.value.domein === 'Concern',
    );
    expect(zichtbaar.some((i) => i.value.domein === 'Sociaal Domein')).toBe(true);
    expect(zichtbaar.some((i) => i.value.domein === 'Concern')).toBe(true);
    expect(portfolio.items.length).toBeGreaterThan(zichtbaar.length);
    await expect
      .poll(async () =>
        (
          await stage.getByTestId('stage-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))
        ).sort(),
      )
      .toEqual(zichtbaar.map((i) => i.value.key).sort());
    await expect(stage.getByRole('link').count()).resolves.toBe(0);
    await expect(stage.getByRole('button', { name: /Bewerken|Importeren|exporteren/ }).count()).resolves.toBe(0);
    await stage.getByRole('button', { name: 'Fase', exact: true }).click();
    await expect
      .poll(() => stage.getByTestId('stage-group').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group'))))
      .toEqual(
        ['Idee', 'Voorbereiding', 'Uitvoering', 'Nazorg', 'Afgerond', 'Gestopt'].filter((f) =>
          zichtbaar.some((i) => i.value.fase === f),
        ),
      );
    expect(await seriousViolations(frame()), 'portfolio on the stage').toEqual([]);
    await saveScreenshot(page, 'host-stage-portfolio');
    await page.close();
  });

  it('shows the personal tab for the host’s signed-in user', async () => {
    const { page, tab } = await inHost('index.html#/mijn-acties', { upn: UPN.portfolio });
    await tab.getByTestId('mijn-acties').waitFor();
    await expect
      .poll(() => tab.getByTestId('actie-summary').count())
      .toBe(zoetermeerPlan.acties.filter((a) => a.eigenaar?.displayName === 'Portfoliomanager I&A').length);
    await expect(tab.getByTestId('signed-in-as').innerText()).resolves.toContain('Portfoliomanager I&A');
    await page.close();
  });
});
