import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabConfig } from '../../../src/shared/wire.js';
import {
  chooseEncoding,
  decodePath,
  requestPath,
  startAppServer,
  type AppServer,
} from '../../../src/server/http-server.js';

/** One raw HTTP answer (no client-side decompression, so the bytes on the wire are what the test sees). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

const SCRIPT = Buffer.from(
  `export const plan = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `actie ${i}`))};\n`,
);
const config: TabConfig = {
  graphBaseUrl: 'http://127.0.0.1:1/v1.0',
  tokenUrl: 'http://127.0.0.1:1/token',
  siteUrl: 'http://127.0.0.1:1/sites/actieplan',
  clientId: 'client',
  auth: 'persona',
  // A value that would close the script element if it were not escaped.
  gemeente: 'Gemeente </script><script>alert(1)</script>',
};

/**
 * Sends `head` (a request line and headers) as it is, on a raw socket: no client library would send a target that
 * is not a URL. Resolves with the answer's status line, or with `''` when the connection closed without one.
 */
function raw(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () =>
      socket.end(`${head}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('end', () => ok(answer.split('\r\n')[0] ?? ''));
    socket.on('error', fail);
  });
}

const logged: { level: string; msg: string }[] = [];
let dir: string;
let server: AppServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-assets-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>tab</title>\n  </head>\n  <body></body>\n</html>\n',
  );
  writeFileSync(join(dir, 'assets', 'app-Ab12Cd.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'app-Ab12Cd.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'app-Ab12Cd.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'plain-Ef34Gh.js'), SCRIPT);
  // A regular file by stat whose read fails, as a file that a deploy removes between stat and open would: on Linux a
  // link to /proc/self/mem (EIO on reading; root may read any mode), elsewhere a file without read permission (EACCES).
  const unreadable = join(dir, 'assets', 'unreadable-Zz99.js');
  if (existsSync('/proc/self/mem')) symlinkSync('/proc/self/mem', unreadable);
  else {
    writeFileSync(unreadable, SCRIPT);
    chmodSync(unreadable, 0);
  }
  server = await startAppServer({
    host: '127.0.0.1',
    port: 0,
    tabDistDir: dir,
    tabConfig: () => config,
    log: (event) => logged.push(event),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hashed assets over HTTP', () => {
  it('sends the brotli variant to a browser that accepts it, cacheable for good', async () => {
    const answer = await get(`${server.url}/assets/app-Ab12Cd.js`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(SCRIPT.length);
    expect(brotliDecompressSync(answer.body).equals(SCRIPT)).toBe(true);
  });

  it('sends gzip to a client without brotli or one that refuses it', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.5']) {
      const answer = await get(`${server.url}/assets/app-Ab12Cd.js`, { 'Accept-Encoding': accept });
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(answer.body).equals(SCRIPT)).toBe(true);
    }
  });

  it('sends the file itself without Accept-Encoding, and when no variant was built', async () => {
    const bare = await get(`${server.url}/assets/app-Ab12Cd.js`);
    expect(bare.headers['content-encoding']).toBeUndefined();
    expect(bare.body.equals(SCRIPT)).toBe(true);
    const plain = await get(`${server.url}/assets/plain-Ef34Gh.js`, { 'Accept-Encoding': 'gzip, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(SCRIPT)).toBe(true);
  });

  it("HEAD gives the variant's headers without a body", async () => {
    const answer = await new Promise<{ headers: Record<string, string | string[] | undefined>; length: number }>(
      (ok, fail) => {
        const req = request(
          `${server.url}/assets/app-Ab12Cd.js`,
          { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } },
          (res) => {
            let length = 0;
            res.on('data', (c: Buffer) => (length += c.length));
            res.on('end', () => ok({ headers: res.headers, length }));
          },
        );
        req.on('error', fail);
        req.end();
      },
    );
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.length).toBe(0);
  });
});

describe('requests that are not what they should be', () => {
  it('answers a request target no URL parser takes with 400, and goes on serving', async () => {
    for (const head of ['GET //a:b/ HTTP/1.1', 'GET //[ HTTP/1.1', 'GET http://[ HTTP/1.1'])
      await expect(raw(server.url, head)).resolves.toBe('HTTP/1.1 400 Bad Request');
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers a malformed percent-escape with 400, without an error in the log', async () => {
    const before = logged.length;
    const answer = await get(`${server.url}/%E0%A4%A`);
    expect(answer.status).toBe(400);
    expect(answer.body.toString('utf8')).toBe('Ongeldige aanvraag');
    expect(logged.slice(before).filter((e) => e.level === 'error')).toEqual([]);
  });

  it('ends the response of a file whose read fails, logs it, and goes on serving', async () => {
    const before = logged.length;
    await get(`${server.url}/assets/unreadable-Zz99.js`).catch(() => undefined);
    await expect
      .poll(() => logged.slice(before).map((e) => `${e.level} ${e.msg}`))
      .toEqual(['warn static file not sent']);
    expect((await get(`${server.url}/assets/plain-Ef34Gh.js`)).body.equals(SCRIPT)).toBe(true);
  });

  it('requestPath and decodePath say undefined instead of throwing', () => {
    expect(requestPath('/assets/a.js?x=1')).toBe('/assets/a.js');
    expect(requestPath(undefined)).toBe('/');
    expect(requestPath('//a:b/')).toBeUndefined();
    expect(decodePath('/caf%C3%A9')).toBe('/café');
    expect(decodePath('/%E0%A4%A')).toBeUndefined();
  });
});

describe("the tab's configuration", () => {
  it('is inlined into index.html, escaped, and the page is revalidated', async () => {
    const answer = await get(`${server.url}/`);
    expect(answer.headers['cache-control']).toBe('no-cache');
    const html = answer.body.toString('utf8');
    const match = /<script id="tab-config" type="application\/json">(.*?)<\/script>/.exec(html);
    expect(match?.[1]).toBeDefined();
    expect(JSON.parse(match?.[1] ?? '')).toEqual(config);
    // The value's own "</script>" was escaped: the page has exactly one closing tag for the inline script.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.indexOf('tab-config')).toBeLessThan(html.indexOf('</head>'));
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  });

  it('/config.json is no longer no-store', async () => {
    const answer = await get(`${server.url}/config.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual(config);
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and *, and says nothing without a header', () => {
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*;q=0', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('BR', [])).toBeUndefined();
  });
});
