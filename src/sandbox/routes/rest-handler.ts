/**
 * SharePoint REST over HTTP (below `/sites/actieplan/_api`): the OData format the `Accept` header asks for,
 * throttling, the body, the effective method (MERGE, X-HTTP-Method), a token for the SharePoint audience
 * (SharePoint's own 401 otherwise), dispatch to `rest/router`, and SharePoint's error shape.
 */
import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import type { FaultInjector } from '../faults.js';
import { GraphError, type RequestIds } from '../graph-errors.js';
import { HttpBodyError, readBody } from '../http-io.js';
import { SANDBOX_TENANT_ID } from '../personas.js';
import { readRestOptions, type RestContext } from '../rest/context.js';
import { fromGraphError, SharePointError, SP_CODES } from '../rest/errors.js';
import { contentTypeOf, errorBody, negotiate, type ODataFormat } from '../rest/odata.js';
import { parseRestPath } from '../rest/path.js';
import { dispatchRest, effectiveMethod } from '../rest/router.js';
import { AuthenticationError, type AuthContext, type TokenService } from '../tokens.js';

/** SharePoint Online's own application id, named in its 401 challenge. */
const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

export type RestResult = { status: number; headers: Record<string, string>; body?: unknown; contentType: string };

export type RestHandlerDeps = {
  restCtx: RestContext;
  tokens: TokenService;
  faults: FaultInjector;
  /** The sandbox's origin: the audience a SharePoint token must carry. */
  baseUrl: string;
  /** `/sites/actieplan/_api`: what precedes the REST path in the URL. */
  restPrefix: string;
};

/** Answers one SharePoint REST request. */
export type RestHandler = (
  req: IncomingMessage,
  url: URL,
  headers: Record<string, string>,
  ids: RequestIds,
) => Promise<RestResult>;

/**
 * SharePoint's 401: its challenge names SharePoint's app id and the tenant, the reason goes into
 * `x-ms-diagnostics`, and the body is `{"error_description"}` (not an OData error), as SharePoint
 * Online answers a token for another audience, an expired one or none.
 */
export function sharePointUnauthorized(err: AuthenticationError, authorization: string | undefined): RestResult {
  let diagnostics = `3000006;reason="${err.message}";category="invalid_client"`;
  let description = `Invalid JWT token. ${err.message}`;
  if (err.reason === 'audience') {
    let aud = '';
    try {
      const claims = decodeJwt(/^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '');
      aud = Array.isArray(claims.aud) ? claims.aud.join(',') : String(claims.aud ?? '');
    } catch {
      aud = '(unreadable)'; // verify() already refused the token; the diagnostics only name its audience
    }
    diagnostics = `3000003;reason="Invalid audience Uri '${aud}'.";category="invalid_client"`;
    description = "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.";
  }
  return {
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer realm="${SANDBOX_TENANT_ID}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
      'x-ms-diagnostics': diagnostics,
    },
    body: { error_description: description },
    contentType: 'application/json; charset=utf-8',
  };
}

/** Makes the SharePoint REST handler over the site, its tokens and the current faults. */
export function createRestHandler({ restCtx, tokens, faults, baseUrl, restPrefix }: RestHandlerDeps): RestHandler {
  return async (req, url, headers, ids) => {
    let format: ODataFormat = 'minimal';
    const spHeaders: Record<string, string> = {
      SPRequestGuid: ids.requestId,
      MicrosoftSharePointTeamServices: '16.0.0.0',
    };
    const fail = (err: SharePointError): RestResult => ({
      status: err.status,
      headers: { ...spHeaders, ...err.headers },
      body: errorBody(format, err),
      contentType: contentTypeOf(format),
    });
    try {
      format = negotiate(headers['accept']);
      const throttled = faults.throttle();
      if (throttled) {
        await readBody(req);
        const message =
          throttled === 429
            ? 'The request has been throttled. Retry after the number of seconds in Retry-After.'
            : 'The service is temporarily unavailable.';
        return fail(
          new SharePointError(throttled, SP_CODES.throttled, message, {
            'Retry-After': String(faults.retryAfterSeconds),
          }),
        );
      }
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
      } catch (err) {
        throw new SharePointError(400, SP_CODES.invalidQuery, `Invalid JSON. ${(err as Error).message}`);
      }
      let auth: AuthContext;
      try {
        auth = await tokens.verify(headers['authorization'], [baseUrl]);
      } catch (err) {
        if (err instanceof AuthenticationError) {
          const refused = sharePointUnauthorized(err, headers['authorization']);
          return { ...refused, headers: { ...spHeaders, ...refused.headers } };
        }
        throw err;
      }
      const method = effectiveMethod(req.method ?? 'GET', headers['x-http-method']);
      if (!method)
        throw new SharePointError(
          405,
          SP_CODES.invalidQuery,
          `The HTTP method '${req.method ?? ''}' is not supported.`,
        );
      const segments = parseRestPath(url.pathname.slice(restPrefix.length));
      const response = dispatchRest(restCtx, {
        method,
        segments,
        options: readRestOptions(url.searchParams),
        headers,
        body,
        auth,
        format,
      });
      return { ...response, headers: { ...spHeaders, ...response.headers }, contentType: contentTypeOf(format) };
    } catch (err) {
      if (err instanceof SharePointError) return fail(err);
      if (err instanceof HttpBodyError)
        return fail(new SharePointError(err.status, SP_CODES.invalidQuery, err.message));
      if (err instanceof GraphError) return fail(fromGraphError(err));
      throw err;
    }
  };
}
