/**
 * What is wrong with the configuration, found by using it: the token endpoint, Microsoft Graph, the
 * SharePoint site and its lists, checked in that order. Each problem names the variable to fix and the
 * URL it holds, in one line (no stack trace), for the log and for /healthz. The check only reads.
 */
import { createGraph, type Graph } from '../data/graph/client.js';
import { GraphRequestError, RetryExhaustedError, TokenRequestError } from '../data/graph/errors.js';
import { createClientCredentialsTokenSource, type TokenSource } from '../data/graph/token-source.js';
import { siteSchema } from '../data/lists/schema.js';
import { resolveSite, type Site } from '../data/site.js';
import type { ServerConfig } from './config.js';
import type { ConfigProblem } from '../shared/wire.js';

export type { ConfigProblem };

export type ConnectionCheck = { ok: true; site: Site } | { ok: false; problem: ConfigProblem };

/** The network reason of a failed fetch ("ECONNREFUSED", "ENOTFOUND", ...), from undici's `cause`. */
function networkReason(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  // The code sits on the innermost cause (NetworkError → fetch's TypeError → the socket error).
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return error.message;
}

/** Graph's own message, without the line breaks a message may carry, so the problem stays one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A token problem: which variable the token endpoint's answer points at. */
export function tokenProblem(error: unknown, tokenUrl: string): ConfigProblem {
  const reason = networkReason(error);
  if (reason !== undefined)
    return { variable: 'TOKEN_URL', url: tokenUrl, problem: `the token endpoint cannot be reached (${reason})` };
  if (error instanceof TokenRequestError) {
    // Entra: AADSTS700016 (unknown application) is unauthorized_client; a wrong secret (AADSTS7000215) is invalid_client.
    if (error.code === 'unauthorized_client')
      return {
        variable: 'GRAPH_CLIENT_ID',
        url: tokenUrl,
        problem: `the token endpoint does not know this application: ${oneLine(error.message)}`,
      };
    if (error.code === 'invalid_client')
      return {
        variable: 'SECRET_GRAPH_CLIENT_SECRET',
        url: tokenUrl,
        problem: `the token endpoint refused the client secret: ${oneLine(error.message)}`,
      };
    if (error.code !== undefined)
      return {
        variable: 'GRAPH_CLIENT_ID',
        url: tokenUrl,
        problem: `the token endpoint refused the token request: ${oneLine(error.message)}`,
      };
    return { variable: 'TOKEN_URL', url: tokenUrl, problem: `this is not a token endpoint: ${oneLine(error.message)}` };
  }
  return {
    variable: 'TOKEN_URL',
    url: tokenUrl,
    problem: `the token request failed: ${oneLine(error instanceof Error ? error.message : String(error))}`,
  };
}

/** A problem reading the site through Graph (the token was issued). */
export function siteProblem(error: unknown, config: Pick<ServerConfig, 'graph' | 'siteUrl'>): ConfigProblem {
  const graphUrl = config.graph.baseUrl;
  const reason = networkReason(error);
  if (reason !== undefined)
    return { variable: 'GRAPH_BASE_URL', url: graphUrl, problem: `Microsoft Graph cannot be reached (${reason})` };
  if (error instanceof RetryExhaustedError)
    return {
      variable: 'GRAPH_BASE_URL',
      url: graphUrl,
      problem: `Microsoft Graph stays unavailable (${error.lastStatus})`,
    };
  if (error instanceof GraphRequestError) {
    if (error.status === 401) {
      return {
        variable: 'TOKEN_URL',
        url: config.graph.tokenUrl,
        problem: `Microsoft Graph at ${graphUrl} refused the token from this endpoint (401 ${error.code}): is it the tenant's token endpoint?`,
      };
    }
    if (error.status === 403) {
      return {
        variable: 'GRAPH_CLIENT_ID',
        url: config.siteUrl,
        problem: `the application may not read this site (403 ${error.code}): grant it Sites.Selected on the site`,
      };
    }
    if (error.status === 404) {
      return {
        variable: 'SHAREPOINT_SITE_URL',
        url: config.siteUrl,
        problem: `Microsoft Graph at ${graphUrl} finds no site at this URL (404: ${oneLine(error.message)})`,
      };
    }
    return {
      variable: 'GRAPH_BASE_URL',
      url: graphUrl,
      problem: `Microsoft Graph answered ${error.status} ${error.code}: ${oneLine(error.message)}`,
    };
  }
  return {
    variable: 'GRAPH_BASE_URL',
    url: graphUrl,
    problem: `reading the site failed: ${oneLine(error instanceof Error ? error.message : String(error))}`,
  };
}

/** The app's lists that the site lacks (by display name, as provisioning creates them). */
export function missingLists(existing: readonly string[]): string[] {
  const present = new Set(existing);
  return siteSchema.map((list) => list.name).filter((name) => !present.has(name));
}

/**
 * Checks the configuration by using it, read-only: a token from TOKEN_URL, the site at
 * SHAREPOINT_SITE_URL through GRAPH_BASE_URL, and the app's lists on it. Requests are not retried
 * (a start or a health check must answer in seconds; the caller checks again later).
 */
export async function checkConnection(
  config: Pick<ServerConfig, 'graph' | 'siteUrl'>,
  deps: { fetch?: typeof fetch } = {},
): Promise<ConnectionCheck> {
  const tokens: TokenSource = createClientCredentialsTokenSource({
    tokenUrl: config.graph.tokenUrl,
    clientId: config.graph.clientId,
    clientSecret: config.graph.clientSecret,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  try {
    await tokens.getToken();
  } catch (error) {
    return { ok: false, problem: tokenProblem(error, config.graph.tokenUrl) };
  }
  let graph: Graph;
  try {
    graph = createGraph({
      graphBaseUrl: config.graph.baseUrl,
      tokens,
      retryPolicy: { maxAttempts: 1, maxTotalMs: 0, baseDelayMs: 0, maxDelayMs: 0 },
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
  } catch (error) {
    return {
      ok: false,
      problem: {
        variable: 'GRAPH_BASE_URL',
        url: config.graph.baseUrl,
        problem: oneLine(error instanceof Error ? error.message : String(error)),
      },
    };
  }
  let site: Site;
  try {
    site = await resolveSite(graph, config.siteUrl);
  } catch (error) {
    return { ok: false, problem: siteProblem(error, config) };
  }
  try {
    const lists = await graph.getAll<{ displayName: string }>(`/sites/${site.id}/lists?$select=id,displayName`);
    const missing = missingLists(lists.map((l) => l.displayName));
    if (missing.length > 0) {
      const names = missing.map((n) => `'${n}'`).join(', ');
      return {
        ok: false,
        problem: {
          variable: 'SHAREPOINT_SITE_URL',
          url: config.siteUrl,
          problem: `the site lacks the list${missing.length > 1 ? 's' : ''} ${names}: run npm run provision -- --site ${config.siteUrl}`,
        },
      };
    }
  } catch (error) {
    return { ok: false, problem: siteProblem(error, config) };
  }
  return { ok: true, site };
}
