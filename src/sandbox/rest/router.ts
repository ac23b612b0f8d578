/**
 * Dispatches a SharePoint REST request below `<site>/_api/`: `contextinfo` and `web[/...]`.
 * The method is the one SharePoint acts on: `X-HTTP-Method: MERGE|DELETE|PUT` on a POST wins, as
 * PnPjs sends updates (`spPostMerge`) and deletes that way.
 */
import type { RestContext, RestMethod, RestRequest, RestResponse } from './context.js';
import { methodNotAllowedSp, resourceNotFound } from './errors.js';
import { contextInfo, routeWeb } from './web.js';

/** The effective method of a request, or undefined for a method SharePoint does not take. */
export function effectiveMethod(httpMethod: string, override: string | undefined): RestMethod | undefined {
  const method = httpMethod.toUpperCase();
  if (method === 'POST' && override) {
    const o = override.trim().toUpperCase();
    if (o === 'MERGE' || o === 'PATCH') return 'MERGE';
    if (o === 'DELETE' || o === 'PUT') return o;
    return undefined;
  }
  if (method === 'PATCH' || method === 'MERGE') return 'MERGE';
  if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'DELETE') return method;
  return undefined;
}

export function dispatchRest(ctx: RestContext, req: RestRequest): RestResponse {
  const [first, ...rest] = req.segments;
  if (!first) throw resourceNotFound('_api');
  if (first.key === 'contextinfo' && rest.length === 0) return contextInfo(ctx, req);
  if (first.key === 'web') return routeWeb(ctx, req, first, rest);
  if (req.method !== 'GET' && req.method !== 'POST') throw methodNotAllowedSp(req.method);
  throw resourceNotFound(first.name);
}
