/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgenderingenStore } from '../../src/data/agenderingen-store.js';
import { sendBatch } from '../../src/data/graph/batch.js';
import { PLAN_LISTS } from '../../src/data/plan-transfer.js';
import { listPath } from '../../src/data/site.js';
import { AGENDERING_MAX } from '../../src/domain/agendering.js';
import { westerveldSheets, westerveldWorkbook, workbookBytes } from '../fixtures/westerveld-plan.js';
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

/** The action's detail in the English UI, in an MT's tab (Sociaal Domein's unless told). */
async function openEnglishDetail(nummer: string, domein = 'Sociaal Domein') {
  const id = byNummer(await client.plan(), nummer).id;
  const context = await personaContext(browser, UPN.imSociaal, { locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/?domein=${encodeURIComponent(domein)}#/lijst?actie=${id}`);
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

  it('the history of an action reads in English: field names and stored values in the UI’s words', async () => {
    const plan = await client.plan();
    const actie = byNummer(plan, '1.2');
    // Someone changes 1.2 (the CMT's) in SharePoint: a status with its explanation, and a deadline.
    await client.graph.patch(`/sites/${plan.siteId}/lists/Acties/items/${actie.id}/fields`, {
      Status: 'Geblokkeerd',
      StatusToelichting: 'Wacht op budget',
    });
    const { context, dialog, errors } = await openEnglishDetail('1.2', 'Concern');
    const history = dialog.getByTestId('history');
    await expect.poll(() => history.innerText(), { timeout: 15_000 }).toContain('Status: Not started → Blocked');
    const text = await history.innerText();
    expect(text).toContain('Status explanation: Wacht op budget');
    // Dutch field names and status values the history would show untranslated: none (the typed text is data).
    expect(text.replace('Wacht op budget', '')).not.toMatch(
      /Niet gestart|Geblokkeerd|Toelichting|Eigenaar|Onbekende gebruiker|ongeldige datum|\b(ja|nee)\b/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the portfolio says its phases and statuses in English, in the table and grouped', async () => {
    const context = await personaContext(browser, UPN.portfolio, { locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/portfolio`);
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor({ timeout: 30_000 });
    // The phase and status cells (the 4th and 5th), as the UI says them: never the list's Dutch choice values.
    const cells = await rows.evaluateAll((all) =>
      all.map((r) =>
        Array.from(r.querySelectorAll('[role="cell"], td'))
          .slice(3, 5)
          .map((c) => c.textContent ?? ''),
      ),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const [fase, status] of cells) {
      expect(['Idea', 'Preparation', 'Execution', 'Aftercare', 'Completed', 'Stopped']).toContain(fase);
      expect(['On track', 'Needs attention', 'Critical']).toContain(status);
    }
    await page.getByRole('group', { name: 'Group by' }).getByRole('button', { name: 'Status' }).click();
    const groups = await page.getByTestId('portfolio-group').allInnerTexts();
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g).toMatch(/^(On track|Needs attention|Critical) \(\d+\)$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the history of a portfolio item says the list's phase, status and quarter choice in English", async () => {
    const plan = await client.plan();
    const items = await client.graph.get<{ value: { id: string; fields: Record<string, unknown> }[] }>(
      `/sites/${plan.siteId}/lists/Portfolio/items?$expand=fields&$top=999`,
    );
    const item = items.value.find((i) => i.fields.ClientKey === 'burgerportaal');
    if (!item) throw new Error('the seeded portfolio has no burgerportaal');
    const before = { fase: String(item.fields.Fase), status: String(item.fields.Status) };
    const fase = before.fase === 'Nazorg' ? 'Gestopt' : 'Nazorg';
    const status = before.status === 'Kritiek' ? 'Aandacht' : 'Kritiek';
    const ditKwartaal = item.fields.DitKwartaal === 'wel' ? 'niet' : 'wel';
    // Someone changes the initiative in SharePoint: its phase, status and quarter choice (the list's Dutch values).
    await client.graph.patch(`/sites/${plan.siteId}/lists/Portfolio/items/${item.id}/fields`, {
      Fase: fase,
      Status: status,
      DitKwartaal: ditKwartaal,
    });
    const english: Record<string, string> = {
      Idee: 'Idea',
      Voorbereiding: 'Preparation',
      Uitvoering: 'Execution',
      Nazorg: 'Aftercare',
      Afgerond: 'Completed',
      Gestopt: 'Stopped',
      'Op koers': 'On track',
      Aandacht: 'Needs attention',
      Kritiek: 'Critical',
      wel: 'yes',
      niet: 'no',
    };
    const context = await personaContext(browser, UPN.portfolio, { locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/portfolio`);
    await page.locator('[data-testid="portfolio-row"][data-key="burgerportaal"]').getByRole('link').click();
    const history = page.getByTestId('portfolio-detail').getByTestId('portfolio-history');
    const latest = history.locator(':scope > li').first();
    await expect
      .poll(() => latest.innerText(), { timeout: 15_000 })
      .toContain(`Status: ${english[before.status]} → ${english[status]}`);
    const text = await latest.innerText();
    expect(text).toContain(`Phase: ${english[before.fase]} → ${english[fase]}`);
    expect(text).toContain(
      `This quarter: ${english[ditKwartaal === 'wel' ? 'niet' : 'wel']} → ${english[ditKwartaal]}`,
    );
    expect(text).not.toMatch(
      /Idee|Voorbereiding|Uitvoering|Nazorg|Afgerond|Gestopt|Op koers|Aandacht|Kritiek|\bwel\b|\bniet\b/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the portfolio import dialog says every row problem in English', async () => {
    const context = await personaContext(browser, UPN.portfolio, { locale: 'en-GB' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${run.appUrl}/#/portfolio`);
    await page.getByTestId('portfolio-view').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByTestId('import-dialog');
    const csv = [
      'Initiatief;Domein;Opdrachtgever;Start;Einde;Acties',
      'E2E onbekend;Concern;Iemand Anders;31-2-2027;;1.1',
      'E2E datums;Concern;;2027-06-01;2027-01-01;9.9',
    ].join('\n');
    await dialog
      .getByTestId('import-file')
      .setInputFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Dry run' }).click();
    const problems = dialog.locator('[data-testid="dry-run-problems"]');
    await problems.waitFor({ timeout: 15_000 });
    const row2 = await problems.locator('tr[data-row="2"]').allInnerTexts();
    const row3 = await problems.locator('tr[data-row="3"]').allInnerTexts();
    expect(row2.join('\n')).toContain('Unknown person "Iemand Anders"');
    expect(row2.join('\n')).toContain('The start date is not a valid date (yyyy-mm-dd).');
    expect(row3.join('\n')).toContain('The end date cannot be before the start date.');
    expect(row3.join('\n')).toContain(
      'Portfolio item "E2E datums" is linked to action 9.9, but that action does not exist.',
    );
    // Only the valid values and the file's own texts stay Dutch.
    expect((await problems.innerText()).replace(/Valid values: [^\n]*\./g, '')).not.toMatch(
      /Onbekende persoon|geen geldige datum|mag niet voor|bestaat niet|Kies |Verwijder of corrigeer|ongeldige datum/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'the main views in English: no Dutch UI word in the labels, buttons, headers and messages (the plan’s own texts aside)',
    { timeout: 240_000 },
    async () => {
      const plan = await client.plan();
      // The plan's own texts are Dutch data (the seeds), not the UI's words: stripped before the check.
      const data = [
        ...plan.acties.flatMap((a) => [a.value.titel, a.value.statusToelichting ?? '', a.value.planning ?? '']),
        ...plan.adviezen.map((a) => a.value.titel),
      ]
        .filter((x) => x.trim().length > 3)
        .sort((a, b) => b.length - a.length);
      const context = await personaContext(browser, UPN.secretaris, { locale: 'en-GB' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      /** The UI's own words on the page: buttons, tabs, labels, column headers, message bars and alerts. */
      const chrome = async () => {
        const texts = await page.evaluate(() =>
          Array.from(
            document.querySelectorAll(
              'button, [role="tab"], label, legend, th, [role="columnheader"], .fui-MessageBar, [role="alert"], [role="status"]',
            ),
            (e) => (e as HTMLElement).innerText,
          ),
        );
        let text = texts.join('\n');
        for (const d of data) text = text.split(d).join(' ');
        return text;
      };
      const DUTCH =
        /\b(Opslaan|Annuleren|Sluiten|Bewerken|Verwijderen|Niet gestart|Geblokkeerd|Afgerond|Loopt|Toelichting|Eigenaar|Vervallen|Opnieuw proberen|mislukt|ongeldig|ongeldige|Gebruiker|Onbekende|Geen eigenaar|Zoeken|Nieuwe actie|Filteren|Alle domeinen|Exporteren|Importeren)\b/;
      const views = [
        'roadmap',
        'lijst',
        'mijn-acties',
        'portfolio',
        'voortgang',
        'besluiten',
        'instellingen',
        'vergadering',
      ];
      for (const view of views) {
        await page.goto(`${run.appUrl}/index.html?domein=Concern#/${view}`);
        await page.waitForLoadState('networkidle');
        await page.getByRole('main').first().waitFor({ timeout: 30_000 });
        // Loaded: no spinner or skeleton left.
        await expect
          .poll(() => page.locator('.fui-Spinner, .fui-Skeleton, [aria-busy="true"]').count(), { timeout: 30_000 })
          .toBe(0);
        const text = await chrome();
        expect(text.match(DUTCH)?.[0], `${view}: ${text.slice(0, 2000)}`).toBeUndefined();
      }
      // An action's detail with its history.
      const actie = byNummer(plan, '1.1');
      await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst?actie=${actie.id}`);
      await page.getByRole('dialog').getByTestId('history').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const detail = await chrome();
      expect(detail.match(DUTCH)?.[0], `detail: ${detail.slice(0, 2000)}`).toBeUndefined();
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'the plan import: the Inrichting sheet’s faults, and on a site with a set-up of its own the refusal, in English; nothing written',
    { timeout: 240_000 },
    async () => {
      // Empty the plan's lists; the site keeps its own set-up (Zoetermeer's, in the Inrichting list).
      const { siteId } = await client.plan();
      for (const list of [...PLAN_LISTS].reverse()) {
        const items = await client.graph.getAll<{ id: string }>(`${listPath(siteId, list)}/items?$select=id&$top=999`);
        await sendBatch(
          client.graph,
          items.map((item, i) => ({
            id: `d${i}`,
            method: 'DELETE' as const,
            url: `${listPath(siteId, list)}/items/${item.id}`,
          })),
        );
      }
      const context = await personaContext(browser, UPN.secretaris, { locale: 'en-GB' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${run.appUrl}/index.html?domein=Concern#/lijst`);
      await page.getByTestId('import-plan').click({ timeout: 30_000 });
      const dialog = page.getByTestId('import-plan-dialog');
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      // First a set-up with two faults of its own: a second municipality and a domain twice (in another case).
      const broken = westerveldSheets().map((sheet) =>
        sheet.name === 'Inrichting'
          ? {
              ...sheet,
              rows: [
                ...sheet.rows,
                ['Gemeente', 'Gemeente Havelte', null, null, null],
                ['Domein', 'ruimte', null, null, null],
              ],
            }
          : sheet,
      );
      await dialog.getByTestId('import-plan-file').setInputFiles({
        name: 'westerveld-broken.xlsx',
        mimeType: xlsx,
        buffer: Buffer.from(await workbookBytes(broken)),
      });
      const problemRows = dialog.getByTestId('import-plan-problem');
      await expect.poll(() => problemRows.allInnerTexts(), { timeout: 30_000 }).toHaveLength(2);
      const said = (await problemRows.allInnerTexts()).map((row) => row.replace(/^.*\t/, '')).sort();
      expect(said).toEqual([
        "Domain 'ruimte' is in the set-up more than once.",
        'The set-up names more than one municipality (Gemeente Westerveld, Gemeente Havelte); there should be one.',
      ]);
      expect(await dialog.innerText()).not.toMatch(/in Dutch|staat meer dan|noemt meer dan|er hoort er/);
      // Westerveld's workbook, with its own set-up on the Inrichting sheet: the dry run is clean.
      await dialog.getByTestId('import-plan-file').setInputFiles({
        name: 'westerveld.xlsx',
        mimeType: xlsx,
        buffer: Buffer.from(await westerveldWorkbook()),
      });
      await expect
        .poll(() => dialog.getByTestId('import-plan-ready').innerText(), { timeout: 30_000 })
        .toMatch(
          /^Dry run without problems\s*To import: 3 recommendations, \d+ findings, \d+ actions and \d+ rows per domain\./,
        );
      await dialog.getByTestId('import-plan-apply').click();
      const error = dialog.getByTestId('import-plan-error');
      await expect
        .poll(() => error.innerText(), { timeout: 60_000 })
        .toBe(
          'This site already has a set-up of its own (Gemeente Zoetermeer) that differs from the one on the Inrichting sheet; change the Inrichting list or the file. Nothing was saved.',
        );
      expect(await dialog.innerText()).not.toMatch(
        /Deze site heeft|inrichting \(|Er is niets opgeslagen|probleem\/problemen/,
      );
      expect((await client.plan()).acties).toHaveLength(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
