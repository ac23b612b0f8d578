import type { HealthBody, ReminderJobStatus } from '../../../../shared/wire.js';
import type { LoadState } from '../../../lib/query/query-client.js';
import { useHealth } from '../../../lib/query/use-health.js';
import { SETTINGS_POLL_MS } from './use-mt-settings.js';

export type { ReminderJobStatus };

/** The job's part of `/healthz`; `null` when the server runs no reminder job. Stable, so react-query keeps its result. */
function jobOf(body: Partial<HealthBody>): ReminderJobStatus | null {
  return body.reminderJob ?? null;
}

/**
 * The app server's reminder job, as its `/healthz` reports it, read again with the MTs' log (`SETTINGS_POLL_MS`,
 * while the page is visible), so a run's sends show without a reload. The same query as the job's holidays
 * (`useReminderHolidays`), so opening Instellingen reads `/healthz` once. A failed read keeps the status shown.
 */
export function useJobStatus(): LoadState<ReminderJobStatus | null> {
  return useHealth(jobOf, { poll: SETTINGS_POLL_MS, staleTime: SETTINGS_POLL_MS });
}
