import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import {
  appToken,
  CLIENT_ID,
  CLIENT_SECRET,
  errorOf,
  Graph,
  GRAPH_SCOPE,
  http,
  IM_SOCIAAL,
  personaToken,
  startTestSandbox,
  tokenRequest,
  type TestSandbox,
} from './helpers.js';

describe('sandbox token endpoint (Entra shape)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('issues an app-only token for client_credentials with roles and no user', async () => {
    const res = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: GRAPH_SCOPE,
    });
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(body['token_type']).toBe('Bearer');
    expect(body['expires_in']).toBe(3600);
    expect(body['ext_expires_in']).toBe(3600);
    const claims = decodeJwt(String(body['access_token']));
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims['roles']).toEqual(['Sites.Manage.All']);
    expect(claims['appid']).toBe(CLIENT_ID);
    expect(claims['idtyp']).toBe('app');
    expect(claims['scp']).toBeUndefined();
    expect(claims['upn']).toBeUndefined();
    expect(claims['tid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof claims.iss).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.nbf).toBe(claims.iat);
    expect(decodeProtectedHeader(String(body['access_token'])).alg).toBe('RS256');
  });

  it('accepts the tenant-qualified token path and client_secret_basic', async () => {
    const res = await http(`${t.sandbox.baseUrl}/some-tenant/oauth2/v2.0/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: GRAPH_SCOPE }).toString(),
    });
    expect(res.status).toBe(200);
  });

  it('issues a delegated token for a persona with scp, oid, name and upn', async () => {
    const res = await tokenRequest(t.sandbox, {
      grant_type: 'urn:sandbox:persona',
      client_id: CLIENT_ID,
      persona: IM_SOCIAAL,
      scope: GRAPH_SCOPE,
    });
    expect(res.status).toBe(200);
    const claims = decodeJwt((res.body as { access_token: string }).access_token);
    expect(claims['scp']).toBe('Sites.ReadWrite.All User.Read');
    expect(claims['upn']).toBe(IM_SOCIAAL);
    expect(claims['name']).toBe('Informatiemanager Sociaal Domein');
    expect(claims['oid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims['roles']).toBeUndefined();
    expect(claims['tid']).toBeDefined();
  });

  it('finds a persona by oid as well as by upn', async () => {
    const personas = (await http(`${t.sandbox.baseUrl}/_sandbox/personas`)).body as Array<{ upn: string; oid: string }>;
    const target = personas.find((p) => p.upn === IM_SOCIAAL)!;
    const token = await personaToken(t.sandbox, target.oid);
    expect(decodeJwt(token)['upn']).toBe(IM_SOCIAAL);
  });

  it('refuses a wrong secret with 401 invalid_client and AADSTS7000215, in OAuth shape', async () => {
    const res = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: 'wrong',
      scope: GRAPH_SCOPE,
    });
    expect(res.status).toBe(401);
    const body = res.body as Record<string, unknown>;
    expect(body['error']).toBe('invalid_client');
    expect(String(body['error_description'])).toMatch(/^AADSTS7000215: /);
    expect(body['error_codes']).toEqual([7000215]);
    expect(body['access_token']).toBeUndefined();
  });

  it('refuses an unknown client, an unknown persona and an unknown grant', async () => {
    const unknownClient = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: 'other',
      client_secret: CLIENT_SECRET,
      scope: GRAPH_SCOPE,
    });
    expect(unknownClient.status).toBe(400);
    expect((unknownClient.body as { error: string }).error).toBe('unauthorized_client');

    const unknownPersona = await tokenRequest(t.sandbox, {
      grant_type: 'urn:sandbox:persona',
      client_id: CLIENT_ID,
      persona: 'nobody@zoetermeer.example',
    });
    expect(unknownPersona.status).toBe(400);
    expect((unknownPersona.body as { error: string }).error).toBe('invalid_grant');

    const badGrant = await tokenRequest(t.sandbox, { grant_type: 'password', client_id: CLIENT_ID });
    expect(badGrant.status).toBe(400);
    expect((badGrant.body as { error: string }).error).toBe('unsupported_grant_type');

    const noScope = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(noScope.status).toBe(400);
    expect((noScope.body as { error: string }).error).toBe('invalid_request');
  });

  it('answers 401 InvalidAuthenticationToken with WWW-Authenticate when the token is missing', async () => {
    const res = await http(`${t.sandbox.graphUrl}/sites/127.0.0.1:/sites/actieplan`, {
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(res.status).toBe(401);
    const error = errorOf(res);
    expect(error.code).toBe('InvalidAuthenticationToken');
    expect(error.message).toBe('Access token is empty.');
    expect(error.innerError['client-request-id']).toBe('abc-123');
    expect(error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('answers 401 "validation failure" for garbage and for a token signed with another key', async () => {
    const garbage = await http(`${t.sandbox.graphUrl}/me`, { headers: { Authorization: 'Bearer not-a-jwt' } });
    expect(garbage.status).toBe(401);
    expect(errorOf(garbage).message).toBe('Access token validation failure.');

    // A forged token: the same claims as a real one, signed with a key the sandbox never made.
    const real = decodeJwt(await appToken(t.sandbox));
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...real })
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(await appToken(t.sandbox)).kid!, typ: 'JWT' })
      .sign(privateKey);
    const res = await http(`${t.sandbox.graphUrl}/sites/127.0.0.1:/sites/actieplan`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('InvalidAuthenticationToken');
    expect(errorOf(res).message).toBe('Access token validation failure.');
  });

  it('serves a JWKS that verifies its tokens', async () => {
    const token = await appToken(t.sandbox);
    const jwks = createRemoteJWKSet(new URL(`${t.sandbox.baseUrl}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(token, jwks, { audience: 'https://graph.microsoft.com' });
    expect(payload['appid']).toBe(CLIENT_ID);
  });

  it('GET /me answers the persona for a delegated token and 400 for an app-only token', async () => {
    const user = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    const me = await user.get('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      userPrincipalName: IM_SOCIAAL,
      mail: IM_SOCIAAL,
      displayName: 'Informatiemanager Sociaal Domein',
      jobTitle: 'Informatiemanager Sociaal Domein',
    });
    expect((me.body as { id: string }).id).toBe(decodeJwt(user.token)['oid']);

    const appMe = await t.app.get('/me');
    expect(appMe.status).toBe(400);
    expect(errorOf(appMe).message).toMatch(/delegated authentication flow/);
  });

  it('serves no group calendar: the recurrence rule is the one schedule source (issue 14 point 9)', async () => {
    const view = await t.app.get(
      '/groups/5b0c6a3e-2f0e-4d7b-9a57-0c1d2e3f4a51/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-02-01T00:00:00Z',
    );
    expect(view.status).toBe(400);
    expect(errorOf(view).message).toBe("Resource not found for the segment 'groups'.");
    const control = await http(`${t.sandbox.baseUrl}/_sandbox/groups/5b0c6a3e-2f0e-4d7b-9a57-0c1d2e3f4a51/events`);
    expect(control.status).toBe(404);
  });
});

