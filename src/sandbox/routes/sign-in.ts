/**
 * Entra's interactive sign-in, as MSAL.js runs it in a browser (authorization code with PKCE), so the tab's redirect
 * sign-in runs unchanged against the sandbox:
 *
 * - `GET /{tenant}/oauth2/v2.0/authorize`: the sign-in page, here a persona chooser (the sandbox's personas);
 *   `POST` of that page issues a single-use code and redirects to `redirect_uri` (`response_mode` query or fragment).
 * - the token endpoint's `authorization_code` grant with PKCE verification (S256 or plain) and the `refresh_token`
 *   grant, both only cross-origin (an `Origin` header), as Entra redeems codes of a single-page app;
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration` and `GET /{tenant}/oauth2/v2.0/logout`.
 *
 * MSAL.js refuses an authority that is not https (`authority_uri_insecure`), so the sandbox also speaks TLS on its
 * own port: a connection that opens with a TLS handshake gets a self-signed certificate for 127.0.0.1 and localhost
 * (generated on the first start, kept in the data folder like the signing key) and then the same HTTP handler. The
 * authority is `https://127.0.0.1:<port>/<tenant>`; everything else stays plain HTTP.
 *
 * Shapes and errors follow Microsoft identity platform's documentation ("OAuth 2.0 authorization code flow"): errors
 * that cannot be trusted to the redirect URI (unknown redirect URI, missing client_id) are shown on the page; the
 * others go back to the redirect URI as `error`, `error_description` and `state`. A "registered" redirect URI is one
 * on an origin the sandbox answers CORS for (the app's origins). Codes and refresh tokens live in memory: after a
 * restart a refresh token is refused (`invalid_grant`) and MSAL asks the user to sign in again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import { generate } from 'selfsigned';
import { OAuthError, SandboxSetupError } from '../graph-errors.js';
import { findPersona, PERSONAS, SANDBOX_TENANT_ID, type Persona } from '../personas.js';
import { DELEGATED_SCOPES, type TokenService } from '../tokens.js';
import type { TokenResponse } from './oauth.js';

const CERT_FILE = 'tls-certificate.json';
/** Entra's authorization codes live about ten minutes. */
const CODE_LIFETIME_SECONDS = 600;
/** A single-page app's refresh token has a fixed lifetime of 24 hours. */
const SPA_REFRESH_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** Scopes of OpenID Connect itself: they ask for an ID token and a refresh token, not for Graph. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

type CodeGrant = {
  clientId: string;
  redirectUri: string;
  persona: Persona;
  scope: string;
  nonce?: string;
  challenge?: { value: string; method: 'S256' | 'plain' };
  clientInfo: boolean;
  expiresAt: number;
  redeemed: boolean;
};

type RefreshGrant = { clientId: string; persona: Persona; scope: string; expiresAt: number };

export type SignInOptions = {
  dataDir: string;
  /** `http://127.0.0.1:<port>`: the same port answers TLS at `https://127.0.0.1:<port>`. */
  baseUrl: string;
  tokens: TokenService;
  /** The origins a redirect URI may be on (the sandbox's CORS list). */
  allowedOrigins: ReadonlySet<string>;
  now: () => Date;
};

export type SignIn = {
  /** `https://127.0.0.1:<port>/<tenant>`: the authority MSAL.js is configured with. */
  authority: string;
  /** The self-signed certificate (PEM) the TLS side presents, for clients that should trust it. */
  certificate: string;
  /** Lets `server` answer TLS on its own port; call once, right after it listens. */
  acceptTls(server: Server): void;
  /** Destroys the raw connections under TLS sessions (the HTTP server's own close does not see them). */
  closeTls(): void;
  /** Answers the sign-in routes; false when the request is not one of them. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, common: Record<string, string>): Promise<boolean>;
  /** The token endpoint's `authorization_code` and `refresh_token` grants; undefined for any other grant. */
  redeem(
    grantType: string,
    form: URLSearchParams,
    clientId: string,
    origin: string | undefined,
  ): Promise<TokenResponse> | undefined;
};

