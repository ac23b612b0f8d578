/**
 * A Graph session for the channel tab's configuration page, which runs before (and outside) the tab's own sign-in:
 * it reads the site's set-up (the domains to offer) and, in a channel, links it to the MT's reminders, for a
 * Beheerder. Loaded only when the configuration page opens.
 */
import { createGraph, type Graph } from '../../data/graph/client.js';
import { createPersonaTokenSource, type TokenSource } from '../../data/graph/token-source.js';
import { resolveSite } from '../../data/site.js';
import type { TabConfig } from './config.js';
import type { HostInfo } from './host.js';
import { rememberedPersona } from './persona.js';

export type ConfigSession = { graph: Graph; siteId: string; userKey: string };

/** The host offers no sign-in this page can use (NAA not recommended here, or no user in the sandbox host). */
export class NoSignInError extends Error {
  override readonly name = 'NoSignInError';
}

/**
 * Signs in the way the tab does (NAA in a Microsoft 365 host; the host's user as the persona on the sandbox) and
 * resolves the site. `interactive: false` never opens a popup; an `InteractionNeededError` then asks for a button.
 */
export async function openConfigSession(
  config: TabConfig,
  host: HostInfo,
  interactive: boolean,
): Promise<ConfigSession> {
  let tokens: TokenSource;
  let userKey: string;
  if (config.auth === 'naa') {
    if (host.kind !== 'teams' || !host.teams?.isNAAChannelRecommended())
      throw new NoSignInError('Nested App Authentication is not available in this host.');
    const { signInWithNaa } = await import('./auth/naa.js');
    const session = await signInWithNaa(config.clientId, host.userPrincipalName, { interactive });
    tokens = session.tokens;
    userKey = session.username;
  } else {
    // In a host its user is the persona; in a plain browser on the sandbox, the persona the tab remembers.
    const persona = host.userPrincipalName ?? rememberedPersona();
    if (!persona) throw new NoSignInError('The host names no user and no persona was chosen.');
    userKey = persona;
    tokens = createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona: userKey });
  }
  const graph = createGraph({ graphBaseUrl: config.graphBaseUrl, tokens });
  const site = await resolveSite(graph, config.siteUrl);
  return { graph, siteId: site.id, userKey };
}
