import type { Graph } from './graph/client.js';

export type Site = { id: string; webUrl: string; displayName: string };

/**
 * Finds a SharePoint site the Graph way: `GET /sites/{hostname}:{server-relative path}`.
 * Its id has Graph's form `{hostname},{siteCollectionId},{webId}`.
 */
export async function resolveSite(graph: Graph, siteUrl: string): Promise<Site> {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const site = await graph.get<{ id: string; webUrl: string; displayName: string }>(`/sites/${url.hostname}:${path}`);
  return { id: site.id, webUrl: site.webUrl, displayName: site.displayName };
}

/** The Graph path of a list, addressed by its display name (Graph accepts the title in place of the id). */
export function listPath(siteId: string, listName: string): string {
  return `/sites/${siteId}/lists/${encodeURIComponent(listName)}`;
}
