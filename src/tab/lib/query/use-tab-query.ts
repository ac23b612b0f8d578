import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DataSession } from '../data-session.js';
import { usePlanContext } from '../plan/plan-context.js';
import { loadStateOf, newestCached, queryClient, tabQueryKey, type LoadState } from './query-client.js';

/**
 * Loads `key` with `load` (given the tab's data session, to start in parallel with a chunk it needs), once the
 * site is known; the view gets the same `LoadState` as every other view. `key` is appended to the person and site
 * (`tabQueryKey`). A `version` (an item's eTag) reads again when it changes, keeping the older version's data on
 * screen meanwhile and if that read fails. `poll`: read again every so many ms while the page is visible (a tick
 * while a read is under way joins it).
 */
export function useTabQuery<T>(
  key: readonly unknown[],
  load: (tab: { session(): Promise<DataSession>; siteId: string }) => Promise<T>,
  options: { enabled?: boolean; version?: string; poll?: number } = {},
): LoadState<T> {
  const { session, siteId, userKey } = usePlanContext();
  const identity = tabQueryKey(userKey, siteId ?? '', ...key);
  const result = useQuery(
    {
      queryKey: options.version === undefined ? identity : [...identity, options.version],
      queryFn: () => load({ session, siteId: siteId ?? '' }),
      enabled: Boolean(siteId) && options.enabled !== false,
      ...(options.poll !== undefined ? { refetchInterval: options.poll, refetchIntervalInBackground: false } : {}),
    },
    queryClient,
  );
  const { refetch } = result;
  const reload = useCallback(() => void refetch(), [refetch]);
  const data = result.data ?? (options.version === undefined ? undefined : newestCached<T>(identity));
  return { ...loadStateOf({ data, error: result.error, isFetching: result.isFetching }), reload };
}
