import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { loadMTSettings, type MTRegistration, type MTSettingsData } from '../../../../data/mts-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';

/** How far back the status view reads the reminder log. */
const LOG_DAYS = 90;

/**
 * How often the open view reads the MTs and their reminder log again (one `$batch`), so a card the job or
 * `--send-now` sent shows without a reload (issue 14, point 5); only while the page is visible, and at once when it
 * becomes visible again.
 */
export const SETTINGS_POLL_MS = 10_000;

export type MtSettingsState = {
  data?: MTSettingsData;
  error?: unknown;
  loading: boolean;
  reload(): void;
  /** Puts a saved (or the other person's) version of an MT in place. */
  replace(mt: MTRegistration): void;
  /** Adds a newly registered MT. */
  add(mt: MTRegistration): void;
};

/** The MTs and their recent reminder log, read once through the tab's Graph session (one `$batch`). */
export function useMtSettings(): MtSettingsState {
  const { session, siteId, now } = usePlanContext();
  const [data, setData] = useState<MTSettingsData | undefined>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [loading, setLoading] = useState(true);

  // `now` ticks every minute; reading again each minute is not wanted, so the log's start is an effect event.
  const logSince = useEffectEvent(() => new Date(now.getTime() - LOG_DAYS * 86_400_000));
  useEffect(() => {
    if (!siteId) return;
    let cancelled = false;
    const since = logSince();
    setLoading(true);
    setError(undefined);
    session()
      .then((s) => loadMTSettings(s.graph, siteId, since))
      .then((loaded) => {
        if (!cancelled) setData(loaded);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [session, siteId, attempt]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useEffect(() => {
    const visible = () => typeof document === 'undefined' || document.visibilityState === 'visible';
    const timer = setInterval(() => {
      if (visible()) reload();
    }, SETTINGS_POLL_MS);
    const onVisible = () => {
      if (visible()) reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);
  const replace = useCallback(
    (mt: MTRegistration) => setData((d) => (d ? { ...d, mts: d.mts.map((m) => (m.id === mt.id ? mt : m)) } : d)),
    [],
  );
  const add = useCallback(
    (mt: MTRegistration) =>
      setData((d) =>
        d
          ? {
              ...d,
              mts: [...d.mts.filter((m) => m.id !== mt.id), mt].sort((a, b) =>
                a.value.naam.localeCompare(b.value.naam, 'nl'),
              ),
            }
          : d,
      ),
    [],
  );
  return { ...(data ? { data } : {}), ...(error !== undefined ? { error } : {}), loading, reload, replace, add };
}
