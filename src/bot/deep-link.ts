import type { MT } from '../domain/model.js';

/**
 * "Open in actieplan": the tab's list view filtered to the MT's domains. A web link to the tab (https on a tenant,
 * the loopback app server locally); the card builder refuses anything else. A Teams deep link into the channel tab
 * would need the tab's entity id in that channel, which the bot does not know.
 */
export function tabDeepLink(tabEndpoint: string, mt: Pick<MT, 'domeinen'>): string {
  const params = new URLSearchParams();
  if (mt.domeinen.length > 0) params.set('domein', mt.domeinen.join(','));
  const query = params.toString();
  return `${tabEndpoint.replace(/\/+$/, '')}/index.html#/lijst${query ? `?${query}` : ''}`;
}
