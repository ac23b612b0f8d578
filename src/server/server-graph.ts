import { createGraph, type Graph } from '../data/graph/client.js';
import { createClientCredentialsTokenSource } from '../data/graph/token-source.js';
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
