import { useCallback, useEffect, useState } from 'react';
import type { Graph } from '../../../../data/graph/client.js';
import { loadPlan, type LoadedPlan } from '../../../../data/plan-store.js';
import { resolveSite } from '../../../../data/site.js';

export type PlanState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; plan: LoadedPlan };

/** Loads the plan from the SharePoint site through Graph; `reload` tries again after an error. */
export function usePlan(graph: Graph, siteUrl: string): { state: PlanState; reload: () => void } {
  const [state, setState] = useState<PlanState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    resolveSite(graph, siteUrl)
      .then((site) => loadPlan(graph, site.id))
      .then(
        (plan) => !cancelled && setState({ status: 'ready', plan }),
        (error: unknown) => !cancelled && setState({ status: 'error', error }),
      );
    return () => {
      cancelled = true;
    };
  }, [graph, siteUrl, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
