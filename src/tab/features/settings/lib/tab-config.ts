import type { Domein } from '../../../../domain/model.js';

export type StartView = 'roadmap' | 'lijst' | 'voortgang';

/**
 * The channel tab's saved configuration: the domain travels in the content URL's query
 * (`index.html?domein=Sociaal%20Domein&view=lijst#/lijst`), so every member opening the tab sees the MT's view.
 */
export function buildTabConfig(options: {
  origin: string;
  path: string;
  domein: Domein;
  view: StartView;
  displayName: string;
}) {
  const query = new URLSearchParams({ domein: options.domein, view: options.view }).toString();
  const contentUrl = `${options.origin}${options.path}?${query}#/${options.view}`;
  return {
    entityId: `actieplan-${options.domein.toLowerCase().replace(/\s+/g, '-')}`,
    contentUrl,
    websiteUrl: contentUrl,
    suggestedDisplayName: options.displayName,
  };
}
