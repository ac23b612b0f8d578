import { useQuery, type Query } from '@tanstack/react-query';
import type { HealthBody } from '../../../shared/wire.js';
import { loadStateOf, queryClient, type LoadState } from './query-client.js';

/**
 * The app server's `/healthz` (same origin as the tab) as one query, so every part of a view that needs it (the
 * reminder job's status, the job's holidays for the send-time previews) shares one read: Instellingen used to read
 * it twice on opening. Not keyed by person or site: it is the server's own state.
 */
export const HEALTH_KEY = ['healthz'] as const;

/** Reads `/healthz`. A 503 carries the same body, with the configuration problems the server found. */
export async function readHealth(): Promise<Partial<HealthBody>> {
  const response = await fetch('./healthz', { cache: 'no-store' });
  if (!response.ok && response.status !== 503) throw new Error(`healthz ${response.status}`);
  return (await response.json()) as Partial<HealthBody>;
}

/**
 * `/healthz`, with `select` picking the part the caller needs. `poll`: read again every so many ms while the page is
 * visible (react-query's `refetchInterval`; a tick while a read is under way joins it rather than starting another).
 * `staleTime`: how long an answer already there serves a part that mounts later without a read of its own.
 */
export function useHealth<T>(
  select: (body: Partial<HealthBody>) => T,
  options: {
    poll?: number;
    staleTime: number | ((query: Query<Partial<HealthBody>, Error, Partial<HealthBody>, readonly string[]>) => number);
  },
): LoadState<T> {
  const result = useQuery(
    {
      queryKey: HEALTH_KEY,
      queryFn: readHealth,
      select,
      staleTime: options.staleTime,
      ...(options.poll !== undefined ? { refetchInterval: options.poll, refetchIntervalInBackground: false } : {}),
    },
    queryClient,
  );
  const { refetch } = result;
  return {
    ...loadStateOf({ data: result.data, error: result.error, isFetching: result.isFetching }),
    reload: () => void refetch(),
  };
}
