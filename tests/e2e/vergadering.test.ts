/// <reference lib="dom" />
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { saveScreenshot } from './support/browser.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import type { HostContext, TestHost } from './support/host-server.js';
import { seriousViolations, UPN, watchErrors } from './support/tab.js';
import { whileTimePasses } from './support/waits.js';

let run: SharedRun;
let browser: Browser;
let host: TestHost;

beforeAll(async () => {
  const file = await openE2eFile({ host: true });
  ({ run, browser, host } = file);
  return file.close;
});

/**
 * The side panel of `tabPath` in the host. `clock`: the page's time is a fake clock that runs as usual until the test
 * lets time pass at once (`whileTimePasses`), for the retries' back-off after a dropped connection.
 */
async function sidePanel(
  tabPath: string,
  context: HostContext,
  { clock = false } = {},
): Promise<{ page: Page; tab: FrameLocator; frame: () => Frame; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  if (clock) await page.context().clock.install();
  const errors = watchErrors(page);
  await page.goto(host.url(`${run.appUrl}/${tabPath}`, { frameContext: 'sidePanel', ...context }));
  const frame = () => {
    const f = page.frames().find((fr) => fr.url().startsWith(run.appUrl));
    if (!f) throw new Error('The tab frame is not there');
    return f;
  };
  return { page, tab: page.frameLocator('#tab'), frame, errors };
}

const SOCIAAL = zoetermeerPlan.acties.filter((a) => a.domeinen.includes('Sociaal Domein')).map((a) => a.nummer);
// MT Sociaal Domein meets on Thursdays at 13:00 Amsterdam time.
const THIS_MEETING = '2026-12-03T12:00:00.000Z';
const NEXT_MEETING = '2026-12-10T12:00:00.000Z';

describe('the meeting side panel "Digitalisering"', () => {
  it('lists the agenda of the MT, records a tick and a decision, and shows the decision at the next meeting', async () => {
    const first = await sidePanel(
      `index.html?domein=Sociaal%20Domein&vergadering=${encodeURIComponent(THIS_MEETING)}#/roadmap`,
      { upn: UPN.imSociaal },
      { clock: true },
    );
    const panel = first.tab.getByTestId('vergadering-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-occurrence')).resolves.toBe('mt-sociaal-domein|2026-12-03T12:00:00Z');
    await expect(first.tab.getByRole('heading', { name: 'Digitalisering' }).count()).resolves.toBe(1);
    const nummers = await first.tab
      .getByTestId('actie-summary')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nummer')));
    expect(nummers.length).toBeGreaterThan(0);
    expect(nummers.every((n) => SOCIAAL.includes(n ?? ''))).toBe(true);
    await expect(first.tab.getByTestId('vorige-besluiten').innerText()).resolves.toContain('Geen besluiten vastgelegd');

    const item = first.tab.getByTestId('agenda-item').first();
    await item.getByRole('checkbox', { name: 'Besproken' }).check();
    await expect.poll(() => item.getByRole('status').innerText()).toBe('Opgeslagen.');
    await expect(item.getByRole('checkbox', { name: 'Besproken' }).isChecked()).resolves.toBe(true);

    // Without a connection the save fails in Dutch and the typed text stays.
    await first.page.route('**/lists/Besluiten/items**', (route) => route.abort('connectionreset'));
    // A failed tick says the tick went back (nothing was typed), and the box shows what is stored again.
    await item.getByRole('checkbox', { name: 'Besproken' }).click();
    // A tick is tried again a few times, seconds apart, before it is said to have failed: that time passes at once.
    await whileTimePasses(first.page, item.getByTestId('save-error'));
    await expect
      .poll(() => item.getByTestId('save-error').innerText())
      .toBe(
        'Opslaan is mislukt: er is geen verbinding met SharePoint. Het vinkje staat weer zoals het was; probeer het opnieuw.',
      );
    await expect(item.getByRole('checkbox', { name: 'Besproken' }).isChecked()).resolves.toBe(true);
    await item.getByTestId('besluit-tekst').fill('Extra capaciteit inzetten via de I-adviseur');
    await item.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => item.getByTestId('save-error').innerText())
      .toContain('Opslaan is mislukt: er is geen verbinding met SharePoint.');
    await expect(item.getByTestId('besluit-tekst').inputValue()).resolves.toBe(
      'Extra capaciteit inzetten via de I-adviseur',
    );
    await first.page.unroute('**/lists/Besluiten/items**');
    await item.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => item.getByTestId('besluit').allInnerTexts())
      .toEqual(['Besloten: Extra capaciteit inzetten via de I-adviseur']);
    await expect(item.getByRole('status').innerText()).resolves.toBe('Opgeslagen.');
    await expect(item.getByTestId('besluit-tekst').inputValue()).resolves.toBe('');
    await expect(item.getByTestId('save-error').count()).resolves.toBe(0);
    await saveScreenshot(first.page, 'side-panel-vergadering');
    expect(await seriousViolations(first.frame()), 'the side panel').toEqual([]);
    expect(first.errors).toEqual([]);
    await first.page.close();

    const next = await sidePanel(
      `index.html?domein=Sociaal%20Domein&vergadering=${encodeURIComponent(NEXT_MEETING)}#/roadmap`,
      { upn: UPN.imSociaal },
    );
    await next.tab.getByTestId('vergadering-panel').waitFor();
    await expect(next.tab.getByTestId('vergadering-panel').getAttribute('data-occurrence')).resolves.toBe(
      'mt-sociaal-domein|2026-12-10T12:00:00Z',
    );
    await expect(next.tab.getByTestId('vorig-besluit').allInnerTexts()).resolves.toEqual([
      'Extra capaciteit inzetten via de I-adviseur',
    ]);
    // This meeting's own items start unticked.
    await expect(
      next.tab.getByTestId('agenda-item').first().getByRole('checkbox', { name: 'Besproken' }).isChecked(),
    ).resolves.toBe(false);
    expect(await seriousViolations(next.frame()), 'the side panel with previous decisions').toEqual([]);
    expect(next.errors).toEqual([]);
    await next.page.close();
  });
});

