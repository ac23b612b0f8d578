import { createGraph, type Graph } from '../data/graph/client.js';
import { createClientCredentialsTokenSource } from '../data/graph/token-source.js';
import { siteSchema } from '../data/lists/schema.js';
import { provisionLists, type ProvisionReport } from '../data/provisioning.js';
import { seedSite, type SeedData, type SeedReport } from '../data/seed.js';
import { resolveSite, type Site } from '../data/site.js';
import type { ServerConfig } from './config.js';

/** The app-only Graph client of the server (provisioning, seeding, later the reminder job). */
export function createServerGraph(config: ServerConfig): Graph {
  const tokens = createClientCredentialsTokenSource({
    tokenUrl: config.graph.tokenUrl,
    clientId: config.graph.clientId,
    clientSecret: config.graph.clientSecret,
  });
  return createGraph({ graphBaseUrl: config.graph.baseUrl, tokens });
}

export type PreparedSite = { site: Site; provision: ProvisionReport; seed?: SeedReport };

/**
 * Brings a site to the app's schema and, when asked, fills it with the plan: the same code a
 * first deployment to a real tenant runs (`npm run provision`), here also used for the sandbox.
 */
export async function prepareSite(graph: Graph, siteUrl: string, seed?: SeedData): Promise<PreparedSite> {
  const site = await resolveSite(graph, siteUrl);
  const provision = await provisionLists(graph, site.id, siteSchema);
  const result: PreparedSite = { site, provision };
  if (seed) result.seed = await seedSite(graph, site.id, seed);
  return result;
}
