/**
 * The token endpoint in Entra ID's shape (`POST /oauth2/v2.0/token`, `POST /{tenant}/oauth2/v2.0/token`).
 *
 * - `client_credentials` with the configured confidential client gives an app-only token.
 * - `urn:sandbox:persona` (a sandbox-only grant, since the sandbox has no sign-in page) gives a
 *   delegated token for a persona named by UPN or object id.
 * - `authorization_code` (with PKCE) and `refresh_token`, for MSAL.js in a browser: routes/sign-in.ts.
 * The scope picks the token's audience: `https://graph.microsoft.com/.default` (or Graph's app id)
 * for Graph, `<sandbox origin>/.default` for SharePoint REST (a tenant uses
 * `https://<tenant>.sharepoint.com/.default`). One token never serves both.
 * Failures use Entra's OAuth error shape and AADSTS codes, not Graph's.
 */
import { OAuthError } from '../graph-errors.js';
import { findPersona } from '../personas.js';
import {
  DELEGATED_SCOPES,
  GRAPH_AUDIENCE,
  GRAPH_APP_ID,
  SHAREPOINT_DELEGATED_SCOPES,
  type TokenService,
} from '../tokens.js';

export const PERSONA_GRANT = 'urn:sandbox:persona';

export type ClientConfig = {
  clientId: string;
  clientSecret: string;
  /** The origin SharePoint REST is served from (`http://127.0.0.1:<port>`): the audience of SharePoint tokens. */
  sharePointOrigin: string;
};

export type TokenResponse = {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  /** The authorization-code and refresh-token grants add these (routes/sign-in.ts). */
  id_token?: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  client_info?: string;
};

/** Grants served elsewhere (the authorization code and refresh token of routes/sign-in.ts); undefined: not one. */
export type MoreGrants = (
  grantType: string,
  form: URLSearchParams,
  clientId: string,
) => Promise<TokenResponse> | undefined;

function missing(name: string): OAuthError {
  return new OAuthError(
    400,
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
}

/** Reads client credentials from the form or from an HTTP Basic header (client_secret_basic). */
function clientCredentials(form: URLSearchParams, authorization: string | undefined): { id?: string; secret?: string } {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  const result: { id?: string; secret?: string } = {};
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  if (id !== null && id !== '') result.id = id;
  if (secret !== null && secret !== '') result.secret = secret;
  return result;
}

/**
 * Reads a client-credentials scope (`<resource>/.default`) and returns the audience it asks for.
 * Entra refuses more than one resource in one request, and so does the sandbox.
 */
function audienceOfDefaultScope(scope: string | null, config: ClientConfig): string {
  if (scope === null || scope.trim() === '') throw missing('scope');
  const audiences = new Set<string>();
  for (const s of scope.trim().split(/\s+/)) {
    if (!s.endsWith('/.default')) {
      throw new OAuthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${s} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    audiences.add(audienceOfResource(s.slice(0, -'/.default'.length), config));
  }
  return singleAudience(audiences);
}

function audienceOfResource(resource: string, config: ClientConfig): string {
  const normalized = resource.replace(/\/+$/, '');
  if (normalized === GRAPH_AUDIENCE || normalized === GRAPH_APP_ID) return GRAPH_AUDIENCE;
  if (normalized.toLowerCase() === config.sharePointOrigin.toLowerCase()) return config.sharePointOrigin;
  throw new OAuthError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named Sandbox.`,
  );
}

function singleAudience(audiences: ReadonlySet<string>): string {
  if (audiences.size > 1) {
    throw new OAuthError(
      400,
      'invalid_request',
      28000,
      'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ' +
        [...audiences].join(' ') +
        ' is not valid.',
    );
  }
  return [...audiences][0] ?? GRAPH_AUDIENCE;
}

/**
 * The audience of a persona token: SharePoint when a scope names the SharePoint origin
 * (`<origin>/.default` or `<origin>/AllSites.Write`), otherwise Graph (the tab asks for Graph
 * scopes by name, such as `Sites.ReadWrite.All`).
 */
function audienceOfDelegatedScope(scope: string | null, config: ClientConfig): string {
  const audiences = new Set<string>();
  for (const s of (scope ?? '')
    .trim()
    .split(/\s+/)
    .filter((x) => x !== '')) {
    const slash = s.lastIndexOf('/');
    if (slash > 0 && /^https?:\/\//i.test(s)) audiences.add(audienceOfResource(s.slice(0, slash), config));
  }
  return singleAudience(audiences);
}

/** Handles one token request; throws {@link OAuthError} for every refusal. */
export async function issueToken(
  form: URLSearchParams,
  authorization: string | undefined,
  config: ClientConfig,
  tokens: TokenService,
  moreGrants?: MoreGrants,
): Promise<TokenResponse> {
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') throw missing('grant_type');
  const client = clientCredentials(form, authorization);
  if (client.id === undefined) throw missing('client_id');
  if (grantType === 'client_credentials') {
    if (client.id !== config.clientId) {
      throw new OAuthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${client.id}' was not found in the directory 'Sandbox'.`,
      );
    }
    if (client.secret === undefined) {
      throw new OAuthError(
        401,
        'invalid_client',
        7000216,
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
      );
    }
    if (client.secret !== config.clientSecret) {
      throw new OAuthError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${config.clientId}'.`,
      );
    }
    const audience = audienceOfDefaultScope(form.get('scope'), config);
    const accessToken = await tokens.issueAppToken(client.id, audience);
    return {
      token_type: 'Bearer',
      expires_in: tokens.lifetime,
      ext_expires_in: tokens.lifetime,
      access_token: accessToken,
    };
  }
  if (grantType === PERSONA_GRANT) {
    const personaKey = form.get('persona');
    if (personaKey === null || personaKey === '') throw missing('persona');
    const persona = findPersona(personaKey);
    if (!persona)
      throw new OAuthError(
        400,
        'invalid_grant',
        50034,
        `The user account ${personaKey} does not exist in the Sandbox directory.`,
      );
    const audience = audienceOfDelegatedScope(form.get('scope'), config);
    const accessToken = await tokens.issueUserToken(client.id, persona, audience);
    return {
      token_type: 'Bearer',
      scope: audience === GRAPH_AUDIENCE ? DELEGATED_SCOPES : SHAREPOINT_DELEGATED_SCOPES,
      expires_in: tokens.lifetime,
      ext_expires_in: tokens.lifetime,
      access_token: accessToken,
    };
  }
  const more = moreGrants?.(grantType, form, client.id);
  if (more) return more;
  throw new OAuthError(
    400,
    'unsupported_grant_type',
    70003,
    `The app requested an unsupported grant type '${grantType}'.`,
  );
}
