import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { NetworkError, RetryExhaustedError } from '../../../data/graph/errors.js';
import { isRetryableNetworkFailure } from '../../../data/graph/retry-policy.js';

/**
 * The tab's one query cache for what the views load beyond the plan (decision log, portfolio, report data,
 * histories, ...). Only lazy views import this module, so `@tanstack/react-query` stays out of the first view (the
 * 180 KB budget; docs/performance.md). The plan itself keeps its own path (plan-boot, plan-context, the IndexedDB
 * plan cache): it starts before React and must not wait for this chunk.
 *
 * - One more try (`retryQuery`) only for what the Graph client did not retry itself: it already retries throttling
 *   (429/503/504, with Retry-After) and a dropped connection on a read (`RetryMiddleware`, up to 5 attempts), so a
 *   second round of those only kept a person waiting twice as long (8-16 s) before "geen verbinding" was shown.
 * - No refetch on window focus or reconnect: a view reads again when it is opened or when the user asks ("Opnieuw
 *   proberen"), as before, so `npm run bench` counts the same Graph requests.
 * - `staleTime: 0`: a view opened again shows what it loaded last at once and reads again behind it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: retryQuery,
      retryDelay: 1000,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      staleTime: 0,
      gcTime: 10 * 60_000,
    },
  },
});

/**
 * Whether a failed read is tried once more: not when the Graph client already tried it again and again (a dropped
 * connection on a read, or throttling that outlasted its retries), and at most once otherwise (a 500, a dropped
 * connection on a `$batch`, which is a POST the client does not repeat). A `$batch` read whose parts stayed throttled
 * after `sendBatch`'s retries reaches here as the part's own 429/503 (`readListsInOneBatch`), not as exhausted
 * retries, and is tried once more, as before.
 */
export function retryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  if (error instanceof RetryExhaustedError) return false;
  return !(error instanceof NetworkError && isRetryableNetworkFailure(error.method));
}

/**
 * The key of a tab query: the person (another persona may see other items) and the site come first, so a sign-in
 * as someone else or another site never shows another's data.
 */
export function tabQueryKey(userKey: string, siteId: string, ...rest: readonly unknown[]): QueryKey {
  return ['tab', userKey, siteId, ...rest];
}

/** What a view needs to know about a load, the same for every view. */
export type LoadState<T> = {
  /** `loading`: nothing to show yet; `ready`: data is there (perhaps older, see `error`); `error`: failed, no data. */
  status: 'loading' | 'ready' | 'error';
  data?: T;
  /** The last load's failure, also when older data is still shown (the view keeps it and says what failed). */
  error?: unknown;
  /** A read is under way (the first one or a refetch). */
  fetching: boolean;
  /** Reads again ("Opnieuw proberen"); the data shown stays until the new read is there. */
  reload(): void;
};

/**
 * The one rule for every view: data once loaded stays shown, a failed read is reported next to it; without data a
 * failure is the view's error and a read under way its spinner. Pure, so it is unit-tested.
 */
export function loadStateOf<T>(result: {
  data: T | undefined;
  error: unknown;
  isFetching: boolean;
}): Omit<LoadState<T>, 'reload'> {
  const failed = result.error !== null && result.error !== undefined;
  const status = result.data !== undefined ? 'ready' : failed ? 'error' : 'loading';
  return {
    status,
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(failed ? { error: result.error } : {}),
    fetching: result.isFetching,
  };
}

/**
 * The newest data cached for any version of `identity` (for example an item's history at an older eTag): what a
 * view showed before the item changed, kept on screen while the new version loads or when its read fails.
 */
export function newestCached<T>(identity: QueryKey): T | undefined {
  let newest: { at: number; data: T } | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: identity })) {
    const { data, dataUpdatedAt } = query.state as { data: T | undefined; dataUpdatedAt: number };
    if (data !== undefined && (!newest || dataUpdatedAt > newest.at)) newest = { at: dataUpdatedAt, data };
  }
  return newest?.data;
}

/** Marks every query of this person and site whose key starts with `key` as stale, and reads those shown again. */
export function invalidateTabQueries(userKey: string, siteId: string, ...key: readonly unknown[]): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: tabQueryKey(userKey, siteId, ...key) });
}
