import { useCallback } from 'react';
import type { Kwartaaldoel, PortfolioItem } from '../../../../domain/model.js';
import type { Graph } from '../../../../data/graph/client.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { LoadedPortfolio, PortfolioStore } from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { invalidateTabQueries, queryClient, tabQueryKey } from '../../../lib/query/query-client.js';
import { usePortfolioQuery } from '../../../lib/query/use-portfolio-query.js';
import { retryingImport } from '../../../../shared/retrying-import.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const portfolioStoreCode = retryingImport(() => import('../../../../data/portfolio-store.js'));

export type PortfolioState = {
  status: 'loading' | 'ready' | 'error';
  data?: LoadedPortfolio;
  /** The last read's failure, also while the portfolio loaded before is still shown. */
  error?: unknown;
  fetching: boolean;
  reload(): void;
  /**
   * After a write that touches more than one item (an import, a conflict taken over): marks the portfolio and its
   * items' histories as stale, so what is shown is read again and the rest when it is next opened.
   */
  invalidate(): void;
  /** The store for writes, resolving people and action links against the loaded portfolio. */
  store(): Promise<PortfolioStore>;
  /** Puts a saved item into the loaded portfolio, replacing its old version. */
  replaceItem(item: Loaded<PortfolioItem>): void;
  replaceDoel(doel: Loaded<Kwartaaldoel>): void;
  /** Takes a deleted goal out of the loaded portfolio. */
  dropDoel(id: string): void;
  /** The tab's data session (its Graph client), for the import's writes. */
  session(): Promise<{ graph: Graph }>;
  siteId: string;
};

/**
 * Loads the portfolio (items, quarter goals, people, action numbers: one `$batch`) through the tab's data
 * session. The data code loads with this feature's chunk, never with the first view. A failed read keeps the
 * portfolio loaded before (the tab's one load pattern, `useTabQuery`).
 */
export function usePortfolio(): PortfolioState {
  const { session, siteId, userKey } = usePlanContext();
  const load = usePortfolioQuery();
  const data = load.data;
  const store = useCallback(async () => {
    if (!data || !siteId) throw new Error('Het portfolio is nog niet geladen.');
    const [{ graph }, { createPortfolioStore }] = await Promise.all([session(), portfolioStoreCode()]);
    return createPortfolioStore(graph, siteId, data);
  }, [data, session, siteId]);
  // A saved item or goal goes into the cache as the store returned it (its new eTag): no read after each save.
  const update = useCallback(
    (change: (data: LoadedPortfolio) => LoadedPortfolio) =>
      queryClient.setQueryData<LoadedPortfolio>(tabQueryKey(userKey, siteId ?? '', 'portfolio'), (d) =>
        d ? change(d) : d,
      ),
    [userKey, siteId],
  );
  const replaceItem = useCallback(
    (item: Loaded<PortfolioItem>) =>
      update((d) => ({ ...d, items: d.items.map((i) => (i.id === item.id ? item : i)) })),
    [update],
  );
  const replaceDoel = useCallback(
    (doel: Loaded<Kwartaaldoel>) =>
      update((d) => ({
        ...d,
        kwartaaldoelen: d.kwartaaldoelen.some((k) => k.id === doel.id)
          ? d.kwartaaldoelen.map((k) => (k.id === doel.id ? doel : k))
          : [...d.kwartaaldoelen, doel],
      })),
    [update],
  );
  const dropDoel = useCallback(
    (id: string) => update((d) => ({ ...d, kwartaaldoelen: d.kwartaaldoelen.filter((k) => k.id !== id) })),
    [update],
  );
  const invalidate = useCallback(
    () => void invalidateTabQueries(userKey, siteId ?? '', 'portfolio'),
    [userKey, siteId],
  );
  return {
    status: load.status,
    ...(data ? { data } : {}),
    ...(load.error !== undefined ? { error: load.error } : {}),
    fetching: load.fetching,
    reload: load.reload,
    invalidate,
    store,
    replaceItem,
    replaceDoel,
    dropDoel,
    session,
    siteId: siteId ?? '',
  };
}
