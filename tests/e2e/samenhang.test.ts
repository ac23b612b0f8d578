/// <reference lib="dom" />
/**
 * The links the sources make (issue 13, point 7), read from the site through Graph: advies 1 is taken up "in
 * samenhang met aanbeveling 3 en 5" (000:74–75), and the findings are grouped by theme as the report's appendices
 * group them (1–4 A, 5–7 B, 8–9 C). The action's detail shows both, in Dutch and in English.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../src/domain/plan/zoetermeer.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, seriousViolations, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  return file.close;
});

const advies = (nummer: number) => zoetermeerPlan.adviezen.find((a) => a.nummer === nummer)!;
const bevinding = (nummer: number) => zoetermeerPlan.bevindingen.find((b) => b.nummer === nummer)!;

async function openDetail(page: Page, nummer: string) {
  await page.goto(`${run.appUrl}/#/lijst`);
  const row = page.locator(`[data-testid="actie-row"][data-nummer="${nummer}"]`);
  await row.waitFor();
  await row.click();
  const detail = page.getByRole('dialog');
  await detail.getByRole('heading', { name: new RegExp(nummer.replace('.', '\\.')) }).waitFor();
  return detail;
}

describe('related adviezen and findings by theme in the detail', () => {
  it('1.1 (advies 1) names advies 3 and 5 and groups its findings 3, 4 under theme A and 5 under B; 3.1 (advies 3) shows it is taken up with advies 1', async () => {
    const context = await personaContext(browser, UPN.imSociaal);
    const page = await context.newPage();
    const errors = watchErrors(page);
    let detail = await openDetail(page, '1.1');
    const related = detail.getByTestId('samenhang').locator('li');
    await expect(related.evaluateAll((li) => li.map((l) => l.getAttribute('data-advies')))).resolves.toEqual([
      '3',
      '5',
    ]);
    await expect(related.first().innerText()).resolves.toContain(`3. ${advies(3).titel}`);
    await expect(related.first().innerText()).resolves.toContain('Genoemd in de reactie van het college op dit advies');
    // The college's own words are right above, in its reaction.
    await expect(detail.getByText(advies(1).collegeReactie).count()).resolves.toBe(1);

    const groups = detail.getByTestId('bevinding-thema');
    await expect(groups.evaluateAll((g) => g.map((x) => x.getAttribute('data-thema')))).resolves.toEqual(['A', 'B']);
    await expect(groups.nth(0).locator('p').first().innerText()).resolves.toBe('Thema A · Structuur versterken');
    await expect(groups.nth(0).getByTestId('bevinding').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(`3. ${bevinding(3).titel}`),
      expect.stringContaining(`4. ${bevinding(4).titel}`),
    ]);
    await expect(groups.nth(1).locator('p').first().innerText()).resolves.toBe('Thema B · Verbinding organiseren');
    await expect(groups.nth(1).getByTestId('bevinding').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(`5. ${bevinding(5).titel}`),
    ]);
    expect(await seriousViolations(page), 'the detail of 1.1').toEqual([]);
    await page.keyboard.press('Escape');

    detail = await openDetail(page, '3.1');
    const back = detail.getByTestId('samenhang').locator('li');
    await expect(back.evaluateAll((li) => li.map((l) => l.getAttribute('data-advies')))).resolves.toEqual(['1']);
    await expect(back.first().innerText()).resolves.toContain(
      'De reactie van het college op advies 1 noemt dit advies',
    );
    await page.keyboard.press('Escape');

    // An advies the college relates to no other shows no such section.
    detail = await openDetail(page, '2.2');
    await expect(detail.getByTestId('samenhang').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks English: the relation and the theme labels come from the English catalogue', async () => {
    const context = await personaContext(browser, UPN.imSociaal, { locale: 'en-GB' });
    const page = await context.newPage();
    const detail = await openDetail(page, '1.1');
    await expect(detail.getByTestId('samenhang').locator('li').first().innerText()).resolves.toContain(
      'Named in the Municipal Executive’s response to this recommendation',
    );
    await expect(detail.getByTestId('bevinding-thema').nth(1).locator('p').first().innerText()).resolves.toBe(
      'Theme B · Organise connection',
    );
    await context.close();
  });
});

describe('related adviezen on the dashboard', () => {
  /** Per row of the dashboard's planning table (per advies): the "in samenhang met" lines. */
  async function samenhangPerAdvies(page: Page): Promise<Record<string, string[]>> {
    await page.goto(`${run.appUrl}/#/voortgang`);
    const table = page.getByTestId('planning-table');
    await table.waitFor();
    return table.evaluate((t) =>
      Object.fromEntries(
        Array.from(t.querySelectorAll('tbody tr'))
          .map((tr): [string, string[]] => [
            tr.getAttribute('data-nummer') ?? '',
            Array.from(tr.querySelectorAll('[data-testid="samenhang"]')).map((e) => (e.textContent ?? '').trim()),
          ])
          .filter(([, lines]) => lines.length > 0),
      ),
    );
  }

  it('the per-advies table shows advies 1 with 3 and 5, and 3 and 5 with 1, as the detail and the report do (nl and en)', async () => {
    const nl = await personaContext(browser, UPN.imSociaal);
    const page = await nl.newPage();
    const errors = watchErrors(page);
    expect(await samenhangPerAdvies(page)).toEqual({
      '1': ['In samenhang met advies 3 en 5: genoemd in de reactie van het college op dit advies'],
      '3': ['In samenhang met advies 1: de reactie van het college op advies 1 noemt dit advies'],
      '5': ['In samenhang met advies 1: de reactie van het college op advies 1 noemt dit advies'],
    });
    expect(errors).toEqual([]);
    await nl.close();

    const en = await personaContext(browser, UPN.imSociaal, { locale: 'en-GB' });
    expect(await samenhangPerAdvies(await en.newPage())).toEqual({
      '1': [
        'Taken up together with recommendations 3 and 5: named in the Municipal Executive’s response to this recommendation',
      ],
      '3': [
        'Taken up together with recommendation 1: the Municipal Executive’s response to recommendation 1 names this recommendation',
      ],
      '5': [
        'Taken up together with recommendation 1: the Municipal Executive’s response to recommendation 1 names this recommendation',
      ],
    });
    await en.close();
  });
});
