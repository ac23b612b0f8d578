/**
 * Access tokens in Entra ID's shape: RS256 JWTs signed with a key pair generated on the first start
 * and kept in the data folder, so a token issued before a restart still validates after it.
 * A token has one audience: Microsoft Graph (`https://graph.microsoft.com`) or the SharePoint origin
 * of the sandbox (`http://127.0.0.1:<port>`, as `https://<tenant>.sharepoint.com` is for a tenant).
 * Graph accepts only Graph tokens and SharePoint REST only SharePoint tokens, as the services do.
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { GraphError, SandboxSetupError } from './graph-errors.js';
import { SANDBOX_TENANT_ID, type Persona } from './personas.js';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** Graph's application id, which Entra also accepts as the audience of Graph tokens. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Graph v1 tokens carry the STS issuer of the tenant. */
export const TOKEN_ISSUER = `https://sts.windows.net/${SANDBOX_TENANT_ID}/`;
/**
 * Sites for the lists, and nothing else: meeting times come from the MT's recurrence rule only, so no calendar
 * permission is issued (docs/permissions.md, issue 14 point 9).
 */
export const APP_ROLES = ['Sites.Manage.All'] as const;
export const DELEGATED_SCOPES = 'Sites.ReadWrite.All User.Read';
/** Delegated scopes of a SharePoint token (SharePoint's own permission names). */
export const SHAREPOINT_DELEGATED_SCOPES = 'AllSites.Write';
/** The audiences Graph accepts. */
export const GRAPH_AUDIENCES: readonly string[] = [GRAPH_AUDIENCE, GRAPH_APP_ID];
/** The display name Graph shows for the confidential client in createdBy / lastModifiedBy. */
export const SANDBOX_APP_DISPLAY_NAME = 'Sandbox client app';

const KEY_FILE = 'signing-key.json';

type KeyFile = { kid: string; privateJwk: JWK; publicJwk: JWK };

/** Who a valid token speaks for. */
export type AuthContext =
  | { kind: 'app'; appId: string; roles: readonly string[] }
  | { kind: 'user'; appId: string; oid: string; upn: string; scopes: readonly string[] };

type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

/** Issues and verifies the sandbox's tokens with the persisted key pair. */
export class TokenService {
  private constructor(
    private readonly key: SigningKey,
    private readonly now: () => Date,
    private readonly lifetimeSeconds: number,
  ) {}

  /**
   * Loads the key pair from `dataDir`, or generates and stores one on the first start.
   * A key file that exists but cannot be read is an error: replacing it would silently
   * invalidate every token in use.
   */
  static async open(dataDir: string, now: () => Date, lifetimeSeconds: number): Promise<TokenService> {
    const path = join(dataDir, KEY_FILE);
    let file: KeyFile;
    if (existsSync(path)) {
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
      } catch (err) {
        throw new SandboxSetupError(
          `The signing key file ${path} cannot be read; run the sandbox reset to start afresh.`,
          { cause: err },
        );
      }
      if (!file.kid || !file.privateJwk || !file.publicJwk)
        throw new SandboxSetupError(`The signing key file ${path} is incomplete; run the sandbox reset.`);
    } else {
      const pair = await generateKeyPair('RS256', { extractable: true });
      const kid = randomUUID().replace(/-/g, '');
      file = {
        kid,
        privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: 'RS256', use: 'sig' },
        publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' },
      };
      // Write then rename, so a crash never leaves half a key file behind.
      writeFileSync(`${path}.tmp`, JSON.stringify(file, null, 2), { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    }
    const privateKey = (await importJWK(file.privateJwk, 'RS256')) as CryptoKey;
    const publicKey = (await importJWK(file.publicJwk, 'RS256')) as CryptoKey;
    return new TokenService({ kid: file.kid, privateKey, publicKey, publicJwk: file.publicJwk }, now, lifetimeSeconds);
  }

  /** The JWKS document served at `/discovery/v2.0/keys`. */
  jwks(): { keys: JWK[] } {
    const { kid, kty, n, e, alg, use } = this.key.publicJwk;
    return { keys: [{ kid, kty, n, e, alg, use, x5t: kid }] };
  }

  get lifetime(): number {
    return this.lifetimeSeconds;
  }

