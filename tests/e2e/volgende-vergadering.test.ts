/// <reference lib="dom" />
/**
 * "Volgende vergadering" (issue 14.3) and the same view as a personal tab in Outlook and the Microsoft 365 app (issue
 * 15.1): the next meeting's agenda per MT, when its card goes out, and the secretary's "Ook bespreken" and "Niet nodig"
 * (a reason required), reflected in the card the reminder job would send now (`npm run reminders -- --preview`).
 */
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { isoInstant, occurrenceKey } from '../../src/domain/agenda.js';
import { upcomingVergaderingen } from '../../src/domain/schedule-choice.js';
import { createAgendaKeuzesStore } from '../../src/data/agendakeuzes-store.js';
import { claimFields, failedFields, HERINNERING_FIELDS } from '../../src/data/lists/herinneringen.js';
import { beheerdersToFields, MT_FIELDS, mtToFields } from '../../src/data/lists/mts.js';
import { createListStore } from '../../src/data/list-store.js';
import type { ListItem } from '../../src/data/lists/list-definition.js';
import { loadMTSettings } from '../../src/data/mts-store.js';
import { prepareCard } from '../../src/reminders/cli.js';
import type { HealthBody } from '../../src/shared/wire.js';
import { formatInstant } from '../../src/tab/i18n/format.js';
import { saveScreenshot } from './support/browser.js';
import type { HostContext, TestHost } from './support/host-server.js';
import { openE2eFile, type OtherClient } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;
let client: OtherClient;
let siteId: string;
/** The CMT's next meeting and when its card goes out, as the domain computes them for now. */
let meeting: { start: Date; kaartOm: Date };

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, client, host } = file);
  const plan = await client.plan();
  siteId = plan.siteId;
  const secretaris = plan.users.find((u) => u.email === UPN.secretaris);
  if (!secretaris?.id) throw new Error('persona not on the site');
  const { mts } = await loadMTSettings(client.graph, siteId, new Date('2020-01-01T00:00:00Z'));
  const cmt = mts.find((m) => m.value.key === 'cmt');
  if (!cmt?.value.schema) throw new Error('no CMT with a schedule');
  // The CMT's secretary is its one Beheerder; a one-minute lead time keeps the choice open whenever the test runs
  // (except in the last minute before a meeting).
  await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${cmt.id}/fields`, {
    ...beheerdersToFields([secretaris.id]),
    [MT_FIELDS.voorlooptijd]: 1,
  });
  // With the job's holidays, as the view has them from /healthz (a card due on a holiday goes out the day before).
  const health = (await (await fetch(`${run.appUrl}/healthz`)).json()) as HealthBody;
  const [next] = upcomingVergaderingen(cmt.value.schema, new Date(), {
    aantal: 1,
    voorlooptijdMinuten: 1,
    holidays: health.reminderHolidays?.dates ?? [],
  });
  if (!next) throw new Error('the CMT has no next meeting');
  meeting = next;
  return file.close;
});

async function keuzeItems(): Promise<ListItem[]> {
  return client.graph.getAll<ListItem>(`/sites/${siteId}/lists/Agendakeuzes/items?$expand=fields`);
}

async function open(upn: string, hash: string): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, upn);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${hash}`);
  return { page, errors };
}

