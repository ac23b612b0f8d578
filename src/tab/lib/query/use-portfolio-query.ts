import type { LoadedPortfolio } from '../../../data/portfolio-store.js';
import type { LoadState } from './query-client.js';
import { useTabQuery } from './use-tab-query.js';

/**
 * The portfolio as one query (`['portfolio']`), shared by the portfolio's views and an action's linked initiatives:
 * one read when both are open, and a saved item updates both. The data code loads with it, never with the first view.
 */
export function usePortfolioQuery(): LoadState<LoadedPortfolio> {
  return useTabQuery(['portfolio'], async (tab) => {
    const [{ graph }, { loadPortfolio }] = await Promise.all([
      tab.session(),
      import('../../../data/portfolio-store.js'),
    ]);
    return loadPortfolio(graph, tab.siteId);
  });
}
