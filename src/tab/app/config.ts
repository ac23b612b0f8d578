/** The tab's public configuration, served by the app server as /config.json. */
export type TabConfig = {
  graphBaseUrl: string;
  tokenUrl: string;
  siteUrl: string;
  clientId: string;
  auth: 'persona' | 'naa';
  personaDirectoryUrl?: string;
  /** The municipality's name on the progress report; absent from an older server ("Gemeente Zoetermeer" then). */
  gemeente?: string;
};

/** The municipality the reports name when the server does not say. */
export const DEFAULT_GEMEENTE = 'Gemeente Zoetermeer';

export async function fetchTabConfig(): Promise<TabConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as TabConfig;
}