const nummersIn = (page: Page | FrameLocator, sectie: string) =>
  page
    .locator(`[data-testid="volgende-sectie"][data-sectie="${sectie}"] [data-testid="volgende-actie"]`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nummer')));

describe('Volgende vergadering (issue 14.3)', () => {
  it('someone who is not the secretary sees the agenda and when the card goes out, and is told who can change it', async () => {
    const { page, errors } = await open(UPN.imSociaal, '#/vergadering?mt=cmt');
    const view = page.getByTestId('volgende-vergadering');
    await view.waitFor();
    await expect(page.getByRole('link', { name: 'Volgende vergadering' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expect(page.getByTestId('volgende-wanneer').getAttribute('data-occurrence')).resolves.toBe(
      `cmt|${meeting.start.toISOString().slice(0, 19)}Z`,
    );
    await expect(page.getByTestId('volgende-wanneer').locator('p').first().innerText()).resolves.toBe(
      `Vergadering van ${formatInstant(meeting.start.toISOString(), 'nl')}`,
    );
    await expect(page.getByTestId('volgende-kaart').innerText()).resolves.toBe(
      `De kaart gaat uit op ${formatInstant(meeting.kaartOm.toISOString(), 'nl')}.`,
    );
    await expect(page.getByTestId('volgende-alleen-secretaris').innerText()).resolves.toContain('Secretaris CMT');
    await expect(page.getByRole('button', { name: /^Niet nodig/ }).count()).resolves.toBe(0);
    await expect(page.getByTestId('volgende-ook-bespreken').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the secretary takes an action off the agenda with a reason and adds one, and the card preview follows', async () => {
    const { page, errors } = await open(UPN.secretaris, '#/mijn-acties');
    await page.getByTestId('mine-vergadering').click();
    const view = page.getByTestId('volgende-vergadering');
    await view.waitFor();
    // From Mijn acties without an MT named: the CMT (the MT of no domain), chosen in the MT field.
    await expect(view.getByLabel('MT', { exact: true }).inputValue()).resolves.toBe('cmt');
    const before = await nummersIn(page, 'overdue');
    const sectie = before.length > 0 ? 'overdue' : 'due';
    const [dropped] = before.length > 0 ? before : await nummersIn(page, 'due');
    if (!dropped) throw new Error('nothing on the CMT agenda to drop');

    // Niet nodig without a reason is refused, naming the field; nothing is written.
    const row = page.locator(`[data-sectie="${sectie}"] [data-testid="volgende-actie"][data-nummer="${dropped}"]`);
    await row.getByRole('button', { name: new RegExp(`^Niet nodig: ${dropped.replace('.', '\\.')} `) }).click();
    await row.getByRole('button', { name: 'Van de agenda halen' }).click();
    await expect(
      row.getByText('Geef een reden waarom deze actie niet besproken hoeft te worden.').count(),
    ).resolves.toBe(1);
    await expect(row.getByRole('textbox').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await keuzeItems()).toEqual([]);
    await row.getByRole('textbox').fill('Staat al op de agenda van de <b>stuurgroep</b>');
    await row.getByRole('button', { name: 'Van de agenda halen' }).click();
    await expect.poll(() => page.getByTestId('volgende-status').innerText()).toBe('Opgeslagen.');
    await expect.poll(() => nummersIn(page, 'nietNodig')).toEqual([dropped]);
    await expect(nummersIn(page, sectie)).resolves.not.toContain(dropped);
    await expect(
      page.locator('[data-sectie="nietNodig"] [data-testid="volgende-actie"]').first().innerText(),
    ).resolves.toContain('Reden: Staat al op de agenda van de <b>stuurgroep</b>');

    // Ook bespreken without an action is refused; with one it is listed under its own heading.
    const add = page.getByTestId('volgende-ook-bespreken');
    await add.getByRole('button', { name: 'Ook bespreken' }).click();
    await expect(add.getByTestId('volgende-ook-fout').innerText()).resolves.toBe('Kies een actie.');
    const choice = await add
      .locator('select option')
      .evaluateAll((options) =>
        options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })).find((o) => o.value),
      );
    if (!choice) throw new Error('no action left to add');
    await add.locator('select').selectOption(choice.value);
    await add.getByRole('button', { name: 'Ook bespreken' }).click();
    const added = choice.text.split(' ')[0] ?? '';
    await expect.poll(() => nummersIn(page, 'ookBespreken')).toEqual([added]);
    expect(await seriousViolations(page), 'Volgende vergadering').toEqual([]);
    await saveScreenshot(page, 'volgende-vergadering', { fullPage: true });

    // Stored: two items for this meeting, the reason as typed.
    const stored = (await keuzeItems()).map((i) => i.fields);
    expect(stored.map((f) => f.Keuze).sort()).toEqual(['Niet nodig', 'Ook bespreken']);
    expect(stored.find((f) => f.Keuze === 'Niet nodig')?.Reden).toBe('Staat al op de agenda van de <b>stuurgroep</b>');

    // The card the reminder job would send now (npm run reminders -- --mt cmt --preview): the same choices.
    const preview = await prepareCard(
      {
        graph: client.graph,
        siteId,
        siteUrl: client.siteUrl,
        deepLinkFor: () => 'https://teams.example/l/entity/actieplan',
        now: new Date(),
      },
      'cmt',
    );
    expect(preview.agenda.occurrence.key).toBe(`cmt|${meeting.start.toISOString().slice(0, 19)}Z`);
    expect(preview.agenda.nietNodig.map((a) => a.nummer)).toEqual([dropped]);
    expect(preview.agenda.ookBespreken.map((a) => a.nummer)).toEqual([added]);
    const json = JSON.stringify(preview.card.body);
    expect(json).toContain('Ook bespreken (1)');
    expect(json).toContain('Niet nodig deze vergadering (1)');
    expect(json).toContain('Reden: Staat al op de agenda van de \\\\<b\\\\>stuurgroep\\\\</b\\\\>');

    // Terugzetten puts the dropped action back where the agenda lists it.
    const back = page.locator(`[data-sectie="nietNodig"] [data-testid="volgende-actie"][data-nummer="${dropped}"]`);
    await back.getByRole('button', { name: new RegExp(`^Terugzetten: ${dropped.replace('.', '\\.')} `) }).click();
    await expect.poll(() => nummersIn(page, sectie)).toContain(dropped);
    await expect(page.locator('[data-sectie="nietNodig"]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('Volgende vergadering when someone else chooses first', () => {
  it('opened from Mijn acties, lands on the MT whose registration names this person as a Beheerder', async () => {
    const plan = await client.plan();
    const im = plan.users.find((u) => u.email === UPN.imSociaal);
    if (!im?.id) throw new Error('persona not on the site');
    const { mts } = await loadMTSettings(client.graph, siteId, new Date('2020-01-01T00:00:00Z'));
    const sociaal = mts.find((m) => m.value.key === 'mt-sociaal-domein');
    if (!sociaal) throw new Error('no MT Sociaal Domein');
    await client.graph.patch(`/sites/${siteId}/lists/MTs/items/${sociaal.id}/fields`, beheerdersToFields([im.id]));
    try {
      const { page, errors } = await open(UPN.imSociaal, '#/mijn-acties');
      await page.getByTestId('mine-vergadering').click();
      const view = page.getByTestId('volgende-vergadering');
      await view.waitFor();
      await expect.poll(() => view.getByLabel('MT', { exact: true }).inputValue()).toBe('mt-sociaal-domein');
      await expect
        .poll(() => page.getByTestId('volgende-wanneer').getAttribute('data-occurrence'))
        .toMatch(/^mt-sociaal-domein\|/);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await client.graph.patch(
        `/sites/${siteId}/lists/MTs/items/${sociaal.id}/fields`,
        beheerdersToFields(sociaal.beheerders.flatMap((b) => (b.id ? [b.id] : []))),
      );
    }
  });

  it('fits a 320-pixel side panel and a long title: no page wider than the window, titles read from the start', async () => {
    const plan = await client.plan();
    const { page, errors } = await open(UPN.secretaris, '#/vergadering?mt=cmt');
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByTestId('volgende-ook-bespreken').waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // The "Actie om ook te bespreken" choice lists whole titles; the page stays as wide as the panel.
    expect(await overflow()).toBeLessThanOrEqual(0);
    const title = page.getByTestId('volgende-actie').first().getByRole('button').first();
    expect(await title.evaluate((b) => getComputedStyle(b).textAlign)).toBe('start');
    // A title of the longest allowed length, at 1280 pixels: it wraps in its row.
    const [first] = await nummersIn(page, 'overdue').then(async (o) => (o.length > 0 ? o : nummersIn(page, 'due')));
    const actie = plan.acties.find((a) => a.value.nummer === first);
    if (!actie) throw new Error('no action on the agenda');
    const lang = `${'Een zeer lange titel van een actie die het MT heeft toegevoegd '.repeat(5)}`.slice(0, 255);
    await client.graph.patch(`/sites/${siteId}/lists/Acties/items/${actie.id}/fields`, { Title: lang });
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.reload();
      await page.getByText(lang.slice(0, 60)).first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await client.graph.patch(`/sites/${siteId}/lists/Acties/items/${actie.id}/fields`, { Title: actie.value.titel });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the reason typed for "Niet nodig" in the message when someone else chose "Ook bespreken" meanwhile', async () => {
    const { page, errors } = await open(UPN.secretaris, '#/mijn-acties');
    await page.getByTestId('mine-vergadering').click();
    await page.getByTestId('volgende-vergadering').waitFor();
    const listed = await nummersIn(page, 'overdue');
    const sectie = listed.length > 0 ? 'overdue' : 'due';
    const [nummer] = listed.length > 0 ? listed : await nummersIn(page, 'due');
    if (!nummer) throw new Error('nothing on the CMT agenda');
    const row = page.locator(`[data-sectie="${sectie}"] [data-testid="volgende-actie"][data-nummer="${nummer}"]`);
    await row.getByRole('button', { name: new RegExp(`^Niet nodig: ${nummer.replace('.', '\\.')} `) }).click();
    await row.getByRole('textbox').fill('Loopt via de stuurgroep');
    // Meanwhile the other secretary puts the same action on as "Ook bespreken".
    const plan = await client.plan();
    const actie = plan.acties.find((a) => a.value.nummer === nummer);
    if (!actie) throw new Error(`no action ${nummer}`);
    await createAgendaKeuzesStore(client.graph, siteId).kiezen({
      vergadering: occurrenceKey('cmt', meeting.start),
      vergadermoment: isoInstant(meeting.start),
      actieId: actie.id,
      actieNummer: nummer,
      keuze: 'Ook bespreken',
      op: isoInstant(new Date()),
    });
    await row.getByRole('button', { name: 'Van de agenda halen' }).click();
    await expect
      .poll(() => page.getByTestId('volgende-status').innerText())
      .toBe(
        `Iemand anders heeft de keuze voor ${nummer} intussen gewijzigd. De agenda is opnieuw geladen. Je reden is niet opgeslagen: “Loopt via de stuurgroep”`,
      );
    // The agenda read again: the action is under "Ook bespreken" now, its row there a new one.
    await expect.poll(() => nummersIn(page, 'ookBespreken')).toContain(nummer);
    expect((await keuzeItems()).filter((i) => i.fields.ActieNummer === nummer).map((i) => i.fields.Keuze)).toEqual([
      'Ook bespreken',
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

async function inHost(
  tabPath: string,
  context: HostContext,
): Promise<{ page: Page; tab: FrameLocator; frame: () => Frame; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(host.url(`${run.appUrl}/${tabPath}`, context));
  const frame = () => {
    const f = page.frames().find((fr) => fr.url().startsWith(run.appUrl));
    if (!f) throw new Error('The tab frame is not there');
    return f;
  };
  return { page, tab: page.frameLocator('#tab'), frame, errors };
}

describe('Volgende vergadering on a failed read (issue 17)', () => {
  it('keeps the agenda it showed when a later read fails, says what failed, and "Opnieuw proberen" reads it again', async () => {
    const { page, errors } = await open(UPN.imSociaal, '#/vergadering?mt=cmt');
    const wanneer = page.getByTestId('volgende-wanneer');
    await wanneer.waitFor();
    const occurrence = await wanneer.getAttribute('data-occurrence');
    expect(occurrence).toBe(`cmt|${meeting.start.toISOString().slice(0, 19)}Z`);
    await page.evaluate(() => (window.location.hash = '#/roadmap'));
    await page.getByTestId('volgende-vergadering').waitFor({ state: 'detached' });
    // The plan is loaded; from now on every read of the MTs (one `$batch`) fails.
    await page.route('**/$batch', (route) => route.abort('connectionreset'));
    await page.evaluate(() => (window.location.hash = '#/vergadering?mt=cmt'));
    const error = page.getByTestId('volgende-error');
    await error.waitFor();
    // Said next to the agenda read before, which stays (the hand-rolled hook showed the error instead of the agenda).
    await expect(error.innerText()).resolves.toContain('De agenda van de volgende vergadering kon niet worden geladen');
    await expect(error.innerText()).resolves.toContain('Hieronder staat wat het laatst is geladen');
    await expect(wanneer.getAttribute('data-occurrence')).resolves.toBe(occurrence);
    await page.unroute('**/$batch');
    await error.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await error.waitFor({ state: 'detached' });
    await expect(wanneer.getAttribute('data-occurrence')).resolves.toBe(occurrence);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe.each(['Outlook', 'Office'] as const)(
  'Volgende vergadering as a personal tab in %s (issue 15.1)',
  (hostName) => {
    it("opens from Mijn acties in the host's language and theme, with the agenda and when the card goes out", async () => {
      const { page, tab, frame, errors } = await inHost('index.html#/mijn-acties', {
        hostName,
        theme: 'dark',
        locale: 'en-GB',
        upn: UPN.secretaris,
      });
      await tab.getByTestId('mijn-acties').waitFor();
      await tab.getByTestId('mine-vergadering').click();
      await tab.getByTestId('volgende-vergadering').waitFor();
      await expect(frame().evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await expect(tab.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe('dark');
      await expect(tab.getByRole('heading', { name: 'Next meeting', level: 2 }).count()).resolves.toBe(1);
      await expect(tab.getByTestId('volgende-wanneer').getAttribute('data-occurrence')).resolves.toBe(
        `cmt|${meeting.start.toISOString().slice(0, 19)}Z`,
      );
      await expect(tab.getByTestId('volgende-kaart').innerText()).resolves.toBe(
        `The card goes out on ${formatInstant(meeting.kaartOm.toISOString(), 'en')}.`,
      );
      await expect.poll(() => tab.getByTestId('volgende-sectie').count()).toBeGreaterThan(0);
      // No team or meeting features outside Teams: no Instellingen, no side panel.
      await expect(tab.getByRole('link', { name: 'Settings' }).count()).resolves.toBe(0);
      await expect(tab.getByTestId('vergadering-panel').count()).resolves.toBe(0);
      expect(await seriousViolations(frame()), `Volgende vergadering in ${hostName}`).toEqual([]);
      await saveScreenshot(page, `tab-${hostName.toLowerCase()}-volgende-vergadering`);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);

/** Registers an MT of the Concern (no channel) and gives its next meeting as the domain computes it for now. */
async function newMt(mt: { key: string; naam: string; schema: string; voorlooptijdMinuten: number }) {
  const mtItem = await createListStore(client.graph, siteId, 'MTs').create(
    mtToFields({ ...mt, domeinen: ['Concern'] }),
    mt.key,
    MT_FIELDS.sleutel,
  );
  // With the job's holidays, as the view has them from /healthz.
  const health = (await (await fetch(`${run.appUrl}/healthz`)).json()) as HealthBody;
  const [next] = upcomingVergaderingen(mt.schema, new Date(), {
    aantal: 1,
    voorlooptijdMinuten: mt.voorlooptijdMinuten,
    holidays: health.reminderHolidays?.dates ?? [],
  });
  if (!next) throw new Error(`${mt.naam} has no next meeting`);
  return { mtItem, next };
}

describe('Volgende vergadering after the card was due', () => {
  it('says the card has not been sent (not that it went out) when the log has none, and that it failed when it did', async () => {
    // An MT that meets every day at 10:00 with a lead time of 25 hours: its next card was always due already.
    const key = 'mt-kaart-voorbij';
    const schema = 'FREQ=DAILY;BYHOUR=10;BYMINUTE=0';
    const voorlooptijdMinuten = 1500;
    const { mtItem, next } = await newMt({ key, naam: 'MT Kaart voorbij', schema, voorlooptijdMinuten });
    expect(next.kaartOm.getTime()).toBeLessThan(Date.now());

    const { page, errors } = await open(UPN.secretaris, `#/vergadering?mt=${key}`);
    const kaart = page.getByTestId('volgende-kaart');
    await kaart.waitFor();
    await expect(kaart.innerText()).resolves.toBe(
      `De kaart had op ${formatInstant(next.kaartOm.toISOString(), 'nl')} moeten uitgaan, maar is nog niet verstuurd ` +
        '(is het kanaal van dit MT verbonden? Dat staat in Instellingen); de agenda ligt vast.',
    );

    // The job tried and failed: its log says so, and so does the view.
    await createListStore(client.graph, siteId, 'Herinneringen').create(
      {
        ...claimFields({
          sleutel: occurrenceKey(key, next.start),
          mtId: mtItem.id,
          mtNaam: 'MT Kaart voorbij',
          moment: isoInstant(next.start),
          claimant: 'e2e',
        }),
        ...failedFields('Bot Connector: 503'),
      },
      occurrenceKey(key, next.start),
      HERINNERING_FIELDS.sleutel,
    );
    await page.reload();
    await kaart.waitFor();
    await expect(kaart.innerText()).resolves.toBe(
      'Het versturen van de kaart voor deze vergadering is mislukt; de agenda ligt vast.',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('Volgende vergadering with an MT key that names no MT', () => {
  it('says there is no such MT and offers the choice, instead of an empty page', async () => {
    const { page, errors } = await open(UPN.secretaris, '#/vergadering?mt=bedrijfsvoering');
    const notice = page.getByTestId('volgende-onbekend-mt');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toBe(
      'Er is geen actief MT met de sleutel ‘bedrijfsvoering’. Kies hieronder een MT.',
    );
    const select = page.getByRole('combobox', { name: 'MT' });
    await expect(select.locator('option').allInnerTexts()).resolves.toContain('MT Bedrijfsvoering');
    await select.selectOption({ label: 'MT Bedrijfsvoering' });
    await page.getByTestId('volgende-kaart').waitFor();
    await expect(notice.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('Volgende vergadering just after the card was due', () => {
  it('says the card is going out now (the job has not had its round yet), not that it was not sent', async () => {
    // A meeting today in about forty minutes (Amsterdam time), its card due five minutes ago.
    const now = Date.now();
    const start = new Date(Math.ceil((now + 40 * 60_000) / 300_000) * 300_000);
    const [hh, mm] = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(start)
      .split(':');
    const key = 'mt-kaart-nu';
    const schema = `FREQ=DAILY;BYHOUR=${Number(hh)};BYMINUTE=${Number(mm)}`;
    const voorlooptijdMinuten = Math.round((start.getTime() - (now - 5 * 60_000)) / 60_000);
    const { next } = await newMt({ key, naam: 'MT Kaart nu', schema, voorlooptijdMinuten });
    expect(next.start.getTime()).toBe(start.getTime());
    const { page, errors } = await open(UPN.secretaris, `#/vergadering?mt=${key}`);
    const kaart = page.getByTestId('volgende-kaart');
    await kaart.waitFor();
    // On a day whose card a holiday moved to the working day before, the card was due long ago: not sent.
    await expect(kaart.innerText()).resolves.toBe(
      Date.now() - next.kaartOm.getTime() < 15 * 60_000
        ? 'De kaart gaat nu uit; de agenda ligt vast.'
        : `De kaart had op ${formatInstant(next.kaartOm.toISOString(), 'nl')} moeten uitgaan, maar is nog niet verstuurd ` +
            '(is het kanaal van dit MT verbonden? Dat staat in Instellingen); de agenda ligt vast.',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
