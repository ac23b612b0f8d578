import { useEffect, useState } from 'react';
import { SETTINGS_POLL_MS } from './use-mt-settings.js';
import type { HealthBody, ReminderJobStatus } from '../../../../shared/wire.js';

export type { ReminderJobStatus };

export type JobStatusState =
  { kind: 'loading' } | { kind: 'none' } | { kind: 'job'; job: ReminderJobStatus } | { kind: 'error'; detail: string };

/**
 * The app server's reminder job, as its `/healthz` reports it (same origin as the tab), read again with the MTs'
 * log (`SETTINGS_POLL_MS`, while the page is visible), so a run's sends show without a reload.
 */
export function useJobStatus(): JobStatusState {
  const [state, setState] = useState<JobStatusState>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, SETTINGS_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let cancelled = false;
    fetch('./healthz', { cache: 'no-store' })
      .then(async (response) => {
        // 503 carries the same body, with the configuration problems the server found.
        if (!response.ok && response.status !== 503) throw new Error(`healthz ${response.status}`);
        const body = (await response.json()) as Partial<HealthBody>;
        if (!cancelled) setState(body.reminderJob ? { kind: 'job', job: body.reminderJob } : { kind: 'none' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'error', detail: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [tick]);
  return state;
}
