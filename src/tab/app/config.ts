import type { TabConfig } from '../../shared/wire.js';

/** The tab's public configuration, served by the app server as /config.json (the one wire type both sides import). */
export type { TabConfig };

/** The municipality the reports name when the server does not say. */
export const DEFAULT_GEMEENTE = 'Gemeente Zoetermeer';

/**
 * The configuration the app server wrote into index.html (`<script id="tab-config" type="application/json">`), or
 * undefined when the page has none (Vite's dev server, a server that was still starting) or it does not parse.
 */
export function inlineTabConfig(doc: Pick<Document, 'getElementById'> = document): TabConfig | undefined {
  const text = doc.getElementById('tab-config')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as TabConfig;
  } catch {
    return undefined;
  }
}

/** The tab's configuration: from index.html when the server put it there, else from /config.json. */
export async function fetchTabConfig(): Promise<TabConfig> {
  const inline = inlineTabConfig();
  if (inline) return inline;
  const response = await fetch('./config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  return (await response.json()) as TabConfig;
}
