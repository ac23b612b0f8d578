/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMts } from '../../src/bot/mt-channel.js';
import { createBesluitenStore } from '../../src/data/besluiten-store.js';
import { loadPortfolio } from '../../src/data/portfolio-store.js';
import { resolveSite } from '../../src/data/site.js';
import { saveScreenshot } from './support/browser.js';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { openE2eFile } from './support/e2e-file.js';
import { byNummer, otherClient, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

/** The recorded items, by what the test calls them (SharePoint item ids). */
const ids: Record<'reunie' | 'archief' | 'tick' | 'oud', string> = { reunie: '', archief: '', tick: '', oud: '' };
let actie115: { id: string; nummer: string; titel: string };

/**
 * Four items in the decision log, as the side panel and the card record them: two meetings of MT Sociaal Domein and
 * two of the CMT, with a link to an action, a link to a portfolio item and one mere tick.
 */
async function recordDecisions(): Promise<void> {
  const client = await otherClient(run.appUrl);
  const site = await resolveSite(client.graph, client.siteUrl);
  const plan = await client.plan();
  const mts = await loadMts(client.graph, site.id);
  const mtId = (key: string) => mts.find((m) => m.value.key === key)?.id ?? '';
  const portfolio = await loadPortfolio(client.graph, site.id);
  const archiefwet = portfolio.items.find((p) => p.value.key === 'archiefwet');
  if (!archiefwet) throw new Error('no portfolio item archiefwet');
  const secretaris = plan.users.find((u) => u.email === UPN.secretaris)?.id;
  const im = plan.users.find((u) => u.email === UPN.imSociaal)?.id;
  const a = byNummer(plan, '11.5');
  actie115 = { id: a.id, nummer: a.value.nummer, titel: a.value.titel };
  const store = createBesluitenStore(client.graph, site.id);
  const record = async (key: keyof typeof ids, input: Parameters<typeof store.record>[0]) => {
    ids[key] = (await store.record(input, `e2e-besluiten-${key}`)).id;
  };
  await record('oud', {
    tekst: 'Datagedreven werken wordt een vast punt in de kwartaalrapportage',
    vergadering: 'mt-sociaal-domein|2026-11-19T12:00:00Z',
    mtId: mtId('mt-sociaal-domein'),
    besproken: true,
    ...(im ? { doorId: im } : {}),
    op: '2026-11-19T12:40:00Z',
  });
  await record('reunie', {
    tekst: 'Reünie van het zaakgericht-werkenteam plannen vóór de evaluatie',
    vergadering: 'mt-sociaal-domein|2026-11-26T12:00:00Z',
    mtId: mtId('mt-sociaal-domein'),
    actieId: actie115.id,
    besproken: true,
    ...(im ? { doorId: im } : {}),
    op: '2026-11-26T12:30:00Z',
  });
  await record('archief', {
    tekst: 'Portfolio herprioriteren: eerst de Archiefwet',
    vergadering: 'cmt|2026-12-01T08:00:00Z',
    mtId: mtId('cmt'),
    portfolioItemId: archiefwet.id,
    besproken: true,
    ...(secretaris ? { doorId: secretaris } : {}),
    op: '2026-12-01T08:20:00Z',
  });
  await record('tick', {
    tekst: '',
    vergadering: 'cmt|2026-12-08T08:00:00Z',
    mtId: mtId('cmt'),
    actieId: actie115.id,
    besproken: true,
    ...(secretaris ? { doorId: secretaris } : {}),
    op: '2026-12-08T08:10:00Z',
  });
}

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  await recordDecisions();
  return file.close;
});

