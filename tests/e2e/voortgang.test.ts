/// <reference lib="dom" />
/**
 * The progress dashboard (issue 8) in Chromium on the seeded sandbox. Every expected number is computed in the test
 * from the lists read back through Graph with the domain's own report functions (`voortgangAt`, `trendPerMonth`,
 * `borging`), never hard-coded, so the test proves that the screen shows what the model says for the chosen date.
 */
import type { Browser, Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../support/documents/docx-text.js';
import { allNodes, readStructure } from '../support/documents/pdf-structure.js';
import { readPdf } from '../support/documents/pdf-text.js';
import { createActiesStore } from '../../src/data/acties-store.js';
import { createBesluitenStore } from '../../src/data/besluiten-store.js';
import type { Graph } from '../../src/data/graph/client.js';
import { createHerinneringenStore } from '../../src/data/herinneringen-store.js';
import { borgingInputOf, loadReportData, voortgangInputOf, type ReportData } from '../../src/data/report-data.js';
import { occurrenceKey, serializeSnapshot, snapshotOf } from '../../src/domain/agenda.js';
import { borging } from '../../src/domain/borging.js';
import { addDays, amsterdamDate } from '../../src/domain/dates.js';
import type { CalendarDate } from '../../src/domain/model.js';
import { endOfDay, planAt, trendPerMonth, voortgangAt, type Voortgangsrapportage } from '../../src/domain/report.js';
import { formatCalendarDate } from '../../src/tab/i18n/format.js';
import { saveScreenshot } from './support/browser.js';
import { downloadBytes, type SharedRun } from './support/shared-run.js';
import { openE2eFile } from './support/e2e-file.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';
import { WAIT } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let graph: Graph;
let siteId: string;
const GEMEENTE = 'Gemeente Zoetermeer';

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  const { client } = file;
  graph = client.graph;
  siteId = (await client.plan()).siteId;
  await logMeetings();
  return file.close;
});

const DAY = 86_400_000;
/** The MT whose agenda stood still: three sent agendas, one week apart, with the same snapshot. */
const STIL_MT = 'mt-sociaal-domein';

/**
 * The reminder log and decision log as a few weeks of meetings leave them: MT Sociaal Domein got three agendas with
 * the same actions (the last one discussed, with a decision), the CMT one agenda that failed to send.
 */
async function logMeetings(): Promise<void> {
  const data = await loadReportData(graph, siteId, { histories: false });
  const herinneringen = createHerinneringenStore(graph, siteId);
  const mt = data.mts.find((m) => m.value.key === STIL_MT);
  const cmt = data.mts.find((m) => m.value.key === 'cmt');
  if (!mt || !cmt) throw new Error('The seeded MTs are not there');
  const acties = data.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  const starts = [21, 14, 7].map((days) => new Date(Math.floor((Date.now() - days * DAY) / 60_000) * 60_000));
  for (const [i, start] of starts.entries()) {
    const sleutel = occurrenceKey(mt.value.key, start);
    const claim = await herinneringen.claim({
      sleutel,
      mtId: mt.id,
      mtNaam: mt.value.naam,
      moment: start.toISOString(),
      claimant: 'e2e',
    });
    if (!claim.won) throw new Error(`claim of ${sleutel} lost`);
    const snapshot = serializeSnapshot(snapshotOf({ mt: mt.value, occurrenceStart: start, now: start, acties }));
    const sent = await herinneringen.markSent(claim.item, `bericht-${i}`, snapshot);
    if (i === starts.length - 1) {
      const doorId = data.plan.users[0]?.id ?? '1';
      await herinneringen.markDiscussed(sent, doorId, new Date(start.getTime() + 3_600_000).toISOString());
      await createBesluitenStore(graph, siteId).record(
        {
          tekst: 'Digitalisering blijft vast agendapunt; IM rapporteert maandelijks.',
          vergadering: sleutel,
          mtId: mt.id,
          besproken: true,
          op: new Date(start.getTime() + 3_600_000).toISOString(),
        },
        'e2e-besluit-1',
      );
    }
  }
  const failedStart = new Date(Math.floor((Date.now() - 3 * DAY) / 60_000) * 60_000);
  const failed = await herinneringen.claim({
    sleutel: occurrenceKey(cmt.value.key, failedStart),
    mtId: cmt.id,
    mtNaam: cmt.value.naam,
    moment: failedStart.toISOString(),
    claimant: 'e2e',
  });
  if (!failed.won) throw new Error('claim of the CMT meeting lost');
  await herinneringen.markFailed(failed.item, 'Kanaal niet bereikbaar (test)');
}

