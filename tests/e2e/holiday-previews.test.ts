/// <reference lib="dom" />
/**
 * The tab's send-time previews skip the reminder job's holidays (issue 14's last item): a meeting whose card would go
 * out on Kerstmis shows the working day before, in Instellingen (the MT's reminder status and the form's next three
 * meetings) and in Volgende vergadering, as the job sends it. The holidays come from the app server's /healthz (the
 * job's rule and EXTRA_HOLIDAYS); the tab carries no holiday library.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../src/domain/dates.js';
import { beheerdersToFields, MT_FIELDS } from '../../src/data/lists/mts.js';
import { loadMTSettings } from '../../src/data/mts-store.js';
import type { HealthBody } from '../../src/shared/wire.js';
import { formatInstant } from '../../src/tab/i18n/format.js';
import { openE2eFile } from './support/e2e-file.js';
import type { SharedRun } from './support/shared-run.js';
import { personaContext, UPN, watchErrors } from './support/tab.js';

let run: SharedRun;
let browser: Browser;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * The next Christmas far enough ahead: a meeting on 28 December at 10:00 (Amsterdam, UTC+1 in winter) with a lead
 * time of three days would send its card on 25 December, Kerstmis. The job sends it on the working day before at the
 * same time: 24 December, or the Friday before when the 24th is in a weekend (worked out here without the app's code).
 */
function christmasCase(today: string) {
  const thisYear = Number(today.slice(0, 4));
  const year = today <= `${thisYear}-12-20` ? thisYear : thisYear + 1;
  const meeting = new Date(`${year}-12-28T09:00:00Z`);
  const naive = new Date(`${year}-12-25T09:00:00Z`);
  const moved = new Date(`${year}-12-24T09:00:00Z`);
  while (moved.getUTCDay() === 0 || moved.getUTCDay() === 6) moved.setUTCDate(moved.getUTCDate() - 1);
  const schema =
    `DTSTART;TZID=Europe/Amsterdam:${year}1228T100000\n` +
    `RRULE:FREQ=WEEKLY;BYDAY=${WEEKDAYS[meeting.getUTCDay()]};BYHOUR=10;BYMINUTE=0`;
  return { year, meeting, naive, moved, schema };
}

const kerst = christmasCase(amsterdamDate(new Date()));
const at = (d: Date) => formatInstant(d.toISOString(), 'nl');

beforeAll(async () => {
  const file = await openE2eFile();
  ({ run, browser } = file);
  const { client } = file;
  const plan = await client.plan();
  const beheerder = plan.users.find((u) => u.email === UPN.imSociaal);
  if (!beheerder?.id) throw new Error('persona not on the site');
  const { mts } = await loadMTSettings(client.graph, plan.siteId, new Date('2020-01-01T00:00:00Z'));
  const cmt = mts.find((m) => m.value.key === 'cmt');
  if (!cmt) throw new Error('no CMT');
  // The CMT meets from 28 December on, weekly, and wants its card three days before.
  await client.graph.patch(`/sites/${plan.siteId}/lists/MTs/items/${cmt.id}/fields`, {
    ...beheerdersToFields([beheerder.id]),
    [MT_FIELDS.schema]: kerst.schema,
    [MT_FIELDS.voorlooptijd]: 3 * 1440,
  });
  return file.close;
});

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const context = await personaContext(browser, UPN.imSociaal);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${run.appUrl}/${hash}`);
  return { page, errors };
}

describe("the tab's send-time previews skip the reminder job's holidays", () => {
  it("the app server's /healthz carries the job's holidays, Kerstmis among them", async () => {
    const body = (await (await fetch(`${run.appUrl}/healthz`)).json()) as HealthBody;
    expect(body.reminderHolidays?.dates).toContain(`${kerst.year}-12-25`);
    expect(body.reminderHolidays?.dates).toContain(`${kerst.year}-12-26`);
  });

  it('Instellingen: the reminder status and the next three meetings show the working day before Kerstmis', async () => {
    const { page, errors } = await open('#/instellingen');
    const card = page.locator('[data-testid="mt-card"][data-mt="cmt"]');
    await card.waitFor();
    await expect(card.getByTestId('mt-next-meeting').innerText()).resolves.toBe(at(kerst.meeting));
    // The reminder time shows only once the server's holidays are in: its first text is already the final one.
    await expect(card.getByTestId('mt-next-reminder').innerText()).resolves.toBe(at(kerst.moved));
    expect(at(kerst.moved)).not.toBe(at(kerst.naive));

    await card.getByRole('button', { name: 'CMT wijzigen' }).click();
    const form = card.getByRole('form', { name: 'CMT wijzigen' });
    const komend = form.getByTestId('mt-komend').getByRole('listitem');
    await expect(komend.first().innerText()).resolves.toBe(
      `Vergadering ${at(kerst.meeting)}: kaart op ${at(kerst.moved)}`,
    );
    await expect(form.getByTestId('mt-komend').innerText()).resolves.toContain(
      'Valt de kaart op een feestdag of een sluitingsdag van de organisatie, dan gaat ze de werkdag ervoor uit.',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Volgende vergadering: "De kaart gaat uit op" the working day before Kerstmis', async () => {
    const { page, errors } = await open('#/vergadering?mt=cmt');
    await page.getByTestId('volgende-vergadering').waitFor();
    await expect(page.getByTestId('volgende-wanneer').getAttribute('data-occurrence')).resolves.toBe(
      `cmt|${kerst.meeting.toISOString().slice(0, 19)}Z`,
    );
    await expect(page.getByTestId('volgende-kaart').innerText()).resolves.toBe(
      `De kaart gaat uit op ${at(kerst.moved)}.`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
