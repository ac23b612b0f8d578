/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActiesStore } from '../../src/data/acties-store.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { byNummer, personaContext, UPN, watchErrors } from './support/tab.js';
import { idle, whileTimePasses } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

/**
 * The detail of action `nummer` as the Sociaal Domein's IM. `clock`: a fake clock (`personaContext`), for the retries'
 * back-off after a dropped connection.
 */
async function openDetail(
  nummer: string,
  { locale, clock = false }: { locale?: string; clock?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const plan = await client.plan();
  const context = await personaContext(browser, UPN.imSociaal, { ...(locale ? { locale } : {}), clock });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, nummer).id}`);
  await page
    .getByRole('dialog')
    .getByRole('heading', { name: new RegExp(`^${nummer.replace('.', '\\.')} `) })
    .waitFor();
  return { page, errors };
}

describe('editing actions', () => {
  it('saves an edit and it is persisted on the site (read back through Graph)', async () => {
    const { page, errors } = await openDetail('4.1');
    const dialog = page.getByRole('dialog');
    // The owner's list opens with a button named in the page's language (Fluent names it "Open").
    await dialog.getByRole('button', { name: 'Keuzes tonen' }).waitFor();
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Loopt');
    await dialog.getByRole('textbox', { name: 'Planning' }).fill('Start in het tweede kwartaal, samen met I&A');
    await dialog.getByRole('combobox', { name: 'Deadline' }).fill('31-3-2027');
    await dialog.getByRole('combobox', { name: 'Deadline' }).press('Tab');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opgeslagen');

    const saved = byNummer(await client.plan(), '4.1').value;
    expect(saved.status).toBe('Loopt');
    expect(saved.planning).toBe('Start in het tweede kwartaal, samen met I&A');
    expect(saved.deadline).toBe('2027-03-31');
    // The history now shows the change, from the item's SharePoint versions.
    await expect.poll(() => dialog.getByTestId('history').innerText()).toMatch(/Status: Niet gestart → Loopt/);
    await saveScreenshot(page, 'detail-saved');
    // The pressed button kept the focus in the panel, says the outcome beside it, and Escape still closes the panel.
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    expect(await dialog.getByTestId('save-outcome').innerText()).toBe('Opgeslagen');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps a save made while the plan refreshes in the background, and the next save is no conflict', async () => {
    const plan = await client.plan();
    const context = await personaContext(browser, UPN.imSociaal);
    // A controllable clock: the background refresh waits half a minute after a load.
    await context.clock.install();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(plan, '8.1').id}`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^8\.1 / }).waitFor();
    // The refresh's delta is answered by the site as it is now, before the save; its answer arrives after the save.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Only the plan's delta counts (the panel reads its history in a `$batch` of its own).
    let batches = 0;
    await page.route('**/$batch', async (route) => {
      if (!(route.request().postData() ?? '').includes('/delta')) return route.continue();
      batches += 1;
      if (batches > 1) return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await context.clock.runFor(31_000);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => batches).toBe(1);
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Loopt');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    release();
    // The old answer is dropped and the plan asked again: the panel keeps the saved status.
    await expect.poll(() => batches).toBeGreaterThan(1);
    await idle(page);
    await expect(dialog.getByRole('combobox', { name: 'Status' }).inputValue()).resolves.toBe('Loopt');
    // And the next change goes from the saved version: no conflict with one's own save.
    await dialog.getByRole('textbox', { name: 'Planning' }).fill('Na de verversing');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    const saved = byNummer(await client.plan(), '8.1').value;
    expect(saved).toMatchObject({ status: 'Loopt', planning: 'Na de verversing' });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('says that a deadline in the past makes the action achterstallig at once: a warning, not a refusal', async () => {
    const { page, errors } = await openDetail('4.1');
    const dialog = page.getByRole('dialog');
    const deadline = dialog.getByRole('combobox', { name: 'Deadline' });
    const warning = () => dialog.locator('[data-field="deadline"]').innerText();
    await deadline.fill('1-6-2026');
    await deadline.press('Tab');
    await expect.poll(warning).toContain('Deze datum ligt in het verleden: de actie is daarmee meteen achterstallig.');
    // A warning, not a refusal: the field is not marked invalid.
    await expect(deadline.getAttribute('aria-invalid')).resolves.not.toBe('true');
    await deadline.fill('1-6-2099');
    await deadline.press('Tab');
    await expect.poll(warning).not.toContain('in het verleden');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the domain’s rule inline and does not save an invalid change', async () => {
    // 8.2 belongs to Concern alone, so its own status is editable (a shared action's rolls up from its domains).
    const { page } = await openDetail('8.2');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Geblokkeerd');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => dialog.getByText('Geef een toelichting: bij status Geblokkeerd is een reden verplicht.').count())
      .toBe(1);
    expect(byNummer(await client.plan(), '8.2').value.status).toBe('Niet gestart');
    await page.context().close();
  });

  it('keeps a pasted title longer than the column whole, names it as too long and saves nothing', async () => {
    const { page } = await openDetail('8.2');
    const dialog = page.getByRole('dialog');
    const before = byNummer(await client.plan(), '8.2');
    const lang = `${'Een titel die iemand uit een verslag plakt, veel langer dan de kolom toelaat. '.repeat(5)}`.trim();
    expect(lang.length).toBeGreaterThan(255);
    await dialog.getByRole('textbox', { name: 'Titel' }).fill(lang);
    // Nothing cut off: the whole text is in the field, and the plan's rule says what is wrong with it.
    expect(await dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).toBe(lang);
    await expect.poll(() => dialog.getByText('De titel mag maximaal 255 tekens lang zijn.').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => dialog.getByText('De titel mag maximaal 255 tekens lang zijn.').count()).toBe(1);
    expect(byNummer(await client.plan(), '8.2').eTag).toBe(before.eTag);
    await page.context().close();
  });

  it('shows the domain’s rules in English in the English UI: no Dutch from the domain (issue 17)', async () => {
    const { page, errors } = await openDetail('8.2', { locale: 'en-GB' });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Geblokkeerd');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(' ');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => dialog.getByText('Give an explanation: the status Blocked needs a reason.').count())
      .toBe(1);
    await expect(dialog.getByText('Enter a title.').count()).resolves.toBe(1);
    const text = await dialog.innerText();
    expect(text).not.toMatch(/Geef een toelichting|Geef een titel|verplicht|Kies een/);
    expect(byNummer(await client.plan(), '8.2').value.status).toBe('Niet gestart');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the history in English in the English UI: field names and statuses, no Dutch (issue 17)', async () => {
    // Another client blocks 8.2 (Concern alone, its own status) with a reason and moves its deadline.
    const plan = await client.plan();
    const store = createActiesStore(client.graph, plan.siteId, plan);
    await store.update(byNummer(plan, '8.2'), {
      status: 'Geblokkeerd',
      statusToelichting: 'Wacht op de leverancier',
      deadline: '2027-03-31',
    });
    const { page, errors } = await openDetail('8.2', { locale: 'en-GB' });
    const history = page.getByRole('dialog').getByTestId('history');
    await expect.poll(() => history.innerText()).toContain('Status: Not started → Blocked');
    const text = await history.innerText();
    expect(text).toContain('Status explanation: Wacht op de leverancier');
    expect(text).toMatch(/Deadline: \d+ \w{3} \d{4} → 31 Mar 2027/);
    // The first version lists what it set, with the plateau and domains in English.
    expect(text).toContain('Domains: Organisation-wide');
    expect(text).not.toMatch(/Niet gestart|Geblokkeerd|Toelichting status|Eigenaar|Titel:/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the merge view on a conflict from a second client and loses nothing', async () => {
    const { page, errors } = await openDetail('6.1');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Planning' }).fill('Mijn planning: MT-sessie in mei');

    // Meanwhile someone else changes the same action (planning and running track) through Graph.
    const plan = await client.plan();
    const store = createActiesStore(client.graph, plan.siteId, plan);
    await store.update(byNummer(plan, '6.1'), {
      planning: 'Hun planning: eerst IMO',
      lopendTraject: 'Programma Digitaal Samenwerken',
    });

    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const merge = dialog.getByTestId('merge-view');
    await merge.waitFor();
    const planningRow = merge.locator('tr[data-field="planning"]');
    await expect(planningRow.getAttribute('data-conflict')).resolves.toBe('true');
    await expect(planningRow.getByTestId('theirs').innerText()).resolves.toBe('Hun planning: eerst IMO');
    await expect(planningRow.getByTestId('mine').innerText()).resolves.toBe('Mijn planning: MT-sessie in mei');
    await expect(merge.locator('tr[data-field="lopendTraject"]').getByTestId('theirs').innerText()).resolves.toBe(
      'Programma Digitaal Samenwerken',
    );
    await saveScreenshot(page, 'merge-view');
    // Nothing was overwritten yet.
    expect(byNummer(await client.plan(), '6.1').value.planning).toBe('Hun planning: eerst IMO');

    await planningRow.getByRole('radio', { name: 'Mijn versie' }).check();
    await merge.getByRole('button', { name: 'Samengevoegd opslaan' }).click();
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    const merged = byNummer(await client.plan(), '6.1').value;
    expect(merged.planning).toBe('Mijn planning: MT-sessie in mei');
    expect(merged.lopendTraject).toBe('Programma Digitaal Samenwerken');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps typed text through a failed save and a reload, then saves it', async () => {
    const { page } = await openDetail('6.2', { clock: true });
    const dialog = page.getByRole('dialog');
    const text = 'Informatiemanager schuift aan bij elke intake (concept van het MT)';
    await dialog.getByRole('textbox', { name: 'Toelichting status' }).fill(text);

    // The network fails while saving.
    await page.route('**/v1.0/**/fields', (route) => route.abort('connectionreset'));
    await page.route('**/v1.0/$batch', (route) => route.abort('connectionreset'));
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    // A save is tried again a few times, seconds apart, before it is said to have failed: that time passes at once.
    await whileTimePasses(page, dialog.getByTestId('save-message').getByText(/Opslaan is mislukt/));
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Opslaan is mislukt');
    await expect(dialog.getByRole('textbox', { name: 'Toelichting status' }).inputValue()).resolves.toBe(text);
    await saveScreenshot(page, 'save-failed');
    // The optimistic change was rolled back in the views behind the panel.
    expect(byNummer(await client.plan(), '6.2').value.statusToelichting).toBeUndefined();

    await page.unroute('**/v1.0/**/fields');
    await page.unroute('**/v1.0/$batch');
    await page.reload();
    const restored = page.getByRole('dialog');
    await restored.getByTestId('draft-restored').waitFor();
    await expect(restored.getByRole('textbox', { name: 'Toelichting status' }).inputValue()).resolves.toBe(text);
    await restored.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => restored.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    expect(byNummer(await client.plan(), '6.2').value.statusToelichting).toBe(text);
    await page.reload();
    await page.getByRole('dialog').getByRole('heading').first().waitFor();
    await expect(page.getByTestId('draft-restored').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('changes the status of 10 selected actions in one bulk change', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst?status=Niet%20gestart`);
    await page.getByTestId('actie-row').first().waitFor();
    const rows = page.getByTestId('actie-row');
    const nummers = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-nummer') ?? ''))).slice(0, 10);
    expect(nummers).toHaveLength(10);
    for (const nummer of nummers) await page.getByRole('checkbox', { name: `Actie ${nummer} selecteren` }).check();
    await expect(page.getByTestId('bulk-bar').innerText()).resolves.toContain('10 geselecteerd');

    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('Loopt');
    // A shared action's status rolls up from its domains' rows: the bulk change skips it and says why.
    const before = await client.plan();
    const shared = nummers.filter((n) => new Set(byNummer(before, n).value.domeinen).size >= 2);
    const changed = nummers.filter((n) => !shared.includes(n));
    expect(shared.length).toBeGreaterThan(0);
    expect(changed.length).toBeGreaterThan(0);
    await expect(dialog.getByTestId('bulk-preview').innerText()).resolves.toContain(
      `${changed.length} acties worden gewijzigd, ${shared.length} overgeslagen`,
    );
    await expect(dialog.getByTestId('bulk-preview').innerText()).resolves.toContain(
      `${shared[0]}: De status van deze actie volgt uit de voortgang per domein`,
    );
    await saveScreenshot(page, 'bulk-dialog');
    await dialog.getByRole('button', { name: `${changed.length} acties wijzigen` }).click();
    await expect
      .poll(() => page.getByTestId('bulk-result').innerText())
      .toContain(`${changed.length} van ${changed.length} acties bijgewerkt`);

    const plan = await client.plan();
    for (const nummer of changed) expect(byNummer(plan, nummer).value.status, nummer).toBe('Loopt');
    for (const nummer of shared)
      expect(byNummer(plan, nummer).value.status, nummer).toBe(byNummer(before, nummer).value.status);
    const nummersChanged = changed;
    // The list follows: they no longer match the "Niet gestart" filter.
    await expect
      .poll(async () =>
        (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-nummer')))).filter((n) =>
          nummersChanged.includes(n ?? ''),
        ),
      )
      .toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says an action deleted in SharePoint meanwhile no longer exists, and keeps the typed text', async () => {
    // Last in the file: the deleted action stays deleted for the tests after it (the site is reset per file).
    const { page, errors } = await openDetail('9.2');
    const dialog = page.getByRole('dialog');
    const text = 'Toelichting die iemand typte terwijl een ander de actie verwijderde';
    await dialog.getByRole('textbox', { name: 'Toelichting status' }).fill(text);
    await client.graph.delete(
      `/sites/${(await client.plan()).siteId}/lists/Acties/items/${byNummer(await client.plan(), '9.2').id}`,
    );
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    // Before, Graph's 404 was read as a site without the plan's lists: "Is de site ingericht?".
    await expect.poll(() => dialog.getByTestId('save-message').innerText()).toContain('Deze actie bestaat niet meer');
    await expect(dialog.getByTestId('save-message').innerText()).resolves.not.toContain('ingericht');
    await expect(dialog.getByRole('textbox', { name: 'Toelichting status' }).inputValue()).resolves.toBe(text);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a bulk change names an action deleted meanwhile as deleted, changes the others, and the list lets it go', async () => {
    // After the test above (it deletes one action too): the site is reset per file.
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/lijst`);
    const rows = page.getByTestId('actie-row');
    await rows.first().waitFor();
    const before = await client.plan();
    const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-nummer') ?? ''));
    // A new deadline applies to any action (a status may be refused by a transition or roll up from domains' rows).
    const [kept, gone] = shown.filter((n) => !byNummer(before, n).value.start);
    if (!kept || !gone) throw new Error(`two actions without a start date expected, got ${shown.join(', ')}`);
    for (const nummer of [kept, gone]) await page.getByRole('checkbox', { name: `Actie ${nummer} selecteren` }).check();
    await client.graph.delete(`/sites/${before.siteId}/lists/Acties/items/${byNummer(before, gone).id}`);
    await page.getByRole('button', { name: 'Deadline wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Deadline' }).fill('31-12-2030');
    await dialog.getByRole('button', { name: '2 acties wijzigen' }).click();
    const result = page.getByTestId('bulk-result');
    await expect.poll(() => result.innerText()).toContain('1 van 2 acties bijgewerkt');
    // Before, the 404 of the deleted one read as a site without the plan's lists ("Is de site ingericht?").
    await expect(result.innerText()).resolves.toContain(
      `${gone}: is intussen door iemand anders verwijderd; er is niets opgeslagen.`,
    );
    await expect(result.innerText()).resolves.not.toContain('ingericht');
    expect(byNummer(await client.plan(), kept).value.deadline).toBe('2030-12-31');
    // The deleted action leaves the list now, not at the next refresh, and is not selected to try again: the bar goes.
    await expect
      .poll(async () => {
        const nummers = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-nummer')));
        return { gone: nummers.includes(gone), kept: nummers.includes(kept) };
      })
      .toEqual({ gone: false, kept: true });
    await expect(page.getByTestId('bulk-bar').count()).resolves.toBe(0);
    // Focus stays in the view (a button of the bar it was given back to would take it along when the bar goes).
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.not.toBe('BODY');
    expect(errors).toEqual([]);
    await context.close();
  });
});
