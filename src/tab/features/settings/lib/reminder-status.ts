/**
 * Per MT, what the reminder job will do next and what it did: the next meeting and its planned reminder time
 * (the domain's recurrence expansion and lead time, the same the job uses), the last sent reminder, failed ones and claimed-but-unfinished
 * ones from the reminder log.
 */
import type { Herinnering } from '../../../../data/lists/herinneringen.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { MTRegistration } from '../../../../data/mts-store.js';
import { nextOccurrence, reminderTime } from '../../../../domain/recurrence.js';
import { parseMeetingSchedule } from '../../../../domain/schedule.js';
import type { CalendarDate } from '../../../../domain/model.js';

export type MTReminderStatus = {
  /** Why there is no next meeting, if there is none. */
  noNext?: 'inactive' | 'no-schedule' | 'invalid-schedule' | 'none-soon';
  next?: {
    meeting: Date;
    reminderAt: Date;
    /** The reminder time has passed (the job sends it at its next run, unless the log below says otherwise). */
    due: boolean;
    /** What the reminder log holds for this meeting, if anything: its card is then no longer "planned". */
    logged?: Herinnering['status'];
  };
  lastSent?: Herinnering;
  failed: Herinnering[];
  unfinished: Herinnering[];
};

/** How far ahead the next meeting is looked for. */
const HORIZON_MS = 400 * 86_400_000;

/**
 * The MT's reminder status at `now`. `holidays` are the job's (from the server's `/healthz`): a reminder that would
 * go out on one goes out on the working day before, as the job sends it.
 */
export function reminderStatus(
  mt: MTRegistration,
  log: readonly Loaded<Herinnering>[],
  now: Date,
  holidays: readonly CalendarDate[] = [],
): MTReminderStatus {
  const own = log
    .map((h) => h.value)
    .filter((h) => h.mtId === mt.id)
    .sort((a, b) => b.moment.localeCompare(a.moment));
  const status: MTReminderStatus = {
    failed: own.filter((h) => h.status === 'mislukt'),
    unfinished: own.filter((h) => h.status === 'geclaimd'),
  };
  const lastSent = own.find((h) => h.status === 'verzonden');
  if (lastSent) status.lastSent = lastSent;
  if (mt.value.actief === false) return { ...status, noNext: 'inactive' };
  if (!mt.value.schema) return { ...status, noNext: 'no-schedule' };
  const parsed = parseMeetingSchedule(mt.value.schema);
  if (!parsed) return { ...status, noNext: 'invalid-schedule' };
  // A meeting whose reminder already went out is still "next" until it starts.
  const meeting = nextOccurrence(parsed, now);
  if (!meeting || meeting.getTime() - now.getTime() > HORIZON_MS) return { ...status, noNext: 'none-soon' };
  const reminderAt = reminderTime(meeting, {
    ...(mt.value.voorlooptijdMinuten !== undefined ? { voorlooptijdMinuten: mt.value.voorlooptijdMinuten } : {}),
    holidays,
  });
  const logged = own.find((h) => Date.parse(h.moment) === meeting.getTime())?.status;
  return {
    ...status,
    next: { meeting, reminderAt, due: reminderAt.getTime() <= now.getTime(), ...(logged ? { logged } : {}) },
  };
}

/** The lead time as a count and a unit, for the catalogue's "{count} uur/dagen/minuten voor de vergadering". */
export function leadTimeParts(
  minutes: number | undefined,
): { unit: 'default' } | { unit: 'days' | 'hours' | 'minutes'; count: number } {
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < 1) return { unit: 'default' };
  if (minutes % 1440 === 0) return { unit: 'days', count: minutes / 1440 };
  if (minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}
