import type { MT } from '../domain/model.js';
import { mtListPath } from '../shared/tab-links.js';

/**
 * "Open in actieplan": the tab's list view of the MT's domains (`mtListPath`). A web link to the tab (https on a
 * tenant, the loopback app server locally); the card builder refuses anything else. A Teams deep link into the
 * channel tab would need the tab's entity id in that channel, which the bot does not know.
 */
export function tabDeepLink(tabEndpoint: string, mt: Pick<MT, 'domeinen'>): string {
  return `${tabEndpoint.replace(/\/+$/, '')}/index.html${mtListPath(mt.domeinen)}`;
}
