/** The tab's public configuration, served by the app server as /config.json. */
export type TabConfig = {
  graphBaseUrl: string;
  tokenUrl: string;
  siteUrl: string;
  clientId: string;
  auth: 'persona' | 'naa';
  personaDirectoryUrl?: string;
};

export async function fetchTabConfig(): Promise<TabConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as TabConfig;
}
