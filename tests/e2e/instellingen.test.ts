/// <reference lib="dom" />
import type { Browser, Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimFields, sentFields } from '../../src/data/lists/herinneringen.js';
import { installatieToFields } from '../../src/data/lists/installaties.js';
import { beheerdersToFields, MT_FIELDS } from '../../src/data/lists/mts.js';
import { loadMTSettings } from '../../src/data/mts-store.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { drawn, idle, whileTimePasses } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let client: OtherClient;
let siteId: string;
const MT_KEY = 'cmt';

async function readMt() {
  const { mts } = await loadMTSettings(client.graph, siteId, new Date('2020-01-01T00:00:00Z'));
  const mt = mts.find((m) => m.value.key === MT_KEY);
  if (!mt) throw new Error(`no MT ${MT_KEY}`);
  return mt;
}

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser, client } = file);
  const plan = await client.plan();
  siteId = plan.siteId;
  // The CMT names one Beheerder: the information manager of Sociaal Domein.
  const beheerder = plan.users.find((u) => u.email === UPN.imSociaal);
  if (!beheerder?.id) throw new Error('persona not on the site');
  const mt = await readMt();
  await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${mt.id}/fields`, beheerdersToFields([beheerder.id]));
  return file.close;
});

/** The view as `upn`. `clock`: a fake clock (`personaContext`), for what the view does every 10 s. */
async function open(upn: string, { clock = false } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, upn, { clock });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/#/instellingen`);
  await page.getByTestId('instellingen').waitFor();
  await page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`).waitFor();
  return { page, errors };
}

/**
 * Waits until the job block shows /healthz's answer. The block is there from the view's first render and says
 * "Status van de taak ophalen…" until the answer came, so reading its text at once raced the read (failed in CI at
 * b8715d3, once the shell rendered sooner).
 */
async function jobAnswered(page: Page): Promise<void> {
  await page.getByTestId('job-status').getByText('Geen herinneringstaak op deze server.').waitFor();
}

describe('the Instellingen view', () => {
  it('a Beheerder sees the schedule in words and the next meeting, changes the lead time, and it is stored in SharePoint', async () => {
    const { page, errors } = await open(UPN.imSociaal);
    await expect(page.getByRole('link', { name: 'Instellingen' }).getAttribute('aria-current')).resolves.toBe('page');
    const card = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`);
    await expect(card.getByTestId('mt-schedule').innerText()).resolves.toBe('elke dinsdag 09:00');
    await expect(card.getByTestId('mt-lead').innerText()).resolves.toBe('1 dag ervoor');
    // The local run gives the CMT the Playground's team (PLAYGROUND_MT), but no bot has recorded it: not connected, and why.
    await expect(card.getByTestId('mt-channel').getAttribute('data-state')).resolves.toBe('niet-geinstalleerd');
    await expect(card.getByTestId('mt-channel').innerText()).resolves.toMatch(
      /^niet verbonden de app is \(nog\) niet geïnstalleerd in dit team/,
    );
    await expect(
      page.locator('[data-testid="mt-card"][data-mt="mt-bedrijfsvoering"]').getByTestId('mt-channel').innerText(),
    ).resolves.toMatch(/^niet verbonden er is geen team en kanaal vastgelegd/);
    // The next meeting is a Tuesday at 09:00 (Amsterdam), its reminder a day earlier.
    await expect(card.getByTestId('mt-next-meeting').innerText()).resolves.toMatch(/09:00/);
    await expect(card.getByTestId('mt-next-reminder').innerText()).resolves.toMatch(/09:00/);
    await expect(card.getByTestId('mt-last-sent').innerText()).resolves.toBe('Nog niets verstuurd.');
    await jobAnswered(page);
    await expect(page.getByTestId('job-status').innerText()).resolves.toContain(
      'Geen herinneringstaak op deze server.',
    );
    expect(await card.getByTestId('mt-readonly').count()).toBe(0);

    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    // The form took the button's place: the focus is on its first field, not on the page.
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Naam' }).evaluate((e) => e === document.activeElement))
      .toBe(true);
    // A schedule that is no rule gets the specific Dutch message inline, and is not saved.
    await form.getByRole('textbox', { name: /Vergaderschema/ }).fill('FREQ=WEEKLY;BYDAY=XX;BYHOUR=9');
    await expect(
      form.getByText('Het onderdeel "BYDAY=XX" van het vergaderschema is niet geldig.', { exact: false }).count(),
    ).resolves.toBe(1);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Controleer de gemarkeerde velden.').waitFor();
    expect((await readMt()).value.schema).toBe('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');
    await form.getByRole('textbox', { name: /Vergaderschema/ }).fill('FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0');

    // Lead time in days or hours: 2 hours.
    await form.getByRole('spinbutton', { name: 'Voorlooptijd, aantal' }).fill('2');
    await form.getByRole('combobox', { name: 'Voorlooptijd, eenheid' }).click();
    await page.getByRole('option', { name: 'uren' }).click();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await saveScreenshot(page, 'instellingen-edit', { fullPage: true });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => card.getByTestId('mt-lead').innerText()).toBe('2 uur ervoor');
    expect(await card.getByTestId('mt-form').count()).toBe(0);
    // The focus went back to "Wijzigen", where the editing began, not to the page.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName),
      )
      .toBe('CMT wijzigen');
    expect((await readMt()).value.voorlooptijdMinuten).toBe(120);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('"verbonden" only once the bot recorded the channel; before that it says what is missing', async () => {
    const mt = await readMt();
    const teamId = mt.value.teamId ?? '';
    const channelOf = async (page: Page) => {
      const cell = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`).getByTestId('mt-channel');
      return { state: await cell.getAttribute('data-state'), text: await cell.innerText() };
    };
    let { page } = await open(UPN.hr);
    expect((await channelOf(page)).state).toBe('niet-geinstalleerd');
    await page.context().close();

    // The bot recorded the team's installation (as it does on installationUpdate): the first card goes to the channel.
    await client.graph.post(`/sites/${siteId}/lists/Installaties/items`, {
      fields: installatieToFields({ teamId, naam: 'Playground' }),
    });
    ({ page } = await open(UPN.hr));
    expect(await channelOf(page)).toEqual({
      state: 'eerste-kaart',
      text: expect.stringMatching(
        /^niet verbonden team en kanaal zijn vastgelegd en de app is geïnstalleerd/,
      ) as unknown as string,
    });
    await page.context().close();

    // The bot recorded the channel's conversation (after its first post there): now it is connected.
    await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${mt.id}/fields`, {
      ConversationId: mt.value.channelId ?? teamId,
    });
    ({ page } = await open(UPN.hr));
    expect(await channelOf(page)).toEqual({
      state: 'verbonden',
      text: expect.stringMatching(/^verbonden de bot heeft dit kanaal vastgelegd/) as unknown as string,
    });
    await page.context().close();
  });

  it('"MT toevoegen" with the schedule picker: bad input is named per field, the next three meetings show, and the MT is stored as an RRULE (issue 14, point 2)', async () => {
    const { page, errors } = await open(UPN.hr);
    await page.getByTestId('mt-add').click();
    const form = page.getByRole('form', { name: 'Nieuw MT' });
    const naam = form.getByRole('textbox', { name: 'Naam' });
    // The form opens on its first field and says nothing is wrong before anything was filled in or saved.
    await expect.poll(() => naam.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.innerText()).not.toContain('Geef de naam van het MT.');
    await form.getByRole('button', { name: 'MT toevoegen' }).click();
    await form.getByText('Controleer de gemarkeerde velden.').waitFor();
    await form.getByText('Geef de naam van het MT.').waitFor();
    // The save refused: the focus is on the first field that says why.
    await expect.poll(() => naam.evaluate((el) => el === document.activeElement)).toBe(true);
    // Another MT's name, in another case, is refused where it is typed.
    await naam.fill('cmt');
    await form.getByText('Er is al een MT met de naam "CMT". Kies een andere naam, of wijzig dat MT.').waitFor();

    await naam.fill('MT Proef Domein');
    await form.getByRole('group', { name: 'Domeinen' }).getByRole('checkbox', { name: 'Sociaal Domein' }).check();
    const dagen = form.getByRole('group', { name: 'Vergaderdagen' });
    for (const dag of ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'])
      await dagen.getByRole('checkbox', { name: dag }).uncheck();
    await form.getByText('Kies minstens één vergaderdag.').waitFor();
    await dagen.getByRole('checkbox', { name: 'dinsdag' }).check();
    await form.getByRole('textbox', { name: /^Tijd/ }).fill('25:00');
    await form.getByText('Vul de tijd in als uu:mm, bijvoorbeeld 09:00.').waitFor();
    await form.getByRole('textbox', { name: /^Tijd/ }).fill('14:30');
    await form.getByRole('spinbutton', { name: 'Elke hoeveel weken' }).fill('0');
    await form.getByText('Kies elke 1 tot 13 weken.').waitFor();
    await form.getByRole('spinbutton', { name: 'Elke hoeveel weken' }).fill('2');
    const eerste = form.getByRole('combobox', { name: 'Eerste vergadering' });
    await eerste.fill('6-1-2027');
    await eerste.press('Tab');
    await form.getByText('De eerste vergadering valt niet op een gekozen vergaderdag.').waitFor();
    await eerste.fill('5-1-2027');
    await eerste.press('Tab');
    const vervalt = form.getByRole('combobox', { name: /^Vervallen vergaderingen/ });
    await vervalt.fill('2-2-2027');
    await vervalt.press('Tab');
    await form.getByRole('button', { name: 'Datum laten vervallen' }).click();
    await form.getByTestId('mt-vervallen').getByText('2 feb 2027').waitFor();
    await form.getByRole('textbox', { name: /^Team-id/ }).fill('mijn team');
    await form.getByText(/Een Team-id ziet eruit als 19:…@thread\.tacv2/).waitFor();
    await form.getByRole('textbox', { name: /^Team-id/ }).fill('19:proefteam@thread.tacv2');
    await form.getByRole('textbox', { name: /^Kanaal-id/ }).fill('19:proefkanaal@thread.tacv2');
    await form.getByRole('spinbutton', { name: 'Voorlooptijd, aantal' }).fill('2');

    // The next three meetings: every other Tuesday from 5 January, 2 February cancelled; each card two days before.
    const komend = form.getByTestId('mt-komend').getByRole('listitem');
    await expect
      .poll(() => komend.allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Vergadering 5 jan 2027.*14:30: kaart op 3 jan 2027.*14:30$/),
        expect.stringMatching(/^Vergadering 19 jan 2027.*14:30: kaart op 17 jan 2027.*14:30$/),
        expect.stringMatching(/^Vergadering 16 feb 2027.*14:30: kaart op 14 feb 2027.*14:30$/),
      ]);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await saveScreenshot(page, 'instellingen-mt-toevoegen', { fullPage: true });
    await form.getByRole('button', { name: 'MT toevoegen' }).click();

    const card = page.locator('[data-testid="mt-card"][data-mt="mt-proef-domein"]');
    await card.waitFor();
    await expect(card.getByTestId('mt-lead').innerText()).resolves.toBe('2 dagen ervoor');
    // The words under "Vergaderschema" name the cancelled meeting.
    await expect(card.getByTestId('mt-schedule').innerText()).resolves.toBe(
      'om de week dinsdag 14:30; vervalt op 2 feb 2027',
    );
    const { mts } = await loadMTSettings(client.graph, siteId, new Date('2020-01-01T00:00:00Z'));
    const stored = mts.find((m) => m.value.key === 'mt-proef-domein');
    expect(stored?.value).toMatchObject({
      naam: 'MT Proef Domein',
      domeinen: ['Sociaal Domein'],
      schema:
        'DTSTART;TZID=Europe/Amsterdam:20270105T143000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=14;BYMINUTE=30\nEXDATE;TZID=Europe/Amsterdam:20270202T143000',
      voorlooptijdMinuten: 2880,
      teamId: '19:proefteam@thread.tacv2',
      channelId: '19:proefkanaal@thread.tacv2',
    });

    // Editing it opens the picker with what was stored; the name can change.
    await card.getByRole('button', { name: 'MT Proef Domein wijzigen' }).click();
    const edit = card.getByRole('form', { name: 'MT Proef Domein wijzigen' });
    await expect(edit.getByRole('textbox', { name: /^Tijd/ }).inputValue()).resolves.toBe('14:30');
    await edit.getByRole('textbox', { name: 'Naam' }).fill('MT Proef');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await card.getByRole('heading', { name: 'MT Proef' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a card sent while the view is open shows without a reload (issue 14, point 5)', async () => {
    const { page, errors } = await open(UPN.hr, { clock: true });
    const lastSent = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`).getByTestId('mt-last-sent');
    await expect(lastSent.innerText()).resolves.toBe('Nog niets verstuurd.');
    // A marker on the page: gone if the page were loaded again.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // The job (or --send-now) claims and sends the CMT's card: its entry in the reminder log, as the job writes it.
    const mt = await readMt();
    const moment = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await client.graph.post(`/sites/${siteId}/lists/Herinneringen/items`, {
      fields: {
        ...claimFields({ sleutel: `${MT_KEY}|${moment}`, mtId: mt.id, mtNaam: mt.value.naam, moment, claimant: 'e2e' }),
        ...sentFields('1700000000000', '{}'),
      },
    });
    // The view reads the MTs again every 10 s: the page's time passes until it shows the card.
    await whileTimePasses(page, lastSent.getByText(/^Voor de vergadering van/));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('someone who is not a Beheerder sees the registration read-only, with the reason', async () => {
    const { page, errors } = await open(UPN.hr);
    const card = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`);
    await expect(card.getByTestId('mt-readonly').innerText()).resolves.toContain(
      'Alleen de beheerders van dit MT (Informatiemanager Sociaal Domein)',
    );
    expect(await card.getByRole('button', { name: 'CMT wijzigen' }).count()).toBe(0);
    // MTs without Beheerders stay editable for everyone.
    expect(
      await page
        .locator('[data-testid="mt-card"][data-mt="mt-bedrijfsvoering"]')
        .getByRole('button', { name: /wijzigen/ })
        .count(),
    ).toBe(1);
    await expect(card.getByTestId('mt-next-meeting').innerText()).resolves.toMatch(/09:00/);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await saveScreenshot(page, 'instellingen-readonly', { fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a form open when a refresh takes this person off the Beheerders stays, with what they typed, and says why it cannot be saved', async () => {
    const { page, errors } = await open(UPN.imSociaal);
    const card = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`);
    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    const naam = form.getByRole('textbox', { name: /^Naam/ });
    await naam.fill('CMT, nieuwe naam die nog niet is opgeslagen');
    const plan = await client.plan();
    const hr = plan.users.find((u) => u.email === UPN.hr);
    const imSociaal = plan.users.find((u) => u.email === UPN.imSociaal);
    if (!hr?.id || !imSociaal?.id) throw new Error('persona not on the site');
    const mt = await readMt();
    try {
      // Meanwhile, in SharePoint, the Beheerders become someone else; the page reads the MTs again on becoming visible.
      await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${mt.id}/fields`, beheerdersToFields([hr.id]));
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect
        .poll(() =>
          form
            .getByTestId('mt-revoked')
            .innerText()
            .catch(() => ''),
        )
        .toBe(
          `Je bent intussen geen beheerder meer van dit MT (beheerders: ${hr.displayName}). Je wijzigingen kunnen niet worden opgeslagen; wat je invulde staat nog in het formulier.`,
        );
      expect(await naam.inputValue()).toBe('CMT, nieuwe naam die nog niet is opgeslagen');
      expect(await form.getByRole('button', { name: 'Opslaan' }).isDisabled()).toBe(true);
      await form.getByRole('button', { name: 'Annuleren' }).click();
      await expect.poll(() => card.getByTestId('mt-form').count()).toBe(0);
      await card.getByTestId('mt-readonly').waitFor();
      // No "Wijzigen" to go back to: the focus is on the MT's card, not on the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mt-card');
      expect((await readMt()).value.naam).toBe(mt.value.naam);
    } finally {
      await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${mt.id}/fields`, beheerdersToFields([imSociaal.id]));
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a read that began before a save and answers after it does not put the older version back (issue 14, point 5)', async () => {
    const { page, errors } = await open(UPN.imSociaal);
    const card = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`);
    const before = (await readMt()).value.voorlooptijdMinuten;
    const [uren, text] = before === 180 ? ['4', '4 uur ervoor'] : ['3', '3 uur ervoor'];
    // Hold the next `$batch` (the view's read of the MTs) with the site's answer from before the save.
    let armed = true;
    let heldBody = '';
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let delivered!: () => void;
    const isDelivered = new Promise<void>((resolve) => (delivered = resolve));
    await page.route(
      (url) => url.pathname.endsWith('/$batch'),
      async (route) => {
        if (!armed) return route.continue();
        armed = false;
        const response = await route.fetch();
        heldBody = await response.text();
        held();
        await released;
        await route.fulfill({ response, body: heldBody });
        delivered();
      },
    );
    // The page becoming visible again starts a read now, rather than at the next poll.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await isHeld;
    expect(heldBody).toContain(`"${MT_FIELDS.voorlooptijd}":${before ?? 'null'}`);

    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    await form.getByRole('spinbutton', { name: 'Voorlooptijd, aantal' }).fill(uren);
    await form.getByRole('combobox', { name: 'Voorlooptijd, eenheid' }).click();
    await page.getByRole('option', { name: 'uren' }).click();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => card.getByTestId('mt-lead').innerText()).toBe(text);
    expect((await readMt()).value.voorlooptijdMinuten).toBe(Number(uren) * 60);

    // Now the old answer arrives. It must not replace the saved version, not even for a moment.
    await page.evaluate(() => {
      const lead = document.querySelector('[data-mt="cmt"] [data-testid="mt-lead"]');
      const seen: string[] = [];
      Object.assign(window, { leadTexts: seen });
      if (lead)
        new MutationObserver(() => seen.push(lead.textContent ?? '')).observe(lead, {
          subtree: true,
          characterData: true,
          childList: true,
        });
    });
    release();
    await isDelivered;
    // The answer is through; look once the page has handled it (parse, state, render) and has nothing left to do.
    await idle(page);
    await drawn(page);
    // Every text the lead time showed since the save: only the saved one.
    const shown = await page.evaluate(() => (window as unknown as { leadTexts: string[] }).leadTexts);
    expect(shown.filter((t) => t !== text)).toEqual([]);
    await expect(card.getByTestId('mt-lead').innerText()).resolves.toBe(text);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("opening reads /healthz once: the job status and the previews' holidays share one read (issue 17)", async () => {
    const context = await personaContext(browser, UPN.hr);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const reads: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/healthz')) reads.push(Date.now());
    });
    await page.goto(`${run.appUrl}/#/instellingen`);
    // Both users of /healthz have their answer: the job block, and the reminder time (shown once the holidays are).
    await jobAnswered(page);
    await expect(page.getByTestId('job-status').innerText()).resolves.toContain(
      'Geen herinneringstaak op deze server.',
    );
    await page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`).getByTestId('mt-next-reminder').waitFor();
    await idle(page);
    expect(reads.length).toBeGreaterThanOrEqual(1);
    // After the first read only the job status' poll reads again, every 10 s: never two reads closer together (before,
    // the job status and the holidays each read it on opening).
    const gaps = reads.slice(1).map((at, i) => at - (reads[i] ?? at));
    expect(gaps.filter((gap) => gap < 9_000)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a failed read keeps the MTs and the job status shown, says what failed, and "Opnieuw proberen" reads again (issue 17)', async () => {
    const { page, errors } = await open(UPN.hr, { clock: true });
    const job = page.getByTestId('job-status');
    await jobAnswered(page);
    await expect(job.innerText()).resolves.toContain('Geen herinneringstaak op deze server.');
    const cards = page.getByTestId('mt-card');
    const shown = await cards.count();
    expect(shown).toBeGreaterThan(1);
    // From now on every read of the MTs (one `$batch`) and of /healthz fails, until the person presses that error's
    // "Opnieuw proberen". The MTs and the job status are also polled every 10 s: were the routes simply removed, a poll
    // could succeed first and take the error (and its button) away before the click, which is not what is tested here.
    // A capture listener notes the pressed button's error block before React's handler starts the read.
    await page.evaluate(() => {
      const pressed: string[] = [];
      (window as unknown as { __retried: string[] }).__retried = pressed;
      document.addEventListener(
        'click',
        (event) => {
          const button = (event.target as Element | null)?.closest('[data-testid="load-error-retry"]');
          const block = button?.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
          if (block) pressed.push(block);
        },
        true,
      );
    });
    const failUntilRetried = (block: string) => async (route: Route) => {
      const retried = await page.evaluate(() => (window as unknown as { __retried: string[] }).__retried);
      if (retried.includes(block)) await route.continue();
      else await route.abort('connectionreset');
    };
    // The button is disabled while a read is under way, and both blocks poll: a poll that starts between Playwright's
    // check that the button is enabled and its click disables it, and the click is lost (seen once with two browser
    // files beside the unit run, the error then staying for 30 s). So a press is repeated until the listener noted it
    // (at most three times); after a noted press the test waits for the error to go, as before.
    const pressRetry = async (block: string) => {
      const noted = async () =>
        (await page.evaluate(() => (window as unknown as { __retried: string[] }).__retried)).includes(block);
      for (let attempt = 0; attempt < 3 && !(await noted()); attempt += 1)
        await page.getByTestId(block).getByRole('button', { name: 'Opnieuw proberen' }).click();
      expect(await noted()).toBe(true);
    };
    await page.route('**/$batch', failUntilRetried('inst-load-error'));
    await page.route('**/healthz', failUntilRetried('job-status-error'));
    // The page becoming visible again reads the MTs at once; the job status fails at its next poll (10 s), which the
    // page's fake clock brings at once.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    // A failed read is tried once more after a second; the page's time passes until the error shows.
    const mtsError = page.getByTestId('inst-load-error');
    await whileTimePasses(page, mtsError);
    await expect(mtsError.innerText()).resolves.toContain("De MT's konden niet worden geladen");
    await expect(mtsError.innerText()).resolves.toContain('Hieronder staat wat het laatst is geladen');
    await expect(cards.count()).resolves.toBe(shown);
    const jobError = page.getByTestId('job-status-error');
    await whileTimePasses(page, jobError);
    await expect(jobError.innerText()).resolves.toContain('De status van de taak kon niet worden opgehaald');
    await expect(job.innerText()).resolves.toContain('Geen herinneringstaak op deze server.');
    await pressRetry('inst-load-error');
    await mtsError.waitFor({ state: 'detached' });
    await pressRetry('job-status-error');
    await jobError.waitFor({ state: 'detached' });
    await expect(cards.count()).resolves.toBe(shown);
    await expect(job.innerText()).resolves.toContain('Geen herinneringstaak op deze server.');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("saving again after a conflict keeps the other's change to a field this person did not touch", async () => {
    const { page, errors } = await open(UPN.imSociaal);
    const card = page.locator(`[data-testid="mt-card"][data-mt="${MT_KEY}"]`);
    const before = await readMt();
    const storedLead = before.value.voorlooptijdMinuten ?? 1440;
    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    // One more of the lead time's unit than stored (the earlier tests leave it at 2 or 3 hours, or 1 day).
    const aantal = form.getByRole('spinbutton', { name: 'Voorlooptijd, aantal' });
    const shown = Number(await aantal.inputValue());
    const mine = String(shown + 1);
    const mineMinutes = (storedLead / shown) * (shown + 1);
    await aantal.fill(mine);
    // Meanwhile, in SharePoint, someone else moves the CMT to Wednesdays and sets a lead time in another unit: the
    // lead time is one value over two fields, so this person's amount must not be combined with their unit.
    const wednesday = 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=9;BYMINUTE=0';
    const theirLead = storedLead % 1440 === 0 ? 90 : 2880;
    expect(before.value.schema).not.toBe(wednesday);
    await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${before.id}/fields`, {
      [MT_FIELDS.schema]: wednesday,
      [MT_FIELDS.voorlooptijd]: theirLead,
    });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => form.getByTestId('mt-conflict').innerText())
      .toContain('Je ziet nu hun versie; jouw wijzigingen staan nog in het formulier.');
    expect((await readMt()).value).toMatchObject({ schema: wednesday, voorlooptijdMinuten: theirLead });
    expect(await aantal.inputValue()).toBe(mine);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => card.getByTestId('mt-form').count()).toBe(0);
    await expect.poll(() => card.getByTestId('mt-schedule').innerText()).toBe('elke woensdag 09:00');
    expect((await readMt()).value).toMatchObject({ schema: wednesday, voorlooptijdMinuten: mineMinutes });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
