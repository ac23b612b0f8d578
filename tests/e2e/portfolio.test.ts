/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/data/portfolio-store.js';
import { resolveSite } from '../../src/data/site.js';
import { currentKwartaal } from '../../src/domain/dates.js';
import { quarterText } from '../../src/tab/features/portfolio/lib/quarter-text.js';
import { saveScreenshot } from './support/browser.js';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { openE2eFile } from './support/e2e-file.js';
import { otherClient, personaContext, refuseStorage, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

async function open(upn: string, path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, upn);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${path}`);
  await (
    path.includes('portfolio')
      ? page.getByTestId('portfolio-view')
      : page.getByRole('link', { name: 'Portfolio', exact: true })
  ).waitFor();
  return { page, errors };
}

async function serverPortfolio() {
  const client = await otherClient(run.appUrl);
  const site = await resolveSite(client.graph, client.siteUrl);
  return loadPortfolio(client.graph, site.id);
}

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

describe('the portfolio in the tab', () => {
  it('is in the navigation, groups by phase or status, sorts by priority, and passes axe on every view', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/roadmap');
    // From the navigation, not only by URL.
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.getByTestId('portfolio-view').waitFor();
    const all = await serverPortfolio();
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(all.items.length);
    const phases = await page
      .getByTestId('portfolio-group')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group')));
    expect(phases[0]).toBe('Idee');
    await expectAccessible(page, 'portfolio grouped by phase');

    await page.getByRole('button', { name: 'Status', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('portfolio-group').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group'))))
      .toEqual(['Op koers', 'Aandacht', 'Kritiek'].filter((s) => all.items.some((i) => i.value.status === s)));
    const firstKeys = () =>
      page
        .locator('[data-testid="portfolio-row"][data-group="Op koers"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    const asc = await firstKeys();
    await page.getByRole('button', { name: 'Prioriteit: hoogste eerst' }).click();
    await page.getByRole('button', { name: 'Prioriteit: laagste eerst' }).waitFor();
    const desc = await firstKeys();
    const ranked = (keys: (string | null)[]) =>
      keys.filter((k) => all.items.find((i) => i.value.key === k)?.value.prioriteit !== undefined);
    expect(ranked(desc)).toEqual(ranked(asc).reverse());
    expect(page.url()).toContain('groep=status');

    await page.getByRole('tab', { name: 'Prioriteiten' }).click();
    await page.getByTestId('priority-table').waitFor();
    const niet = await page
      .locator('[data-testid="priority-row"][data-niet="true"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
    expect(niet.sort()).toEqual(
      all.items
        .filter((i) => i.value.ditKwartaal === 'niet')
        .map((i) => i.value.key)
        .sort(),
    );
    await expect(
      page.locator('[data-testid="priority-row"][data-key="archiefwet"]').getByText('Niet dit kwartaal').count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'priorities');

    await page.getByRole('tab', { name: 'Kwartaal' }).click();
    await page.getByTestId('quarter-table').waitFor();
    // Quarters as people write them ("Q4 2026"), not as the lists store them ("2026-Q4").
    await expect(page.getByTestId('quarter-table').innerText()).resolves.toMatch(/Doelen Q[1-4] \d{4}/);
    await expect(page.getByTestId('quarter-table').innerText()).resolves.not.toMatch(/\d{4}-Q[1-4]/);
    await expectAccessible(page, 'quarter');
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByTestId('timeline-table').waitFor();
    await expect(page.getByTestId('timeline-table').innerText()).resolves.not.toMatch(/\d{4}-Q[1-4]/);
    await expectAccessible(page, 'timeline');
    await saveScreenshot(page, 'portfolio-tijdlijn');
    expect(errors).toEqual([]);
  });

  it("shows a domain tab its own projects first, the Concern projects and the whole ranking; 'Eigen domein' is a filter (issue 12.7)", async () => {
    const { page, errors } = await open(UPN.imSociaal, '?domein=Sociaal%20Domein#/portfolio');
    const all = await serverPortfolio();
    const keysOf = (domein: string) =>
      all.items
        .filter((i) => i.value.domein === domein)
        .map((i) => i.value.key)
        .sort();
    const own = keysOf('Sociaal Domein');
    const concern = keysOf('Concern');
    expect(own.length).toBeGreaterThan(0);
    expect(concern.length).toBeGreaterThan(0);
    const sections = () =>
      page.getByTestId('portfolio-herkomst').evaluateAll((ss) => ss.map((s) => s.getAttribute('data-herkomst')));
    const keysIn = (herkomst: string) =>
      page
        .locator(`[data-testid="portfolio-row"][data-herkomst="${herkomst}"]`)
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? '').sort());

    // By default: own projects first, then the Concern projects; no other domain's.
    await expect.poll(sections).toEqual(['eigen', 'concern']);
    await expect(keysIn('eigen')).resolves.toEqual(own);
    await expect(keysIn('concern')).resolves.toEqual(concern);
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(own.length + concern.length);
    await expectAccessible(page, 'a domain portfolio with its sections');

    // "Eigen domein" narrows; "Alle domeinen" widens to the whole portfolio, own first. Both live in the URL.
    await page.getByLabel('Toon').selectOption({ label: 'Alleen eigen domein' });
    await expect.poll(sections).toEqual(['eigen']);
    expect(page.url()).toContain('bereik=eigen');
    await page.getByLabel('Toon').selectOption({ label: 'Alle domeinen' });
    await expect.poll(sections).toEqual(['eigen', 'concern', 'overig']);
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(all.items.length);

    // The ranking is the one cross-domain ranking, whatever the width, with the own projects marked.
    await page.getByLabel('Toon').selectOption({ label: 'Alleen eigen domein' });
    await page.getByRole('tab', { name: 'Prioriteiten' }).click();
    await page.getByTestId('priority-table').waitFor();
    const ranked = await page
      .getByTestId('priority-row')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), r.getAttribute('data-herkomst')]));
    expect(ranked.map(([k]) => k).sort()).toEqual(all.items.map((i) => i.value.key).sort());
    expect(
      ranked
        .filter(([, h]) => h === 'eigen')
        .map(([k]) => k)
        .sort(),
    ).toEqual(own);
    await expect(page.getByTestId('eigen-domein').count()).resolves.toBe(own.length);
    const ranks = await page
      .getByTestId('priority-row')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="rank"]')?.textContent ?? ''));
    const numeric = ranks.map(Number).filter((n) => Number.isFinite(n) && n > 0);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    await expectAccessible(page, 'the whole ranking in a domain tab');
    expect(errors).toEqual([]);
  });

  it('fits 320 px in light and dark: no view of the portfolio pushes the page sideways, every view is reachable (issue 19)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await personaContext(browser, UPN.imSociaal, { width: 320, colorScheme });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/?domein=Sociaal%20Domein#/portfolio`);
      await page.getByTestId('portfolio-row').first().waitFor();
      const overflow = () =>
        page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
      for (const [tab, ready] of [
        ['Portfolio', 'portfolio-row'],
        ['Prioriteiten', 'priority-row'],
        ['Kwartaal', 'quarter-table'],
        ['Tijdlijn', 'timeline-row'],
      ] as const) {
        const button = page.getByRole('tab', { name: tab });
        // Every view's tab is on screen (the four wrap instead of running off the edge).
        const box = await button.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 320, `${tab} tab within 320 px (${colorScheme})`).toBe(true);
        await button.click();
        await page.getByTestId(ready).first().waitFor();
        const { scrollWidth, clientWidth } = await overflow();
        expect(scrollWidth, `${tab} at 320 px, ${colorScheme}`).toBeLessThanOrEqual(clientWidth);
      }
      // The timeline keeps its quarter grid and scrolls sideways inside its own region, not the page.
      const frame = page.getByTestId('timeline-table').locator('xpath=..');
      const region = await frame.evaluate((el) => ({
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        overflowX: getComputedStyle(el).overflowX,
      }));
      expect(region.overflowX).toBe('auto');
      expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
      await page.getByRole('tab', { name: 'Portfolio' }).click();
      await page.getByTestId('portfolio-row').first().waitFor();
      // The overview's rows stack: every cell of the first row lies within the page.
      const cells = await page
        .getByTestId('portfolio-row')
        .first()
        .locator('[role="cell"]')
        .evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().right));
      expect(Math.max(...cells)).toBeLessThanOrEqual(320);
      await saveScreenshot(page, `portfolio-320-${colorScheme}`);
      await expectAccessible(page, `portfolio at 320 px, ${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('edits an item with its detail panel and the change is on the site', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    await page.locator('[data-testid="portfolio-row"][data-key="burgerportaal"]').getByRole('link').click();
    const detail = page.getByTestId('portfolio-detail');
    await detail.waitFor();
    await expect(detail.getByTestId('linked-acties').getByRole('link').count()).resolves.toBeGreaterThan(0);
    await detail.getByRole('button', { name: 'Bewerken' }).click();
    // The form took the button's place: the focus is on its first field (the initiative), not on the page.
    await expect.poll(() => detail.getByLabel('Initiatief').evaluate((e) => e === document.activeElement)).toBe(true);
    await expectAccessible(page, 'portfolio edit form');
    // Invalid first: Kritiek without a reason is refused with the domain's message, nothing is written.
    await detail.getByLabel('Status', { exact: true }).selectOption('Kritiek');
    await detail.getByLabel('Toelichting status').fill('');
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByText('Geef een toelichting: bij portfoliostatus Kritiek is een reden verplicht.').waitFor();
    // A pasted reason longer than the column is kept whole and named as too long, not cut off without a word.
    const lang = 'Leverancier levert niet. '.repeat(50);
    await detail.getByLabel('Toelichting status').fill(lang);
    expect(await detail.getByLabel('Toelichting status').inputValue()).toBe(lang);
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByText('De toelichting bij de status mag maximaal 1000 tekens lang zijn.').waitFor();
    await detail.getByLabel('Toelichting status').fill('Leverancier levert niet');
    await detail.getByLabel('Prioriteit').fill('2');
    const contact = detail.getByLabel('Contactpersoon I&A');
    const contactName = (await contact.locator('option').nth(1).innerText()).trim();
    await contact.selectOption({ label: contactName });
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByText('Opgeslagen.').waitFor();
    // The focus went back to "Bewerken", where the editing began, not to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Bewerken');
    await expect(detail.getByTestId('detail-ia-contact').innerText()).resolves.toBe(contactName);
    const saved = (await serverPortfolio()).items.find((i) => i.value.key === 'burgerportaal');
    expect(saved?.value).toMatchObject({
      status: 'Kritiek',
      statusToelichting: 'Leverancier levert niet',
      prioriteit: 2,
    });
    expect(saved?.value.iaContact?.displayName).toBe(contactName);
    // The history shows who changed what, from what to what, newest first.
    const latest = detail.getByTestId('portfolio-history').locator(':scope > li').first();
    // Wait for the saved change itself: the item's first version also says 'Status: ', and the history is read again
    // after the save, so a check that waited only for 'Status: ' raced that read (CI at 885f404).
    await expect.poll(() => latest.innerText(), { timeout: WAIT.write }).toContain('→ Kritiek');
    const entry = await latest.innerText();
    expect(entry).toContain('→ Kritiek');
    expect(entry).toContain('Prioriteit (IMO): ');
    expect(entry).toContain(`Contactpersoon I&A: ${contactName}`);
    await expectAccessible(page, 'portfolio detail with history');
    // Closed, the panel gives the focus back to the item's link in the table.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('href')))
      .toMatch(/^#\/portfolio\?item=/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-key]')?.getAttribute('data-key')))
      .toBe('burgerportaal');
    expect(errors).toEqual([]);
  });

  it('the IMO adds a quarter goal and records its outcome; a change meanwhile is a visible conflict, the choice kept', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const item = (await serverPortfolio()).items.find((i) => i.value.key === 'informatiebeheer-sharepoint');
    if (!item) throw new Error('the seeded portfolio has no informatiebeheer-sharepoint');
    await page.locator(`[data-testid="portfolio-row"][data-key="${item.value.key}"]`).getByRole('link').click();
    const goals = page.getByTestId('portfolio-detail').getByTestId('portfolio-goals');
    await goals.getByRole('button', { name: 'Kwartaaldoel toevoegen' }).click();
    const form = goals.getByRole('form', { name: 'Kwartaaldoel toevoegen' });
    // An empty goal is refused before anything is written.
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const doelBox = form.getByRole('textbox', { name: /^Doel/ });
    await expect.poll(() => doelBox.getAttribute('aria-invalid')).toBe('true');
    await expect(form.getByText('Vul het doel in.').count()).resolves.toBe(1);
    await expect(doelBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The current quarter: an outcome is recorded once a goal's quarter has begun (a later quarter's is refused: the
    // next test).
    const kwartaal = currentKwartaal(new Date());
    await form.getByLabel('Kwartaal').selectOption({ label: quarterText(kwartaal) });
    const doel = 'E2E: alle teamsites gemigreerd naar de nieuwe structuur';
    await form.getByRole('textbox', { name: /^Doel/ }).fill(doel);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => goals.getByTestId('portfolio-new-goal-message').innerText(), { timeout: WAIT.write })
      .toBe(`Kwartaaldoel voor ${quarterText(kwartaal)} opgeslagen.`);
    const row = goals.locator('[data-testid="portfolio-goal"]', { hasText: doel });
    await expect(row.innerText()).resolves.toContain(`${quarterText(kwartaal)}: ${doel} · Nog niet beoordeeld`);
    const stored = (await serverPortfolio()).kwartaaldoelen.find((d) => d.value.doel === doel);
    expect(stored?.value).toMatchObject({ portfolioKey: item.value.key, kwartaal });
    if (!stored) throw new Error('the goal was not stored');

    // The outcome: meanwhile someone else writes a reason in SharePoint.
    // Each goal's button is described by its goal's text.
    const outcomeButton = row.getByRole('button', { name: 'Uitkomst vastleggen' });
    await expect(
      outcomeButton.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent),
    ).resolves.toContain(doel);
    await outcomeButton.click();
    const outcome = row.getByRole('form', { name: 'Kwartaaldoel wijzigen' });
    // "Niet behaald" without a reason: refused on the reason's field, with the focus there; nothing written.
    await outcome.getByLabel('Uitkomst').selectOption({ label: 'Niet behaald' });
    await outcome.getByRole('button', { name: 'Opslaan' }).click();
    const redenBox = outcome.getByRole('textbox', { name: /^Toelichting/ });
    await expect.poll(() => redenBox.getAttribute('aria-invalid')).toBe('true');
    await expect(redenBox.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await outcome.getByLabel('Uitkomst').selectOption({ label: 'Deels behaald' });
    await outcome.getByLabel('Toelichting').fill('Twee teamsites volgen in Q2.');
    const client = await otherClient(run.appUrl);
    const site = await resolveSite(client.graph, client.siteUrl);
    await client.graph.patch(`/sites/${site.id}/lists/Kwartaaldoelen/items/${stored.id}/fields`, {
      Reden: 'Planning bijgesteld door de portfoliomanager',
    });
    await outcome.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => row.getByTestId('portfolio-goal-message').innerText(), { timeout: WAIT.write })
      .toContain('Iemand anders heeft dit doel intussen gewijzigd');
    // Their version is shown; the form keeps this person's choice.
    await expect(row.innerText()).resolves.toContain('Planning bijgesteld door de portfoliomanager');
    await expect(outcome.getByLabel('Toelichting').inputValue()).resolves.toBe('Twee teamsites volgen in Q2.');
    await expect(outcome.getByLabel('Uitkomst').inputValue()).resolves.toBe('deels');
    await outcome.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => row.getByTestId('portfolio-goal-message').innerText(), { timeout: WAIT.write })
      .toBe('Uitkomst opgeslagen.');
    await expect(row.innerText()).resolves.toContain('Deels behaald · Twee teamsites volgen in Q2.');
    const after = (await serverPortfolio()).kwartaaldoelen.find((d) => d.id === stored.id);
    expect(after?.value).toMatchObject({ behaald: 'deels', reden: 'Twee teamsites volgen in Q2.' });
    await saveScreenshot(page, 'portfolio-kwartaaldoelen');
    await expectAccessible(page, 'portfolio detail with quarter goals');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps what was typed in a goal's form when the panel closes, corrects a goal, deletes it only in the version read, and says each result to a screen reader", async () => {
    const context = await personaContext(browser, UPN.portfolio);
    // What Fluent's announcer hands the browser (Chromium has document.ariaNotify), recorded in the page.
    await context.addInitScript(() => {
      const said: string[] = [];
      (window as unknown as { __announced: string[] }).__announced = said;
      const proto = Document.prototype as unknown as { ariaNotify?: (m: string, o?: unknown) => void };
      const original = proto.ariaNotify;
      // Fluent speaks through ariaNotify where the browser has it (Chromium does), else through a live region.
      if (!original) return;
      proto.ariaNotify = function (this: Document, message: string, options?: unknown) {
        said.push(message);
        original.call(this, message, options);
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const announced = () => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
    await page.goto(`${run.appUrl}/#/portfolio`);
    const item = (await serverPortfolio()).items.find((i) => i.value.key === 'burgerportaal');
    if (!item) throw new Error('the seeded portfolio has no burgerportaal');
    const link = page.locator(`[data-testid="portfolio-row"][data-key="${item.value.key}"]`).getByRole('link');
    const detail = page.getByTestId('portfolio-detail');
    const goals = detail.getByTestId('portfolio-goals');
    await link.click();

    // A new goal typed, then Esc: the panel closes; opened again, the form is back with the text.
    await goals.getByRole('button', { name: 'Kwartaaldoel toevoegen' }).click();
    const form = goals.getByRole('form', { name: 'Kwartaaldoel toevoegen' });
    await form.getByLabel('Kwartaal').selectOption({ label: 'Q2 2027' });
    const typed = 'E2E: portaal op de nieuwe huisstijl, getypt en niet opgeslagen';
    await form.getByRole('textbox', { name: /^Doel/ }).fill(typed);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await link.click();
    await expect(form.getByRole('textbox', { name: /^Doel/ }).inputValue()).resolves.toBe(typed);
    await expect(form.getByLabel('Kwartaal').inputValue()).resolves.toBe('2027-Q2');
    await expect(goals.getByTestId('portfolio-new-goal-message').innerText()).resolves.toContain('staat er weer in');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => goals.getByTestId('portfolio-new-goal-message').innerText(), { timeout: WAIT.write })
      .toBe('Kwartaaldoel voor Q2 2027 opgeslagen.');
    await expect.poll(announced).toContain('Kwartaaldoel voor Q2 2027 opgeslagen.');
    const stored = (await serverPortfolio()).kwartaaldoelen.find((d) => d.value.doel === typed);
    if (!stored) throw new Error('the goal was not stored');

    // Its text and quarter corrected ("Doel wijzigen" opens the goal's form on its text); the title in SharePoint
    // follows.
    const row = goals.locator('[data-testid="portfolio-goal"]', { hasText: typed });
    await row.getByRole('button', { name: 'Doel wijzigen' }).click();
    // This test opens one goal's form at a time.
    const change = goals.getByRole('form', { name: 'Kwartaaldoel wijzigen' });
    await expect
      .poll(() => change.getByRole('textbox', { name: /^Doel/ }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    const fixed = 'E2E: portaal in de nieuwe huisstijl';
    await change.getByRole('textbox', { name: /^Doel/ }).fill('');
    await change.getByRole('button', { name: 'Opslaan' }).click();
    // An empty goal is refused on its field, with the focus there.
    await expect.poll(() => change.getByRole('textbox', { name: /^Doel/ }).getAttribute('aria-invalid')).toBe('true');
    await expect(
      change.getByRole('textbox', { name: /^Doel/ }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await change.getByRole('textbox', { name: /^Doel/ }).fill(fixed);
    await change.getByLabel('Kwartaal').selectOption({ label: 'Q3 2027' });
    await change.getByRole('button', { name: 'Opslaan' }).click();
    const fixedRow = goals.locator('[data-testid="portfolio-goal"]', { hasText: fixed });
    await expect
      .poll(() => fixedRow.getByTestId('portfolio-goal-message').innerText(), { timeout: WAIT.write })
      .toBe('Kwartaaldoel opgeslagen.');
    await expect(fixedRow.innerText()).resolves.toContain(`Q3 2027: ${fixed}`);
    const corrected = (await serverPortfolio()).kwartaaldoelen.find((d) => d.id === stored.id);
    expect(corrected?.value).toMatchObject({ kwartaal: '2027-Q3', doel: fixed });

    // Q3 2027 has not begun: no button to record its outcome; "Doel wijzigen" opens the same form.
    await expect(fixedRow.getByRole('button', { name: 'Uitkomst vastleggen' }).count()).resolves.toBe(0);
    // A reason typed in the goal's form, then Esc: back when the panel opens again, in the form it was typed in.
    await fixedRow.getByRole('button', { name: 'Doel wijzigen' }).click();
    await change.getByLabel('Toelichting').fill('Half af, getypt en niet opgeslagen');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await link.click();
    await expect(change.getByLabel('Toelichting').inputValue()).resolves.toBe('Half af, getypt en niet opgeslagen');
    // An outcome chosen in the form all the same is refused on its field, and nothing is written.
    await change.getByLabel('Uitkomst').selectOption({ label: 'Behaald' });
    await change.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => change.getByLabel('Uitkomst').getAttribute('aria-invalid'), { timeout: WAIT.write })
      .toBe('true');
    await expect(change.innerText()).resolves.toContain(
      'Een doel van een later kwartaal kan nog niet behaald zijn: leg de uitkomst vast als het kwartaal begonnen is.',
    );
    expect((await serverPortfolio()).kwartaaldoelen.find((d) => d.id === stored.id)?.value.behaald).toBeUndefined();
    await change.getByRole('button', { name: 'Annuleren' }).click();
    await change.waitFor({ state: 'detached' });

    // Deleting: asked first, the focus on the answer that deletes nothing. Someone changes the goal meanwhile:
    // nothing is deleted, their version shows.
    await fixedRow.getByRole('button', { name: 'Doel wijzigen' }).click();
    await change.getByRole('button', { name: 'Doel verwijderen' }).click();
    const confirm = change.getByTestId('portfolio-goal-remove');
    await expect
      .poll(() =>
        confirm.getByRole('button', { name: 'Niet verwijderen' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    // Esc answers "niet verwijderen": the question goes, the panel stays, the focus is back on the button that asked.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect(detail.count()).resolves.toBe(1);
    const removeButton = change.getByRole('button', { name: 'Doel verwijderen' });
    await expect.poll(() => removeButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await removeButton.click();
    const client = await otherClient(run.appUrl);
    const site = await resolveSite(client.graph, client.siteUrl);
    await client.graph.patch(`/sites/${site.id}/lists/Kwartaaldoelen/items/${stored.id}/fields`, {
      Reden: 'Aangevuld door de portfoliomanager.\nTweede regel van de reden.',
    });
    await confirm.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await expect
      .poll(() => fixedRow.getByTestId('portfolio-goal-message').innerText(), { timeout: WAIT.write })
      .toContain('Er is niets verwijderd');
    // A reason of two lines shows on two lines.
    await expect(fixedRow.innerText()).resolves.toContain(
      'Aangevuld door de portfoliomanager.\nTweede regel van de reden.',
    );
    // The form moved onto their version: the reason this person never touched is theirs, so saving it again would
    // not write the stale empty reason over it.
    await expect(change.getByLabel('Toelichting').inputValue()).resolves.toBe(
      'Aangevuld door de portfoliomanager.\nTweede regel van de reden.',
    );
    await saveScreenshot(page, 'portfolio-goal-remove-conflict');
    expect((await serverPortfolio()).kwartaaldoelen.some((d) => d.id === stored.id)).toBe(true);
    // Asked again, on their version: deleted, said in the section (the row is gone), the focus on the section.
    await change.getByRole('button', { name: 'Doel verwijderen' }).click();
    await confirm.getByRole('button', { name: 'Verwijderen', exact: true }).click();
    await expect
      .poll(() => goals.getByTestId('portfolio-goals-message').innerText(), { timeout: WAIT.write })
      .toBe(`Kwartaaldoel “${fixed}” verwijderd.`);
    await expect(fixedRow.count()).resolves.toBe(0);
    await expect(goals.evaluate((section) => section === document.activeElement)).resolves.toBe(true);
    await expect.poll(announced).toContain(`Kwartaaldoel “${fixed}” verwijderd.`);
    expect((await serverPortfolio()).kwartaaldoelen.some((d) => d.id === stored.id)).toBe(false);

    // A goal deleted elsewhere while this person records its outcome: nothing is saved, and what was typed comes back
    // in the new goal's form (the row went with the goal), to add again.
    const elsewhere = 'E2E: wordt elders verwijderd';
    await goals.getByRole('button', { name: 'Kwartaaldoel toevoegen' }).click();
    await form.getByRole('textbox', { name: /^Doel/ }).fill(elsewhere);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const elsewhereRow = goals.locator('[data-testid="portfolio-goal"]', { hasText: elsewhere });
    await elsewhereRow.waitFor({ timeout: WAIT.write });
    const gone = (await serverPortfolio()).kwartaaldoelen.find((d) => d.value.doel === elsewhere);
    if (!gone) throw new Error('the goal was not stored');
    await elsewhereRow.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
    await change.getByLabel('Uitkomst').selectOption({ label: 'Deels behaald' });
    await change.getByLabel('Toelichting').fill('Twee van de drie teams; getypt terwijl het elders verdween');
    await client.graph.delete(`/sites/${site.id}/lists/Kwartaaldoelen/items/${gone.id}`);
    await change.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => goals.getByTestId('portfolio-goals-message').innerText(), { timeout: WAIT.write })
      .toContain('intussen door iemand anders verwijderd');
    await expect(elsewhereRow.count()).resolves.toBe(0);
    await expect(form.getByRole('textbox', { name: /^Doel/ }).inputValue()).resolves.toBe(elsewhere);
    await expect(form.getByLabel('Uitkomst').inputValue()).resolves.toBe('deels');
    await expect(form.getByLabel('Toelichting').inputValue()).resolves.toBe(
      'Twee van de drie teams; getypt terwijl het elders verdween',
    );
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(async () => (await serverPortfolio()).kwartaaldoelen.filter((d) => d.value.doel === elsewhere), {
        timeout: WAIT.write,
      })
      .toMatchObject([
        { value: { behaald: 'deels', reden: 'Twee van de drie teams; getypt terwijl het elders verdween' } },
      ]);
    await expectAccessible(page, 'portfolio goals after a delete');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("after a conflict, 'Mijn wijzigingen toepassen op hun versie' writes only this person's changes over the other's", async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const before = (await serverPortfolio()).items.find((i) => i.value.key === 'informatiebeheer-sharepoint');
    if (!before) throw new Error('the seeded portfolio has no informatiebeheer-sharepoint');
    await page
      .locator('[data-testid="portfolio-row"][data-key="informatiebeheer-sharepoint"]')
      .getByRole('link')
      .click();
    const detail = page.getByTestId('portfolio-detail');
    await detail.getByRole('button', { name: 'Bewerken' }).click();
    await detail.getByRole('textbox', { name: /^Initiatief\b/ }).fill('Informatiebeheer in SharePoint Online');
    // Meanwhile, in SharePoint, someone else moves its priority.
    const client = await otherClient(run.appUrl);
    const site = await resolveSite(client.graph, client.siteUrl);
    const theirPriority = (before.value.prioriteit ?? 0) + 10;
    await client.graph.patch(`/sites/${site.id}/lists/Portfolio/items/${before.id}/fields`, {
      Prioriteit: theirPriority,
    });
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = detail.getByTestId('portfolio-conflict');
    await expect
      .poll(() => conflict.innerText(), { timeout: WAIT.write })
      .toContain('Jouw wijzigingen zijn bewaard. Gewijzigd door de ander: Prioriteit');
    // The form shows their priority and this person's title.
    expect(await detail.getByLabel('Prioriteit').inputValue()).toBe(String(theirPriority));
    expect(await detail.getByRole('textbox', { name: /^Initiatief\b/ }).inputValue()).toBe(
      'Informatiebeheer in SharePoint Online',
    );
    await conflict.getByRole('button', { name: 'Mijn wijzigingen toepassen op hun versie' }).click();
    await detail.getByText('Opgeslagen.').waitFor({ timeout: WAIT.write });
    const after = (await serverPortfolio()).items.find((i) => i.id === before.id);
    expect(after?.value).toMatchObject({ titel: 'Informatiebeheer in SharePoint Online', prioriteit: theirPriority });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an end date before the start is named on the first Opslaan, with the other problems; nothing is written, the typed values stay', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const before = (await serverPortfolio()).items.find((i) => i.value.key === 'datagedreven-werken');
    if (!before) throw new Error('the seeded portfolio has no datagedreven-werken');
    expect(before.value).toMatchObject({ start: '2024-01-01', einde: '2027-12-31' });
    await page.locator('[data-testid="portfolio-row"][data-key="datagedreven-werken"]').getByRole('link').click();
    const detail = page.getByTestId('portfolio-detail');
    await detail.getByRole('button', { name: 'Bewerken' }).click();
    // A priority typed the Dutch way (no whole number) goes to the store as text: a type error, which before held the
    // end date's rule back until the priority was mended and Opslaan pressed again.
    await detail.getByLabel('Prioriteit').fill('2,5');
    const einde = detail.getByRole('combobox', { name: 'Einde' });
    await einde.fill('31-12-2023');
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByText('Controleer de gemarkeerde velden.').waitFor({ timeout: WAIT.write });
    await expect(
      detail.getByText('De prioriteit moet een positief geheel getal zijn (1 is de hoogste).').count(),
    ).resolves.toBe(1);
    await expect(detail.getByText('De einddatum mag niet voor de startdatum liggen.').count()).resolves.toBe(1);
    expect(await detail.getByLabel('Prioriteit').inputValue()).toBe('2,5');
    expect(await einde.inputValue()).toBe('31 dec 2023');
    expect(await detail.getByRole('combobox', { name: 'Start' }).inputValue()).toBe('1 jan 2024');
    // The focus stayed in the panel (a button disabled while saving dropped it to the page).
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    const after = (await serverPortfolio()).items.find((i) => i.id === before.id);
    expect(after?.eTag).toBe(before.eTag);
    expect(after?.value).toMatchObject({
      prioriteit: before.value.prioriteit,
      start: '2024-01-01',
      einde: '2027-12-31',
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Opslaan with nothing changed writes nothing; a draft the browser refuses to keep is said', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const before = (await serverPortfolio()).items.find((i) => i.value.key === 'datagedreven-werken');
    if (!before) throw new Error('the seeded portfolio has no datagedreven-werken');
    await page.locator('[data-testid="portfolio-row"][data-key="datagedreven-werken"]').getByRole('link').click();
    const detail = page.getByTestId('portfolio-detail');
    await detail.getByRole('button', { name: 'Bewerken' }).click();
    // Nothing changed: no new version (before, the item's eTag changed and its history gained an empty version).
    await detail.getByRole('button', { name: 'Opslaan' }).click();
    await detail.getByText('Er is niets gewijzigd.').waitFor({ timeout: WAIT.write });
    expect(await detail.getByRole('button', { name: 'Bewerken' }).count()).toBe(1);
    expect((await serverPortfolio()).items.find((i) => i.id === before.id)?.eTag).toBe(before.eTag);

    // Storage full or blocked for drafts: typing says a reload would lose the text.
    await refuseStorage(page, ['portfolio.concept']);
    await detail.getByRole('button', { name: 'Bewerken' }).click();
    expect(await detail.getByTestId('portfolio-draft-blocked').count()).toBe(0);
    await detail.getByLabel('Prioriteit').fill('7');
    await expect
      .poll(() => detail.getByTestId('portfolio-draft-blocked').innerText())
      .toBe('De browser staat het bewaren van een concept niet toe: sla op voordat je de pagina sluit.');
    await detail.getByRole('button', { name: 'Annuleren' }).click();
    expect(await detail.getByTestId('portfolio-draft-blocked').count()).toBe(0);
    expect((await serverPortfolio()).items.find((i) => i.id === before.id)?.eTag).toBe(before.eTag);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('imports a CSV: the dry run shows the bad row and writes nothing; fixed, it imports and the items appear', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const before = (await serverPortfolio()).items.length;
    await page.getByRole('button', { name: 'Importeren' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    const header = 'Initiatief;Domein;Fase;Status;Prioriteit;Dit kwartaal;Start;Einde';
    const bad = [
      header,
      'E2E Zaakdossier;Sociaal Domein;Idee;Op koers;30;niet;1-1-2027;31-12-2027',
      'E2E Wijkapp;Wijkzaken;Idee;Op koers;31;niet;;',
    ].join('\n');
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await dialog.getByTestId('dry-run-summary').waitFor();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain('1 met problemen');
    await expect(dialog.locator('[data-testid="dry-run-problems"] tr[data-row="3"]').innerText()).resolves.toContain(
      'Kies een domein uit de lijst.',
    );
    await expect(dialog.getByRole('button', { name: /^Importeren \(/ }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'import dialog with problems');
    expect((await serverPortfolio()).items).toHaveLength(before);

    await dialog.getByTestId('import-file').setInputFiles({
      name: 'portfolio.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad.replace('Wijkzaken', 'Fysiek Domein')),
    });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain('2 nieuw');
    await dialog.getByRole('button', { name: 'Importeren (2)' }).click();
    await dialog.getByTestId('import-outcome').getByText('Import voltooid: 2 nieuw').waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('link', { name: 'E2E Wijkapp' }).waitFor();
    // An item without dates says so, instead of "… – …" (issue 19).
    await page.getByRole('link', { name: 'E2E Wijkapp' }).click();
    await expect(page.getByTestId('detail-periode').innerText()).resolves.toBe('Nog niet gepland');
    await page.getByTestId('portfolio-detail').getByRole('button', { name: 'Sluiten' }).first().click();
    const after = (await serverPortfolio()).items;
    expect(after).toHaveLength(before + 2);
    expect(after.find((i) => i.value.titel === 'E2E Zaakdossier')?.value).toMatchObject({
      domein: 'Sociaal Domein',
      start: '2027-01-01',
      einde: '2027-12-31',
      prioriteit: 30,
    });
    expect(errors).toEqual([]);
  });

  it('shows in the dry run what an update changes, and warns that an empty cell empties the field', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const linked = (await serverPortfolio()).items.find((i) => i.value.acties.length > 0 && i.value.fase !== 'Nazorg');
    if (!linked) throw new Error('the seeded portfolio has no item with linked actions');
    await page.getByRole('button', { name: 'Importeren' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    // The phase changes; the Acties column is there but its cell is empty.
    const csv = ['Initiatief;Domein;Fase;Acties', `${linked.value.titel};${linked.value.domein};Nazorg;`].join('\n');
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect.poll(() => dialog.getByTestId('dry-run-summary').innerText()).toContain('1 bijgewerkt');
    const changes = dialog.getByTestId('dry-run-changes');
    await expect(changes.locator('caption').innerText()).resolves.toBe(
      'Wat de import verandert aan bestaande initiatieven',
    );
    const cells = (field: string) =>
      changes.locator(`tr[data-field="${field}"] td`).evaluateAll((tds) => tds.map((td) => td.textContent));
    await expect(cells('fase')).resolves.toEqual(['2', linked.value.titel, 'Fase', linked.value.fase, 'Nazorg']);
    await expect(cells('acties')).resolves.toEqual([
      '2',
      linked.value.titel,
      'Acties',
      linked.value.acties.join(', '),
      '(leeg)',
    ]);
    await expect(dialog.getByTestId('dry-run-emptied').innerText()).resolves.toBe(
      '1 veld wordt leeggemaakt, omdat de cel in de spreadsheet leeg is. De huidige waarden houden? Kies bij die kolom “— niet importeren —” of vul de cellen in.',
    );
    await saveScreenshot(page, 'portfolio-import-wijzigingen');
    await expectAccessible(page, 'import dialog with changes');
    // The warning keeps the height its text needs (shrunk, its text ran over the table), also at 400 px.
    await page.setViewportSize({ width: 400, height: 800 });
    const warning = dialog.getByTestId('dry-run-emptied');
    await expect(warning.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).resolves.toBe(true);
    // A dry run writes nothing.
    expect((await serverPortfolio()).items.find((i) => i.id === linked.id)?.eTag).toBe(linked.eTag);
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    // The focus is back on "Importeren".
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Importeren');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the dry-run problems in English in the English UI (issue 18: every message in the UI language)', async () => {
    const context = await personaContext(browser, UPN.portfolio, { locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/portfolio`);
    await page.getByTestId('portfolio-view').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    const csv = [
      'Initiatief;Domein;Fase;Status',
      'E2E English;Wijkzaken;Idee;Op koers',
      'e2e english;Concern;Bezig;Op koers',
      'e2e english;Concern;Idee;Op koers',
    ].join('\n');
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Dry run' }).click();
    await dialog.getByTestId('dry-run-summary').waitFor();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain('3 with problems');
    const problems = dialog.locator('[data-testid="dry-run-problems"]');
    await expect(problems.locator('tr[data-row="2"]').innerText()).resolves.toContain('Choose a domain from the list.');
    await expect(problems.locator('tr[data-row="3"]').innerText()).resolves.toContain('Choose a phase from the list.');
    await expect(problems.locator('tr[data-row="4"]').innerText()).resolves.toContain(
      'Duplicate row: this initiative is also on row 3. Keep one row per initiative.',
    );
    // The field column names the field in English too (the Dutch labels are the file's own column headers).
    await expect(problems.locator('tr[data-row="2"]').innerText()).resolves.toContain('Domain');
    // Only the valid values stay Dutch: they are what the file must contain.
    expect((await problems.innerText()).replace(/Valid values: [^\n]*\./g, '')).not.toMatch(
      /Kies |Dubbele rij|\bDomein\b|\bFase\b/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports 300 rows: the dry run reports exactly the 7 bad rows and writes nothing; fixed, all 300 land once; a re-import duplicates nothing', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    const before = (await serverPortfolio()).items.length;
    const badRows = new Set([4, 41, 99, 150, 151, 222, 300]);
    const csv = (withBad: boolean) =>
      [
        'Initiatief;Domein;Fase;Status;Prioriteit;Dit kwartaal',
        ...Array.from(
          { length: 300 },
          (_, i) =>
            `Bulkinitiatief ${i + 1};${withBad && badRows.has(i + 1) ? 'Wijkzaken' : 'Dienstverlening'};Idee;Op koers;${(i % 40) + 1};wel`,
        ),
      ].join('\n');
    const dialog = page.getByTestId('import-dialog');
    await page.getByRole('button', { name: 'Importeren' }).click();
    await dialog.waitFor();
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(true)) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain('7 met problemen');
    const flagged = await dialog
      .locator('[data-testid="dry-run-problems"] tr[data-row]')
      .evaluateAll((rows) => [...new Set(rows.map((r) => Number(r.getAttribute('data-row'))))]);
    // Spreadsheet rows: the header is row 1, so item n sits on row n + 1.
    expect(flagged.sort((a, b) => a - b)).toEqual([...badRows].map((n) => n + 1).sort((a, b) => a - b));
    expect((await serverPortfolio()).items).toHaveLength(before);

    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(false)) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain('300 nieuw');
    await dialog.getByRole('button', { name: 'Importeren (300)' }).click();
    await dialog.getByTestId('import-outcome').getByText('Import voltooid: 300 nieuw').waitFor({ timeout: WAIT.bulk });
    const afterImport = (await serverPortfolio()).items;
    expect(afterImport).toHaveLength(before + 300);
    expect(new Set(afterImport.map((i) => i.value.titel)).size).toBe(afterImport.length);

    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(false)) });
    await dialog.getByRole('button', { name: 'Proefimport' }).click();
    await expect(dialog.getByTestId('dry-run-summary').innerText()).resolves.toContain(
      '0 nieuw, 0 bijgewerkt, 300 ongewijzigd',
    );
    expect((await serverPortfolio()).items).toHaveLength(before + 300);
    expect(errors).toEqual([]);
  });

  it('exports the portfolio to an .xlsx with Dutch headers and real dates', async () => {
    const { page } = await open(UPN.portfolio, '#/portfolio');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Portfolio exporteren' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloadBytes(download)) as never);
    const ws = wb.getWorksheet('Portfolio')!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Sleutel', 'Initiatief', 'Omschrijving', 'Domein']);
    const all = await serverPortfolio();
    expect(ws.actualRowCount).toBe(all.items.length + 1);
    // Row values are 1-based, so the index of a header is its column number.
    const startColumn = (ws.getRow(1).values as unknown[]).indexOf('Start');
    expect(startColumn).toBeGreaterThan(0);
    const dated = ws
      .getColumn(startColumn)
      .values.slice(2)
      .filter((v) => v !== null && v !== undefined);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((v) => v instanceof Date)).toBe(true);

    const [acties] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Acties exporteren' }).click(),
    ]);
    expect(acties.suggestedFilename()).toMatch(/^acties-/);
  });

  it('keeps the portfolio it showed when a later read fails, says what failed, and "Opnieuw proberen" reads it again', async () => {
    const { page, errors } = await open(UPN.portfolio, '#/portfolio');
    await page.getByTestId('portfolio-row').first().waitFor();
    const shown = await page.getByTestId('portfolio-row').count();
    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await page.getByTestId('portfolio-view').waitFor({ state: 'detached' });
    // The plan is loaded; from now on every read of the portfolio fails.
    await page.route('**/$batch', (route) => route.abort('connectionreset'));
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    const error = page.getByTestId('portfolio-error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toContain('Het portfolio is niet geladen');
    await expect(error.innerText()).resolves.toContain('Hieronder staat wat het laatst is geladen');
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(shown);
    await page.unroute('**/$batch');
    await error.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await error.waitFor({ state: 'detached' });
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(shown);
    expect(errors).toEqual([]);
    await page.close();
  });
});
