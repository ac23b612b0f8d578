import type { TokenSource } from '../../data/graph/token-source.js';
import type { DataSession } from './data-session.js';

/** Creates the data session from its own chunk, so the Graph client is not part of the first paint. */
export async function createDataSession(options: {
  graphBaseUrl: string;
  siteUrl: string;
  tokens: TokenSource;
}): Promise<DataSession> {
  const module = await import('./data-session.js');
  return module.createDataSession(options);
}
