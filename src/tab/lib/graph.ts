import { createGraph, type Graph } from '../../data/graph/client.js';
import { createPersonaTokenSource } from '../../data/graph/token-source.js';
import type { TabConfig } from '../app/config.js';

/**
 * The tab's one Graph client for a signed-in persona. In Teams the token source is Nested App
 * Authentication instead; the Graph client and everything above it stay the same.
 */
export function createPersonaGraph(config: TabConfig, personaUpn: string): Graph {
  const tokens = createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona: personaUpn });
  return createGraph({ graphBaseUrl: config.graphBaseUrl, tokens });
}
