/**
 * The reminder job's holidays for the tab's send-time previews (Instellingen's next meetings, Volgende vergadering's
 * "De kaart gaat uit op …"): read from the app server's `/healthz`, which computes them with the job's own rule and
 * configuration (Dutch public holidays and `EXTRA_HOLIDAYS`), so the tab carries no holiday library and cannot
 * disagree with the job about which days are skipped.
 */
import { useEffect, useState } from 'react';
import { isValidCalendarDate } from '../../domain/dates.js';
import type { CalendarDate } from '../../domain/model.js';
import type { HealthBody } from '../../shared/wire.js';

/**
 * `settled: false` while the server has not answered. Settled with `known: false` when it could not say (an error, a
 * server still starting, an older server): then the previews use no holidays, as the tab did before.
 */
export type ReminderHolidaysState =
  { settled: false } | { settled: true; known: boolean; dates: readonly CalendarDate[] };

/**
 * The holiday dates of a `/healthz` body; undefined when the body carries none (null, absent or malformed). Only
 * well-formed calendar dates are kept: the body is input like any other.
 */
export function holidaysFromHealth(body: unknown): CalendarDate[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const holidays = (body as Partial<HealthBody>).reminderHolidays;
  if (typeof holidays !== 'object' || holidays === null || !Array.isArray(holidays.dates)) return undefined;
  return holidays.dates.filter((d): d is CalendarDate => isValidCalendarDate(d));
}

/** The window moves a day at a time; within an hour the answer is the same, so views opened meanwhile share it. */
const REUSE_MS = 3_600_000;
let cached: { at: number; dates: Promise<CalendarDate[] | undefined> } | undefined;

function loadHolidays(): Promise<CalendarDate[] | undefined> {
  if (cached && Date.now() - cached.at < REUSE_MS) return cached.dates;
  const dates = fetch('./healthz', { cache: 'no-store' })
    .then(async (response) => {
      // 503 carries the same body, with the configuration problems the server found.
      if (!response.ok && response.status !== 503) return undefined;
      return holidaysFromHealth(await response.json());
    })
    .catch(() => undefined);
  cached = { at: Date.now(), dates };
  // An answer without holidays (a server still starting) is asked again by the next view, not kept for an hour.
  void dates.then((d) => {
    if (d === undefined && cached?.dates === dates) cached = undefined;
  });
  return dates;
}

/** The reminder job's holidays from the app server, read once per view (shared for an hour between views). */
export function useReminderHolidays(): ReminderHolidaysState {
  const [state, setState] = useState<ReminderHolidaysState>({ settled: false });
  useEffect(() => {
    let cancelled = false;
    void loadHolidays().then((dates) => {
      if (!cancelled) setState({ settled: true, known: dates !== undefined, dates: dates ?? [] });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