async function loadCertificate(dataDir: string): Promise<{ key: string; cert: string }> {
  const path = join(dataDir, CERT_FILE);
  if (existsSync(path)) {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as { key?: string; cert?: string };
      if (file.key && file.cert) return { key: file.key, cert: file.cert };
    } catch (err) {
      throw new SandboxSetupError(
        `The TLS certificate file ${path} cannot be read; run the sandbox reset to start afresh.`,
        { cause: err },
      );
    }
    throw new SandboxSetupError(`The TLS certificate file ${path} is incomplete; run the sandbox reset.`);
  }
  // Kept across starts, so a browser that accepted it once keeps accepting it.
  const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const file = { key: made.private, cert: made.cert };
  writeFileSync(`${path}.tmp`, JSON.stringify(file, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return file;
}

/**
 * A socket seen through a JS stream. TLS and HTTP read a `net.Socket`'s handle directly, which would skip the first
 * bytes that were read to tell TLS from HTTP; through this relay they read them again.
 */
class SocketRelay extends Duplex {
  constructor(private readonly socket: Socket) {
    super();
    socket.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => this.destroy());
  }
  override _read(): void {
    this.socket.resume();
  }
  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, encoding, callback);
  }
  override _final(callback: () => void): void {
    this.socket.end();
    callback();
  }
  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}

