import type { Graph } from '../data/graph/client.js';
import { createClientCredentialsTokenSource } from '../data/graph/token-source.js';
import {
  provisionLists,
  provisionSite,
  currentSiteSchema,
  type ProvisionReport,
  type SiteClients,
  type SiteProvisionReport,
} from '../data/provisioning.js';
import { seedSite, type SeedData, type SeedReport } from '../data/seed.js';
import { createSharePoint, sharePointScope, type SharePoint } from '../data/sharepoint.js';
import { resolveSite, type Site } from '../data/site.js';
import type { ServerConfig } from './config.js';

// In its own module so that `npm run serve` does not load the provisioning code (and PnPjs, a dev dependency).
export { createServerGraph } from './server-graph.js';

/**
 * The app-only SharePoint REST client of the server (provisioning). Its token is for the site's
 * origin (`scope=https://<tenant>.sharepoint.com/.default`). Note: SharePoint Online refuses
 * app-only tokens that were obtained with a client secret; a real tenant needs the app's
 * certificate (client assertion) for this token. The sandbox accepts the secret.
 */
export function createServerSharePoint(config: ServerConfig): SharePoint {
  const tokens = createClientCredentialsTokenSource({
    tokenUrl: config.graph.tokenUrl,
    clientId: config.graph.clientId,
    clientSecret: config.graph.clientSecret,
    scope: sharePointScope(config.siteUrl),
  });
  return createSharePoint({ siteUrl: config.siteUrl, tokens });
}

export type PreparedSite<R = SiteProvisionReport> = { site: Site; provision: R; seed?: SeedReport };

/**
 * Brings a site to the app's schema (Graph and SharePoint REST, see data/provisioning.ts) and,
 * when asked, fills it with the plan: the same code a first deployment to a real tenant runs
 * (`npm run provision`), here also used for the sandbox.
 *
 * Given only a Graph client (tests and tools without a SharePoint token), it applies the Graph part
 * of the same provisioner: lists, columns, indexes and unique keys, which is all the app itself
 * reads and writes. Versioning, views, formatting and the schema marker need both clients.
 */
export async function prepareSite(clients: SiteClients, siteUrl: string, seed?: SeedData): Promise<PreparedSite>;
export async function prepareSite(
  graph: Graph,
  siteUrl: string,
  seed?: SeedData,
): Promise<PreparedSite<ProvisionReport>>;
export async function prepareSite(
  clientsOrGraph: SiteClients | Graph,
  siteUrl: string,
  seed?: SeedData,
): Promise<PreparedSite<SiteProvisionReport | ProvisionReport>> {
  const graph = 'sharePoint' in clientsOrGraph ? clientsOrGraph.graph : clientsOrGraph;
  const site = await resolveSite(graph, siteUrl);
  const provision =
    'sharePoint' in clientsOrGraph
      ? await provisionSite(clientsOrGraph, site.id)
      : await provisionLists(graph, site.id, currentSiteSchema.lists);
  const result: PreparedSite<SiteProvisionReport | ProvisionReport> = { site, provision };
  if (seed) result.seed = await seedSite(graph, site.id, seed);
  return result;
}
