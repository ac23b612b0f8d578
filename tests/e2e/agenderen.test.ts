/// <reference lib="dom" />
/**
 * Escalation to the CMT in the browser (issue 12, point 6): MT Sociaal Domein puts action 1.1 on the CMT's agenda
 * from the action's detail in its own tab, with a required reason; the CMT's card (the preview, `npm run reminders --
 * --mt cmt --preview`) lists it under "Geagendeerd door de MT's"; the CMT ticks it in its meeting side panel with a
 * decision, and it leaves the panel and the card.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBesluitenStore } from '../../src/data/besluiten-store.js';
import { createAgenderingenStore } from '../../src/data/agenderingen-store.js';
import { saveScreenshot } from './support/browser.js';
import type { TestHost } from './support/host-server.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { cardPreview } from './support/card.js';
import { byNummer, openActionDetail, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;
let client: OtherClient;

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, client, host } = file);
  return file.close;
});

/** The card the CMT would get now (`npm run reminders -- --mt cmt --preview`): same code path, read only. */
const cmtCardPreview = () => cardPreview(client, run.appUrl, 'cmt');

async function stored() {
  const plan = await client.plan();
  return createAgenderingenStore(client.graph, plan.siteId, plan).all();
}

/** The CMT's meeting side panel for its meeting, as the gemeentesecretaris, in the test host. */
async function openCmtPanel(): Promise<{ panelPage: Page; panelErrors: string[]; tab: FrameLocator }> {
  const panelPage = await browser.newPage({ viewport: { width: 480, height: 900 } });
  const panelErrors = watchErrors(panelPage);
  await panelPage.goto(
    host.url(`${run.appUrl}/index.html?vergadering=${encodeURIComponent(CMT_MEETING)}#/roadmap`, {
      frameContext: 'sidePanel',
      upn: UPN.gemeentesecretaris,
    }),
  );
  return { panelPage, panelErrors, tab: panelPage.frameLocator('#tab') };
}

// The CMT meets on Tuesdays at 09:00 Amsterdam time.
const CMT_MEETING = '2026-12-08T08:00:00.000Z';
const REDEN = 'Het besluit over de roadmap blijft **hangen** [zie](http://x.example) <b>';