describe('the side panel on a failed read (issue 17)', () => {
  it('says what failed in Dutch and "Opnieuw proberen" reads the agenda again', async () => {
    const panelPage = await browser.newPage({ viewport: { width: 320, height: 900 } });
    // The read is tried again a few times, seconds apart, before it is said to have failed: that time passes at once.
    await panelPage.context().clock.install();
    const errors = watchErrors(panelPage);
    // The agenda's read of the secretaries' choices fails; the plan itself (its own reads) is not touched.
    await panelPage.route('**/lists/Agendakeuzes/items**', (route) => route.abort('connectionreset'));
    await panelPage.goto(
      host.url(
        `${run.appUrl}/index.html?domein=Sociaal%20Domein&vergadering=${encodeURIComponent(NEXT_MEETING)}#/roadmap`,
        { frameContext: 'sidePanel', upn: UPN.imSociaal },
      ),
    );
    const tab = panelPage.frameLocator('#tab');
    const error = tab.getByTestId('vergadering-error');
    // First, in real time, the panel itself (its spinner, or already the error): the host's handshake has a time limit
    // of the page's own, which letting time pass before it connected would run out.
    await tab.getByText('De agenda wordt geladen…').or(error).first().waitFor({ timeout: 30_000 });
    await whileTimePasses(panelPage, error);
    await expect(error.innerText()).resolves.toContain('De agenda kon niet worden geladen');
    await panelPage.unroute('**/lists/Agendakeuzes/items**');
    await error.getByRole('button', { name: 'Opnieuw proberen' }).click();
    // The retry reads the MTs, the portfolio, the decisions and the choices again: generous under a loaded machine.
    await tab.getByTestId('vergadering-panel').waitFor({ timeout: 45_000 });
    await expect(error.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await panelPage.close();
  }, 60_000);
});
