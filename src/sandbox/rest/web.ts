/**
 * The web and its people: `_api/contextinfo`, `web`, `web/allproperties`, `web/ensureuser`,
 * `web/currentuser`, `web/siteusers[/getById(n)]`, `web/getUserById(n)`.
 */
import { randomBytes } from 'node:crypto';
import {
  findPersona,
  findPersonaByLookupId,
  PERSONAS,
  SANDBOX_TENANT_ID,
  SHAREPOINT_APP_DISPLAY_NAME,
  SHAREPOINT_APP_LOOKUP_ID,
  type Persona,
} from '../personas.js';
import { personaOf } from '../routes/context.js';
import { formatGraphInstant } from '../site-time.js';
import type { AuthContext } from '../tokens.js';
import {
  allowOptions,
  collectionResponse,
  entityResponse,
  intArg,
  noArgs,
  requireWriteSp,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './context.js';
import { methodNotAllowedSp, resourceNotFound, SharePointError, SP_CODES } from './errors.js';
import { CollectionValue, ComplexValue, readEntityBody, renderComplexResult, type Entity } from './odata.js';
import { routeLists } from './lists.js';
import type { Segment } from './path.js';

/** The claims login SharePoint Online gives a member of the tenant. */
export function membershipLogin(upn: string): string {
  return `i:0#.f|membership|${upn.toLowerCase()}`;
}

/** Dutch (1043): the municipality's site language. */
const SITE_LANGUAGE = 1043;
const FORM_DIGEST_SECONDS = 1800;

function webEntity(ctx: RestContext): Entity {
  return {
    type: 'SP.Web',
    path: 'Web',
    props: {
      Id: ctx.site.webId,
      Title: ctx.siteDisplayName,
      Description: '',
      Url: ctx.urls.siteUrl,
      ServerRelativeUrl: ctx.sitePath,
      Created: formatGraphInstant(ctx.site.createdAt),
      Language: SITE_LANGUAGE,
      WebTemplate: 'GROUP',
      Configuration: 0,
      NoCrawl: false,
    },
  };
}

type SiteUser = { id: number; title: string; login: string; email: string; upn: string; principalType: number };

function personaUser(p: Persona): SiteUser {
  return {
    id: p.lookupId,
    title: p.displayName,
    login: membershipLogin(p.upn),
    email: p.upn,
    upn: p.upn,
    principalType: 1,
  };
}

function appUser(appId: string): SiteUser {
  return {
    id: SHAREPOINT_APP_LOOKUP_ID,
    title: SHAREPOINT_APP_DISPLAY_NAME,
    login: `i:0i.t|ms.sp.ext|${appId}@${SANDBOX_TENANT_ID}`,
    email: '',
    upn: '',
    principalType: 1,
  };
}

function userEntity(user: SiteUser): Entity {
  return {
    type: 'SP.User',
    path: `Web/GetUserById(${user.id})`,
    props: {
      Id: user.id,
      IsHiddenInUI: false,
      LoginName: user.login,
      Title: user.title,
      PrincipalType: user.principalType,
      Email: user.email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: false,
      UserId: user.upn
        ? new ComplexValue('SP.UserIdInfo', {
            NameId: nameIdOf(user.upn),
            NameIdIssuer: 'urn:federation:microsoftonline',
          })
        : null,
      UserPrincipalName: user.upn || null,
    },
  };
}

/** A stable, PUID-like name id per user (SharePoint shows a 16-digit hex number). */
function nameIdOf(upn: string): string {
  let hash = 0n;
  for (const ch of upn.toLowerCase()) hash = (hash * 131n + BigInt(ch.codePointAt(0) ?? 0)) % 0xffffffffffffffn;
  return `1003${hash.toString(16).padStart(12, '0').slice(-12)}`;
}

function userNotFound(): SharePointError {
  return new SharePointError(404, SP_CODES.spException, 'User cannot be found.');
}

function siteUserById(id: number): SiteUser | undefined {
  if (id === SHAREPOINT_APP_LOOKUP_ID) return appUser('00000000-0000-0000-0000-000000000000');
  const persona = findPersonaByLookupId(id);
  return persona ? personaUser(persona) : undefined;
}

/**
 * `POST web/ensureuser` with `{"logonName": "..."}`: a UPN, an e-mail address or a claims login
 * (`i:0#.f|membership|upn`). Answers the site user with its `Id`, the value person columns store.
 * The personas are the tenant's users and are already site users, so nothing is added.
 */
function ensureUser(ctx: RestContext, req: RestRequest, args: readonly unknown[] | undefined): RestResponse {
  if (req.method !== 'POST') throw methodNotAllowedSp(req.method);
  requireWriteSp(req.auth);
  const fromBody = readEntityBody(req.body).props;
  const raw = (fromBody['logonName'] ?? fromBody['LogonName'] ?? args?.[0]) as unknown;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new SharePointError(
      400,
      SP_CODES.argument,
      "The parameter 'logonName' is required and must be a non-empty string.",
    );
  }
  const key = raw.trim().split('|').pop() ?? '';
  const persona = findPersona(key);
  if (!persona) {
    // SharePoint Online answers an unknown user with 500 and this SPException.
    throw new SharePointError(500, SP_CODES.spException, `The specified user ${raw.trim()} could not be found.`);
  }
  return entityResponse(ctx, req, userEntity(personaUser(persona)), 'SP.ApiData.Users');
}

