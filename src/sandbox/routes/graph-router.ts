/**
 * Dispatches a Graph v1.0 request (below `/v1.0`) to its handler:
 * `/me`, `/sites/{hostname}:/{path}[:/...]`, `/sites/{site-id}[/...]`.
 */
import { GraphError, itemNotFound, methodNotAllowed, unknownSegment } from '../graph-errors.js';
import { formatGraphInstant } from '../site-time.js';
import { json, odataContext, personaOf, type GraphContext, type GraphRequest, type GraphResponse } from './context.js';
import { routeLists } from './lists.js';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (err) {
    throw new GraphError(
      400,
      'invalidRequest',
      `The path segment '${segment}' is not valid percent-encoding (${(err as Error).message}).`,
    );
  }
}

function siteToGraph(ctx: GraphContext): Record<string, unknown> {
  return {
    '@odata.context': odataContext(ctx, 'sites/$entity'),
    createdDateTime: formatGraphInstant(ctx.site.createdAt),
    description: '',
    id: ctx.siteId,
    lastModifiedDateTime: formatGraphInstant(ctx.site.createdAt),
    name: ctx.sitePath.split('/').pop() ?? '',
    webUrl: ctx.urls.siteUrl,
    displayName: ctx.siteDisplayName,
    siteCollection: { hostname: ctx.hostname },
  };
}

function siteNotFound(): GraphError {
  return itemNotFound('Requested site could not be found');
}

/**
 * Resolves the site part of `/sites/...` (either `{hostname}:/{server-relative-path}` optionally
 * followed by `:` and more path, or the comma-separated site id) and returns the rest of the path.
 */
function resolveSite(ctx: GraphContext, rest: string): string {
  const colon = rest.indexOf(':');
  const slash = rest.indexOf('/');
  if (colon >= 0 && (slash < 0 || colon < slash)) {
    const host = decodeSegment(rest.slice(0, colon));
    const after = rest.slice(colon + 1);
    const nextColon = after.indexOf(':');
    const relativePath = decodeSegment(nextColon >= 0 ? after.slice(0, nextColon) : after).replace(/\/+$/, '');
    if (host.toLowerCase() !== ctx.hostname.toLowerCase() || relativePath.toLowerCase() !== ctx.sitePath.toLowerCase())
      throw siteNotFound();
    return nextColon >= 0 ? after.slice(nextColon + 1) : '';
  }
  const id = decodeSegment(slash >= 0 ? rest.slice(0, slash) : rest);
  if (id.toLowerCase() !== ctx.siteId.toLowerCase()) throw siteNotFound();
  return slash >= 0 ? rest.slice(slash) : '';
}

function routeSite(ctx: GraphContext, req: GraphRequest, rest: string): GraphResponse {
  const remainder = resolveSite(ctx, rest);
  const segments = remainder
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  if (segments.length === 0) {
    if (req.method !== 'GET') throw methodNotAllowed();
    return json(siteToGraph(ctx));
  }
  if (segments[0] === 'lists') return routeLists(ctx, req, segments.slice(1));
  throw unknownSegment(segments[0] ?? '');
}

function routeMe(ctx: GraphContext, req: GraphRequest): GraphResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  if (req.auth.kind !== 'user')
    throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  const persona = personaOf(req.auth);
  return json({
    '@odata.context': odataContext(ctx, 'users/$entity'),
    businessPhones: [],
    displayName: persona.displayName,
    givenName: null,
    jobTitle: persona.jobTitle,
    mail: persona.upn,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'nl-NL',
    surname: null,
    userPrincipalName: persona.upn,
    id: persona.oid,
  });
}

/** Runs one Graph request against the site. Throws {@link GraphError} for every documented failure. */
export function dispatchGraph(ctx: GraphContext, req: GraphRequest): GraphResponse {
  const path = req.path;
  if (path === '/me' || path === '/me/') return routeMe(ctx, req);
  if (path.startsWith('/sites/') && path.length > '/sites/'.length)
    return routeSite(ctx, req, path.slice('/sites/'.length));
  const first = path.split('/').filter((s) => s !== '')[0];
  throw unknownSegment(first === undefined ? '' : decodeSegment(first));
}
