import { useEffect, useState } from 'react';

type Counts = { sent: number; failed: number; lostClaims: number; noChannel: number; unfinished: number };

/** The wire shape of `/healthz`'s `reminderJob` (src/bot/reminder-timer.ts `ReminderJobStatus`; the tab may not import the bot). */
export type ReminderJobStatus = {
  intervalMs: number;
  running: boolean;
  runs: number;
  lastRunStartedAt?: string;
  lastRunEndedAt?: string;
  lastRunOk?: boolean;
  nextRunAt?: string;
  lastRun?: Counts;
  totals: Counts;
  lastError?: { at: string; kind: string };
};

export type JobStatusState = { kind: 'loading' } | { kind: 'none' } | { kind: 'job'; job: ReminderJobStatus } | { kind: 'error'; detail: string };

/** The app server's reminder job, as its `/healthz` reports it (same origin as the tab). */
export function useJobStatus(): JobStatusState {
  const [state, setState] = useState<JobStatusState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    fetch('./healthz', { cache: 'no-store' })
      .then(async (response) => {
        // 503 carries the same body, with the configuration problems the server found.
        if (!response.ok && response.status !== 503) throw new Error(`healthz ${response.status}`);
        const body = (await response.json()) as { reminderJob?: ReminderJobStatus | null };
        if (!cancelled) setState(body.reminderJob ? { kind: 'job', job: body.reminderJob } : { kind: 'none' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'error', detail: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
