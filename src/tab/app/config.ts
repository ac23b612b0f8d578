import type { TabConfig } from '../../shared/wire.js';

/** The tab's public configuration, served by the app server as /config.json (the one wire type both sides import). */
export type { TabConfig };

/** The municipality the reports name when the server does not say. */
export const DEFAULT_GEMEENTE = 'Gemeente Zoetermeer';

export async function fetchTabConfig(): Promise<TabConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as TabConfig;
}