async function open(
  path: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.gemeentesecretaris, { ...options, width: 1280 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${path}`);
  if (path.includes('#/besluiten')) await page.getByTestId('besluiten-count').waitFor();
  else await page.getByRole('link', { name: 'Besluiten', exact: true }).waitFor();
  return { page, errors };
}

const rowIds = (page: Page) =>
  page.getByTestId('besluit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
const count = (page: Page) => page.getByTestId('besluiten-count').innerText();

describe('the decision log', () => {
  it('lists every recorded item newest meeting first, with MT, text or "Besproken", action, portfolio item and who recorded it', async () => {
    const { page, errors } = await open('index.html#/roadmap');
    // From the navigation, not only by URL.
    await page.getByRole('link', { name: 'Besluiten', exact: true }).click();
    await page.getByTestId('besluit-row').first().waitFor();
    expect(await rowIds(page)).toEqual([ids.tick, ids.archief, ids.reunie, ids.oud]);
    await expect(count(page)).resolves.toBe('4 vastgelegde punten');

    const tick = page.locator(`[data-testid="besluit-row"][data-id="${ids.tick}"]`);
    await expect(tick.getByTestId('besluit-tekst').innerText()).resolves.toBe('Besproken');
    await expect(tick.getByTestId('besluit-actie').innerText()).resolves.toBe(`${actie115.nummer} ${actie115.titel}`);
    const archief = page.locator(`[data-testid="besluit-row"][data-id="${ids.archief}"]`);
    await expect(archief.innerText()).resolves.toMatch(
      /1 dec\.? 2026.*09:00\s+CMT\s+Portfolio herprioriteren: eerst de Archiefwet/s,
    );
    await expect(archief.getByTestId('besluit-portfolio').getAttribute('href')).resolves.toMatch(
      /^#\/portfolio\?item=\d+$/,
    );
    await expect(archief.innerText()).resolves.toContain('door Secretaris CMT');

    expect(await seriousViolations(page), 'the decision log, light').toEqual([]);
    // Copied by hand to docs/screenshots/besluitenlog.png (a test run does not change tracked files).
    await saveScreenshot(page, 'besluitenlog', { fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches all words without regard to case or accents, filters by MT and hides mere ticks; the URL reproduces the view', async () => {
    const { page, errors } = await open('index.html#/besluiten');
    const zoek = page.getByRole('searchbox', { name: 'Zoeken' });
    await zoek.fill('reunie EVALUATIE');
    await page.getByRole('button', { name: 'Zoektekst wissen' }).waitFor();
    await expect.poll(() => rowIds(page)).toEqual([ids.reunie]);
    await expect(count(page)).resolves.toBe('1 van 4 vastgelegde punten');
    await expect(page.getByTestId('besluiten-count').getAttribute('aria-live')).resolves.toBe('polite');
    expect(page.url()).toContain('zoek=reunie+EVALUATIE');
    // All words must occur: one that does not gives nothing, and says so.
    await zoek.fill('reunie archiefwet');
    await expect.poll(() => page.getByTestId('besluiten-no-match').count()).toBe(1);
    await zoek.fill('');

    await page.getByRole('combobox', { name: 'MT' }).selectOption('cmt');
    await expect.poll(() => rowIds(page)).toEqual([ids.tick, ids.archief]);
    await page.getByRole('switch', { name: /Alleen besluiten/ }).check();
    await expect.poll(() => rowIds(page)).toEqual([ids.archief]);
    await expect(count(page)).resolves.toBe('1 van 4 vastgelegde punten');

    // The same link in a new page shows the same rows.
    const link = page.url();
    const again = await page.context().newPage();
    await again.goto(link);
    await again.getByTestId('besluit-row').first().waitFor();
    expect(await rowIds(again)).toEqual([ids.archief]);
    await expect(again.getByRole('switch', { name: /Alleen besluiten/ }).isChecked()).resolves.toBe(true);
    await again.close();

    // A period: meetings from 20 November up to and including 26 November.
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => rowIds(page)).toHaveLength(4);
    // Typed day first, as a Dutch reader writes a date; the field commits when it loses focus.
    await page.getByTestId('besluiten-van').fill('20-11-2026');
    await page.getByTestId('besluiten-van').press('Tab');
    await page.getByTestId('besluiten-tot').fill('26-11-2026');
    await page.getByTestId('besluiten-tot').press('Tab');
    await expect.poll(() => rowIds(page)).toEqual([ids.reunie]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a channel tab of a domain shows its own MT by default; all MTs is one choice away', async () => {
    const { page, errors } = await open('index.html?domein=Sociaal%20Domein#/besluiten');
    await expect.poll(() => rowIds(page)).toEqual([ids.reunie, ids.oud]);
    await expect(page.getByRole('combobox', { name: 'MT' }).inputValue()).resolves.toBe('mt-sociaal-domein');
    await page.getByRole('combobox', { name: 'MT' }).selectOption('alle');
    await expect.poll(() => rowIds(page)).toHaveLength(4);
    expect(page.url()).toContain('mt=alle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the linked action’s detail from a row', async () => {
    const { page, errors } = await open('index.html#/besluiten?zoek=reunie');
    await page.locator(`[data-testid="besluit-row"][data-id="${ids.reunie}"]`).getByTestId('besluit-actie').click();
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: new RegExp(actie115.nummer.replace('.', '\\.')) }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/besluiten\\?zoek=reunie&actie=${actie115.id}$`));
    // The log stays behind the detail, filtered as it was.
    expect(await rowIds(page)).toEqual([ids.reunie]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens from an action's detail with everything recorded about that action, in every MT", async () => {
    const { page, errors } = await open(`index.html#/roadmap?actie=${actie115.id}`);
    await page.getByRole('dialog').getByTestId('besluiten-over-link').click();
    await page.getByTestId('besluiten-over').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/besluiten\\?mt=alle&over=actie%3A${actie115.id}$`));
    // The two records about 11.5: the decision in MT Sociaal Domein and the tick in the CMT; newest meeting first.
    await expect.poll(() => rowIds(page)).toEqual([ids.tick, ids.reunie]);
    await expect(page.getByTestId('besluiten-over').innerText()).resolves.toContain(
      `${actie115.nummer} ${actie115.titel}`,
    );
    await page.getByRole('button', { name: 'Toon het hele log' }).click();
    await expect.poll(async () => (await rowIds(page)).length).toBe(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports exactly the filtered rows to .xlsx, with Dutch headers and real date cells', async () => {
    const { page, errors } = await open('index.html#/besluiten?mt=mt-sociaal-domein');
    await expect.poll(() => rowIds(page)).toEqual([ids.reunie, ids.oud]);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren naar Excel' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^besluitenlog-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloadBytes(file)) as never);
    const sheet = workbook.getWorksheet('Besluiten');
    if (!sheet) throw new Error('no sheet Besluiten');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Vergadering',
      'MT',
      'Soort',
      'Besluit',
      'Actie',
      'Titel actie',
      'Portfolio-item',
      'Vastgelegd door',
      'Vastgelegd op',
    ]);
    expect(sheet.actualRowCount).toBe(3);
    const first = sheet.getRow(2);
    // 26 November 2026, 13:00 in Amsterdam, as a date cell (not text).
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 26, 13, 0, 0)));
    expect(first.getCell(1).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect([first.getCell(2).value, first.getCell(3).value, first.getCell(4).value, first.getCell(5).value]).toEqual([
      'MT Sociaal Domein',
      'Besluit',
      'Reünie van het zaakgericht-werkenteam plannen vóór de evaluatie',
      actie115.nummer,
    ]);
    expect(sheet.getRow(3).getCell(4).value).toBe('Datagedreven werken wordt een vast punt in de kwartaalrapportage');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe in the dark theme', async () => {
    const { page, errors } = await open('index.html#/besluiten', { colorScheme: 'dark' });
    await page.getByTestId('besluit-row').first().waitFor();
    expect(await seriousViolations(page), 'the decision log, dark').toEqual([]);
    await saveScreenshot(page, 'besluitenlog-dark', { fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the log it showed when a later read fails, says what failed in Dutch, and "Opnieuw proberen" reads it again', async () => {
    const { page, errors } = await open('index.html#/besluiten');
    await page.getByTestId('besluit-row').first().waitFor();
    await page.getByRole('link', { name: 'Roadmap', exact: true }).click();
    await page.getByTestId('besluiten-view').waitFor({ state: 'detached' });
    // The plan is loaded; from now on every read of the decision log fails.
    await page.route('**/$batch', (route) => route.abort('connectionreset'));
    await page.getByRole('link', { name: 'Besluiten', exact: true }).click();
    const error = page.getByTestId('besluiten-error');
    await error.waitFor();
    // The failure is named next to the log loaded before, which stays on screen with its count (issue 17: one
    // load pattern; the hand-rolled hook dropped the log on a failed read).
    expect(await rowIds(page)).toEqual([ids.tick, ids.archief, ids.reunie, ids.oud]);
    await expect(count(page)).resolves.toBe('4 vastgelegde punten');
    await expect(error.innerText()).resolves.toContain('Het besluitenlog kon niet worden geladen');
    await expect(error.innerText()).resolves.toContain('Hieronder staat wat het laatst is geladen');
    await page.unroute('**/$batch');
    await error.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await error.waitFor({ state: 'detached' });
    expect(await rowIds(page)).toEqual([ids.tick, ids.archief, ids.reunie, ids.oud]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