function currentUser(auth: AuthContext): SiteUser {
  return auth.kind === 'app' ? appUser(auth.appId) : personaUser(personaOf(auth));
}

function allProperties(ctx: RestContext, req: RestRequest): RestResponse {
  if (req.method !== 'GET') {
    // The property bag cannot be written through REST (and modern sites block script-based
    // writes too); SharePoint refuses a MERGE on it with this message.
    throw new SharePointError(
      400,
      SP_CODES.invalidQuery,
      'The type SP.PropertyValues does not support HTTP PATCH method.',
    );
  }
  return entityResponse(
    ctx,
    req,
    {
      type: 'SP.PropertyValues',
      path: 'Web/AllProperties',
      props: {
        vti_x005f_defaultlanguage: 'nl-nl',
        vti_x005f_extenderversion: '16.0.0.0',
        vti_x005f_createdassociategroups: '',
        vti_x005f_siteid: ctx.site.siteCollectionId,
      },
    },
    'SP.ApiData.PropertyValuess',
  );
}

/** `POST _api/contextinfo`: the form digest classic clients send as X-RequestDigest. Bearer-token calls do not need it. */
export function contextInfo(ctx: RestContext, req: RestRequest): RestResponse {
  if (req.method !== 'POST') throw methodNotAllowedSp(req.method);
  allowOptions(req, []);
  const digest = `0x${randomBytes(64).toString('hex').toUpperCase()},${ctx.now().toUTCString()}`;
  const value = new ComplexValue('SP.ContextWebInformation', {
    FormDigestTimeoutSeconds: FORM_DIGEST_SECONDS,
    FormDigestValue: digest,
    LibraryVersion: '16.0.0.0',
    SiteFullUrl: ctx.urls.siteUrl,
    SupportedSchemaVersions: new CollectionValue('Collection(Edm.String)', ['14.0.0.0', '15.0.0.0']),
    WebFullUrl: ctx.urls.siteUrl,
  });
  return { status: 200, headers: {}, body: renderComplexResult(req.format, ctx, 'GetContextWebInformation', value) };
}

/** Routes `web[/...]`. */
export function routeWeb(
  ctx: RestContext,
  req: RestRequest,
  webSegment: Segment,
  rest: readonly Segment[],
): RestResponse {
  noArgs(webSegment);
  const [next, ...after] = rest;
  if (!next) {
    if (req.method === 'GET') return entityResponse(ctx, req, webEntity(ctx), 'SP.ApiData.Webs');
    throw methodNotAllowedSp(req.method);
  }
  switch (next.key) {
    case 'lists':
      return routeLists(ctx, req, next, after);
    case 'allproperties':
      if (after.length > 0) throw resourceNotFound(after[0]?.name ?? '');
      return allProperties(ctx, req);
    case 'ensureuser':
      if (after.length > 0) throw resourceNotFound(after[0]?.name ?? '');
      return ensureUser(ctx, req, next.args);
    case 'currentuser':
      if (after.length > 0 || req.method !== 'GET') throw methodNotAllowedSp(req.method);
      return entityResponse(ctx, req, userEntity(currentUser(req.auth)), 'SP.ApiData.Users');
    case 'getuserbyid': {
      if (after.length > 0 || req.method !== 'GET') throw methodNotAllowedSp(req.method);
      const user = siteUserById(intArg(next));
      if (!user) throw userNotFound();
      return entityResponse(ctx, req, userEntity(user), 'SP.ApiData.Users');
    }
    case 'siteusers': {
      if (req.method !== 'GET') throw methodNotAllowedSp(req.method);
      const [byId] = after;
      if (!byId) {
        const users = [...PERSONAS.map(personaUser), appUser('00000000-0000-0000-0000-000000000000')];
        return collectionResponse(ctx, req, users.map(userEntity), 'SP.ApiData.Users');
      }
      if (after.length > 1 || byId.key !== 'getbyid') throw resourceNotFound(byId.name);
      const user = siteUserById(intArg(byId));
      if (!user) throw userNotFound();
      return entityResponse(ctx, req, userEntity(user), 'SP.ApiData.Users');
    }
    default:
      throw resourceNotFound(next.name);
  }
}
