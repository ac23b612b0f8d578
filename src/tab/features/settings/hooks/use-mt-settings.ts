import { useCallback, useEffect, useMemo, useRef } from 'react';
import { loadMTSettings, type MTRegistration, type MTSettingsData } from '../../../../data/mts-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { invalidateTabQueries, queryClient, tabQueryKey, type LoadState } from '../../../lib/query/query-client.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { eTagVersion, mergeSettings } from '../lib/settings-merge.js';

/** How far back the status view reads the reminder log. */
const LOG_DAYS = 90;

/**
 * How often the open view reads the MTs and their reminder log again (one `$batch`), so a card the job or
 * `--send-now` sent shows without a reload (issue 14, point 5); only while the page is visible, and at once when it
 * becomes visible again. A tick while a read is still under way (a slow or throttled site) waits for the next tick.
 */
export const SETTINGS_POLL_MS = 10_000;

export type MtSettingsState = LoadState<MTSettingsData> & {
  /** Puts a saved (or the other person's) version of an MT in place, and reads everything again. */
  replace(mt: MTRegistration): void;
  /** Adds a newly registered MT, and reads everything again. */
  add(mt: MTRegistration): void;
};

/**
 * The MTs and their recent reminder log through the tab's Graph session (one `$batch`), a tab query (`useTabQuery`)
 * read again while the view is open (`SETTINGS_POLL_MS`) and at once when the page becomes visible again. A failed
 * read keeps what was shown. Newer data is never replaced by older: a write of the view's own puts its version in the
 * cache and invalidates the query, which cancels a read under way (its answer may be from before the write), and the
 * read's answer goes through `mergeSettings`, which keeps an MT the view holds in a later version than the read's. An
 * open form keeps its own base and eTag either way.
 */
export function useMtSettings(): MtSettingsState {
  const { siteId, now, userKey } = usePlanContext();
  // `now` ticks every minute; a new query key each minute is not wanted, so the log's start is taken when reading.
  const nowRef = useRef(now);
  useEffect(() => {
    nowRef.current = now;
  });
  const key = useMemo(() => tabQueryKey(userKey, siteId ?? '', ...SETTINGS_KEY), [userKey, siteId]);
  const state = useTabQuery(
    SETTINGS_KEY,
    async ({ session, siteId }) => {
      const since = new Date(nowRef.current.getTime() - LOG_DAYS * 86_400_000);
      const loaded = await loadMTSettings((await session()).graph, siteId, since);
      return mergeSettings(queryClient.getQueryData<MTSettingsData>(key), loaded);
    },
    { poll: SETTINGS_POLL_MS },
  );

  useEffect(() => {
    const onVisible = () => {
      // Joins a read under way rather than cancelling it.
      if (document.visibilityState === 'visible')
        void queryClient.refetchQueries({ queryKey: key, exact: true }, { cancelRefetch: false });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [key]);

  /** After a write: the view's version in the cache now, then every MT query of this site read again. */
  const written = useCallback(
    (update: (d: MTSettingsData) => MTSettingsData) => {
      queryClient.setQueryData<MTSettingsData>(key, (d) => (d ? update(d) : d));
      void invalidateTabQueries(userKey, siteId ?? '', 'mts');
    },
    [key, userKey, siteId],
  );
  const replace = useCallback(
    (mt: MTRegistration) =>
      written((d) => ({ ...d, mts: d.mts.map((m) => (m.id === mt.id && !isOlder(mt, m) ? mt : m)) })),
    [written],
  );
  const add = useCallback(
    (mt: MTRegistration) =>
      written((d) => ({
        ...d,
        mts: [...d.mts.filter((m) => m.id !== mt.id), mt].sort((a, b) =>
          a.value.naam.localeCompare(b.value.naam, 'nl'),
        ),
      })),
    [written],
  );
  return { ...state, replace, add };
}

/** The query's key under the person and site; under `mts`, so a write invalidates the MT registrations too. */
const SETTINGS_KEY = ['mts', 'settings'] as const;

/** True when `a` is an earlier version of the same item than `b`, as far as their eTags tell. */
function isOlder(a: MTRegistration, b: MTRegistration): boolean {
  const va = eTagVersion(a.eTag);
  const vb = eTagVersion(b.eTag);
  return va !== undefined && vb !== undefined && va < vb;
}
