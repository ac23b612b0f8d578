/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { createDomeinVoortgangStore } from '../../src/data/domein-voortgang-store.js';
import { byNummer, openActionDetail, personaContext, refuseStorage, UPN, watchErrors } from './support/tab.js';
import { roadmapComplete, WAIT } from './support/waits.js';

const IM_FYSIEK = 'informatiemanager.fysiek-domein@zoetermeer.example';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  return file.close;
});

describe('progress per domain on a shared action', () => {
  it('1.1 has no owner of its own: "Alle domeinen" says its domains carry it, a domain\'s view names its own owner', async () => {
    // As seeded: each business domain's row of 1.1 has its informatiemanager, the action itself has no owner.
    const cmt = await personaContext(browser, UPN.gemeentesecretaris);
    const page = await cmt.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/roadmap`);
    await roadmapComplete(page);
    const card = page.locator('[data-testid="roadmap-card"][data-nummer="1.1"]');
    await expect(card.innerText()).resolves.toContain('Eigenaar per domein');
    await expect(card.innerText()).resolves.not.toContain('Geen eigenaar');
    // An action of one domain without an owner still says so.
    const zonder = (await client.plan()).acties.find(
      (a) => new Set(a.value.domeinen).size === 1 && !a.value.eigenaar && a.value.vervallen !== true,
    );
    if (!zonder) throw new Error('the seeded plan has no action of one domain without an owner');
    await expect(
      page.locator(`[data-testid="roadmap-card"][data-nummer="${zonder.value.nummer}"]`).innerText(),
    ).resolves.toContain('Geen eigenaar');
    await page.goto(`${run.appUrl}/#/lijst`);
    const row = page.locator('[data-testid="actie-row"][data-nummer="1.1"]');
    await expect.poll(() => row.innerText()).toContain('Eigenaar per domein');
    // The roll-up's owner filter offers it.
    await page.getByRole('combobox', { name: 'Eigenaar' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Eigenaar per domein' }).waitFor();
    // A domain row's owner is offered too, and finds the action her domain carries.
    await page.getByRole('menuitemcheckbox', { name: 'Informatiemanager Sociaal Domein' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('actie-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nummer'))))
      .toContain('1.1');
    // Its form's empty owner says where the owners are (the domains' rows), and that it may stay empty.
    await page.goto(`${run.appUrl}/#/lijst?actie=${byNummer(await client.plan(), '1.1').id}`);
    const owner = page.getByRole('dialog').locator('[data-field="eigenaarId"]');
    await expect
      .poll(() => owner.innerText())
      .toContain('Elk domein legt zijn eigen eigenaar vast op zijn rij onder Voortgang per domein.');
    // An action of one domain has no such hint.
    await page.goto(`${run.appUrl}/#/lijst?actie=${zonder.id}`);
    const ownField = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: new RegExp(`^${zonder.value.nummer.replace('.', '\\.')} `) }) })
      .locator('[data-field="eigenaarId"]');
    await expect.poll(() => ownField.innerText()).toContain('Eigenaar');
    await expect(ownField.innerText()).resolves.not.toContain('per domein');

    // The header's domain, chosen without a reload: that domain's own row, and back to the roll-up.
    await page.goto(`${run.appUrl}/#/roadmap`);
    await roadmapComplete(page);
    const choice = page.getByTestId('domein-choice').locator('select');
    await choice.selectOption('Sociaal Domein');
    await expect.poll(() => card.innerText()).toContain('Informatiemanager Sociaal Domein');
    await expect(card.innerText()).resolves.not.toContain('per domein');
    await choice.selectOption('Bedrijfsvoering');
    await expect.poll(() => card.innerText()).toContain('Informatiemanager Bedrijfsvoering');
    await choice.selectOption('');
    await expect.poll(() => card.innerText()).toContain('Eigenaar per domein');

    // A tab opened on Sociaal Domein (its URL) that switches to another domain shows that domain's row, not its own.
    await page.goto(`${run.appUrl}/?domein=Sociaal+Domein#/roadmap`);
    await roadmapComplete(page);
    await expect.poll(() => card.innerText()).toContain('Informatiemanager Sociaal Domein');
    // There the list's owner filter offers no "Eigenaar per domein": 1.1 shows the domain's own owner.
    await page.goto(`${run.appUrl}/?domein=Sociaal+Domein#/lijst`);
    await page.getByRole('combobox', { name: 'Eigenaar' }).click();
    // A multi-select dropdown offers its choices as checkable menu items.
    await page.getByRole('menuitemcheckbox', { name: 'Geen eigenaar' }).waitFor();
    await expect(page.getByRole('menuitemcheckbox', { name: 'Eigenaar per domein' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${run.appUrl}/?domein=Sociaal+Domein#/roadmap`);
    await roadmapComplete(page);
    await choice.selectOption('Bedrijfsvoering');
    await expect.poll(() => card.innerText()).toContain('Informatiemanager Bedrijfsvoering');
    expect(errors).toEqual([]);
    await cmt.close();
  });

  it('Sociaal Domein sets its row of 1.1 to Afgerond in its own tab; the CMT sees the roll-up "1 van 4"', async () => {
    const id11 = byNummer(await client.plan(), '1.1').id;

    // The Sociaal Domein MT's channel tab: its own row of 1.1, owned by its informatiemanager.
    const { page, dialog, errors } = await openActionDetail(browser, run.appUrl, {
      persona: UPN.imSociaal,
      domein: 'Sociaal Domein',
      actieId: id11,
      nummer: '1.1',
    });
    const section = dialog.getByTestId('domein-voortgang');
    await expect
      .poll(() => section.getByTestId('domein-voortgang-summary').innerText())
      .toBe('0 van 4 domeinen afgerond');
    expect(await section.locator('[data-domein="Sociaal Domein"]').innerText()).toContain(
      'Informatiemanager Sociaal Domein',
    );
    // The action-level status is not where a shared action changes.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Status', exact: true }).isDisabled()).toBe(true);

    // Niet gestart → Loopt → Afgerond, as the plan's transitions allow.
    const status = section.getByRole('combobox', { name: 'Status Sociaal Domein' });
    await status.selectOption('Loopt');
    await section.getByRole('button', { name: 'Opslaan voor Sociaal Domein' }).click();
    await expect.poll(() => status.inputValue(), { timeout: WAIT.write }).toBe('Loopt');
    await expect
      .poll(() => section.locator('[data-domein="Sociaal Domein"]').innerText(), { timeout: WAIT.write })
      .toContain('Loopt');
    // The action's own (disabled) status is the roll-up as it is now, not the form's copy from when it opened.
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Status', exact: true }).inputValue(), { timeout: WAIT.write })
      .toBe('Loopt');
    await status.selectOption('Afgerond');
    await section.getByTestId('domein-voortgang-notitie').fill('Roadmap vastgesteld in het MT Sociaal Domein.');
    await section.getByRole('button', { name: 'Opslaan voor Sociaal Domein' }).click();
    await expect
      .poll(() => section.getByTestId('domein-voortgang-summary').innerText(), { timeout: WAIT.write })
      .toBe('1 van 4 domeinen afgerond');
    await saveScreenshot(page, 'domein-voortgang-sociaal');
    expect(errors).toEqual([]);

    // What the site holds: the row is Afgerond, the action's own Status column was not written.
    const plan = await client.plan();
    const row = plan.domeinVoortgang.find((r) => r.value.actie === '1.1' && r.value.domein === 'Sociaal Domein');
    expect(row?.value).toMatchObject({ status: 'Afgerond', notitie: 'Roadmap vastgesteld in het MT Sociaal Domein.' });
    expect(byNummer(plan, '1.1').value.status).toBe('Loopt');
    await page.context().close();

    // The CMT (a tab without a domain): the roll-up with its breakdown.
    const cmt = await personaContext(browser, UPN.gemeentesecretaris);
    const cmtPage = await cmt.newPage();
    const cmtErrors = watchErrors(cmtPage);
    await cmtPage.goto(`${run.appUrl}/#/lijst?actie=${id11}`);
    const cmtDialog = cmtPage.getByRole('dialog');
    await cmtDialog.getByRole('heading', { name: /^1\.1 / }).waitFor();
    const cmtSection = cmtDialog.getByTestId('domein-voortgang');
    await expect
      .poll(() => cmtSection.getByTestId('domein-voortgang-summary').innerText())
      .toBe('1 van 4 domeinen afgerond');
    const perDomein = await cmtSection.getByTestId('domein-voortgang-row').allInnerTexts();
    expect(perDomein).toHaveLength(4);
    expect(perDomein.find((t) => t.startsWith('Sociaal Domein'))).toContain('Afgerond');
    expect(perDomein.filter((t) => t.includes('Niet gestart'))).toHaveLength(3);
    // The CMT edits no domain's row.
    expect(await cmtSection.getByTestId('domein-voortgang-form').count()).toBe(0);
    await saveScreenshot(cmtPage, 'domein-voortgang-cmt');
    expect(cmtErrors).toEqual([]);
    await cmt.close();
  });

  it('a row’s owner sees it in their own Mijn acties; in the domain’s tab the row’s owner and deadline are edited, and a change meanwhile is a visible conflict', async () => {
    const plan = await client.plan();
    const id11 = byNummer(plan, '1.1').id;
    const rowBefore = plan.domeinVoortgang.find((r) => r.value.actie === '1.1' && r.value.domein === 'Dienstverlening');
    const other =
      plan.users.find((u) => u.id && u.displayName === 'Gemeentesecretaris') ??
      plan.users.find((u) => u.id && !u.displayName.startsWith('Informatiemanager'));
    expect(rowBefore?.value.eigenaar?.displayName).toBe('Informatiemanager Dienstverlening');
    if (!other?.id) throw new Error('no other site user');

    // The informatiemanager of Sociaal Domein owns that domain's row of 1.1, not the action: it is in their Mijn acties.
    const im = await personaContext(browser, UPN.imSociaal);
    const minePage = await im.newPage();
    const mineErrors = watchErrors(minePage);
    await minePage.goto(`${run.appUrl}/#/mijn-acties`);
    await minePage.getByTestId('mijn-acties').waitFor();
    const line = minePage.locator('[data-testid="actie-summary"][data-nummer="1.1"]');
    await expect.poll(() => line.count(), { timeout: WAIT.write }).toBe(1);
    expect(await line.getAttribute('data-domein')).toBe('Sociaal Domein');
    expect(await line.innerText()).toContain('voor Sociaal Domein');
    // Read as "1.1 Vaststellen …", the number and the title apart.
    expect(await line.evaluate((el) => el.textContent ?? '')).toMatch(/^1\.1 \S/);
    expect(mineErrors).toEqual([]);
    await im.close();

    // Dienstverlening's tab: its row gets another owner and its own deadline.
    const dv = await personaContext(browser, UPN.secretaris);
    const page = await dv.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/?domein=Dienstverlening#/lijst?actie=${id11}`);
    const section = page.getByRole('dialog').getByTestId('domein-voortgang');
    const form = section.getByTestId('domein-voortgang-form');
    await form.waitFor();
    await form.getByRole('combobox', { name: 'Eigenaar Dienstverlening' }).selectOption(other.id);
    // The shared Dutch date picker: typed day first, committed on leaving the field.
    await form.getByRole('combobox', { name: 'Deadline Dienstverlening' }).fill('31-3-2027');
    await form.getByRole('combobox', { name: 'Deadline Dienstverlening' }).press('Tab');
    await form.getByRole('button', { name: 'Opslaan voor Dienstverlening' }).click();
    await expect
      .poll(() => form.getByTestId('domein-voortgang-message').innerText(), { timeout: WAIT.write })
      .toBe('De voortgang van Dienstverlening is opgeslagen.');
    await expect
      .poll(async () => (await client.plan()).domeinVoortgang.find((r) => r.id === rowBefore?.id)?.value, {
        timeout: WAIT.write,
      })
      .toMatchObject({
        eigenaar: { id: other.id },
        deadline: '2027-03-31',
      });
    await expect
      .poll(() => section.locator('[data-testid="domein-voortgang-row"][data-domein="Dienstverlening"]').innerText(), {
        timeout: WAIT.write,
      })
      .toContain(`${other.displayName} · 31 mrt 2027`);

    // This page types a reason and a new deadline; someone else meanwhile sets the row to Loopt with a note and
    // another deadline: this page's save meets If-Match and says so, and nothing is written.
    const fresh = await client.plan();
    expect(fresh.domeinVoortgang.find((r) => r.id === rowBefore?.id)?.value.status).toBe('Niet gestart');
    await form.getByTestId('domein-voortgang-toelichting').fill('Wacht op de begroting.');
    await form.getByRole('combobox', { name: 'Deadline Dienstverlening' }).fill('30-6-2027');
    await form.getByRole('combobox', { name: 'Deadline Dienstverlening' }).press('Tab');
    await createDomeinVoortgangStore(client.graph, fresh.siteId, fresh).save(
      byNummer(fresh, '1.1'),
      'Dienstverlening',
      { status: 'Loopt', notitie: 'Elders bijgewerkt.', deadline: '2027-09-30' },
    );
    await form.getByRole('button', { name: 'Opslaan voor Dienstverlening' }).click();
    await expect
      .poll(() => form.getByTestId('domein-voortgang-message').innerText(), { timeout: WAIT.write })
      .toContain('Iemand anders heeft de voortgang van Dienstverlening intussen gewijzigd. Er is niets opgeslagen.');
    const after = (await client.plan()).domeinVoortgang.find((r) => r.id === rowBefore?.id)?.value;
    expect(after).toMatchObject({ status: 'Loopt', deadline: '2027-09-30', notitie: 'Elders bijgewerkt.' });
    expect(after?.statusToelichting).toBeUndefined();
    // With the latest version loaded, what this page typed is still there, and what it did not touch shows the other's
    // change: the status and the note.
    await expect
      .poll(() => form.getByTestId('domein-voortgang-status').inputValue(), { timeout: WAIT.write })
      .toBe('Loopt');
    expect(await form.getByTestId('domein-voortgang-notitie').inputValue()).toBe('Elders bijgewerkt.');
    expect(await form.getByTestId('domein-voortgang-toelichting').inputValue()).toBe('Wacht op de begroting.');
    expect(await form.getByRole('combobox', { name: 'Deadline Dienstverlening' }).inputValue()).toBe('30 jun 2027');
    // The deadline both changed: the form keeps this page's and names theirs.
    expect(await form.getByTestId('domein-voortgang-clash').innerText()).toBe(
      'Ook door de ander gewijzigd; het formulier toont nog wat jij invulde. Hun waarde: Deadline Dienstverlening: “30 sep 2027”. Opslaan zet jouw waarde eroverheen.',
    );
    await saveScreenshot(page, 'domein-voortgang-eigenaar-deadline');
    // Saved again: this page's reason and deadline over the other's status and note, none of theirs lost.
    await form.getByRole('button', { name: 'Opslaan voor Dienstverlening' }).click();
    await expect
      .poll(() => form.getByTestId('domein-voortgang-message').innerText(), { timeout: WAIT.write })
      .toBe('De voortgang van Dienstverlening is opgeslagen.');
    expect(await form.getByTestId('domein-voortgang-clash').count()).toBe(0);
    expect((await client.plan()).domeinVoortgang.find((r) => r.id === rowBefore?.id)?.value).toMatchObject({
      status: 'Loopt',
      statusToelichting: 'Wacht op de begroting.',
      deadline: '2027-06-30',
      notitie: 'Elders bijgewerkt.',
    });
    expect(errors).toEqual([]);
    await dv.close();
  });

  it('a row’s owner edits their own domain’s row from their personal Mijn acties, and its history names them', async () => {
    const plan = await client.plan();
    const row = plan.domeinVoortgang.find((r) => r.value.actie === '1.1' && r.value.domein === 'Fysiek Domein');
    expect(row?.value.eigenaar?.displayName).toBe('Informatiemanager Fysiek Domein');
    const before = row!.value.status;
    const next = before === 'Niet gestart' ? 'Loopt' : 'Afgerond';

    // A personal tab (no domain): Mijn acties lists 1.1 for Fysiek Domein; opening it offers that row's form only.
    const im = await personaContext(browser, IM_FYSIEK);
    const page = await im.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/mijn-acties`);
    const line = page.locator('[data-testid="actie-summary"][data-nummer="1.1"]');
    await expect.poll(() => line.count(), { timeout: WAIT.write }).toBe(1);
    expect(await line.getAttribute('data-domein')).toBe('Fysiek Domein');
    await line.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^1\.1 / }).waitFor({ timeout: WAIT.view });
    const section = dialog.getByTestId('domein-voortgang');
    const form = section.getByTestId('domein-voortgang-form');
    await form.waitFor({ timeout: WAIT.view });
    expect(await section.getByTestId('domein-voortgang-form').count()).toBe(1);
    expect(await form.getAttribute('aria-label')).toBe('Voortgang van Fysiek Domein bijwerken');

    await form.getByRole('combobox', { name: 'Status Fysiek Domein' }).selectOption(next);
    await form.getByRole('button', { name: 'Opslaan voor Fysiek Domein' }).click();
    await expect
      .poll(() => form.getByTestId('domein-voortgang-message').innerText(), { timeout: WAIT.write })
      .toBe('De voortgang van Fysiek Domein is opgeslagen.');
    // Read back through Graph: the row, not the action, holds the new status.
    await expect
      .poll(async () => (await client.plan()).domeinVoortgang.find((r) => r.id === row!.id)?.value.status, {
        timeout: WAIT.write,
      })
      .toBe(next);
    // The tab reads the plan again after the save; once the row shows the new status, the form starts afresh from it
    // (it is keyed by the stored status), and the message is still there to read (it was lost with the old form).
    await expect
      .poll(
        () =>
          section
            .locator('[data-testid="domein-voortgang-row"][data-domein="Fysiek Domein"] [data-status]')
            .getAttribute('data-status'),
        { timeout: WAIT.write },
      )
      .toBe(next);
    expect(await form.getByTestId('domein-voortgang-message').innerText()).toBe(
      'De voortgang van Fysiek Domein is opgeslagen.',
    );

    // The row's history: the newest version is this person's write, with the status change.
    const toggle = section
      .locator('[data-testid="domein-voortgang-row"][data-domein="Fysiek Domein"]')
      .getByRole('button', { name: 'Geschiedenis van Fysiek Domein' });
    await toggle.click();
    const history = section.getByTestId('domein-voortgang-history');
    await expect
      .poll(
        async () =>
          (
            await history
              .locator('li')
              .first()
              .innerText()
              .catch(() => '')
          ).replace(/\s+/g, ' '),
        {
          timeout: WAIT.write,
        },
      )
      .toContain(`Status: ${before} → ${next}`);
    expect(await history.locator('li').first().innerText()).toContain('Informatiemanager Fysiek Domein');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await saveScreenshot(page, 'domein-voortgang-mijn-acties-rij');
    expect(errors).toEqual([]);
    await im.close();
    // Many steps, each a wait on the app; under a loaded CI machine 60 s is too short for the whole walk.
  }, 120_000);

  it('fits the 320-pixel meeting side panel: the owner’s choice stays inside the panel', async () => {
    const id11 = byNummer(await client.plan(), '1.1').id;
    const context = await personaContext(browser, UPN.imSociaal, { width: 320 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/?domein=Sociaal%20Domein#/lijst?actie=${id11}`);
    const owner = page.getByRole('dialog').getByTestId('domein-voortgang-eigenaar');
    await owner.waitFor({ timeout: WAIT.view });
    const [right, panelRight] = await owner.evaluate((e) => [
      e.getBoundingClientRect().right,
      (e.closest('[role="dialog"]') ?? document.body).getBoundingClientRect().right,
    ]);
    expect(right).toBeLessThanOrEqual(panelRight!);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('what was typed in a domain’s row stays as a draft when the panel closes or the page reloads, until it is saved or thrown away', async () => {
    const plan = await client.plan();
    const id11 = byNummer(plan, '1.1').id;
    const stored = plan.domeinVoortgang.find((r) => r.value.actie === '1.1' && r.value.domein === 'Sociaal Domein');
    const { page, dialog, errors } = await openActionDetail(browser, run.appUrl, {
      persona: UPN.imSociaal,
      domein: 'Sociaal Domein',
      actieId: id11,
      nummer: '1.1',
    });
    const notitie = 'Nog te bespreken met de wethouder, niet opgeslagen.';
    const form = () => page.getByRole('dialog').getByTestId('domein-voortgang-form');
    // The site knows SharePoint's own account (it wrote the seed), but it is no one to choose as an owner.
    expect(plan.users.some((u) => u.displayName === 'SharePoint App')).toBe(true);
    const owners = await form().getByTestId('domein-voortgang-eigenaar').locator('option').allInnerTexts();
    expect(owners).toContain('Informatiemanager Sociaal Domein');
    expect(owners).not.toContain('SharePoint App');
    await form().getByRole('textbox', { name: 'Notitie' }).fill(notitie);
    await form().getByRole('textbox', { name: 'Toelichting status Sociaal Domein' }).fill('Wacht op het MT.');
    // The panel closed; meanwhile someone else writes the row's note. Opened again, then after a reload: the typed text
    // is there each time, said to be a draft, and the note that the other changed too is named with their value.
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const fresh = await client.plan();
    await createDomeinVoortgangStore(client.graph, fresh.siteId, fresh).save(byNummer(fresh, '1.1'), 'Sociaal Domein', {
      notitie: 'Besloten in het MT.',
    });
    await page.evaluate((id) => (window.location.hash = `#/lijst?actie=${id}`), id11);
    for (const when of ['opened again', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      await form().waitFor({ timeout: WAIT.view });
      expect(await form().getByRole('textbox', { name: 'Notitie' }).inputValue(), when).toBe(notitie);
      expect(await form().getByRole('textbox', { name: 'Toelichting status Sociaal Domein' }).inputValue(), when).toBe(
        'Wacht op het MT.',
      );
      expect(await form().getByTestId('domein-voortgang-draft').innerText(), when).toContain(
        'Niet opgeslagen wijzigingen voor Sociaal Domein (bewaard als concept).',
      );
      // The tab reads the plan again on the reload; before it, it does not know the other's change yet.
      if (when === 'after a reload')
        await expect
          .poll(() => form().getByTestId('domein-voortgang-clash').innerText())
          .toBe(
            'Ook door de ander gewijzigd; het formulier toont nog wat jij invulde. Hun waarde: Notitie: “Besloten in het MT.”. Opslaan zet jouw waarde eroverheen.',
          );
    }
    // Thrown away: the stored row's values again (the other's note), and no draft after the next reload.
    await form().getByRole('button', { name: 'Concept weggooien' }).click();
    expect(await form().getByRole('textbox', { name: 'Notitie' }).inputValue()).toBe('Besloten in het MT.');
    expect(await form().getByTestId('domein-voortgang-draft').count()).toBe(0);
    await page.reload();
    await form().waitFor({ timeout: WAIT.view });
    expect(await form().getByRole('textbox', { name: 'Notitie' }).inputValue()).toBe('Besloten in het MT.');
    expect(await form().getByTestId('domein-voortgang-draft').count()).toBe(0);
    // Nothing of this person's reached SharePoint: the row holds the other's note and the explanation it had.
    const after = (await client.plan()).domeinVoortgang.find((r) => r.id === stored?.id);
    expect(after?.value.notitie).toBe('Besloten in het MT.');
    expect(after?.value.statusToelichting).toBe(stored?.value.statusToelichting);
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('warns, as the action’s own form does, when the browser refuses to keep a domain row’s draft', async () => {
    const id11 = byNummer(await client.plan(), '1.1').id;
    const { page, dialog, errors } = await openActionDetail(browser, run.appUrl, {
      persona: UPN.imSociaal,
      domein: 'Sociaal Domein',
      actieId: id11,
      nummer: '1.1',
    });
    // Storage full or blocked for drafts (a browser policy, a full quota): every draft write throws.
    await refuseStorage(page, ['actieplan.domein-concept', 'actieplan.concept']);
    const form = dialog.getByTestId('domein-voortgang-form');
    const blocked = form.getByTestId('domein-voortgang-draft-blocked');
    expect(await blocked.count()).toBe(0);
    const storedNote = await form.getByRole('textbox', { name: 'Notitie' }).inputValue();
    await form.getByRole('textbox', { name: 'Notitie' }).fill('Getypt terwijl de browser niets mag bewaren.');
    await expect
      .poll(() => blocked.innerText())
      .toBe('De browser staat het bewaren van een concept niet toe: sla op voordat je de pagina sluit.');
    // The text stays in the form; set back to the stored note, there is nothing to keep and no warning.
    expect(await form.getByRole('textbox', { name: 'Notitie' }).inputValue()).toBe(
      'Getypt terwijl de browser niets mag bewaren.',
    );
    await form.getByRole('textbox', { name: 'Notitie' }).fill(storedNote);
    await expect.poll(() => blocked.count()).toBe(0);
    // The action's own form says the same when its draft is refused.
    const warning = dialog.getByText(
      'De browser staat het bewaren van een concept niet toe: sla op voordat je de pagina sluit.',
    );
    const titel = dialog.getByRole('textbox', { name: 'Titel' });
    await titel.fill(`${await titel.inputValue()} (aangepast)`);
    await expect.poll(() => warning.count()).toBe(1);
    expect(await blocked.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('Opslaan with nothing changed writes nothing: no new version of the row, no row where there was none', async () => {
    const plan = await client.plan();
    const actie = plan.acties.find(
      (a) =>
        a.value.domeinen.length > 1 &&
        a.value.domeinen.includes('Sociaal Domein') &&
        !a.value.vervallen &&
        a.value.nummer !== '1.1',
    );
    if (!actie) throw new Error('The seeded plan has no other shared action of Sociaal Domein');
    const rowOf = (p: typeof plan) =>
      p.domeinVoortgang.find((r) => r.value.actie === actie.value.nummer && r.value.domein === 'Sociaal Domein');
    const before = rowOf(plan);
    const { page, dialog, errors } = await openActionDetail(browser, run.appUrl, {
      persona: UPN.imSociaal,
      domein: 'Sociaal Domein',
      actieId: actie.id,
      nummer: actie.value.nummer,
    });
    const form = dialog.getByTestId('domein-voortgang-form');
    await form.getByRole('button', { name: 'Opslaan voor Sociaal Domein' }).click();
    await expect.poll(() => form.getByTestId('domein-voortgang-message').innerText()).toBe('Er is niets gewijzigd.');
    // Typing takes the message away; spaces after the note are no change either.
    const notitie = form.getByRole('textbox', { name: 'Notitie' });
    await notitie.fill(`${await notitie.inputValue()}  `);
    expect(await form.getByTestId('domein-voortgang-message').count()).toBe(0);
    await form.getByRole('button', { name: 'Opslaan voor Sociaal Domein' }).click();
    await expect.poll(() => form.getByTestId('domein-voortgang-message').innerText()).toBe('Er is niets gewijzigd.');
    const after = await client.plan();
    expect(after.domeinVoortgang).toHaveLength(plan.domeinVoortgang.length);
    expect(rowOf(after)?.eTag).toBe(before?.eTag);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
