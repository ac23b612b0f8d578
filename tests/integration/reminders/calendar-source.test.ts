import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderJob, type CardSender } from '../../../src/reminders/job.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;
const GROUP = '5f2b1c3e-8a4d-4f6b-9c2e-1a2b3c4d5e6f';

async function control(method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/groups/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  expect(await control('PUT', GROUP, { displayName: 'MT Fysiek Domein (agenda)' })).toBe(200);
  // Every Tuesday 13:30 Amsterdam; 24 November moved to Wednesday 25 November 10:00; plus an unrelated event.
  expect(
    await control('POST', `${GROUP}/events`, {
      subject: 'MT-overleg Fysiek Domein',
      start: { dateTime: '2026-11-03T13:30:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-11-03T15:00:00', timeZone: 'Europe/Amsterdam' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
        range: { type: 'noEnd', startDate: '2026-11-03', recurrenceTimeZone: 'Europe/Amsterdam' },
      },
      exceptions: [{ originalDate: '2026-11-24', start: { dateTime: '2026-11-25T10:00:00', timeZone: 'Europe/Amsterdam' }, end: { dateTime: '2026-11-25T11:30:00', timeZone: 'Europe/Amsterdam' } }],
    }),
  ).toBe(201);
  expect(
    await control('POST', `${GROUP}/events`, {
      subject: 'Teamuitje',
      start: { dateTime: '2026-11-24T08:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-11-24T16:00:00', timeZone: 'UTC' },
    }),
  ).toBe(201);
  // An MT without a recurrence rule whose team calendar holds its meetings.
  await sandbox.graph().post(`/sites/${siteId}/lists/MTs/items`, {
    fields: {
      Title: 'MT Fysiek Domein (agenda)',
      Sleutel: 'mt-fysiek-agenda',
      'Domeinen@odata.type': 'Collection(Edm.String)',
      Domeinen: ['Fysiek Domein'],
      TeamId: GROUP,
      ConversationId: '19:fysiek-agenda@thread.tacv2',
      Voorlooptijd: 1440,
      Actief: true,
    },
  });
});
afterAll(async () => {
  await sandbox?.close();
});

function sender(): CardSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: async (conversationId) => {
      sent.push(conversationId);
      return { messageId: String(sent.length) };
    },
    update: async () => {
      throw new Error('not expected');
    },
  };
}

const deps = (now: string, s: CardSender) => ({
  graph: sandbox.graph(),
  siteId,
  siteUrl: sandbox.siteUrl,
  sender: s,
  claimant: `run-${now}`,
  now: new Date(now),
  deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
});

describe('the group calendar as schedule source', () => {
  it('follows the calendar: no reminder for the moved Tuesday, one a day before its new Wednesday time', async () => {
    const tuesdayEve = sender();
    // Monday 23 Nov 13:35: a day before the regular Tuesday 13:30, which the calendar moved away.
    const monday = await runReminderJob(deps('2026-11-23T12:35:00Z', tuesdayEve));
    expect(monday.outcomes.filter((o) => o.mtKey === 'mt-fysiek-agenda')).toEqual([]);

    const wednesdayEve = sender();
    // Tuesday 24 Nov 10:05: a day before Wednesday 25 Nov 10:00 (09:00 UTC).
    const tuesday = await runReminderJob(deps('2026-11-24T09:05:00Z', wednesdayEve));
    expect(tuesday.outcomes.filter((o) => o.mtKey === 'mt-fysiek-agenda')).toEqual([
      { mtKey: 'mt-fysiek-agenda', key: 'mt-fysiek-agenda|2026-11-25T09:00:00Z', outcome: 'sent', messageId: '1' },
    ]);
    expect(wednesdayEve.sent).toEqual(['19:fysiek-agenda@thread.tacv2']);
  });
});