function base64Url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function missing(name: string): OAuthError {
  return new OAuthError(
    400,
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
}

/** An authorize-request problem that goes back to the redirect URI (the URI itself was accepted). */
class RedirectableError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  responseMode: 'query' | 'fragment';
  state?: string;
  scope: string;
  nonce?: string;
  prompt?: string;
  loginHint?: string;
  challenge?: { value: string; method: 'S256' | 'plain' };
  clientInfo: boolean;
};

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new OAuthError(400, 'invalid_request', 90005, 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the sign-in side of the sandbox: loads (or makes) its certificate. */
export async function openSignIn(options: SignInOptions): Promise<SignIn> {
  const { key, cert } = await loadCertificate(options.dataDir);
  const secureContext: SecureContext = createSecureContext({ key, cert });
  const httpsBase = options.baseUrl.replace(/^http:/, 'https:');
  const authority = `${httpsBase}/${SANDBOX_TENANT_ID}`;
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const rawSockets = new Set<Socket>();
  const nowSeconds = () => Math.floor(options.now().getTime() / 1000);

  const baseOf = (req: IncomingMessage) => ((req.socket as Partial<TLSSocket>).encrypted ? httpsBase : options.baseUrl);

  /** The OpenID metadata, on the scheme it was asked over (MSAL checks that the issuer matches its authority). */
  const metadata = (base: string) => {
    const tenantBase = `${base}/${SANDBOX_TENANT_ID}`;
    return {
      token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${tenantBase}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/v1.0/me`,
      authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nbf',
        'name',
        'nonce',
        'oid',
        'preferred_username',
        'tid',
        'ver',
      ],
      code_challenge_methods_supported: ['S256', 'plain'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:sandbox:persona'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      msgraph_host: 'graph.microsoft.com',
    };
  };

  /** Whether a redirect URI is "registered": an http(s) URL on one of the app's origins, without a fragment. */
  const registered = (redirectUri: string): boolean => {
    if (!URL.canParse(redirectUri)) return false;
    const url = new URL(redirectUri);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hash === '' &&
      options.allowedOrigins.has(url.origin)
    );
  };

  /** Reads and checks an authorize request; a problem the redirect URI may not hear of is thrown as an OAuthError. */
  const readAuthorize = (params: URLSearchParams): AuthorizeRequest => {
    const clientId = params.get('client_id');
    if (!clientId) throw missing('client_id');
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri) throw missing('redirect_uri');
    if (!registered(redirectUri)) {
      throw new OAuthError(
        400,
        'invalid_request',
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      );
    }
    const responseModeParam = params.get('response_mode') ?? 'query';
    const state = params.get('state') ?? undefined;
    const nonce = params.get('nonce') ?? undefined;
    const prompt = params.get('prompt') ?? undefined;
    const loginHint = params.get('login_hint') ?? undefined;
    const base = {
      clientId,
      redirectUri,
      responseMode: (responseModeParam === 'fragment' ? 'fragment' : 'query') as 'query' | 'fragment',
      ...(state !== undefined ? { state } : {}),
    };
    const fail = (error: string, description: string) =>
      Object.assign(new RedirectableError(error, description), { request: base });
    if (responseModeParam !== 'query' && responseModeParam !== 'fragment')
      throw fail(
        'invalid_request',
        `AADSTS900144: The response_mode '${responseModeParam}' is not supported here; use query or fragment.`,
      );
    const responseType = params.get('response_type');
    if (!responseType)
      throw fail(
        'invalid_request',
        "AADSTS900144: The request body must contain the following parameter: 'response_type'.",
      );
    if (responseType !== 'code')
      throw fail(
        'unsupported_response_type',
        `AADSTS700054: response_type '${responseType}' is not enabled for the application.`,
      );
    const scope = params.get('scope');
    if (!scope)
      throw fail('invalid_request', "AADSTS900144: The request body must contain the following parameter: 'scope'.");
    const challengeValue = params.get('code_challenge') ?? undefined;
    const method = params.get('code_challenge_method') ?? 'plain';
    if (challengeValue !== undefined && method !== 'S256' && method !== 'plain')
      throw fail('invalid_request', `AADSTS501491: Invalid code_challenge_method '${method}'.`);
    if (challengeValue !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challengeValue))
      throw fail('invalid_request', 'AADSTS501491: Invalid size of Code_Challenge parameter.');
    return {
      ...base,
      scope,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(prompt !== undefined ? { prompt } : {}),
      ...(loginHint !== undefined ? { loginHint } : {}),
      ...(challengeValue !== undefined
        ? { challenge: { value: challengeValue, method: method as 'S256' | 'plain' } }
        : {}),
      clientInfo: params.get('client_info') === '1',
    };
  };

  const redirectTo = (
    res: ServerResponse,
    common: Record<string, string>,
    request: Pick<AuthorizeRequest, 'redirectUri' | 'responseMode' | 'state'>,
    values: Record<string, string>,
  ): void => {
    const answer = new URLSearchParams(values);
    if (request.state !== undefined) answer.set('state', request.state);
    const target = new URL(request.redirectUri);
    if (request.responseMode === 'fragment') target.hash = answer.toString();
    else for (const [k, v] of answer) target.searchParams.append(k, v);
    res.writeHead(302, { ...common, Location: target.toString() });
    res.end();
  };

  const page = (
    res: ServerResponse,
    common: Record<string, string>,
    status: number,
    title: string,
    body: string,
    formTarget?: string,
  ): void => {
    const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#242424}
h1{font-size:1.4rem}ul{list-style:none;padding:0}li{margin:.4rem 0}
button{width:100%;text-align:left;padding:.6rem .8rem;font:inherit;border:1px solid #8a8886;border-radius:4px;background:#fff;cursor:pointer}
button:hover,button:focus{border-color:#0f6cbd;outline:2px solid #0f6cbd}.role{display:block;font-size:.85rem;color:#616161}
.hint{border-color:#0f6cbd}.error{color:#b10e1c}</style></head>
<body><main>${body}</main></body></html>`;
    res.writeHead(status, {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(html)),
      'X-Frame-Options': 'DENY',
      // form-action also covers where the form's answer redirects to: the app's redirect URI.
      'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${formTarget ? ` ${new URL(formTarget).origin}` : ''}; frame-ancestors 'none'`,
    });
    res.end(html);
  };

  const errorPage = (res: ServerResponse, common: Record<string, string>, err: OAuthError): void =>
    page(
      res,
      common,
      400,
      'Aanmelden mislukt',
      `<h1>Aanmelden mislukt / Sign-in failed</h1><p class="error" role="alert">${escapeHtml(err.message)}</p>`,
    );

  const chooser = (
    res: ServerResponse,
    common: Record<string, string>,
    params: URLSearchParams,
    request: AuthorizeRequest,
  ): void => {
    const hidden = [...params]
      .filter(([k]) => k !== 'persona')
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    const hint = request.loginHint?.toLowerCase();
    const items = PERSONAS.map((p) => {
      const hinted = p.upn.toLowerCase() === hint;
      return `<li><button type="submit" name="persona" value="${escapeHtml(p.upn)}"${hinted ? ' class="hint" autofocus' : ''}>${escapeHtml(p.displayName)}<span class="role">${escapeHtml(p.upn)}</span></button></li>`;
    }).join('');
    page(
      res,
      common,
      200,
      'Aanmelden bij de sandbox',
      `<h1>Kies een account / Pick an account</h1><p>Lokale Microsoft 365-sandbox: kies de rol waarmee u zich aanmeldt.</p><form method="post">${hidden}<ul>${items}</ul></form>`,
      request.redirectUri,
    );
  };

  const issueCode = (request: AuthorizeRequest, persona: Persona): string => {
    const code = base64Url(randomBytes(32));
    codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      persona,
      scope: request.scope,
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
      ...(request.challenge ? { challenge: request.challenge } : {}),
      clientInfo: request.clientInfo,
      expiresAt: nowSeconds() + CODE_LIFETIME_SECONDS,
      redeemed: false,
    });
    return code;
  };

  const authorize = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    common: Record<string, string>,
  ): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const params = method === 'POST' ? await readForm(req) : url.searchParams;
    let request: AuthorizeRequest;
    try {
      request = readAuthorize(params);
    } catch (err) {
      if (err instanceof OAuthError) return errorPage(res, common, err);
      if (err instanceof RedirectableError)
        return redirectTo(res, common, (err as RedirectableError & { request: AuthorizeRequest }).request, {
          error: err.error,
          error_description: err.description,
        });
      throw err;
    }
    if (method === 'GET') {
      // The sandbox keeps no sign-in session, so a silent request can never be answered without the user.
      if (request.prompt === 'none')
        return redirectTo(res, common, request, {
          error: 'login_required',
          error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        });
      return chooser(res, common, params, request);
    }
    const personaKey = params.get('persona') ?? '';
    const persona = findPersona(personaKey);
    if (!persona)
      return errorPage(
        res,
        common,
        new OAuthError(
          400,
          'invalid_grant',
          50034,
          `The user account ${personaKey} does not exist in the Sandbox directory.`,
        ),
      );
    const answer: Record<string, string> = {
      code: issueCode(request, persona),
      session_state: base64Url(randomBytes(16)),
    };
    if (request.clientInfo) answer['client_info'] = clientInfoOf(persona);
    redirectTo(res, common, request, answer);
  };

  const logout = (res: ServerResponse, url: URL, common: Record<string, string>): void => {
    const target = url.searchParams.get('post_logout_redirect_uri');
    if (target && registered(target)) {
      res.writeHead(302, { ...common, Location: target });
      res.end();
      return;
    }
    page(res, common, 200, 'Afgemeld', '<h1>U bent afgemeld / You are signed out</h1>');
  };

  const clientInfoOf = (persona: Persona): string =>
    base64Url(Buffer.from(JSON.stringify({ uid: persona.oid, utid: SANDBOX_TENANT_ID })));

  /** Issues the token response for a persona: Graph access token, plus ID token, refresh token and client_info as asked. */
  const tokenResponse = async (
    clientId: string,
    persona: Persona,
    scope: string,
    issuerBase: string,
    nonce: string | undefined,
    clientInfo: boolean,
  ): Promise<TokenResponse> => {
    const requested = scope.split(/\s+/).filter((s) => s !== '');
    const resourceScopes = requested.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
    const unknown = resourceScopes.find(
      (s) => /^https?:\/\//i.test(s) && !s.toLowerCase().startsWith('https://graph.microsoft.com/'),
    );
    if (unknown)
      throw new OAuthError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope ${unknown} is not valid.`,
      );
    const response: TokenResponse = {
      token_type: 'Bearer',
      scope: DELEGATED_SCOPES,
      expires_in: options.tokens.lifetime,
      ext_expires_in: options.tokens.lifetime,
      access_token: await options.tokens.issueUserToken(clientId, persona),
    };
    if (requested.includes('openid'))
      response.id_token = await options.tokens.issueIdToken(
        clientId,
        persona,
        `${issuerBase}/${SANDBOX_TENANT_ID}/v2.0`,
        nonce,
      );
    if (requested.includes('offline_access')) {
      const refreshToken = base64Url(randomBytes(48));
      refreshTokens.set(refreshToken, {
        clientId,
        persona,
        scope,
        expiresAt: nowSeconds() + SPA_REFRESH_TOKEN_LIFETIME_SECONDS,
      });
      response.refresh_token = refreshToken;
      response.refresh_token_expires_in = SPA_REFRESH_TOKEN_LIFETIME_SECONDS;
    }
    if (clientInfo) response.client_info = clientInfoOf(persona);
    return response;
  };

  /** Entra redeems a single-page app's codes and refresh tokens only in a browser's cross-origin request. */
  const requireCrossOrigin = (origin: string | undefined): void => {
    // An opaque origin ('null', as a server-side fetch sends) is not a browser page's.
    if (!origin || origin === 'null')
      throw new OAuthError(
        400,
        'invalid_request',
        9002327,
        "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
      );
  };

  const redeemCode = async (
    form: URLSearchParams,
    clientId: string,
    origin: string | undefined,
  ): Promise<TokenResponse> => {
    const code = form.get('code');
    if (!code) throw missing('code');
    const redirectUri = form.get('redirect_uri');
    if (!redirectUri) throw missing('redirect_uri');
    requireCrossOrigin(origin);
    const grant = codes.get(code);
    if (!grant)
      throw new OAuthError(
        400,
        'invalid_grant',
        9002313,
        'Invalid request. Request is malformed or invalid. The provided value for the code parameter is not valid.',
      );
    if (grant.redeemed)
      throw new OAuthError(
        400,
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
      );
    // A code is spent by its first redemption attempt, good or bad: a wrong verifier cannot be retried.
    grant.redeemed = true;
    if (grant.expiresAt <= nowSeconds())
      throw new OAuthError(
        400,
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      );
    if (grant.clientId !== clientId)
      throw new OAuthError(
        400,
        'invalid_grant',
        700005,
        'Provided Authorization Code is intended to use against other client, thus rejected.',
      );
    if (grant.redirectUri !== redirectUri)
      throw new OAuthError(
        400,
        'invalid_grant',
        500117,
        `The reply uri '${redirectUri}' specified in the request does not match the reply uri used in the authorization request.`,
      );
    if (!grant.challenge)
      throw new OAuthError(
        400,
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      );
    const verifier = form.get('code_verifier');
    if (!verifier) throw missing('code_verifier');
    const expected =
      grant.challenge.method === 'S256' ? base64Url(createHash('sha256').update(verifier, 'ascii').digest()) : verifier;
    if (expected !== grant.challenge.value)
      throw new OAuthError(
        400,
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    const scope = form.get('scope') ?? grant.scope;
    return tokenResponse(
      clientId,
      grant.persona,
      scope,
      httpsBase,
      grant.nonce,
      grant.clientInfo || form.get('client_info') === '1',
    );
  };

  const redeemRefreshToken = async (
    form: URLSearchParams,
    clientId: string,
    origin: string | undefined,
  ): Promise<TokenResponse> => {
    const token = form.get('refresh_token');
    if (!token) throw missing('refresh_token');
    requireCrossOrigin(origin);
    const grant = refreshTokens.get(token);
    if (!grant || grant.clientId !== clientId)
      throw new OAuthError(
        400,
        'invalid_grant',
        9002313,
        'Invalid request. Request is malformed or invalid. The refresh token is not valid.',
      );
    refreshTokens.delete(token); // rotated: every redemption gives a new one
    if (grant.expiresAt <= nowSeconds()) {
      throw new OAuthError(
        400,
        'invalid_grant',
        700084,
        'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which was exceeded.',
      );
    }
    return tokenResponse(
      clientId,
      grant.persona,
      form.get('scope') ?? grant.scope,
      httpsBase,
      undefined,
      form.get('client_info') === '1',
    );
  };

  return {
    authority,
    certificate: cert,
    acceptTls(server: Server): void {
      const httpListeners = server.listeners('connection') as ((socket: Socket) => void)[];
      server.removeAllListeners('connection');
      const toHttp = (socket: Socket) => {
        for (const listener of httpListeners) listener.call(server, socket);
      };
      server.on('connection', (socket: Socket) => {
        rawSockets.add(socket);
        socket.on('close', () => rawSockets.delete(socket));
        socket.once('data', (first: Buffer) => {
          socket.pause();
          socket.unshift(first);
          // 0x16 opens a TLS handshake record; an HTTP request starts with a method name.
          if (first[0] === 0x16) {
            const tls = new TLSSocket(new SocketRelay(socket), { isServer: true, secureContext });
            tls.once('secure', () => toHttp(tls as unknown as Socket));
            tls.on('error', () => socket.destroy());
          } else {
            toHttp(socket);
          }
          socket.resume();
        });
      });
    },
    closeTls(): void {
      for (const socket of rawSockets) socket.destroy();
    },
    async handle(req, res, url, common): Promise<boolean> {
      const method = (req.method ?? 'GET').toUpperCase();
      const path = url.pathname;
      if (/^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(path) && (method === 'GET' || method === 'POST')) {
        await authorize(req, res, url, common);
        return true;
      }
      if (/^\/[^/]+\/oauth2\/v2\.0\/logout$/.test(path) && method === 'GET') {
        logout(res, url, common);
        return true;
      }
      if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path) && method === 'GET') {
        const body = JSON.stringify(metadata(baseOf(req)));
        res.writeHead(200, {
          ...common,
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(body)),
        });
        res.end(body);
        return true;
      }
      return false;
    },
    redeem(grantType, form, clientId, origin) {
      if (grantType === 'authorization_code') return redeemCode(form, clientId, origin);
      if (grantType === 'refresh_token') return redeemRefreshToken(form, clientId, origin);
      return undefined;
    },
  };
}
