import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  Graph,
  http,
  IM_SOCIAAL,
  personaToken,
  sharePointAppToken,
  startTestSandbox,
  type HttpResult,
  type TestSandbox,
} from './helpers.js';

const MT_SOCIAAL = '5b0c6a3e-2f0e-4d7b-9a57-0c1d2e3f4a51';
const MT_FYSIEK = '8e2d1c4b-6a5f-4e3d-8c2b-1a0f9e8d7c62';
const AMSTERDAM = 'W. Europe Standard Time';

type CalendarEvent = {
  id: string;
  type: string;
  subject: string;
  seriesMasterId: string | null;
  originalStart?: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  organizer: { emailAddress: { name: string } };
};
type Page = { value: CalendarEvent[]; '@odata.nextLink'?: string };

let t: TestSandbox;

function control(method: string, path: string, body?: unknown): Promise<HttpResult> {
  return http(`${t.sandbox.baseUrl}/_sandbox/groups/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function view(
  group: string,
  from: string,
  to: string,
  extra = '',
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return t.app.get(
    `/groups/${group}/calendarView?startDateTime=${encodeURIComponent(from)}&endDateTime=${encodeURIComponent(to)}${extra}`,
    headers,
  );
}

beforeAll(async () => {
  t = await startTestSandbox();
  expect((await control('PUT', MT_SOCIAAL, { displayName: 'MT Sociaal Domein' })).status).toBe(200);
  // Every other Monday 09:00-10:30 Amsterdam time; 30 March cancelled; 13 April moved to Tuesday 14 April 13:00.
  const series = await control('POST', `${MT_SOCIAAL}/events`, {
    subject: 'MT-overleg Sociaal Domein',
    start: { dateTime: '2026-03-02T09:00:00', timeZone: AMSTERDAM },
    end: { dateTime: '2026-03-02T10:30:00', timeZone: AMSTERDAM },
    recurrence: {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: AMSTERDAM },
    },
    cancelledOccurrences: ['2026-03-30'],
    exceptions: [
      {
        originalDate: '2026-04-13',
        start: { dateTime: '2026-04-14T13:00:00', timeZone: AMSTERDAM },
        end: { dateTime: '2026-04-14T14:30:00', timeZone: AMSTERDAM },
      },
    ],
  });
  expect(series.status).toBe(201);
  const single = await control('POST', `${MT_SOCIAAL}/events`, {
    subject: 'Heidag',
    start: { dateTime: '2026-04-20T08:00:00', timeZone: 'UTC' },
    end: { dateTime: '2026-04-20T16:00:00', timeZone: 'UTC' },
  });
  expect(single.status).toBe(201);
});
afterAll(async () => {
  await t?.stop();
});

describe('Graph group calendarView in the sandbox', () => {
  it('expands a recurring series in the window, in UTC by default, without the cancelled occurrence and with the moved one as an exception', async () => {
    const res = await view(MT_SOCIAAL, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z');
    expect(res.status).toBe(200);
    const page = res.body as Page;
    expect(page.value.map((e) => [e.type, e.start.dateTime, e.end.dateTime, e.start.timeZone])).toEqual([
      ['occurrence', '2026-03-02T08:00:00.0000000', '2026-03-02T09:30:00.0000000', 'UTC'],
      ['occurrence', '2026-03-16T08:00:00.0000000', '2026-03-16T09:30:00.0000000', 'UTC'],
      // 30 March is cancelled; after the switch to summer time 09:00 Amsterdam is 07:00 UTC.
      ['exception', '2026-04-14T11:00:00.0000000', '2026-04-14T12:30:00.0000000', 'UTC'],
      ['singleInstance', '2026-04-20T08:00:00.0000000', '2026-04-20T16:00:00.0000000', 'UTC'],
      ['occurrence', '2026-04-27T07:00:00.0000000', '2026-04-27T08:30:00.0000000', 'UTC'],
    ]);
    const moved = page.value[2]!;
    expect(moved.originalStart).toBe('2026-04-13T07:00:00Z');
    const occurrences = page.value.filter((e) => e.type !== 'singleInstance');
    expect(new Set(occurrences.map((e) => e.seriesMasterId)).size).toBe(1);
    expect(new Set(page.value.map((e) => e.id)).size).toBe(5);
    expect(page.value[3]!.seriesMasterId).toBeNull();
    expect(page.value[0]!.organizer.emailAddress.name).toBe('MT Sociaal Domein');
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('answers in the zone Prefer: outlook.timezone asks for, and says so', async () => {
    const res = await view(MT_SOCIAAL, '2026-03-01T00:00:00+01:00', '2026-05-01T00:00:00+02:00', '', {
      Prefer: `outlook.timezone="${AMSTERDAM}"`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe(`outlook.timezone="${AMSTERDAM}"`);
    const starts = (res.body as Page).value
      .filter((e) => e.type !== 'singleInstance')
      .map((e) => `${e.start.dateTime} ${e.start.timeZone}`);
    expect(starts).toEqual([
      `2026-03-02T09:00:00.0000000 ${AMSTERDAM}`,
      `2026-03-16T09:00:00.0000000 ${AMSTERDAM}`,
      `2026-04-14T13:00:00.0000000 ${AMSTERDAM}`,
      `2026-04-27T09:00:00.0000000 ${AMSTERDAM}`,
    ]);
  });

  it('includes an event that overlaps the window edge, and reads a window without offset as UTC', async () => {
    const res = await view(MT_SOCIAAL, '2026-03-02T09:00:00', '2026-03-02T09:10:00');
    expect((res.body as Page).value.map((e) => e.start.dateTime)).toEqual(['2026-03-02T08:00:00.0000000']);
    const none = await view(MT_SOCIAAL, '2026-03-02T09:30:00Z', '2026-03-16T08:00:00Z');
    expect((none.body as Page).value).toEqual([]);
  });

  it('pages by 10 unless $top says otherwise, through @odata.nextLink with $skip, without overlap', async () => {
    const group = MT_FYSIEK;
    const created = await control('POST', `${group}/events`, {
      subject: 'Dagstart',
      start: { dateTime: '2026-06-01T08:30:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-06-01T08:45:00', timeZone: 'Europe/Amsterdam' },
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-06-01', numberOfOccurrences: 23 },
      },
    });
    expect(created.status).toBe(201);
    const first = await view(group, '2026-05-01T00:00:00Z', '2026-08-01T00:00:00Z');
    const page1 = first.body as Page;
    expect(page1.value).toHaveLength(10);
    expect(page1['@odata.nextLink']).toMatch(/\$skip=10/);
    const seen = [...page1.value];
    let next = page1['@odata.nextLink'];
    while (next) {
      const page = (await t.app.get(next)).body as Page;
      seen.push(...page.value);
      next = page['@odata.nextLink'];
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen.map((e) => e.id)).size).toBe(23);
    expect(seen.at(-1)!.start.dateTime).toBe('2026-06-23T06:30:00.0000000');

    const small = (await view(group, '2026-05-01T00:00:00Z', '2026-08-01T00:00:00Z', '&$top=4&$skip=20')).body as Page;
    expect(small.value).toHaveLength(3);
    expect(small['@odata.nextLink']).toBeUndefined();
  });

  it('expands monthly patterns: the first Thursday, and the 31st on the last day of shorter months', async () => {
    const group = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    await control('POST', `${group}/events`, {
      subject: 'CMT',
      start: { dateTime: '2026-01-01T14:00:00', timeZone: AMSTERDAM },
      end: { dateTime: '2026-01-01T16:00:00', timeZone: AMSTERDAM },
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'first' },
        range: { type: 'endDate', startDate: '2026-01-01', endDate: '2026-04-02' },
      },
    });
    await control('POST', `${group}/events`, {
      subject: 'Maandafsluiting',
      start: { dateTime: '2026-01-31T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-01-31T11:00:00', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { type: 'numbered', startDate: '2026-01-31', numberOfOccurrences: 3 },
      },
    });
    const res = await view(group, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z', '&$top=50', {
      Prefer: 'outlook.timezone="Europe/Amsterdam"',
    });
    const byName = (subject: string) =>
      (res.body as Page).value.filter((e) => e.subject === subject).map((e) => e.start.dateTime.slice(0, 16));
    // The end date is inclusive: 2 April is the first Thursday of April.
    expect(byName('CMT')).toEqual(['2026-01-01T14:00', '2026-02-05T14:00', '2026-03-05T14:00', '2026-04-02T14:00']);
    expect(byName('Maandafsluiting')).toEqual(['2026-01-31T11:00', '2026-02-28T11:00', '2026-03-31T12:00']);
  });

  it('orders by start descending on request, and refuses what it does not implement', async () => {
    const desc = (
      await view(MT_SOCIAAL, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', '&$orderby=start/dateTime desc')
    ).body as Page;
    expect(desc.value.map((e) => e.start.dateTime)[0]).toBe('2026-04-27T07:00:00.0000000');
    const filter = await view(MT_SOCIAAL, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', "&$filter=subject eq 'x'");
    expect(filter.status).toBe(400);
  });

  it("answers Graph's errors: no window, unknown group, no calendar permission, a SharePoint token", async () => {
    const noWindow = await t.app.get(`/groups/${MT_SOCIAAL}/calendarView`);
    expect(noWindow.status).toBe(400);
    expect(errorOf(noWindow)).toMatchObject({
      code: 'ErrorInvalidParameter',
      message:
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    });
    const unknown = await view('0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('Request_ResourceNotFound');
    const persona = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    const denied = await persona.get(
      `/groups/${MT_SOCIAAL}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
    );
    expect(denied.status).toBe(403);
    expect(errorOf(denied).code).toBe('ErrorAccessDenied');
    const sharePoint = new Graph(t.sandbox, await sharePointAppToken(t.sandbox));
    expect(
      (
        await sharePoint.get(
          `/groups/${MT_SOCIAAL}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
        )
      ).status,
    ).toBe(401);
  });

  it('refuses events the control endpoint cannot keep, and clears a calendar', async () => {
    const backwards = await control('POST', `${MT_FYSIEK}/events`, {
      subject: 'x',
      start: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
    });
    expect(backwards.status).toBe(400);
    const yearly = await control('POST', `${MT_FYSIEK}/events`, {
      subject: 'x',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 2, month: 3 },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    });
    expect(yearly.status).toBe(400);
    const badZone = await control('POST', `${MT_FYSIEK}/events`, {
      subject: 'x',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'Mars/Olympus' },
      end: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
    });
    expect(badZone.status).toBe(400);
    const cleared = await control('DELETE', `${MT_FYSIEK}/events`);
    expect(cleared.body).toEqual({ removed: 1 });
    expect(((await view(MT_FYSIEK, '2026-05-01T00:00:00Z', '2026-08-01T00:00:00Z')).body as Page).value).toEqual([]);
  });
});