describe('"Agenderen in CMT" from a domain to the CMT and back', () => {
  it('MT Sociaal Domein escalates 1.1; the CMT card shows it; the CMT ticks it in its side panel and it leaves', async () => {
    const id11 = byNummer(await client.plan(), '1.1').id;

    // 1. MT Sociaal Domein's tab: the detail of 1.1, "Agenderen in CMT" with a required reason.
    const { page, dialog, errors } = await openActionDetail(browser, run.appUrl, {
      persona: UPN.imSociaal,
      domein: 'Sociaal Domein',
      actieId: id11,
      nummer: '1.1',
    });
    const section = dialog.getByTestId('agenderen');
    // The report's words, quoted with their passages.
    await expect
      .poll(() => section.innerText())
      .toContain('zorgt voor voortgangsbewaking” (organisatieafspraken van de gemeente)');
    expect(await section.innerText()).toContain(
      'dat het niet of te laat wordt voorgelegd aan de leidinggevenden (escaleren)”',
    );
    await section.getByRole('button', { name: 'Agenderen in CMT' }).click();
    await section.getByRole('button', { name: 'Agenderen', exact: true }).click();
    await expect.poll(() => section.getByTestId('agenderen-message').innerText()).toContain('Geef een reden');
    expect(await stored()).toEqual([]);
    await section.getByRole('textbox', { name: /Reden/ }).fill(REDEN);
    expect(await seriousViolations(page), 'the escalation form').toEqual([]);
    await section.getByRole('button', { name: 'Agenderen', exact: true }).click();
    await expect
      .poll(() => section.getByTestId('agenderen-message').innerText(), { timeout: WAIT.write })
      .toBe('Actie 1.1 staat nu op de agenda van het CMT (voor Sociaal Domein).');
    await expect
      .poll(() => section.getByTestId('agenderen-open').innerText(), { timeout: WAIT.write })
      .toContain(`Reden: ${REDEN}`);
    await saveScreenshot(page, 'agenderen-sociaal');
    expect(errors).toEqual([]);
    await page.context().close();

    const [item] = await stored();
    expect(item?.value).toMatchObject({
      actie: '1.1',
      domein: 'Sociaal Domein',
      reden: REDEN,
      besproken: false,
      door: { displayName: 'Informatiemanager Sociaal Domein' },
    });

    // 2. The CMT's card: "Geagendeerd door de MT's", the reason escaped.
    const before = await cmtCardPreview();
    expect(before.agenda.geagendeerd).toMatchObject([
      { nummer: '1.1', domein: 'Sociaal Domein', door: 'Informatiemanager Sociaal Domein', reden: REDEN },
    ]);
    const json = JSON.stringify(before.card);
    expect(json).toContain("Geagendeerd door de MT's (1)");
    expect(json).toContain('Reden: Het besluit over de roadmap blijft \\\\*\\\\*hangen\\\\*\\\\*');
    expect(json).not.toContain('[zie](http');

    // 3. The CMT's side panel for its meeting: the item, ticked with a decision; it leaves.
    const { panelPage, panelErrors, tab } = await openCmtPanel();
    const geagendeerd = tab.getByTestId('geagendeerd');
    await geagendeerd.waitFor({ timeout: WAIT.view });
    expect(await geagendeerd.innerText()).toContain("Geagendeerd door de MT's (1)");
    const row = geagendeerd.getByTestId('geagendeerd-item');
    expect(await row.innerText()).toContain('Sociaal Domein · door Informatiemanager Sociaal Domein · sinds');
    expect(await row.innerText()).toContain(`Reden: ${REDEN}`);
    await row.getByRole('textbox', { name: /Besluit CMT bij 1\.1/ }).fill('Roadmap in januari vaststellen');
    await saveScreenshot(panelPage, 'agenderen-cmt-panel');
    // The decision log's write is held back: until it is done the item stays, its button busy, so a person who closes
    // the panel once it has left cuts nothing off.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let logPosts = 0;
    await panelPage.route(
      (url) => url.pathname.endsWith('/lists/Besluiten/items'),
      async (route) => {
        if (route.request().method() === 'POST') {
          logPosts += 1;
          await held;
        }
        await route.continue();
      },
    );
    await row.getByRole('button', { name: 'Afvinken als besproken' }).click();
    await expect.poll(() => logPosts, { timeout: WAIT.write }).toBe(1);
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Afvinken als besproken' }).isDisabled()).toBe(true);
    // The decision being saved cannot be typed over meanwhile (it would be named as not saved once the item left).
    expect(await row.getByRole('textbox', { name: /Besluit CMT bij 1\.1/ }).getAttribute('readonly')).not.toBeNull();
    release();
    await expect.poll(() => tab.getByTestId('geagendeerd').count(), { timeout: WAIT.write }).toBe(0);

    const [ticked] = await stored();
    expect(ticked?.value).toMatchObject({
      besproken: true,
      besluit: 'Roadmap in januari vaststellen',
      besprokenDoor: { displayName: 'Gemeentesecretaris' },
    });
    // The decision is in the decision log too, on 1.1, for the CMT's meeting, by the person who ticked. (The item
    // leaves the list once that entry is written; before, it left first, and closing the panel then could cancel the
    // write: CI once saw an empty log here.)
    const plan = await client.plan();
    const logged = async () =>
      (await createBesluitenStore(client.graph, plan.siteId).all()).filter(
        (b) => b.value.tekst === 'Roadmap in januari vaststellen',
      );
    await expect.poll(async () => (await logged()).length, { timeout: WAIT.write }).toBe(1);
    expect(panelErrors).toEqual([]);
    await panelPage.close();
    const log = await logged();
    expect(log).toHaveLength(1);
    expect(log[0]?.value).toMatchObject({
      actieId: byNummer(plan, '1.1').id,
      besproken: true,
      doorId: plan.users.find((u) => u.displayName === 'Gemeentesecretaris')?.id,
    });
    expect(log[0]?.value.vergadering).toMatch(/^cmt\|/);
    const after = await cmtCardPreview();
    expect(after.agenda.geagendeerd).toEqual([]);
    expect(JSON.stringify(after.card)).not.toContain('Geagendeerd door de MT');
  }, 180_000);

  it("keeps the CMT's typed decision when someone else changed or ticked the escalation first", async () => {
    const plan = await client.plan();
    const [a, b] = plan.acties.filter(
      (x) => x.value.domeinen.includes('Sociaal Domein') && !x.value.vervallen && x.value.nummer !== '1.1',
    );
    if (!a || !b) throw new Error('The seeded plan has no two more actions of Sociaal Domein');
    const store = createAgenderingenStore(client.graph, plan.siteId, plan);
    const op = '2026-12-01T10:00:00Z';
    const escalate = async (actie: typeof a, key: string) =>
      store.create({ actie, domein: 'Sociaal Domein', reden: `Reden ${key}`, op }, await store.all(), `e2e:${key}`);
    const changed = await escalate(a, 'changed');
    const ticked = await escalate(b, 'ticked');

    const { panelPage, panelErrors, tab } = await openCmtPanel();
    const rowOf = (nummer: string) => tab.locator(`[data-testid="geagendeerd-item"][data-nummer="${nummer}"]`);
    await rowOf(b.value.nummer).waitFor({ timeout: WAIT.view });
    const rowA = rowOf(a.value.nummer);
    const rowB = rowOf(b.value.nummer);
    await rowA.getByTestId('geagendeerd-besluit').fill('Besluit bij de gewijzigde');
    await rowB.getByTestId('geagendeerd-besluit').fill('Besluit bij de afgevinkte');

    // Meanwhile, in SharePoint, someone ticks the one: this person's tick meets their change (412), nothing is saved,
    // and the panel names it with the decision typed for it, which was not saved.
    await store.afhandelen(ticked, { op: '2026-12-04T09:00:00Z' });
    await rowB.getByTestId('geagendeerd-afvinken').click();
    await expect.poll(() => rowB.count(), { timeout: WAIT.write }).toBe(0);
    const gone = tab.getByTestId('geagendeerd-gone');
    await expect
      .poll(() => gone.innerText(), { timeout: WAIT.write })
      .toBe(
        `${b.value.nummer} ${b.value.titel} is intussen elders afgevinkt (op de kaart in het kanaal of door iemand anders). Je besluit is niet opgeslagen: “Besluit bij de afgevinkte”`,
      );

    // And sharpens the other's reason (a new eTag): nothing saved, the current state shown, the typed decision still
    // there; ticking again saves it.
    await client.graph.patch(`/sites/${plan.siteId}/lists/Agenderingen/items/${changed.id}/fields`, {
      Reden: 'Reden aangescherpt in SharePoint',
    });
    await rowA.getByTestId('geagendeerd-afvinken').click();
    await expect
      .poll(() => rowA.innerText(), { timeout: WAIT.write })
      .toContain('Reden: Reden aangescherpt in SharePoint');
    await expect
      .poll(() => rowA.getByTestId('geagendeerd-error').innerText(), { timeout: WAIT.write })
      .toContain('Dit punt is intussen elders gewijzigd; hierboven staat de actuele stand.');
    expect(await rowA.getByTestId('geagendeerd-besluit').inputValue()).toBe('Besluit bij de gewijzigde');
    expect((await store.all()).find((x) => x.id === changed.id)?.value.besproken).toBe(false);
    await saveScreenshot(panelPage, 'agenderen-cmt-conflicts');

    await rowA.getByTestId('geagendeerd-afvinken').click();
    await expect.poll(() => rowA.count(), { timeout: WAIT.write }).toBe(0);
    // Ticked by this person after the conflict: not named as ticked by someone else.
    expect(await gone.innerText()).not.toContain(a.value.nummer);
    // Read, the warning can be closed.
    await gone.getByRole('button', { name: 'Sluiten' }).click();
    await expect.poll(() => gone.count()).toBe(0);
    expect(panelErrors).toEqual([]);
    await panelPage.close();
    const all = await store.all();
    expect(all.find((x) => x.id === changed.id)?.value).toMatchObject({
      besproken: true,
      besluit: 'Besluit bij de gewijzigde',
      besprokenDoor: { displayName: 'Gemeentesecretaris' },
    });
    expect(all.find((x) => x.id === ticked.id)?.value.besluit).toBeUndefined();
  }, 180_000);
  it('says so when a tick is stored but its decision log entry is not, and records it on "Opnieuw vastleggen"', async () => {
    const plan = await client.plan();
    const actie = plan.acties.find(
      (x) => x.value.domeinen.includes('Fysiek Domein') && !x.value.vervallen && !['1.1'].includes(x.value.nummer),
    );
    if (!actie) throw new Error('The seeded plan has no action of Fysiek Domein');
    const store = createAgenderingenStore(client.graph, plan.siteId, plan);
    const item = await store.create(
      { actie, domein: 'Fysiek Domein', reden: 'Loopt vast', op: '2026-12-02T10:00:00Z' },
      await store.all(),
      'e2e:log-failed',
    );
    const { panelPage, panelErrors, tab } = await openCmtPanel();
    const row = tab.locator(`[data-testid="geagendeerd-item"][data-nummer="${actie.value.nummer}"]`);
    await row.waitFor({ timeout: WAIT.view });
    // The decision log refuses the entry (403); the tick itself is stored.
    let refuse = true;
    await panelPage.route(
      (url) => url.pathname.endsWith('/lists/Besluiten/items'),
      (route) =>
        refuse && route.request().method() === 'POST'
          ? route.fulfill({
              status: 403,
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'accessDenied', message: 'Access denied.' } }),
            })
          : route.continue(),
    );
    await row.getByTestId('geagendeerd-besluit').fill('Eerst de aanbesteding afronden');
    await row.getByTestId('geagendeerd-afvinken').click();
    const failed = tab.getByTestId('geagendeerd-log-failed');
    await expect
      .poll(() => failed.innerText(), { timeout: WAIT.write })
      .toContain(
        `${actie.value.nummer} ${actie.value.titel} is afgevinkt, maar het besluit “Eerst de aanbesteding afronden” staat nog niet in de besluitenlijst: je hebt geen rechten om besluiten vast te leggen.`,
      );
    expect(await row.count()).toBe(0);
    expect(await tab.getByTestId('geagendeerd-gone').count()).toBe(0);
    expect((await store.all()).find((x) => x.id === item.id)?.value).toMatchObject({
      besproken: true,
      besluit: 'Eerst de aanbesteding afronden',
    });
    const logged = async () =>
      (await createBesluitenStore(client.graph, plan.siteId).all()).filter(
        (b) => b.value.tekst === 'Eerst de aanbesteding afronden',
      ).length;
    expect(await logged()).toBe(0);

    await saveScreenshot(panelPage, 'agenderen-log-failed');
    refuse = false;
    await failed.getByRole('button', { name: 'Opnieuw vastleggen' }).click();
    await expect.poll(() => failed.count(), { timeout: WAIT.write }).toBe(0);
    expect(await logged()).toBe(1);
    expect(panelErrors).toEqual([]);
    await panelPage.close();
  }, 180_000);
});
