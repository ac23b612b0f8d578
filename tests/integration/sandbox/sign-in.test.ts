import { createHash, randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../../src/sandbox/personas.js';
import { Graph, http, IM_SOCIAAL, startTestSandbox, tokenRequest, type TestSandbox } from './helpers.js';

/**
 * Entra's interactive sign-in as MSAL.js runs it (authorization code + PKCE), against the sandbox over real HTTP and
 * TLS: the metadata MSAL reads, the persona chooser as the sign-in page, the code grant with its PKCE check.
 */
const APP_ORIGIN = 'http://127.0.0.1:3978'; // on the sandbox's default CORS list: a "registered" redirect origin
const REDIRECT_URI = `${APP_ORIGIN}/auth-redirect.html`;
const TAB_CLIENT_ID = 'ba44f9dc-bc31-4b5b-bea3-bc0821443289';

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** GET over TLS, trusting only the certificate the sandbox says it presents (or nothing at all). */
function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ...(ca ? { ca } : {}) }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox sign-in: authorization code with PKCE (Entra shape)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(async () => {
    await t.stop();
  });

  const authorizeUrl = (params: Record<string, string>) =>
    `${t.sandbox.baseUrl}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize?${new URLSearchParams(params).toString()}`;

  /** Walks the sign-in page as a person would: open it, pick the persona; returns the redirect's parameters. */
  async function signIn(challenge: string, extra: Record<string, string> = {}): Promise<URLSearchParams> {
    const params = {
      client_id: TAB_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      response_mode: 'fragment',
      scope: 'User.Read Sites.ReadWrite.All openid profile offline_access',
      state: 'state-123',
      nonce: 'nonce-456',
      client_info: '1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
    const page = await fetch(authorizeUrl(params));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${IM_SOCIAAL}"`);
    expect(html).toContain('Informatiemanager Sociaal Domein');
    const chosen = await fetch(authorizeUrl(params), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, persona: IM_SOCIAAL }).toString(),
      redirect: 'manual',
    });
    expect(chosen.status).toBe(302);
    const location = new URL(chosen.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    return new URLSearchParams(location.hash.slice(1));
  }

  const redeem = (form: Record<string, string>, origin: string | null = APP_ORIGIN) =>
    tokenRequest(
      t.sandbox,
      { client_id: TAB_CLIENT_ID, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, ...form },
      origin ? { Origin: origin } : {},
    );

  it('serves the OpenID metadata MSAL reads over TLS on its own port, with a certificate a client can pin', async () => {
    expect(t.sandbox.authority).toBe(`${t.sandbox.baseUrl.replace('http:', 'https:')}/${SANDBOX_TENANT_ID}`);
    const res = await httpsGet(
      `${t.sandbox.authority}/v2.0/.well-known/openid-configuration`,
      t.sandbox.tlsCertificate,
    );
    expect(res.status).toBe(200);
    const metadata = JSON.parse(res.body) as Record<string, unknown>;
    // MSAL.js accepts the metadata only when the issuer has the authority's scheme, host and port.
    expect(metadata['issuer']).toBe(`${t.sandbox.authority}/v2.0`);
    expect(metadata['authorization_endpoint']).toBe(`${t.sandbox.authority}/oauth2/v2.0/authorize`);
    expect(metadata['token_endpoint']).toBe(`${t.sandbox.authority}/oauth2/v2.0/token`);
    expect(metadata['jwks_uri']).toBe(`${t.sandbox.authority}/discovery/v2.0/keys`);
    expect(metadata['response_types_supported']).toEqual(['code']);
    // It is real TLS: a client that does not trust the sandbox's certificate is refused.
    await expect(httpsGet(`${t.sandbox.authority}/v2.0/.well-known/openid-configuration`, undefined)).rejects.toThrow(
      /self.signed|certificate/i,
    );
    // Plain HTTP on the same port still serves Graph and names its own scheme in the metadata.
    const plain = await http(`${t.sandbox.baseUrl}/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect((plain.body as Record<string, unknown>)['issuer']).toBe(`${t.sandbox.baseUrl}/${SANDBOX_TENANT_ID}/v2.0`);
  });

  it('signs a persona in on the chooser page and redeems the code once, with the PKCE verifier, for Graph', async () => {
    const { verifier, challenge } = pkce();
    const answer = await signIn(challenge);
    expect(answer.get('state')).toBe('state-123');
    const code = answer.get('code') ?? '';
    expect(code).not.toBe('');
    expect(JSON.parse(Buffer.from(answer.get('client_info') ?? '', 'base64url').toString('utf8'))).toEqual({
      uid: expect.any(String),
      utid: SANDBOX_TENANT_ID,
    });

    const res = await redeem({ code, code_verifier: verifier });
    expect(res.status).toBe(200);
    const body = res.body as Record<string, string>;
    expect(body['token_type']).toBe('Bearer');
    expect(body['scope']).toContain('Sites.ReadWrite.All');
    const id = decodeJwt(body['id_token'] ?? '');
    expect(id['nonce']).toBe('nonce-456');
    expect(id.aud).toBe(TAB_CLIENT_ID);
    expect(id.iss).toBe(`${t.sandbox.authority}/v2.0`);
    expect(id['preferred_username']).toBe(IM_SOCIAAL);
    // The access token is the persona's for Graph.
    const me = await new Graph(t.sandbox, body['access_token'] ?? '').get('/me');
    expect(me.status).toBe(200);
    expect((me.body as { userPrincipalName: string }).userPrincipalName).toBe(IM_SOCIAAL);

    // A code is single-use.
    const again = await redeem({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });

    // The refresh token gives a new access token once and is rotated.
    const refresh = body['refresh_token'] ?? '';
    const refreshed = await tokenRequest(
      t.sandbox,
      {
        client_id: TAB_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: refresh,
        scope: 'User.Read Sites.ReadWrite.All offline_access',
      },
      { Origin: APP_ORIGIN },
    );
    expect(refreshed.status).toBe(200);
    expect((refreshed.body as Record<string, string>)['refresh_token']).not.toBe(refresh);
    const reused = await tokenRequest(
      t.sandbox,
      { client_id: TAB_CLIENT_ID, grant_type: 'refresh_token', refresh_token: refresh },
      { Origin: APP_ORIGIN },
    );
    expect(reused.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong PKCE verifier with invalid_grant, and the code is spent by that attempt', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn(challenge)).get('code') ?? '';
    const wrong = await redeem({ code, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    expect((wrong.body as { error_description: string }).error_description).toMatch(
      /^AADSTS501481: The Code_Verifier does not match the code_challenge/,
    );
    expect((await redeem({ code, code_verifier: verifier })).body).toMatchObject({
      error: 'invalid_grant',
      error_codes: [54005],
    });
  });

  it('refuses a missing verifier, another redirect URI, another client and a redemption without Origin', async () => {
    const { verifier, challenge } = pkce();
    expect((await redeem({ code: (await signIn(challenge)).get('code') ?? '' })).body).toMatchObject({
      error: 'invalid_request',
      error_codes: [900144],
    });
    expect(
      (
        await redeem({
          code: (await signIn(challenge)).get('code') ?? '',
          code_verifier: verifier,
          redirect_uri: `${APP_ORIGIN}/index.html`,
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant', error_codes: [500117] });
    expect(
      (
        await redeem({
          code: (await signIn(challenge)).get('code') ?? '',
          code_verifier: verifier,
          client_id: 'another-app',
        })
      ).body,
    ).toMatchObject({ error: 'invalid_grant', error_codes: [700005] });
    // A single-page app's code is redeemed only cross-origin (from the browser), as Entra requires.
    expect(
      (await redeem({ code: (await signIn(challenge)).get('code') ?? '', code_verifier: verifier }, null)).body,
    ).toMatchObject({ error: 'invalid_request', error_codes: [9002327] });
    expect((await redeem({ code: 'not-a-code', code_verifier: verifier })).body).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('answers bad authorize requests the way Entra does: on the page or back at the redirect URI', async () => {
    const { challenge } = pkce();
    const base = {
      client_id: TAB_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    // An unregistered redirect URI is never redirected to.
    const foreign = await fetch(authorizeUrl({ ...base, redirect_uri: 'https://evil.example/cb' }), {
      redirect: 'manual',
    });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('AADSTS50011');
    // Other problems go back to the app (query by default), with the state.
    const implicit = await fetch(authorizeUrl({ ...base, response_type: 'token' }), { redirect: 'manual' });
    expect(implicit.status).toBe(302);
    const back = new URL(implicit.headers.get('location') ?? '').searchParams;
    expect(back.get('error')).toBe('unsupported_response_type');
    expect(back.get('state')).toBe('s');
    // No sign-in session: a silent request needs the user.
    const silent = await fetch(authorizeUrl({ ...base, prompt: 'none', response_mode: 'fragment' }), {
      redirect: 'manual',
    });
    expect(new URLSearchParams(new URL(silent.headers.get('location') ?? '').hash.slice(1)).get('error')).toBe(
      'login_required',
    );
    // A person the directory does not have.
    const nobody = await fetch(authorizeUrl(base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...base, persona: 'nobody@zoetermeer.example' }).toString(),
      redirect: 'manual',
    });
    expect(nobody.status).toBe(400);
    expect(await nobody.text()).toContain('AADSTS50034');
  });
});
