/**
 * What every Graph route handler receives and returns. Handlers are synchronous functions from a
 * request to a response (SQLite is synchronous), so `$batch` can run sub-requests through exactly
 * the same code as top-level requests.
 */
import { accessDenied, GraphError } from '../graph-errors.js';
import { findPersona, SHAREPOINT_APP_LOOKUP_ID, type Persona } from '../personas.js';
import type { IdentitySet, SandboxStore, SiteRecord } from '../store.js';
import { SANDBOX_APP_DISPLAY_NAME, type AuthContext } from '../tokens.js';

export type SandboxUrls = { baseUrl: string; graphUrl: string; siteUrl: string };

export type GraphContext = {
  store: SandboxStore;
  site: SiteRecord;
  /** Graph's site id: `{hostname},{siteCollectionId},{webId}`. */
  siteId: string;
  hostname: string;
  /** Server-relative path of the site, `/sites/actieplan`. */
  sitePath: string;
  siteDisplayName: string;
  urls: SandboxUrls;
  now: () => Date;
};

export type GraphRequest = {
  method: string;
  /** Path below `/v1.0`, still percent-encoded, starting with `/`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: unknown;
  auth: AuthContext;
};

export type GraphResponse = { status: number; headers: Record<string, string>; body?: unknown };

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body };
}

/** `@odata.context` of a resource under the Graph root. */
export function odataContext(ctx: GraphContext, fragment: string): string {
  return `${ctx.urls.graphUrl}/$metadata#${fragment}`;
}

/** Who writes: the site user (lookup id) that SharePoint records as Author/Editor, and Graph's identitySet. */
export type Actor = { lookupId: number; identity: IdentitySet };

/** The persona behind a delegated token; a token for a user the site no longer knows is refused. */
export function personaOf(auth: Extract<AuthContext, { kind: 'user' }>): Persona {
  const persona = findPersona(auth.oid);
  if (!persona) throw accessDenied(`The user ${auth.upn || auth.oid} is not a user of this site.`);
  return persona;
}

/** App-only writes are recorded as the "SharePoint App" user plus the application, as SharePoint does. */
export function actorOf(auth: AuthContext): Actor {
  if (auth.kind === 'app') {
    return {
      lookupId: SHAREPOINT_APP_LOOKUP_ID,
      identity: { application: { displayName: SANDBOX_APP_DISPLAY_NAME, id: auth.appId } },
    };
  }
  const persona = personaOf(auth);
  return {
    lookupId: persona.lookupId,
    identity: { user: { displayName: persona.displayName, email: persona.upn, id: persona.oid } },
  };
}

function hasPermission(auth: AuthContext, permissions: readonly string[]): boolean {
  const granted = auth.kind === 'app' ? auth.roles : auth.scopes;
  return granted.some((g) => permissions.includes(g));
}

/** Creating lists and columns needs Sites.Manage.All (or FullControl), as Graph documents. */
export function requireManage(auth: AuthContext): void {
  if (!hasPermission(auth, ['Sites.Manage.All', 'Sites.FullControl.All'])) {
    throw accessDenied('Access denied: this operation needs the Sites.Manage.All permission.');
  }
}

/** Writing items needs Sites.ReadWrite.All or more. */
export function requireWrite(auth: AuthContext): void {
  if (!hasPermission(auth, ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'])) {
    throw accessDenied('Access denied: this operation needs the Sites.ReadWrite.All permission.');
  }
}

/** True when the request carries a Prefer token (the header may hold several, comma separated). */
export function prefers(req: GraphRequest, token: string): boolean {
  const header = req.headers['prefer'] ?? '';
  return header
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes(token.toLowerCase());
}

/** Reads the JSON object body of a write, refusing anything else with 400. */
export function bodyObject(req: GraphRequest): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw new GraphError(400, 'invalidRequest', 'The request body must be a JSON object.');
  }
  return req.body as Record<string, unknown>;
}