/**
 * Opens the tab as the gemeentesecretaris. `aheadMs` moves the browser's clock forward (`new Date()` and `Date.now`).
 * Neither Playwright's clock nor a `class extends Date` will do: the first returns a plain Date from its constructor
 * and the second hides `Date.prototype`'s own methods, and either breaks the TZDate that the domain's date
 * functions build on. A constructor that shares the real prototype keeps both working.
 */
async function open(
  hash: string,
  options: Parameters<typeof personaContext>[2] & { aheadMs?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.gemeentesecretaris, options);
  if (options.aheadMs) {
    await context.addInitScript((offset: number) => {
      const Real = Date;
      function Shifted(...args: unknown[]): Date | string {
        if (!new.target) return new Real(Real.now() + offset).toString();
        return Reflect.construct(Real, args.length > 0 ? args : [Real.now() + offset], new.target) as Date;
      }
      Shifted.prototype = Real.prototype;
      Object.setPrototypeOf(Shifted, Real);
      Object.defineProperty(Shifted, 'now', { value: () => Real.now() + offset });
      window.Date = Shifted as unknown as DateConstructor;
    }, options.aheadMs);
  }
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${hash}`);
  return { page, errors };
}

/** The dashboard with everything loaded: the numbers, the trend and the borging. */
async function dashboard(page: Page): Promise<void> {
  await page.getByTestId('voortgang').waitFor();
  await page.locator('[data-testid="trend-table"], [data-testid="trend-empty"]').first().waitFor();
  await page.locator('[data-testid="borging-table"]').waitFor();
}

type Row = Record<string, string>;

/** A table's body as rows keyed by a row attribute, each cell by its `data-col`. */
async function scrape(page: Page, testId: string, keyAttribute: string): Promise<Record<string, Row>> {
  return page.getByTestId(testId).evaluate((table, attr) => {
    const out: Record<string, Record<string, string>> = {};
    for (const tr of Array.from(table.querySelectorAll('tbody tr'))) {
      const row: Record<string, string> = {};
      for (const td of Array.from(tr.querySelectorAll('[data-col]')))
        row[td.getAttribute('data-col') ?? ''] = (td.textContent ?? '').trim();
      out[tr.getAttribute(attr) ?? ''] = row;
    }
    return out;
  }, keyAttribute);
}

const COUNT_COLS = [
  'total',
  'afgerond',
  'lopend',
  'geblokkeerd',
  'nietGestart',
  'nietOvergenomen',
  'achterstallig',
] as const;

function expectedAdviesRows(model: Voortgangsrapportage): Record<string, Row> {
  return Object.fromEntries(
    model.perAdvies.map((a) => [
      String(a.nummer),
      {
        ...Object.fromEntries(COUNT_COLS.map((c) => [c, String(a.counts[c])])),
        percentAfgerond: `${a.counts.percentAfgerond}%`,
      },
    ]),
  );
}

async function modelFor(
  peildatum: CalendarDate,
  now = new Date(),
): Promise<{ data: ReportData; model: Voortgangsrapportage }> {
  const data = await loadReportData(graph, siteId);
  return { data, model: voortgangAt(voortgangInputOf(data, { peildatum, gemeente: GEMEENTE, now })) };
}

async function kpis(page: Page): Promise<Record<string, number>> {
  const read = async (id: string) => Number(await page.getByTestId(id).innerText());
  return {
    total: await read('kpi-total'),
    afgerond: await read('kpi-done'),
    lopend: await read('kpi-running'),
    geblokkeerd: await read('kpi-blocked'),
    achterstallig: await read('kpi-overdue'),
  };
}

const today = () => amsterdamDate(new Date());

/** Clicks a download button and returns the file the browser saved. */
async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await downloadBytes(download));
}

/** The PDF's text as a reader sees it (pdfjs), pages joined. */
async function pdfTextOf(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).pages.map((p) => p.text).join('\n');
}

/** The Word document's text: every paragraph of word/document.xml (table cells too) on its own line. */
function docxTextOf(bytes: Uint8Array): string {
  return readDocx(bytes)
    .paragraphs.map((p) => p.text)
    .join('\n');
}

/**
 * The counts of one advies in a report's text: its section ("Advies 3. …", after the heading "Voortgang per advies")
 * holds one counts table, Totaal … Achterstallig, with one row of seven numbers.
 */
function countsInReport(text: string, nummer: string): number[] | undefined {
  const flat = text.replace(/\s+/g, ' ');
  const sections = flat.indexOf('Voortgang per advies');
  const start = flat.indexOf(`Advies ${nummer}. `, sections);
  if (sections < 0 || start < 0) return undefined;
  const table = /Totaal Afgerond Lopend Geblokkeerd Niet gestart Niet overgenomen Achterstallig((?: \d+){7})/.exec(
    flat.slice(start),
  );
  return table?.[1]?.trim().split(' ').map(Number);
}

describe('the progress dashboard', () => {
  it('shows the key figures, the table per advies and the planning judgement as voortgangOp computes them for today', async () => {
    const { page, errors } = await open('#/voortgang');
    await dashboard(page);
    const { model } = await modelFor(today());
    await expect(page.getByTestId('voortgang').getAttribute('data-peildatum')).resolves.toBe(today());
    // The date field writes the date the way the app does everywhere (30 jun 2025), not the browser's own format.
    await expect(page.getByTestId('peildatum').inputValue()).resolves.toBe(formatCalendarDate(today(), 'nl'));
    // A date after today is refused with the reason, and the dashboard stays on today.
    await page.getByTestId('peildatum').fill('31-12-2099');
    await page.getByTestId('peildatum').press('Tab');
    await expect
      .poll(() => page.getByTestId('date-problem').innerText())
      .toBe(`Kies een datum tot en met ${formatCalendarDate(today(), 'nl')}; deze datum is niet overgenomen.`);
    await expect(page.getByTestId('voortgang').getAttribute('data-peildatum')).resolves.toBe(today());
    expect(await kpis(page)).toEqual({
      total: model.totals.total,
      afgerond: model.totals.afgerond,
      lopend: model.totals.lopend,
      geblokkeerd: model.totals.geblokkeerd,
      achterstallig: model.totals.achterstallig,
    });
    expect(await scrape(page, 'progress-table', 'data-key')).toEqual(expectedAdviesRows(model));

    const planning = await page.getByTestId('planning-table').evaluate((table) =>
      Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
        nummer: Number(tr.getAttribute('data-nummer')),
        oordeel: tr.getAttribute('data-oordeel'),
        planning: (tr.querySelector('td')?.textContent ?? '').trim(),
      })),
    );
    // Without a planning (advies 9) the table says so in its own words, never inside the college's text.
    expect(planning).toEqual(
      model.perAdvies.map((a) => ({
        nummer: a.nummer,
        oordeel: a.oordeel,
        planning: a.collegePlanning.trim() || 'Het college gaf geen planning',
      })),
    );
    // The judgement is words, not only a colour.
    const labels = {
      gehaald: 'Gehaald',
      'niet-gehaald': 'Niet gehaald',
      doorlopend: 'Doorlopend',
      'niet-gestart': 'Niet op tijd gestart',
      'binnen-termijn': 'Binnen termijn',
      'geen-termijn': 'Geen termijn',
    } as const;
    const shown = await page.getByTestId('oordeel').allInnerTexts();
    expect(shown.map((s) => s.trim())).toEqual(model.perAdvies.map((a) => labels[a.oordeel]));
    // The rule for standing commitments, with when such an action counts as overdue (docs/domain.md).
    await expect(page.getByTestId('planning-regel').innerText()).resolves.toContain(
      'Achterstallig is zo’n actie alleen zolang ze na die datum nog niet is gestart.',
    );

    // The plateau gate: the state and a sentence with Randvoorwaardelijk's numbers; one labelled bar per plateau.
    const gate = page.getByTestId('plateau-gate');
    await expect(gate.getAttribute('data-toestand')).resolves.toBe(model.gate.toestand);
    const rv = model.gate.randvoorwaardelijk;
    await expect(gate.getByTestId('gate-sentence').innerText()).resolves.toContain(
      `${rv.afgerond} van ${rv.total - rv.nietOvergenomen} opgepakte acties afgerond`,
    );
    await expect(gate.getByRole('progressbar').count()).resolves.toBe(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a status change made through Graph', async () => {
    const before = await modelFor(today());
    // An action of one domain: a shared action's status rolls up from its rows per domain, not its own field.
    const target = before.data.plan.acties.find(
      (a) =>
        a.value.status === 'Niet gestart' &&
        a.value.plateau === 'Randvoorwaardelijk' &&
        new Set(a.value.domeinen).size < 2,
    );
    if (!target) throw new Error('no action Niet gestart in Randvoorwaardelijk');
    await createActiesStore(graph, siteId, before.data.plan).update(target, { status: 'Loopt' });
    const after = await modelFor(today());
    expect(after.model.totals.lopend).toBe(before.model.totals.lopend + 1);

    const { page } = await open('#/voortgang');
    await dashboard(page);
    await expect.poll(async () => (await kpis(page)).lopend).toBe(after.model.totals.lopend);
    expect(await scrape(page, 'progress-table', 'data-key')).toEqual(expectedAdviesRows(after.model));
    await expect(page.getByTestId('plateau-gate').getAttribute('data-toestand')).resolves.toBe(
      after.model.gate.toestand,
    );
    // The trend's last month is today's state.
    const trend = await scrape(page, 'trend-table', 'data-maand');
    const month = today().slice(0, 7);
    expect(trend[month]?.lopend).toBe(String(after.model.totals.lopend));
    await page.context().close();
  });

  it('says there is no history for a date before the seed, and returns to today', async () => {
    const yesterday = addDays(today(), -1);
    const { page, errors } = await open(`#/voortgang?datum=${yesterday}`);
    await page.getByTestId('no-history').waitFor();
    await expect(page.getByTestId('no-history').innerText()).resolves.toMatch(/geen geschiedenis/);
    await expect(page.getByTestId('progress-table').count()).resolves.toBe(0);
    await expect(page.getByTestId('download-pdf').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('trend-empty').count()).resolves.toBe(1);
    // Choosing today again (the button) brings the live figures back and drops the date from the URL.
    await page.getByRole('button', { name: 'Vandaag' }).click();
    await page.getByTestId('progress-table').waitFor();
    expect(page.url()).not.toContain('datum=');
    // Typing a date in the field puts it in the URL.
    await page.getByRole('combobox', { name: 'Peildatum' }).fill(yesterday);
    await page.getByRole('combobox', { name: 'Peildatum' }).press('Tab');
    await expect.poll(() => page.url()).toContain(`datum=${yesterday}`);
    await page.getByTestId('no-history').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a past date as the version history says, with the trend from the first version to that date', async () => {
    // The browser lives 40 days ahead: today (on the server) is then a date in the past, read from the history.
    const peildatum = today();
    const ahead = new Date(Date.now() + 40 * DAY);
    const { page, errors } = await open(`#/voortgang?datum=${peildatum}`, { aheadMs: 40 * DAY });
    await dashboard(page);
    await page.getByTestId('progress-table').waitFor();
    const data = await loadReportData(graph, siteId);
    const acties = planAt(data.histories, endOfDay(peildatum));
    const model = voortgangAt({
      gemeente: GEMEENTE,
      peildatum,
      adviezen: data.plan.adviezen.map((a) => a.value),
      acties,
    });
    await expect(page.getByTestId('peildatum-text').innerText()).resolves.toContain('versiegeschiedenis');
    expect(await kpis(page)).toEqual({
      total: model.totals.total,
      afgerond: model.totals.afgerond,
      lopend: model.totals.lopend,
      geblokkeerd: model.totals.geblokkeerd,
      achterstallig: model.totals.achterstallig,
    });
    expect(await scrape(page, 'progress-table', 'data-key')).toEqual(expectedAdviesRows(model));

    // Trend up to the browser's today: from the month of the first version (the seed, this month) to 40 days on.
    const browserToday = amsterdamDate(ahead);
    const points = trendPerMonth(data.histories, browserToday);
    await page.getByRole('button', { name: 'Vandaag' }).click();
    await page.getByTestId('kpi-waiting').waitFor();
    const trend = await scrape(page, 'trend-table', 'data-maand');
    expect(Object.keys(trend)).toEqual(points.map((p) => p.maand));
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points[0]?.maand).toBe(today().slice(0, 7));
    for (const p of points) {
      expect(trend[p.maand]).toEqual(
        Object.fromEntries(COUNT_COLS.filter((c) => c !== 'total').map((c) => [c, String(p.counts[c])])),
      );
    }
    await expect(page.getByTestId('trend-start').getAttribute('data-maand')).resolves.toBe(points[0]?.maand);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the borging of 11.5 per MT as borging() computes it, and opens a stilstaande action', async () => {
    const { page, errors } = await open('#/voortgang');
    await dashboard(page);
    const data = await loadReportData(graph, siteId);
    const expected = borging(borgingInputOf(data, endOfDay(today())));
    expect(expected).toHaveLength(5);
    const shown = await scrape(page, 'borging-table', 'data-mt');
    expect(Object.keys(shown).sort()).toEqual(expected.map((m) => m.mtKey).sort());
    for (const mt of expected) {
      expect(shown[mt.mtKey], mt.mtKey).toMatchObject({
        vergaderingen: String(mt.vergaderingen),
        verzonden: String(mt.verzonden),
        besproken: String(mt.besproken),
        besprokenPercent: `${mt.besprokenPercent}%`,
        besluiten: String(mt.besluiten),
        afgevinkt: String(mt.afgevinkt),
        mislukt: String(mt.mislukt),
      });
    }
    const sociaal = expected.find((m) => m.mtKey === STIL_MT);
    expect(sociaal).toMatchObject({ vergaderingen: 3, verzonden: 3, besproken: 1, besluiten: 1 });
    expect(expected.find((m) => m.mtKey === 'cmt')?.mislukt).toBe(1);

    const stil = sociaal?.stilstaand ?? [];
    expect(stil.length).toBeGreaterThan(0);
    const rows = page.getByTestId('stilstand-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(expected.reduce((n, m) => n + m.stilstaand.length, 0));
    const first = stil[0];
    if (!first) throw new Error('no stilstaande action');
    const row = page.locator(`[data-testid="stilstand-table"] tr[data-mt="${STIL_MT}"][data-nummer="${first.nummer}"]`);
    await expect(row.locator('td').last().innerText()).resolves.toBe(String(first.vergaderingen));
    await row.getByRole('button').click();
    const detail = page.getByRole('dialog');
    await detail.getByRole('heading', { name: new RegExp(first.nummer.replace('.', '\\.')) }).waitFor();
    expect(page.url()).toContain(`actie=${first.id}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows today at once, and a Dutch error with retry when the history cannot be read', async () => {
    const { page, errors } = await open('#/roadmap');
    await page.getByTestId('roadmap-card').first().waitFor();
    // Fluent's message bar loads once the first view is there; a message after that is the bar from its first frame.
    // Before, each message showed a plain version first and the bar in its place a moment later, and a click on
    // "Opnieuw proberen" in that moment was lost (this test timed out that way under load).
    const noticeBar = await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /\/notice-bar-[^/]*\.js$/.test(name)),
    );
    // (A string: vitest would rewrite an import() in a function.) The app's own import of it has resolved before this.
    await page.evaluate(`import(${JSON.stringify(await noticeBar.jsonValue())}).then(() => undefined)`);
    await page.evaluate(() => {
      (window as unknown as { plainNotices: number }).plainNotices = 0;
      // Every element added, also one removed again in the same task.
      new MutationObserver((records) => {
        for (const node of records.flatMap((r) => Array.from(r.addedNodes)))
          if (
            node instanceof Element &&
            (node.matches('[data-notice="plain"]') || node.querySelector('[data-notice="plain"]'))
          )
            (window as unknown as { plainNotices: number }).plainNotices += 1;
      }).observe(document.body, { childList: true, subtree: true });
    });
    // The plan is loaded; the report's reads (one $batch, then the versions) now fail once.
    let refused = 0;
    await page.route('**/$batch', async (route) => {
      refused += 1;
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalidRequest', message: 'Test: geweigerd' } }),
      });
    });
    await page.getByRole('link', { name: 'Voortgang' }).click();
    await page.getByTestId('data-error').waitFor();
    expect(refused).toBeGreaterThan(0);
    await expect(page.getByTestId('data-error').innerText()).resolves.toMatch(/konden niet worden geladen/);
    await expect(page.getByTestId('data-error').locator('.fui-MessageBar').count()).resolves.toBe(1);
    await expect(page.evaluate(() => (window as unknown as { plainNotices: number }).plainNotices)).resolves.toBe(0);
    // Today's figures come from the live plan and stay; the downloads wait for the data.
    await page.getByTestId('progress-table').waitFor();
    await expect(page.getByTestId('download-pdf').isDisabled()).resolves.toBe(true);
    await page.unroute('**/$batch');
    await page.getByTestId('data-error').getByRole('button', { name: 'Opnieuw proberen' }).click();
    await dashboard(page);
    await expect(page.getByTestId('data-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('download-pdf').isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('downloads the report as PDF and Word for the chosen date, with the per-advies counts the dashboard shows', async () => {
    // A date before today is made from the history: the browser lives 40 days ahead, the report is for today.
    const peildatum = today();
    const { page, errors } = await open(`#/voortgang?datum=${peildatum}`, { aheadMs: 40 * DAY });
    await dashboard(page);
    await page.getByTestId('progress-table').waitFor();
    const shown = await scrape(page, 'progress-table', 'data-key');
    const counts = (nummer: string) => COUNT_COLS.map((c) => Number(shown[nummer]?.[c]));
    expect(Object.keys(shown)).toHaveLength(11);

    const pdf = await downloadOf(page, 'download-pdf');
    expect(pdf.name).toBe(`voortgangsrapportage-${peildatum}.pdf`);
    const pdfText = await pdfTextOf(pdf.bytes);
    expect(pdfText).toContain('Voortgangsrapportage Actieplan Digitaal Leiderschap');
    expect(pdfText).toContain(GEMEENTE);
    for (const nummer of Object.keys(shown))
      expect(countsInReport(pdfText, nummer), `PDF, advies ${nummer}`).toEqual(counts(nummer));
    // The browser's PDF is tagged as the CLI's is: the advies headings in order in its structure tree.
    const adviesKoppen = allNodes((await readStructure(pdf.bytes)).flat()).filter(
      (n) => n.role === 'H3' && n.text.startsWith('Advies '),
    );
    expect(adviesKoppen.map((n) => n.text.slice(0, n.text.indexOf('.')))).toEqual(
      Object.keys(shown).map((n) => `Advies ${n}`),
    );
    // The borging of 11.5 in the report has the dashboard's figures per MT.
    const borgingShown = await scrape(page, 'borging-table', 'data-mt');
    const stilPerMt = await page
      .locator('[data-testid="stilstand-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-mt')));
    expect(Object.keys(borgingShown).length).toBeGreaterThan(0);
    for (const [mtKey, row] of Object.entries(borgingShown)) {
      const stil = stilPerMt.filter((k) => k === mtKey).length;
      expect(pdfText, `borging ${mtKey}`).toContain(
        `${row.vergaderingen} ${row.verzonden} ${row.besproken} (${row.besprokenPercent}) ${row.besluiten} ${stil}`,
      );
    }

    const docx = await downloadOf(page, 'download-docx');
    expect(docx.name).toBe(`voortgangsrapportage-${peildatum}.docx`);
    const docxText = docxTextOf(docx.bytes);
    expect(docxText).toContain(GEMEENTE);
    for (const nummer of Object.keys(shown))
      expect(countsInReport(docxText, nummer), `Word, advies ${nummer}`).toEqual(counts(nummer));
    // The buttons are usable again after each download.
    await expect(page.getByTestId('download-pdf').isEnabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
    // Two documents built in the browser and read back (text and structure tree): 40 s at load 20 on 2 cores.
  }, 120_000);

  it("in a channel tab shows the domain's adviezen only, and still reports on the whole plan", async () => {
    const { page, errors } = await open('?domein=Sociaal%20Domein#/voortgang');
    await dashboard(page);
    const { data, model } = await modelFor(today());
    const sociaal = new Set(
      data.plan.acties.filter((a) => a.value.domeinen.includes('Sociaal Domein')).map((a) => String(a.value.advies)),
    );
    const rows = await page
      .getByTestId('planning-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-nummer')));
    expect(rows).toEqual(model.perAdvies.map((a) => String(a.nummer)).filter((n) => sociaal.has(n)));
    expect(rows.length).toBeLessThan(11);

    const pdf = await downloadOf(page, 'download-pdf');
    const text = await pdfTextOf(pdf.bytes);
    for (const a of model.perAdvies)
      expect(countsInReport(text, String(a.nummer)), `advies ${a.nummer}`).toEqual(COUNT_COLS.map((c) => a.counts[c]));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws each bar of the progress chart inside the chart at 400 px wide, one segment per status with actions', async () => {
    const { page, errors } = await open('#/voortgang', { width: 400 });
    await dashboard(page);
    const { model } = await modelFor(today());
    const chart = page.locator('.fui-hbc__chart').first();
    await chart.waitFor({ timeout: WAIT.view });
    const bars = await page.locator('.fui-hbc__chart').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        // The status segments (the library adds an empty rect of its own after them, without a role).
        const rects = Array.from(svg.querySelectorAll('rect[role="option"]')).map((r) => r.getBoundingClientRect());
        return {
          segments: rects.length,
          inside: rects.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5),
          end: Math.max(...rects.map((r) => r.right)) - box.right,
        };
      }),
    );
    const statuses = (a: (typeof model.perAdvies)[number]) =>
      [a.counts.afgerond, a.counts.lopend, a.counts.geblokkeerd, a.counts.nietGestart, a.counts.nietOvergenomen].filter(
        (n) => n > 0,
      ).length;
    expect(bars.map((b) => b.segments)).toEqual(model.perAdvies.map(statuses));
    expect(bars.filter((b) => !b.inside)).toEqual([]);
    // Every bar is the whole width: it ends where its chart ends, whatever its number of statuses.
    expect(bars.filter((b) => Math.abs(b.end) > 1)).toEqual([]);
    // The colours are explained once under the chart, also when the last bar has one status.
    await expect(page.locator('.fui-hbc__legendContainer').count()).resolves.toBe(1);
    // Nor does the page scroll sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(400);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says in Dutch when a report cannot be made, and lets the person try again', async () => {
    const { page, errors } = await open('#/voortgang');
    await dashboard(page);
    // The PDF library's chunk does not arrive (a flaky network): the button comes back with a message.
    await page.route('**/assets/pdfkit.standalone-*.js', (route) => route.abort());
    await page.getByTestId('download-pdf').click();
    await page.getByTestId('download-error').waitFor();
    await expect(page.getByTestId('download-error').innerText()).resolves.toMatch(
      /^De rapportage kon niet worden gemaakt\. Probeer het opnieuw/,
    );
    await expect(page.getByTestId('download-pdf').isEnabled()).resolves.toBe(true);
    // The Word report does not need that chunk: it still works, and a new attempt clears the message.
    const docx = await downloadOf(page, 'download-docx');
    expect(docx.name).toBe(`voortgangsrapportage-${today()}.docx`);
    await expect(page.getByTestId('download-error').count()).resolves.toBe(0);
    // The connection is back: the PDF comes on the next attempt. (Chromium keeps a failed dynamic import for the page's
    // life, so the same import failed again without a request; `retryingImport` asks under another URL.)
    await page.unroute('**/assets/pdfkit.standalone-*.js');
    const pdf = await downloadOf(page, 'download-pdf');
    expect(pdf.name).toBe(`voortgangsrapportage-${today()}.pdf`);
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('download-error').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no serious or critical violations on the dashboard (${scheme})`, async () => {
        const { page } = await open('#/voortgang', { colorScheme: scheme });
        await dashboard(page);
        await page.getByTestId('trend-table').waitFor();
        await page.locator('[data-testid="trend"] svg').first().waitFor();
        await expect(page.locator('[data-theme]').first().getAttribute('data-theme')).resolves.toBe(scheme);
        const violations = await seriousViolations(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        await saveScreenshot(page, `voortgang-dashboard-${scheme}`, { fullPage: true });
        await page.context().close();
      });
    }
  });
});
