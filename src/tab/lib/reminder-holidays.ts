/**
 * The reminder job's holidays for the tab's send-time previews (Instellingen's next meetings, Volgende vergadering's
 * "De kaart gaat uit op …"): read from the app server's `/healthz`, which computes them with the job's own rule and
 * configuration (Dutch public holidays and `EXTRA_HOLIDAYS`), so the tab carries no holiday library and cannot
 * disagree with the job about which days are skipped.
 */
import { useMemo } from 'react';
import { isValidCalendarDate } from '../../domain/dates.js';
import type { CalendarDate } from '../../domain/model.js';
import type { HealthBody } from '../../shared/wire.js';
import { useHealth } from './query/use-health.js';

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

/**
 * How long an answer serves the previews: an hour when it carries the holidays; none when it does not (a server still
 * starting), so the next view asks again rather than going without holidays for an hour.
 */
export function holidaysStaleTime(body: unknown): number {
  return holidaysFromHealth(body) === undefined ? 0 : REUSE_MS;
}

/**
 * The reminder job's holidays from the app server: the `/healthz` query that Instellingen's job status also uses
 * (one read for both), kept for an hour between views.
 */
export function useReminderHolidays(): ReminderHolidaysState {
  const { status, data } = useHealth(holidaysOrNull, { staleTime: (query) => holidaysStaleTime(query.state.data) });
  // One object per answer: the previews recompute when the holidays change, not on every render.
  return useMemo(
    // A failed read without an earlier answer, or an answer without holidays: the previews use none, as before.
    () => (status === 'loading' ? { settled: false } : { settled: true, known: Boolean(data), dates: data ?? [] }),
    [status, data],
  );
}

/** `null` for "the server did not say", so an answer without holidays counts as an answer (not as loading). */
function holidaysOrNull(body: unknown): CalendarDate[] | null {
  return holidaysFromHealth(body) ?? null;
}
