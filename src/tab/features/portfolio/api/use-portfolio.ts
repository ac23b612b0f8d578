import { useCallback, useEffect, useState } from 'react';
import type { Kwartaaldoel, PortfolioItem } from '../../../../domain/model.js';
import type { Graph } from '../../../../data/graph/client.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { LoadedPortfolio, PortfolioStore } from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';

export type PortfolioState = {
  status: 'loading' | 'ready' | 'error';
  data?: LoadedPortfolio;
  error?: unknown;
  reload(): void;
  /** The store for writes, resolving people and action links against the loaded portfolio. */
  store(): Promise<PortfolioStore>;
  /** Puts a saved item into the loaded portfolio, replacing its old version. */
  replaceItem(item: Loaded<PortfolioItem>): void;
  replaceDoel(doel: Loaded<Kwartaaldoel>): void;
  /** The tab's data session (its Graph client), for the import's writes. */
  session(): Promise<{ graph: Graph }>;
  siteId: string;
};

/**
 * Loads the portfolio (items, quarter goals, people, action numbers: one `$batch`) through the tab's data
 * session. The data code loads with this feature's chunk, never with the first view.
 */
export function usePortfolio(): PortfolioState {
  const { session, siteId } = usePlanContext();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ status: PortfolioState['status']; data?: LoadedPortfolio; error?: unknown }>({
    status: 'loading',
  });

  useEffect(() => {
    if (!siteId) return;
    let cancelled = false;
    setState((s) => ({ ...s, status: s.data ? 'ready' : 'loading' }));
    (async () => {
      const [{ graph }, { loadPortfolio }] = await Promise.all([
        session(),
        import('../../../../data/portfolio-store.js'),
      ]);
      const data = await loadPortfolio(graph, siteId);
      if (!cancelled) setState({ status: 'ready', data });
    })().catch((error: unknown) => {
      if (cancelled) return;
      console.error('Portfolio load failed', error);
      setState((s) => ({ ...s, status: s.data ? 'ready' : 'error', error }));
    });
    return () => {
      cancelled = true;
    };
  }, [session, siteId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const data = state.data;
  const store = useCallback(async () => {
    if (!data || !siteId) throw new Error('Het portfolio is nog niet geladen.');
    const [{ graph }, { createPortfolioStore }] = await Promise.all([
      session(),
      import('../../../../data/portfolio-store.js'),
    ]);
    return createPortfolioStore(graph, siteId, data);
  }, [data, session, siteId]);
  const replaceItem = useCallback((item: Loaded<PortfolioItem>) => {
    setState((s) =>
      s.data ? { ...s, data: { ...s.data, items: s.data.items.map((i) => (i.id === item.id ? item : i)) } } : s,
    );
  }, []);
  const replaceDoel = useCallback((doel: Loaded<Kwartaaldoel>) => {
    setState((s) =>
      s.data
        ? {
            ...s,
            data: {
              ...s.data,
              kwartaaldoelen: s.data.kwartaaldoelen.some((d) => d.id === doel.id)
                ? s.data.kwartaaldoelen.map((d) => (d.id === doel.id ? doel : d))
                : [...s.data.kwartaaldoelen, doel],
            },
          }
        : s,
    );
  }, []);
  return { ...state, reload, store, replaceItem, replaceDoel, session, siteId: siteId ?? '' };
}
