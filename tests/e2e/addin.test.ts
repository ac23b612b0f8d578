/// <reference lib="dom" />
/**
 * The Outlook add-in in Chromium, on a small Outlook (tests/e2e/host/fake-office.js served in place of Microsoft's
 * Office.js) and the local sandbox: the organiser previews the agenda, inserts it, inserts again (replaced, never
 * duplicated, the organiser's text kept), and an attendee sees the live agenda. axe on both panes.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.js';
import { sharedBrowser, sharedRun, type SharedRun } from './support/shared-run.js';
import { seriousViolations, tabConfig, UPN, watchErrors } from './support/tab.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FAKE_OFFICE = readFileSync('tests/e2e/host/fake-office.js', 'utf8');
const BLOCK_ID = 'actieplan-agendapunt-digitalisering';
// MT Sociaal Domein meets on Thursdays at 13:00 Amsterdam time.
const MEETING = '2026-12-03T12:00:00.000Z';
const ORGANISER_TEXT = "<p>Beste collega's,</p><p>Hierbij de uitnodiging. Graag de stukken <b>vooraf</b> lezen.</p>";
const TEAMS_LINK =
  '<div><p>Deelnemen via Microsoft Teams: <a href="https://teams.microsoft.com/l/meetup-join/x">Nu deelnemen</a></p></div>';

let run: SharedRun;
let browser: Browser;
let graphBase: string;

beforeAll(async () => {
  if (!existsSync('dist/tab/addin/index.html'))
    throw new Error('The add-in is not built: run `npm run build:tab` (npm test does this first).');
  run = await sharedRun();
  browser = await sharedBrowser();
  graphBase = (await tabConfig(run.appUrl)).graphBaseUrl;
});

afterAll(async () => {
  await browser?.close();
});

type Outlook = {
  mode: 'compose' | 'read';
  subject: string;
  start: string;
  body?: string;
  requiredAttendees?: { displayName: string; emailAddress: string }[];
  organizer?: { displayName: string; emailAddress: string };
  /** The fake Outlook refuses body.setAsync with this error. */
  failWrite?: { code: number; message: string };
};

/** Opens the pane in a 350 px task pane on the fake Outlook; counts the Graph requests made. */
async function openPane(
  outlook: Outlook,
  persona: string = UPN.imSociaal,
): Promise<{ page: Page; graphRequests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'nl-NL' });
  const errors = watchErrors(page);
  const graphRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(graphBase)) graphRequests.push(`${r.method()} ${r.url().slice(graphBase.length)}`);
  });
  await page.addInitScript((state) => {
    (window as unknown as { __outlook: unknown }).__outlook = state;
  }, outlook);
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE }));
  await page.goto(`${run.appUrl}/addin/index.html?persona=${encodeURIComponent(persona)}`);
  return { page, graphRequests, errors };
}