describe('sandbox token lifetime with an injected clock', () => {
  let clock = new Date('2026-03-01T09:00:00Z');
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ now: () => clock, tokenLifetimeSeconds: 600 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('accepts a token until it expires, then answers 401 "expired or not yet valid"', async () => {
    clock = new Date('2026-03-01T09:00:00Z');
    const token = await appToken(t.sandbox);
    const graph = new Graph(t.sandbox, token);
    expect((await graph.get('/sites/127.0.0.1:/sites/actieplan')).status).toBe(200);

    clock = new Date('2026-03-01T09:09:59Z');
    expect((await graph.get('/sites/127.0.0.1:/sites/actieplan')).status).toBe(200);

    clock = new Date('2026-03-01T09:10:01Z');
    const expired = await graph.get('/sites/127.0.0.1:/sites/actieplan');
    expect(expired.status).toBe(401);
    expect(errorOf(expired).message).toBe('Access token has expired or is not yet valid.');
  });

  it('refuses a token that is not yet valid', async () => {
    clock = new Date('2026-03-02T12:00:00Z');
    const token = await appToken(t.sandbox);
    clock = new Date('2026-03-02T11:00:00Z');
    const res = await new Graph(t.sandbox, token).get('/sites/127.0.0.1:/sites/actieplan');
    expect(res.status).toBe(401);
    expect(errorOf(res).message).toBe('Access token has expired or is not yet valid.');
  });
});
