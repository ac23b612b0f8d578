/// <reference lib="dom" />
/**
 * Issue 12.8 through the tab: another municipality's plan (the made-up Westerveld of tests/fixtures/westerveld-plan.ts,
 * with its own set-up: six domains with "Gemeentebreed" as the CMT's, themes S and L, three plateaus) on a site of
 * its own. The shared e2e run keeps Zoetermeer's set-up; this file starts its own run without seeding and imports
 * Westerveld's workbook through the plan import, as a new municipality would.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraph, type Graph } from '../../src/data/graph/client.js';
import { createClientCredentialsTokenSource } from '../../src/data/graph/token-source.js';
import { fieldsExpand, SITE_USERS_LIST, type ListItem } from '../../src/data/lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from '../../src/data/lists/site-users.js';
import { inrichtingFieldNames, itemsToRawInrichting, INRICHTING_FIELDS } from '../../src/data/lists/inrichting.js';
import { createMtsStore } from '../../src/data/mts-store.js';
import { dryRunPlanImport } from '../../src/data/plan-import.js';
import { loadPlan } from '../../src/data/plan-store.js';
import { applyPlanImport } from '../../src/data/plan-transfer.js';
import { readPlanXlsx } from '../../src/data/plan-xlsx.js';
import { listPath, resolveSite } from '../../src/data/site.js';
import { checkInrichting } from '../../src/domain/inrichting.js';
import { ZOETERMEER_INRICHTING } from '../../src/domain/inrichting-basis.js';
import { startTestRun } from '../support/local-run.js';
import { WESTERVELD_INRICHTING, westerveldWorkbook } from '../fixtures/westerveld-plan.js';
import { sharedBrowser } from './support/shared-run.js';
import { personaContext, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let own: Awaited<ReturnType<typeof startTestRun>>;
let browser: Browser;
let graph: Graph;
let siteId: string;

const DOMEINEN = WESTERVELD_INRICHTING.domeinen.map((d) => d.naam);

beforeAll(async () => {
  own = await startTestRun({}, { seed: false });
  browser = await sharedBrowser();
  graph = createGraph({
    graphBaseUrl: own.sandbox.graphUrl,
    tokens: createClientCredentialsTokenSource({
      tokenUrl: own.sandbox.tokenUrl,
      clientId: 'sandbox-app',
      clientSecret: 'sandbox-secret',
    }),
  });
  siteId = (await resolveSite(graph, own.sandbox.siteUrl)).id;
  const users = (
    await graph.getAll<ListItem>(
      `${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}&$top=999`,
    )
  ).map(toSiteUser);
  const dryRun = dryRunPlanImport(await readPlanXlsx(await westerveldWorkbook()), { users });
  expect(dryRun.problems).toEqual([]);
  await applyPlanImport(graph, siteId, dryRun);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await own?.close();
});

describe("Westerveld's plan in the tab, on a site of its own", () => {
  it(
    "the header, the roadmap, the list's filter, Nieuwe actie, a new MT and the plateau gate follow Westerveld's set-up; an action saves with a Westerveld domain",
    { timeout: 240_000 },
    async () => {
      const context = await personaContext(browser, UPN.secretaris);
      const page = await context.newPage();
      const errors = watchErrors(page);

      // The CMT's tab of Westerveld: its domain of the whole organisation.
      await page.goto(`${own.appUrl}/index.html?domein=Gemeentebreed#/roadmap`);
      await page.getByTestId('roadmap-card').first().waitFor({ timeout: WAIT.view });
      const options = await page.getByTestId('domein-choice').locator('option').allInnerTexts();
      expect(options.slice(1)).toEqual(DOMEINEN);
      const columns = await page.locator('[data-testid="roadmap"] > div > h3').allInnerTexts();
      // The column heads are numbered ("1. Basis op orde"); the rows' heads are the themes ("S. Sturing").
      expect(columns.map((c) => c.trim()).filter((c) => /^\d+\. /.test(c))).toEqual([
        '1. Basis op orde',
        '2. Doorontwikkelen',
        '3. Voorop lopen',
      ]);
      expect(columns.map((c) => c.trim()).filter((c) => !/^\d+\. /.test(c))).toEqual([
        'Thema S · Sturing',
        'Thema L · Leren',
      ]);

      // The list of every domain: the domain filter offers Westerveld's domains.
      await page.goto(`${own.appUrl}/index.html?domein=#/lijst`);
      await page.getByTestId('actie-row').first().waitFor({ timeout: WAIT.view });
      // The list's own filter (in its search and filter bar), not the header's domain choice.
      await page.getByRole('search').getByRole('combobox', { name: 'Domein' }).click();
      await expect.poll(() => page.locator('.fui-Listbox .fui-Option').allInnerTexts()).toEqual(DOMEINEN);
      await page.keyboard.press('Escape');

      // Nieuwe actie in the CMT's tab: Westerveld's domains, starting on Gemeentebreed.
      await page.goto(`${own.appUrl}/index.html?domein=Gemeentebreed#/lijst`);
      await page.getByTestId('actie-row').first().waitFor({ timeout: WAIT.view });
      await page.getByTestId('nieuwe-actie-button').click();
      const dialog = page.getByTestId('nieuwe-actie');
      await dialog.getByRole('combobox', { name: 'Advies' }).selectOption('2');
      const boxes = dialog.getByRole('group', { name: /Domeinen/ }).getByRole('checkbox');
      await expect.poll(async () => (await boxes.all()).length).toBe(DOMEINEN.length);
      await expect(dialog.getByRole('checkbox', { name: 'Gemeentebreed' }).isChecked()).resolves.toBe(true);
      await dialog.getByRole('checkbox', { name: 'Gemeentebreed' }).uncheck();
      await dialog.getByRole('checkbox', { name: 'Ruimte' }).check();
      await dialog.getByRole('textbox', { name: 'Titel' }).fill('Applicatie-eigenaren per domein benoemen');
      await dialog.getByRole('button', { name: 'Toevoegen' }).click();
      await page
        .getByRole('dialog')
        .getByRole('heading', { name: /^2\.3 · / })
        .waitFor({ timeout: WAIT.write });

      const saved = (await loadPlan(graph, siteId)).acties.find((a) => a.value.nummer === '2.3');
      expect(saved?.value).toMatchObject({ advies: 2, plateau: 'Doorontwikkelen', domeinen: ['Ruimte'] });
      expect(saved?.problems).toEqual([]);

      // Instellingen: a new MT's domains are Westerveld's, in the set-up's order.
      await page.goto(`${own.appUrl}/index.html?domein=Gemeentebreed#/instellingen`);
      await page.getByTestId('mt-add').click();
      const form = page.getByRole('form', { name: 'Nieuw MT' });
      const mtBoxes = form.getByRole('group', { name: 'Domeinen' }).getByRole('checkbox');
      await expect.poll(async () => (await mtBoxes.all()).length).toBe(DOMEINEN.length);
      const labels = await mtBoxes.evaluateAll((boxes) =>
        boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim()),
      );
      expect(labels).toEqual(DOMEINEN);

      // Voortgang: the plateau gate is between Westerveld's first and last plateau, and names them.
      await page.goto(`${own.appUrl}/index.html?domein=Gemeentebreed#/voortgang`);
      const sentence = page.getByTestId('plateau-gate').getByTestId('gate-sentence');
      await sentence.waitFor({ timeout: WAIT.view });
      const zin = await sentence.innerText();
      expect(zin).toMatch(/^Basis op orde is /);
      expect(zin).toContain('Voorop lopen');
      expect(zin).not.toMatch(/Randvoorwaardelijk|Excelleren/);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
  it(
    "the configuration page offers Westerveld's domains, with Gemeentebreed as the CMT's, read from the site's set-up",
    { timeout: 120_000 },
    async () => {
      const context = await personaContext(browser, UPN.secretaris);
      const page = await context.newPage();
      const errors = watchErrors(page);
      // A link of Zoetermeer's (Sociaal Domein) is no choice on this site.
      await page.goto(`${own.appUrl}/index.html?domein=${encodeURIComponent('Sociaal Domein')}#/config`);
      const radios = page.getByTestId('config-page').getByRole('radiogroup').first().getByRole('radio');
      await expect.poll(async () => (await radios.all()).length, { timeout: WAIT.view }).toBe(DOMEINEN.length);
      const labels = await radios.evaluateAll((inputs) =>
        inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()),
      );
      expect(labels).toEqual(
        DOMEINEN.map((d) => (d === 'Gemeentebreed' ? 'CMT (Gemeentebreed, de hele organisatie)' : `MT ${d}`)),
      );
      await expect(page.getByTestId('config-setup-fallback').count()).resolves.toBe(0);
      await expect(page.getByTestId('config-preview').count()).resolves.toBe(0);
      await page.getByRole('radio', { name: 'MT Ruimte' }).check();
      await expect(page.getByTestId('config-preview').innerText()).resolves.toContain('Actieplan Ruimte');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "the configuration page, when the site's set-up cannot be read, offers Zoetermeer's domains with a warning, and 'Opnieuw lezen' reads Westerveld's",
    { timeout: 120_000 },
    async () => {
      const context = await personaContext(browser, UPN.secretaris);
      const page = await context.newPage();
      const errors = watchErrors(page);
      // The page's read of the Inrichting list fails on the wire; nothing else is touched.
      await page.route('**/lists/Inrichting/items**', (route) => route.abort('connectionreset'));
      await page.goto(`${own.appUrl}/index.html#/config`);
      const fallback = page.getByTestId('config-setup-fallback');
      await fallback.waitFor({ timeout: WAIT.view });
      await expect(fallback.innerText()).resolves.toContain('De inrichting van deze site kon niet worden gelezen');
      const radios = page.getByTestId('config-page').getByRole('radiogroup').first().getByRole('radio');
      const labels = () =>
        radios.evaluateAll((inputs) =>
          inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()),
        );
      await expect(labels()).resolves.toEqual(
        ZOETERMEER_INRICHTING.domeinen.map(({ naam, concern }) =>
          concern ? `CMT (${naam}, de hele organisatie)` : `MT ${naam}`,
        ),
      );

      await page.unroute('**/lists/Inrichting/items**');
      await fallback.getByRole('button', { name: 'Opnieuw lezen' }).click();
      await expect
        .poll(labels, { timeout: WAIT.view })
        .toEqual(DOMEINEN.map((d) => (d === 'Gemeentebreed' ? 'CMT (Gemeentebreed, de hele organisatie)' : `MT ${d}`)));
      await expect(fallback.count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'a Beheerder on a site whose Inrichting list is unusable sees each fault; someone else does not see the warning',
    { timeout: 120_000 },
    async () => {
      const users = (
        await graph.getAll<ListItem>(
          `${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}&$top=999`,
        )
      ).map(toSiteUser);
      const secretaris = users.find((u) => u.email === UPN.secretaris);
      const hr = users.find((u) => u.email === UPN.hr);
      expect(secretaris?.id).toBeDefined();
      expect(hr?.id).toBeDefined();
      // An MT with the secretaris as its Beheerder, while the set-up is still sound (the store keeps that set-up).
      const mts = createMtsStore(graph, siteId);
      const mtRuimte = await mts.create('mt-ruimte', {
        naam: 'MT Ruimte',
        domeinen: ['Ruimte'],
        beheerders: [secretaris?.id ?? ''],
      });
      // Then a Beheerder's mistakes in SharePoint: a second domain of the whole organisation, and Ruimte twice.
      const lijst = `${listPath(siteId, 'Inrichting')}/items`;
      const items = await graph.getAll<ListItem>(`${lijst}?$expand=${fieldsExpand(inrichtingFieldNames)}&$top=999`);
      const samenleving = items.find(
        (i) => i.fields[INRICHTING_FIELDS.soort] === 'Domein' && i.fields[INRICHTING_FIELDS.naam] === 'Samenleving',
      );
      await graph.patch(`${lijst}/${samenleving?.id}/fields`, { [INRICHTING_FIELDS.heleOrganisatie]: true });
      await graph.post(lijst, {
        fields: {
          [INRICHTING_FIELDS.soort]: 'Domein',
          [INRICHTING_FIELDS.naam]: 'Ruimte',
          [INRICHTING_FIELDS.volgorde]: 99,
          [INRICHTING_FIELDS.sleutel]: 'domein:99',
        },
      });
      const broken = checkInrichting(
        itemsToRawInrichting(
          await graph.getAll<ListItem>(`${lijst}?$expand=${fieldsExpand(inrichtingFieldNames)}&$top=999`),
        ),
      );
      expect(broken.ok).toBe(false);
      const faults = broken.ok ? [] : broken.problemen.map((p) => p.melding);
      expect(faults).toHaveLength(2);

      const context = await personaContext(browser, UPN.secretaris);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${own.appUrl}/index.html?domein=Ruimte#/roadmap`);
      const warning = page.getByTestId('inrichting-ongeldig');
      await warning.getByRole('listitem').first().waitFor({ timeout: WAIT.view });
      await expect(warning.innerText()).resolves.toContain('De inrichting van deze site is niet bruikbaar');
      await expect(warning.getByRole('listitem').allInnerTexts()).resolves.toEqual(faults);
      expect(faults.some((f) => f.includes("'Ruimte'"))).toBe(true);
      expect(faults.some((f) => /\b2\b/.test(f))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();

      // Not a Beheerder of any MT: the plan shows, without the warning. Who is a Beheerder is known once the MT
      // registrations are read, so the absence is checked after that answer, not only after the network went quiet.
      const other = await personaContext(browser, UPN.hr);
      const otherPage = await other.newPage();
      const otherErrors = watchErrors(otherPage);
      const registrations = () =>
        otherPage.waitForResponse((r) => r.url().includes('/lists/MTs/items') && r.ok(), { timeout: WAIT.view });
      let read = registrations();
      await otherPage.goto(`${own.appUrl}/index.html?domein=Ruimte#/roadmap`);
      await read;
      await otherPage.getByTestId('domein-choice').waitFor({ timeout: WAIT.view });
      await otherPage.waitForLoadState('networkidle');
      await expect(otherPage.getByTestId('inrichting-ongeldig').count()).resolves.toBe(0);

      // The same person on the same page, once made a Beheerder of MT Ruimte, does see it: the absence above was
      // the role's, not a page that had not finished.
      await mts.update(mtRuimte, { beheerders: [secretaris?.id ?? '', hr?.id ?? ''] });
      read = registrations();
      await otherPage.reload();
      await read;
      const otherWarning = otherPage.getByTestId('inrichting-ongeldig');
      await otherWarning.getByRole('listitem').first().waitFor({ timeout: WAIT.view });
      await expect(otherWarning.getByRole('listitem').allInnerTexts()).resolves.toEqual(faults);
      expect(otherErrors).toEqual([]);
      await other.close();
    },
  );
});