const body = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __outlook: { body: string; writes: number; lastCoercion: string } }).__outlook,
  );
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('the Outlook add-in, organiser', () => {
  it('previews the agenda of the proposed MT, inserts it, and inserting again replaces it in place', async () => {
    const { page, graphRequests, errors } = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein – wekelijks overleg',
      start: MEETING,
      body: `<html><head></head><body>${ORGANISER_TEXT}${TEAMS_LINK}</body></html>`,
      requiredAttendees: [{ displayName: 'Directeur Sociaal Domein', emailAddress: 'directeur.sd@zoetermeer.example' }],
    });
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await preview.getByRole('heading', { name: 'Agendapunt digitalisering: MT Sociaal Domein', level: 2 }).waitFor();
    // Before the agenda showed: exactly one Graph request, the $batch.
    expect(graphRequests).toEqual(['POST /$batch']);
    await expect(page.getByLabel('MT').inputValue()).resolves.toBe('mt-sociaal-domein');
    await expect(page.getByText('Voorgesteld op grond van het onderwerp van de uitnodiging.').count()).resolves.toBe(1);
    await expect(preview.innerText()).resolves.toContain('donderdag 3 december 2026 om 13:00');
    const links = await preview.locator('li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(new RegExp(`^${run.appUrl}/index\\.html#/actie/\\d+$`));
    // In the pane a link opens beside Outlook: followed in the pane, the tab would take its place, with no way back.
    const targets = await preview
      .locator('a')
      .evaluateAll((as) => as.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    expect(new Set(targets)).toEqual(new Set(['_blank noopener noreferrer']));
    await saveScreenshot(page, 'addin-taakvenster-voor', { fullPage: true });
    expect(await seriousViolations(page), 'the task pane').toEqual([]);

    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Het agendapunt staat in de uitnodiging.');
    const first = await body(page);
    expect(first.writes).toBe(1);
    expect(first.lastCoercion).toBe('html');
    expect(count(first.body, BLOCK_ID)).toBe(1);
    // The invitation's own links stay plain: a mail has no pane to leave.
    expect(first.body).not.toContain('target=');
    expect(first.body).toMatch(
      new RegExp(
        `^<html><head></head><body><div id="${BLOCK_ID}" lang="nl" class="actieplan-tekst-[0-9a-z]+"><h2>Agendapunt digitalisering: MT Sociaal Domein</h2>.*</div>${ORGANISER_TEXT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${TEAMS_LINK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</body></html>$`,
      ),
    );
    await saveScreenshot(page, 'addin-taakvenster-na', { fullPage: true });

    // Insert again: the button now updates, and the body still has one block with the organiser's text around it.
    await page.getByRole('button', { name: 'Agendapunt bijwerken in de uitnodiging' }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe('Het agendapunt in de uitnodiging is bijgewerkt; de rest van de tekst is onveranderd.');
    const second = await body(page);
    expect(second.writes).toBe(2);
    expect(second.body).toBe(first.body);

    // Another MT: its agenda replaces the block, still once.
    await page.getByLabel('MT').selectOption('cmt');
    await page
      .getByRole('region', { name: 'Voorbeeld' })
      .getByRole('heading', { name: 'Agendapunt digitalisering: CMT' })
      .waitFor();
    await page.getByRole('button', { name: 'Agendapunt bijwerken in de uitnodiging' }).click();
    await expect.poll(async () => (await body(page)).writes).toBe(3);
    const third = await body(page);
    expect(count(third.body, BLOCK_ID)).toBe(1);
    expect(third.body).toContain('<h2>Agendapunt digitalisering: CMT</h2>');
    expect(third.body).not.toContain('MT Sociaal Domein</h2>');
    expect(third.body).toContain(`${ORGANISER_TEXT}${TEAMS_LINK}</body>`);
    expect(graphRequests).toEqual(['POST /$batch']);
    expect(errors).toEqual([]);

    // The invitation body as a mail client renders it.
    const mail = await browser.newPage({ viewport: { width: 720, height: 900 } });
    await mail.setContent(
      second.body.replace(
        '<head></head>',
        '<head><style>body{font-family:"Segoe UI",Calibri,Arial,sans-serif;font-size:14px;margin:16px}</style></head>',
      ),
    );
    await saveScreenshot(mail, 'addin-uitnodiging', { fullPage: true });
    await expect(mail.getByRole('heading', { level: 2 }).allInnerTexts()).resolves.toEqual([
      'Agendapunt digitalisering: MT Sociaal Domein',
    ]);
    await mail.close();
    await page.close();
  });

  it('keeps what the secretary typed in the agenda item when updating it, and says so before and after', async () => {
    const { page, errors } = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein – wekelijks overleg',
      start: MEETING,
      body: `<html><head></head><body>${ORGANISER_TEXT}</body></html>`,
    });
    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    await expect.poll(async () => (await body(page)).writes).toBe(1);
    // The secretary types a line inside the inserted block, in Outlook itself.
    const typed = 'Graag eerst 3.1 bespreken; Karin schuift aan.';
    await page.evaluate((line) => {
      const outlook = (window as unknown as { __outlook: { body: string } }).__outlook;
      outlook.body = outlook.body.replace('<h3>', `<p>${line}</p><h3>`);
    }, typed);
    const edited = (await body(page)).body;
    // The pane that inserted it, still open, says so once it has the focus back (Outlook has no body event).
    await expect(page.locator('#edited').count()).resolves.toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => page.locator('#edited').count()).toBe(1);
    const sameUpdate = page.getByRole('button', { name: 'Agendapunt bijwerken in de uitnodiging' });
    await expect(sameUpdate.getAttribute('aria-describedby')).resolves.toBe('edited');
    // Its "ingevoegd" from before the edit no longer holds.
    await expect(page.getByRole('status').innerText()).resolves.toBe('');
    expect((await body(page)).writes).toBe(1);

    // A pane opened on that invitation says so before anything is written.
    const second = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein – wekelijks overleg',
      start: MEETING,
      body: edited,
    });
    const update = second.page.getByRole('button', { name: 'Agendapunt bijwerken in de uitnodiging' });
    await update.waitFor();
    await expect(update.getAttribute('aria-describedby')).resolves.toBe('edited');
    await expect(second.page.locator('#edited').innerText()).resolves.toBe(
      'Het agendapunt in de uitnodiging is met de hand aangepast. Bij bijwerken komt het nieuwe agendapunt erboven en blijft jouw versie eronder staan.',
    );
    await update.click();
    await expect
      .poll(() => second.page.getByRole('status').innerText())
      .toBe(
        'Het agendapunt in de uitnodiging is bijgewerkt. Wat je er zelf in had getypt, staat eronder als eerdere versie: haal weg wat je niet meer nodig hebt.',
      );
    const after = (await body(second.page)).body;
    expect(count(after, BLOCK_ID)).toBe(1);
    expect(count(after, typed)).toBe(1);
    // The new block first, then the kept version under its label, then the organiser's own text.
    const at = (needle: string) => after.indexOf(needle);
    expect(at(`id="${BLOCK_ID}"`)).toBeLessThan(at('Eerdere versie van het agendapunt'));
    expect(at('Eerdere versie van het agendapunt')).toBeLessThan(at(typed));
    expect(at(typed)).toBeLessThan(at(ORGANISER_TEXT));
    await expect(second.page.locator('#edited').count()).resolves.toBe(0);
    expect([...errors, ...second.errors]).toEqual([]);
    await page.close();
    await second.page.close();
  });

  it('follows the invitation while open: new invitees propose their MT, a new time its agenda, a chosen MT stays', async () => {
    const { page, errors } = await openPane({ mode: 'compose', subject: 'Overleg', start: MEETING, body: '<p>x</p>' });
    await page.getByText('Kies het MT van deze vergadering.').waitFor();
    const change = (what: { requiredAttendees?: unknown[]; start?: string }, event: string) =>
      page.evaluate(
        ({ what, event }) => {
          const outlook = (window as unknown as { __outlook: Record<string, unknown> & { fire(t: string): void } })
            .__outlook;
          Object.assign(outlook, what);
          outlook.fire(event);
        },
        { what, event },
      );
    // The organiser adds the Sociaal Domein's director: the pane proposes that MT and shows its agenda.
    await change(
      {
        requiredAttendees: [
          { displayName: 'Directeur Sociaal Domein', emailAddress: 'directeur.sd@zoetermeer.example' },
        ],
      },
      'olkRecipientsChanged',
    );
    await expect.poll(() => page.getByLabel('MT').inputValue()).toBe('mt-sociaal-domein');
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      'De uitnodiging is gewijzigd: het voorbeeld hieronder volgt de nieuwe tijd en genodigden.',
    );
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await expect(preview.innerText()).resolves.toContain('donderdag 3 december 2026 om 13:00');
    // A week later: the agenda of that meeting.
    await change({ start: '2026-12-10T12:00:00Z' }, 'olkAppointmentTimeChanged');
    await expect.poll(() => preview.innerText()).toContain('donderdag 10 december 2026 om 13:00');
    // The person picks the CMT; invitees changed afterwards (with the time) no longer pick the MT for them.
    await page.getByLabel('MT').selectOption('cmt');
    await change(
      {
        requiredAttendees: [
          { displayName: 'Directeur Fysiek Domein', emailAddress: 'directeur.fd@zoetermeer.example' },
        ],
        start: '2026-12-17T12:00:00Z',
      },
      'olkRecipientsChanged',
    );
    await expect.poll(() => preview.innerText()).toContain('donderdag 17 december 2026 om 13:00');
    await expect(page.getByLabel('MT').inputValue()).resolves.toBe('cmt');
    await expect(preview.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(
      'Agendapunt digitalisering: CMT',
    );
    // Nothing was written by following.
    expect((await body(page)).writes).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for the MT when neither subject nor invitees name one, and offers no insert before one is chosen', async () => {
    const { page, errors } = await openPane({ mode: 'compose', subject: 'Overleg', start: MEETING, body: '<p>x</p>' });
    await page.getByText('Kies het MT van deze vergadering.').waitFor();
    await expect(page.getByLabel('MT').inputValue()).resolves.toBe('');
    await expect(page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).count()).resolves.toBe(0);
    await page.getByLabel('MT').selectOption('mt-fysiek-domein');
    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    await expect
      .poll(async () => (await body(page)).body)
      .toMatch(
        new RegExp(
          `^<div id="${BLOCK_ID}" lang="nl" class="actieplan-tekst-[0-9a-z]+"><h2>Agendapunt digitalisering: MT Fysiek Domein</h2>.*</div><p>x</p>$`,
        ),
      );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the Outlook add-in, when something is off', () => {
  it('says in Dutch when Outlook refuses the write, and keeps the button to try again', async () => {
    const { page, errors } = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein',
      start: MEETING,
      body: '<p>x</p>',
      failWrite: { code: 5001, message: 'An internal error has occurred.' },
    });
    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    const status = page.getByRole('status');
    await expect
      .poll(() => status.innerText())
      .toBe(
        'Invoegen is mislukt: Outlook nam de wijziging niet aan (foutcode 5001). Controleer of je deze uitnodiging mag bewerken, sla haar op en probeer het opnieuw.',
      );
    await expect(status.innerText()).resolves.not.toContain('internal error');
    await expect(page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("follows a start moved while the pane was open: the preview becomes that meeting's agenda, nothing inserted yet", async () => {
    const { page, errors } = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein',
      start: MEETING,
      body: '<p>x</p>',
    });
    const preview = page.getByRole('region', { name: 'Voorbeeld' });
    await expect.poll(() => preview.innerText()).toContain('donderdag 3 december 2026 om 13:00');
    // The organiser moves the meeting a week on in the invitation, with the pane open.
    await page.evaluate(() => {
      (window as unknown as { __outlook: { start: string } }).__outlook.start = '2026-12-10T12:00:00.000Z';
    });
    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toContain('De begintijd van de uitnodiging is intussen gewijzigd');
    await expect(preview.innerText()).resolves.toContain('donderdag 10 december 2026 om 13:00');
    expect((await body(page)).writes).toBe(0);
    await page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Het agendapunt staat in de uitnodiging.');
    expect((await body(page)).body).toContain('donderdag 10 december 2026 om 13:00');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says that an invitation without a start has none, instead of loading for ever', async () => {
    const { page, errors } = await openPane({
      mode: 'compose',
      subject: 'MT Sociaal Domein',
      start: 'nog niet',
      body: '',
    });
    await page.getByText('De uitnodiging heeft nog geen begintijd.').waitFor();
    await expect(page.getByText('De agenda wordt geladen…').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('outside Outlook shows the preview and says that inserting works only in Outlook', async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: 'nl-NL' });
    const errors = watchErrors(page);
    // No Office.js: the page is opened in a browser.
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(`${run.appUrl}/addin/index.html?persona=${encodeURIComponent(UPN.imSociaal)}&mt=mt-sociaal-domein`);
    await page.getByRole('region', { name: 'Voorbeeld' }).waitFor();
    await expect(page.getByText('Dit venster werkt alleen in Outlook.').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Invoegen in de uitnodiging' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the Outlook add-in, attendee', () => {
  it("shows the live agenda and the previous meeting's decisions, with no insert button", async () => {
    const { page, graphRequests, errors } = await openPane(
      {
        mode: 'read',
        subject: 'CMT-overleg',
        start: '2026-12-08T09:00:00.000Z',
        organizer: { displayName: 'Gemeentesecretaris', emailAddress: 'gs@zoetermeer.example' },
      },
      UPN.secretaris,
    );
    await page.getByRole('heading', { name: 'Digitalisering op de agenda', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Voorbeeld' })
      .getByRole('heading', { name: 'Agendapunt digitalisering: CMT' })
      .waitFor();
    expect(graphRequests).toEqual(['POST /$batch']);
    await expect(page.getByRole('button').count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Besluiten van de vorige vergadering' }).count()).resolves.toBe(1);
    expect(await seriousViolations(page), 'the attendee pane').toEqual([]);
    await saveScreenshot(page, 'addin-deelnemer', { fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