  private async sign(claims: JWTPayload, audience: string): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ ...claims, tid: SANDBOX_TENANT_ID, ver: '1.0', uti: randomUUID().replace(/-/g, '') })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setAudience(audience)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + this.lifetimeSeconds)
      .sign(this.key.privateKey);
  }

  /**
   * An OpenID Connect ID token (v2.0) for a persona, as Entra returns it from the authorization-code grant:
   * audience the client, issuer the authority's metadata issuer, and the request's nonce.
   */
  async issueIdToken(clientId: string, persona: Persona, issuer: string, nonce: string | undefined): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({
      ver: '2.0',
      tid: SANDBOX_TENANT_ID,
      oid: persona.oid,
      sub: persona.oid,
      name: persona.displayName,
      preferred_username: persona.upn,
      ...(nonce ? { nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setAudience(clientId)
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + this.lifetimeSeconds)
      .sign(this.key.privateKey);
  }

  /** An app-only token (client credentials): application roles, no user. */
  issueAppToken(appId: string, audience: string = GRAPH_AUDIENCE): Promise<string> {
    return this.sign(
      {
        appid: appId,
        app_displayname: SANDBOX_APP_DISPLAY_NAME,
        idtyp: 'app',
        oid: appId,
        sub: appId,
        roles: [...APP_ROLES],
      },
      audience,
    );
  }

  /** A delegated token for a persona: scopes and the user's identity. */
  issueUserToken(appId: string, persona: Persona, audience: string = GRAPH_AUDIENCE): Promise<string> {
    return this.sign(
      {
        appid: appId,
        idtyp: 'user',
        oid: persona.oid,
        sub: persona.oid,
        name: persona.displayName,
        upn: persona.upn,
        unique_name: persona.upn,
        scp: audience === GRAPH_AUDIENCE ? DELEGATED_SCOPES : SHAREPOINT_DELEGATED_SCOPES,
      },
      audience,
    );
  }

  /**
   * Verifies a bearer token for one service (Graph by default) and returns who it speaks for.
   * Failures become 401 `InvalidAuthenticationToken` with Graph's messages (the SharePoint REST
   * pipeline renders them in SharePoint's shape); anything unexpected is rethrown.
   */
  async verify(
    authorization: string | undefined,
    audiences: readonly string[] = GRAPH_AUDIENCES,
  ): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match?.[1]) throw unauthenticated('Access token is empty.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.key.publicKey, {
        algorithms: ['RS256'],
        audience: [...audiences],
        issuer: TOKEN_ISSUER,
        currentDate: this.now(),
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('Access token has expired or is not yet valid.');
      if (err instanceof joseErrors.JWTClaimValidationFailed && (err.claim === 'nbf' || err.claim === 'iat')) {
        throw unauthenticated('Access token has expired or is not yet valid.');
      }
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
        throw unauthenticated('Access token validation failure. Invalid audience.', 'audience');
      }
      if (err instanceof joseErrors.JOSEError) throw unauthenticated('Access token validation failure.');
      throw err;
    }
    const appId = typeof payload['appid'] === 'string' ? payload['appid'] : '';
    if (payload['idtyp'] === 'app' && Array.isArray(payload['roles'])) {
      return { kind: 'app', appId, roles: payload['roles'].map(String) };
    }
    if (typeof payload['scp'] === 'string' && typeof payload['oid'] === 'string') {
      return {
        kind: 'user',
        appId,
        oid: payload['oid'],
        upn: String(payload['upn'] ?? ''),
        scopes: payload['scp'].split(' '),
      };
    }
    throw unauthenticated('Access token validation failure.');
  }
}

/** A refused token. `reason` lets SharePoint REST answer an audience mismatch as SharePoint does. */
export class AuthenticationError extends GraphError {
  constructor(
    message: string,
    readonly reason: 'audience' | 'other',
    headers: Record<string, string>,
  ) {
    super(401, 'InvalidAuthenticationToken', message, headers);
  }
}

/** Graph's 401, with the `WWW-Authenticate` challenge it sends alongside. */
export function unauthenticated(message: string, reason: 'audience' | 'other' = 'other'): AuthenticationError {
  return new AuthenticationError(message, reason, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
  });
}
