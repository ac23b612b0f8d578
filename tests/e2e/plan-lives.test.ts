/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActiesStore } from '../../src/data/acties-store.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { cardPreview } from './support/card.js';
import { byNummer, personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { roadmapComplete, WAIT, whileTimePasses } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

/**
 * The CMT's channel tab (domain Concern) at `hash`, as the CMT secretary. `clock`: a fake clock (`personaContext`), for
 * the retries' back-off after a dropped connection.
 */
async function cmtTab(hash: string, { clock = false } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.secretaris, { clock });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/index.html?domein=Concern${hash}`);
  return { page, errors };
}

/** Opens "Nieuwe actie" from the page's button and waits for the dialog. */
async function openNieuweActie(page: Page) {
  await page.getByTestId('nieuwe-actie-button').click();
  const dialog = page.getByTestId('nieuwe-actie');
  await dialog.waitFor();
  return dialog;
}

/** The card the CMT would get now (`npm run reminders -- --mt cmt --preview`): same code path, read only. */
const cmtCardPreview = () => cardPreview(client, run.appUrl, 'cmt');

describe('the living plan in the browser', () => {
  it('the CMT adds 9.3 under advies 9: it is in the roadmap, the list and the card preview at once', async () => {
    const { page, errors } = await cmtTab('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    await page.getByTestId('nieuwe-actie-button').click();
    const dialog = page.getByTestId('nieuwe-actie');
    await dialog.getByRole('combobox', { name: 'Advies' }).selectOption('9');
    await expect.poll(() => dialog.getByTestId('nummer-preview').innerText()).toContain('nummer 9.3');
    // The plateau follows the advies (9: Excelleren).
    await expect(dialog.getByRole('combobox', { name: /Plateau/ }).inputValue()).resolves.toBe('Excelleren');
    // Without a title nothing is written.
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => dialog.innerText()).toContain('Geef een titel.');
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Procesregie over de keten Wmo en Jeugd beleggen');
    // The description has the column's limit: the field takes no more than 2000 characters.
    const omschrijving = dialog.getByRole('textbox', { name: 'Omschrijving' });
    await expect(omschrijving.getAttribute('maxlength')).resolves.toBe('2000');
    await omschrijving.fill('  Eén regisseur per keten, met <b>mandaat</b> over de gegevensstromen.  ');
    await dialog.getByRole('textbox', { name: 'Afhankelijk van' }).fill('9.1');
    await dialog.getByRole('checkbox', { name: /^6\. / }).check();
    expect(await seriousViolations(page), 'the new-action dialog').toEqual([]);
    await saveScreenshot(page, 'nieuwe-actie');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();

    // The detail of the new action opens.
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /^9\.3 · Procesregie/ })
      .waitFor();
    const saved = byNummer(await client.plan(), '9.3').value;
    expect(saved).toMatchObject({
      advies: 9,
      plateau: 'Excelleren',
      domeinen: ['Concern'],
      status: 'Niet gestart',
      afhankelijkVan: ['9.1'],
      bevindingen: [6],
    });
    expect(saved.omschrijving).toBe('Eén regisseur per keten, met <b>mandaat</b> over de gegevensstromen.');
    // Shown as text in the detail (the markup stays text).
    await expect
      .poll(() => page.getByRole('dialog').getByTestId('actie-omschrijving').innerText())
      .toBe('Eén regisseur per keten, met <b>mandaat</b> over de gegevensstromen.');
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();

    await expect
      .poll(() =>
        page
          .locator('section[data-plateau="Excelleren"][data-thema="B"] [data-testid="roadmap-card"][data-nummer="9.3"]')
          .count(),
      )
      .toBe(1);
    await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst?q=9.3`);
    await expect.poll(() => page.locator('[data-testid="actie-row"][data-nummer="9.3"]').count()).toBe(1);
    // Added, the action leaves no draft: the dialog opens empty on the next page too.
    await page.getByTestId('nieuwe-actie-button').click();
    const again = page.getByTestId('nieuwe-actie');
    await expect(again.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe('');
    await expect(again.getByTestId('nieuwe-actie-concept').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');

    const preview = await cmtCardPreview();
    expect(preview.agenda.openActies.map((a) => a.nummer)).toContain('9.3');
    // The card lists at most five per section, worst first; 9.3 counts in its figures and its section's total.
    expect(preview.agenda.withoutOwner.map((a) => a.nummer)).toContain('9.3');
    const cardJson = JSON.stringify(preview.card);
    expect(cardJson).toContain(`Zonder eigenaar (${preview.agenda.withoutOwner.length})`);
    expect(cardJson).toContain(
      `"title":"Open acties","value":"${preview.agenda.counts.open} van ${preview.agenda.counts.acties}"`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says who may add an action with the chosen domains as soon as the dialog opens, not after filling it in', async () => {
    const context = await personaContext(browser, UPN.portfolio);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/roadmap`);
    await page.getByTestId('nieuwe-actie-button').click();
    const dialog = page.getByTestId('nieuwe-actie');
    // The role is known once the person's MTs are read: on a busy machine later than a poll's default second.
    await expect
      .poll(() => dialog.innerText(), { timeout: WAIT.view })
      .toContain(
        // The tab shows every domain: the message says how to add (the MT's domain at the top), not only who may.
        'Je bekijkt alle domeinen. Kies bovenaan het domein van je MT (voor het CMT: Concern) om een actie toe te voegen; een beheerder kan het ook hier.',
      );
    // Nothing was pressed: no other field's problem is shown yet.
    expect(await dialog.innerText()).not.toContain('Geef een titel.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps what was typed in Nieuwe actie when it closes, gives the focus back and leaves the app to screen readers', async () => {
    const { page, errors } = await cmtTab('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    const open = () => openNieuweActie(page);
    const rootHidden = () => page.evaluate(() => document.getElementById('root')?.getAttribute('aria-hidden') ?? null);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

    let dialog = await open();
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Concept dat blijft');
    await dialog.getByRole('checkbox', { name: /^3\. / }).check();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The app is visible to assistive technology again, and the button that opened the dialog has the focus.
    await expect.poll(rootHidden, { timeout: WAIT.view }).toBeNull();
    await expect.poll(focused).toBe('nieuwe-actie-button');
    expect(await page.getByRole('main').getByTestId('roadmap-card').count()).toBeGreaterThan(0);

    // Opened again, and after a reload: what was typed is there, and the dialog says so.
    dialog = await open();
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe('Concept dat blijft');
    await expect(dialog.getByRole('checkbox', { name: /^3\. / }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId('nieuwe-actie-concept').innerText()).resolves.toContain(
      'Wat je de vorige keer invulde, staat weer in het formulier',
    );
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('roadmap-card').first().waitFor();
    dialog = await open();
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe('Concept dat blijft');

    // "Leeg formulier" starts afresh, and nothing is kept any more.
    await dialog.getByRole('button', { name: 'Leeg formulier' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe('');
    await expect(dialog.getByTestId('nieuwe-actie-concept').count()).resolves.toBe(0);
    // The button went with the message; the focus is on the title, in the dialog, so Esc still closes it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    dialog = await open();
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe('');
    await expect(dialog.getByTestId('nieuwe-actie-concept').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an add whose answer was lost, changed after a reload, is said to be added already; the change stays and adds as a new action', async () => {
    const { page, errors } = await cmtTab('#/roadmap', { clock: true });
    await page.getByTestId('roadmap-card').first().waitFor();
    const open = () => openNieuweActie(page);
    const titled = async (titel: string) =>
      (await client.plan()).acties.filter((a) => a.value.titel === titel).map((a) => a.value.nummer);
    let dialog = await open();
    await dialog.getByRole('combobox', { name: 'Advies' }).selectOption('8');
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Datagedreven sturing, eerste opzet');
    // The create lands on the site but its answer is lost, and so is every look-up of its client key after it.
    let lose = true;
    await page.route('**/lists/**', async (route) => {
      const request = route.request();
      if (lose && request.method() === 'POST' && /\/items$/.test(new URL(request.url()).pathname)) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (lose && request.url().includes('ClientKey')) return route.abort('connectionreset');
      return route.fallback();
    });
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    // The look-ups are tried again a few times, seconds apart, before the add is said to have failed: that time passes
    // at once.
    await whileTimePasses(page, dialog.getByTestId('nieuwe-actie-error'), { timeout: WAIT.write });
    await expect
      .poll(() => dialog.getByTestId('nieuwe-actie-error').innerText(), { timeout: WAIT.write })
      .toContain('Toevoegen is mislukt');
    lose = false;
    await page.unroute('**/lists/**');
    const [first] = await titled('Datagedreven sturing, eerste opzet');
    expect(first, 'the first add landed').toMatch(/^8\.\d+$/);

    // The next day: the draft is back (with the key of that add), the person changes it and adds.
    await page.reload();
    await page.getByTestId('roadmap-card').first().waitFor();
    dialog = await open();
    await expect(dialog.getByTestId('nieuwe-actie-concept').count()).resolves.toBe(1);
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Datagedreven sturing per domein');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    // Not "added": the dialog says the form was added before, as which action, and keeps what was typed.
    const earlier = dialog.getByTestId('nieuwe-actie-eerder');
    await expect.poll(() => earlier.innerText(), { timeout: WAIT.write }).toContain(`Al toegevoegd als actie ${first}`);
    await expect(earlier.innerText()).resolves.toContain('Wat je daarna hebt gewijzigd, staat nog in het formulier');
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe(
      'Datagedreven sturing per domein',
    );
    expect(await titled('Datagedreven sturing per domein'), 'nothing written for the change').toEqual([]);
    expect(await titled('Datagedreven sturing, eerste opzet')).toEqual([first]);
    expect(await seriousViolations(page), 'the dialog with the message').toEqual([]);

    // Closed and opened again, the change is still the draft; adding it now adds it as an action of its own.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    dialog = await open();
    await expect(dialog.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe(
      'Datagedreven sturing per domein',
    );
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /· Datagedreven sturing per domein$/ })
      .waitFor({ timeout: WAIT.write });
    const [second] = await titled('Datagedreven sturing per domein');
    expect(second).toMatch(/^8\.\d+$/);
    expect(second).not.toBe(first);
    expect(await titled('Datagedreven sturing, eerste opzet')).toEqual([first]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Nieuwe actie says at once that a deadline in the past makes the action achterstallig', async () => {
    const { page, errors } = await cmtTab('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    await page.getByTestId('nieuwe-actie-button').click();
    const dialog = page.getByTestId('nieuwe-actie');
    const deadline = dialog.getByRole('combobox', { name: 'Deadline' });
    await deadline.fill('1-1-2026');
    await deadline.press('Tab');
    await expect
      .poll(() => dialog.innerText())
      .toContain('Deze datum ligt in het verleden: de actie is daarmee meteen achterstallig.');
    // Only that: the other fields' problems wait for an add.
    await expect(dialog.innerText()).resolves.not.toContain('Geef een titel.');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a dependency cycle is refused with a Dutch message that names it, and nothing is written', async () => {
    const plan = await client.plan();
    const { page, errors } = await cmtTab(`#/lijst?actie=${byNummer(plan, '6.2').id}`);
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: /^6\.2 · / }).waitFor();
    await detail.getByTestId('links-afhankelijk').fill('6.1');
    await detail.getByRole('button', { name: 'Afhankelijkheden en bevindingen vastleggen' }).click();
    await expect
      .poll(() => detail.getByTestId('links-message').innerText())
      .toContain('Afhankelijkheden en bevindingen vastgelegd');
    expect(byNummer(await client.plan(), '6.2').value.afhankelijkVan).toEqual(['6.1']);

    await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst?actie=${byNummer(plan, '6.1').id}`);
    await detail.getByRole('heading', { name: /^6\.1 · / }).waitFor();
    await detail.getByTestId('links-afhankelijk').fill('6.2');
    await detail.getByRole('button', { name: 'Afhankelijkheden en bevindingen vastleggen' }).click();
    await expect
      .poll(() => detail.getByTestId('links-message').innerText())
      .toContain('De afhankelijkheden vormen een kring (6.1 → 6.2 → 6.1)');
    expect(byNummer(await client.plan(), '6.1').value.afhankelijkVan).toEqual([]);
    await saveScreenshot(page, 'afhankelijkheid-kring');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('typed dependencies and a reason to retire stay through someone else’s change and the main form’s merge', async () => {
    const plan = await client.plan();
    const actie = byNummer(plan, '7.1');
    const { page, errors } = await cmtTab(`#/lijst?actie=${actie.id}`);
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: /^7\.1 · / }).waitFor();
    await detail.getByTestId('links-afhankelijk').fill('1.1');
    await detail.getByTestId('vervallen-reden').fill('Opgegaan in actie 1.1');
    // Meanwhile someone else changes 7.1's planning through Graph: the links' save meets If-Match.
    const store = createActiesStore(client.graph, plan.siteId, plan);
    await store.update(actie, { planning: 'Hun planning: na de zomer' });
    await detail.getByRole('button', { name: 'Afhankelijkheden en bevindingen vastleggen' }).click();
    await expect
      .poll(() => detail.getByTestId('links-message').innerText())
      .toContain('Iemand anders heeft deze actie intussen gewijzigd; de nieuwste versie staat nu in het scherm.');
    expect(byNummer(await client.plan(), '7.1').value.afhankelijkVan).toEqual([]);
    // The newest version is on screen (their planning), and the typed dependency is still there.
    await expect
      .poll(() => detail.getByRole('textbox', { name: 'Planning' }).inputValue())
      .toBe('Hun planning: na de zomer');
    expect(await detail.getByTestId('links-afhankelijk').inputValue()).toBe('1.1');

    // The main form: a planning of this person's, while someone else changes it again: the merge view. The section
    // below is hidden meanwhile, and its typed reason is there again once the merge is saved.
    await detail.getByRole('textbox', { name: 'Planning' }).fill('Mijn planning: in het voorjaar');
    await store.update(byNummer(await client.plan(), '7.1'), { planning: 'Hun planning: in de herfst' });
    await detail.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const merge = detail.getByTestId('merge-view');
    await merge.waitFor();
    expect(await detail.getByTestId('vervallen-reden').isVisible()).toBe(false);
    await merge.locator('tr[data-field="planning"]').getByRole('radio', { name: 'Mijn versie' }).check();
    await merge.getByRole('button', { name: 'Samengevoegd opslaan' }).click();
    await expect.poll(() => detail.getByTestId('save-message').innerText()).toContain('Opgeslagen');
    expect(await detail.getByTestId('vervallen-reden').inputValue()).toBe('Opgegaan in actie 1.1');
    expect(await detail.getByTestId('links-afhankelijk').inputValue()).toBe('1.1');

    await detail.getByRole('button', { name: 'Afhankelijkheden en bevindingen vastleggen' }).click();
    await expect
      .poll(() => detail.getByTestId('links-message').innerText())
      .toContain('Afhankelijkheden en bevindingen vastgelegd');
    expect(byNummer(await client.plan(), '7.1').value).toMatchObject({
      afhankelijkVan: ['1.1'],
      planning: 'Mijn planning: in het voorjaar',
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('retiring needs a reason; a retired action is gone from the agenda and the roadmap, and listed under "Toon vervallen"', async () => {
    const plan = await client.plan();
    const id = byNummer(plan, '8.5').id;
    const before = await cmtCardPreview();
    expect(before.agenda.openActies.map((a) => a.nummer)).toContain('8.5');

    const { page, errors } = await cmtTab(`#/lijst?actie=${id}`);
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: /^8\.5 · / }).waitFor();
    await detail.getByRole('button', { name: 'Laten vervallen' }).click();
    await expect.poll(() => detail.getByTestId('vervallen-message').innerText()).toContain('Geef een reden');
    expect(byNummer(await client.plan(), '8.5').value.vervallen).toBeUndefined();
    await detail.getByTestId('vervallen-reden').fill('Gildes lopen voortaan via het programma Digitaal Samenwerken');
    await detail.getByRole('button', { name: 'Laten vervallen' }).click();
    await expect
      .poll(() => detail.getByTestId('vervallen-banner').innerText())
      .toContain('Gildes lopen voortaan via het programma Digitaal Samenwerken');
    await expect.poll(() => detail.getByTestId('vervallen-message').innerText()).toContain('De actie is vervallen.');
    expect(byNummer(await client.plan(), '8.5').value).toMatchObject({
      vervallen: true,
      vervallenReden: 'Gildes lopen voortaan via het programma Digitaal Samenwerken',
    });
    await detail.getByRole('button', { name: 'Sluiten' }).click();

    const preview = await cmtCardPreview();
    expect(preview.agenda.openActies.map((a) => a.nummer)).not.toContain('8.5');
    expect(preview.agenda.counts.acties).toBe(before.agenda.counts.acties - 1);

    await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst?q=8.`);
    await expect.poll(() => page.locator('[data-testid="actie-row"]').count()).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="actie-row"][data-nummer="8.5"]').count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: 'Toon vervallen' }).check();
    await expect.poll(() => page.locator('[data-testid="actie-row"][data-nummer="8.5"]').count()).toBe(1);
    await expect(
      page.locator('[data-testid="actie-row"][data-nummer="8.5"]').getByTestId('vervallen-badge').innerText(),
    ).resolves.toBe('Vervallen');
    expect(page.url()).toContain('vervallen=1');
    await saveScreenshot(page, 'toon-vervallen');

    await page.goto(`${run.appUrl}/index.html?domein=Concern#/roadmap`);
    await roadmapComplete(page);
    await expect(page.locator('[data-testid="roadmap-card"][data-nummer="8.5"]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
