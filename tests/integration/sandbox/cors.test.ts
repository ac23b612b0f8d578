import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, http, IM_SOCIAAL, startTestSandbox, type TestSandbox } from './helpers.js';

const APP_ORIGIN = 'http://localhost:3978';

describe('sandbox CORS', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(async () => {
    await t.stop();
  });

  const preflight = (path: string, origin: string, method = 'PATCH', headers = 'authorization,content-type,if-match') =>
    http(`${t.sandbox.baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
    });

  it('answers a preflight from an allowed origin with methods, headers and exposed headers', async () => {
    const res = await preflight('/v1.0/sites/x/lists/y/items/1/fields', APP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const methods = (res.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']));
    const allowed = (res.headers.get('access-control-allow-headers') ?? '')
      .toLowerCase()
      .split(',')
      .map((h) => h.trim());
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'if-match',
        'prefer',
        'client-request-id',
        'consistencylevel',
      ]),
    );
    const exposed = (res.headers.get('access-control-expose-headers') ?? '')
      .toLowerCase()
      .split(',')
      .map((h) => h.trim());
    expect(exposed).toEqual(
      expect.arrayContaining(['etag', 'retry-after', 'request-id', 'client-request-id', 'location']),
    );
  });

  it('refuses a preflight from another origin, without CORS headers', async () => {
    const res = await preflight('/v1.0/me', 'http://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the tab call the token endpoint and the persona list from the browser', async () => {
    const pre = await preflight('/oauth2/v2.0/token', 'http://127.0.0.1:3978', 'POST', 'content-type');
    expect(pre.status).toBe(204);
    const token = await http(t.sandbox.tokenUrl, {
      method: 'POST',
      headers: { Origin: 'http://127.0.0.1:3978', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:sandbox:persona',
        client_id: CLIENT_ID,
        persona: IM_SOCIAAL,
      }).toString(),
    });
    expect(token.status).toBe(200);
    expect(token.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3978');
    const personas = await http(`${t.sandbox.baseUrl}/_sandbox/personas`, { headers: { Origin: APP_ORIGIN } });
    expect(personas.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('puts CORS headers on Graph responses, errors included, for allowed origins only', async () => {
    const unauthorized = await http(`${t.sandbox.graphUrl}/me`, { headers: { Origin: APP_ORIGIN } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(unauthorized.headers.get('access-control-expose-headers')).toContain('request-id');
    const other = await http(`${t.sandbox.graphUrl}/me`, { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('honours a custom origin list', async () => {
    const custom = await startTestSandbox({ allowedOrigins: ['http://127.0.0.1:5173'] });
    try {
      expect(
        (
          await http(`${custom.sandbox.baseUrl}/v1.0/me`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'GET' },
          })
        ).status,
      ).toBe(204);
      expect(
        (
          await http(`${custom.sandbox.baseUrl}/v1.0/me`, {
            method: 'OPTIONS',
            headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'GET' },
          })
        ).status,
      ).toBe(403);
    } finally {
      await custom.stop();
    }
  });

  it("answers a request target that is not a URL with Graph's 400, not a 500", async () => {
    const { hostname, port } = new URL(t.sandbox.baseUrl);
    const answer = await new Promise<string>((ok, fail) => {
      const socket = connect(Number(port), hostname, () =>
        socket.end(`GET //a:b/ HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
    expect(body.error.code).toBe('invalidRequest');
  });

  it('refuses the cross-site control request a web page could send, and switches nothing on', async () => {
    const faults = `${t.sandbox.baseUrl}/_sandbox/faults`;
    const attack = await http(faults, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ throttleRate: 1 }),
    });
    expect(attack.status).toBe(403);
    expect(attack.headers.get('access-control-allow-origin')).toBeNull();
    expect((attack.body as { error: { message: string } }).error.message).toContain('http://evil.example');
    // A "simple" request from the app's own origin or from a plain form (no Origin, Sec-Fetch-Site cross-site)
    // is refused too: only JSON, which a page can send only after a preflight, switches faults.
    const plain = await http(faults, {
      method: 'POST',
      headers: { Origin: APP_ORIGIN, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ throttleRate: 1 }),
    });
    expect(plain.status).toBe(415);
    const form = await http(faults, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'throttleRate=1',
    });
    expect(form.status).toBe(403);
    const evilJson = await http(faults, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1 }),
    });
    expect(evilJson.status).toBe(403);
    expect((await http(faults)).body).toEqual({});
    expect((await t.app.get('/sites/127.0.0.1:/sites/actieplan')).status).toBe(200);
    // The app's own origin with JSON is the way in.
    const allowed = await http(faults, {
      method: 'POST',
      headers: { Origin: APP_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: 0 }),
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('serves only loopback host names', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      // fetch does not let a caller set Host, so use node:http directly.
      import('node:http')
        .then(({ request }) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: t.sandbox.port,
              path: '/_sandbox/personas',
              headers: { Host: 'attacker.example' },
            },
            (r) => {
              r.resume();
              resolve(r.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        })
        .catch(reject);
    });
    expect(res).toBe(403);
  });
});
