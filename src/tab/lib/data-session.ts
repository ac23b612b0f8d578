/**
 * The tab's data session: one Graph client with the signed-in person's token source, and the plan's
 * reads and writes through the data layer. Loaded lazily: the first paint from the cache does not wait for
 * the Graph client's code.
 */
import type { ActiesStore } from '../../data/acties-store.js';
import type { AgenderingenStore } from '../../data/agenderingen-store.js';
import type { DomeinVoortgangStore } from '../../data/domein-voortgang-store.js';
import { createGraph, type Graph } from '../../data/graph/client.js';
import type { TokenSource } from '../../data/graph/token-source.js';
import type { LoadedPlan } from '../../data/plan-store.js';
import { loadPlanCold, refreshPlan, type PlanSnapshot } from '../../data/plan-sync.js';

export type DataSession = {
  readonly graph: Graph;
  /** Reads the whole plan (cold start): one `$batch` before the plan is visible. */
  loadCold(): Promise<PlanSnapshot>;
  /** Brings a cached snapshot up to date with delta; `changed` is false when nothing changed on the site. */
  refresh(snapshot: PlanSnapshot): Promise<{ snapshot: PlanSnapshot; changed: boolean }>;
  /**
   * The actions' store for writes, resolving people and links against this version of the plan. Its code
   * (with the domain's validation) loads on the first write, not with the first view.
   */
  acties(siteId: string, plan: LoadedPlan): Promise<ActiesStore>;
  /** The store of the rows per domain on shared actions, loaded on the first write like the actions' store. */
  domeinVoortgang(siteId: string, plan: LoadedPlan): Promise<DomeinVoortgangStore>;
  /** The escalations to the CMT (Agenderingen list): read in the action's detail and the CMT's side panel, loaded lazily. */
  agenderingen(siteId: string, plan: LoadedPlan): Promise<AgenderingenStore>;
  /**
   * After an escalation made in the tab: asks the app server's bot to bring the CMT's posted card up to date
   * (`POST api/tab/cmt-kaart` with this person's Graph token, which the server checks with Graph). Best effort: the
   * escalation is stored either way, so a failure only means the card shows it at its next update.
   */
  refreshCmtCard(agenderingId: string): Promise<boolean>;
};

export function createDataSession(options: {
  graphBaseUrl: string;
  siteUrl: string;
  tokens: TokenSource;
}): DataSession {
  const graph = createGraph({ graphBaseUrl: options.graphBaseUrl, tokens: options.tokens });
  return {
    graph,
    loadCold: () => loadPlanCold(graph, options.siteUrl),
    refresh: (snapshot) => refreshPlan(graph, options.siteUrl, snapshot),
    acties: async (siteId, plan) => (await import('../../data/acties-store.js')).createActiesStore(graph, siteId, plan),
    domeinVoortgang: async (siteId, plan) =>
      (await import('../../data/domein-voortgang-store.js')).createDomeinVoortgangStore(graph, siteId, plan),
    agenderingen: async (siteId, plan) =>
      (await import('../../data/agenderingen-store.js')).createAgenderingenStore(graph, siteId, plan),
    async refreshCmtCard(agenderingId) {
      try {
        const response = await fetch(new URL('api/tab/cmt-kaart', document.baseURI), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await options.tokens.getToken()}` },
          body: JSON.stringify({ agenderingId }),
        });
        return response.ok;
      } catch {
        return false;
      }
    },
  };
}
