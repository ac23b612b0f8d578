/**
 * Test helpers: a sandbox on a free port in a fresh temporary folder, tokens, and a tiny Graph
 * client over plain `fetch`, so every test talks to the sandbox over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server.js';

export const CLIENT_ID = 'sandbox-app';
export const CLIENT_SECRET = 'sandbox-secret';
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const IM_SOCIAAL = 'informatiemanager.sociaal-domein@zoetermeer.example';
export const PORTFOLIOMANAGER = 'portfoliomanager.ia@zoetermeer.example';

/** A fresh, empty temporary folder for one sandbox. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sandbox-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type HttpResult = { status: number; headers: Headers; body: unknown; text: string };

/** Sends a request and reads the body as JSON when there is one. */
export async function http(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = undefined;
  if (text !== '') body = JSON.parse(text) as unknown;
  return { status: res.status, headers: res.headers, body, text };
}

/** Posts a form to the token endpoint. */
export function tokenRequest(
  sandbox: RunningSandbox,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return http(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

export async function appToken(sandbox: RunningSandbox): Promise<string> {
  const res = await tokenRequest(sandbox, {
    grant_type: 'client_credentials',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    scope: GRAPH_SCOPE,
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
  return (res.body as { access_token: string }).access_token;
}

/** An app-only token for SharePoint REST: the scope names the sandbox's SharePoint origin. */
export async function sharePointAppToken(sandbox: RunningSandbox): Promise<string> {
  const res = await tokenRequest(sandbox, {
    grant_type: 'client_credentials',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    scope: `${sandbox.sharePointOrigin}/.default`,
  });
  if (res.status !== 200) throw new Error(`SharePoint token request failed: ${res.status} ${res.text}`);
  return (res.body as { access_token: string }).access_token;
}

export async function personaToken(sandbox: RunningSandbox, persona: string): Promise<string> {
  const res = await tokenRequest(sandbox, {
    grant_type: 'urn:sandbox:persona',
    client_id: CLIENT_ID,
    persona,
    scope: GRAPH_SCOPE,
  });
  if (res.status !== 200) throw new Error(`persona token request failed: ${res.status} ${res.text}`);
  return (res.body as { access_token: string }).access_token;
}

/** A minimal Graph client: relative paths below /v1.0, JSON in and out. */
export class Graph {
  constructor(
    readonly sandbox: RunningSandbox,
    readonly token: string,
  ) {}

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
    const url = path.startsWith('http') ? path : `${this.sandbox.graphUrl}${path}`;
    const init: RequestInit = { method, headers: { Authorization: `Bearer ${this.token}`, ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    return http(url, init);
  }

  get(path: string, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('POST', path, body, headers);
  }

  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('PATCH', path, body, headers);
  }

  delete(path: string, headers?: Record<string, string>): Promise<HttpResult> {
    return this.request('DELETE', path, undefined, headers);
  }

  /** The site id, found the Graph way (by hostname and path). */
  async siteId(): Promise<string> {
    const res = await this.get('/sites/127.0.0.1:/sites/actieplan');
    if (res.status !== 200) throw new Error(`site lookup failed: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }

  /** Creates a list and returns its id; throws unless the answer is 201. */
  async createList(displayName: string, columns: unknown[]): Promise<string> {
    const siteId = await this.siteId();
    const res = await this.post(`/sites/${siteId}/lists`, { displayName, columns, list: { template: 'genericList' } });
    if (res.status !== 201) throw new Error(`list creation failed: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }
}

export type TestSandbox = { sandbox: RunningSandbox; dataDir: string; app: Graph; stop(): Promise<void> };

/** Starts a sandbox on a free port in a fresh folder, with an app-only Graph client. */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? freshDataDir();
  const sandbox = await startSandbox({ port: 0, ...options, dataDir });
  const app = new Graph(sandbox, await appToken(sandbox));
  return {
    sandbox,
    dataDir,
    app,
    async stop() {
      await sandbox.close();
      removeDir(dataDir);
    },
  };
}

/** The shape every Graph error body has. */
export type GraphErrorBody = {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
};

export function errorOf(res: HttpResult): GraphErrorBody['error'] {
  return (res.body as GraphErrorBody).error;
}

/** Item fields as returned by Graph. */
export type Fields = Record<string, unknown>;
export type Item = {
  id: string;
  eTag: string;
  fields: Fields;
  createdBy: Record<string, unknown>;
  lastModifiedBy: Record<string, unknown>;
};

// ---- a sandbox in its own OS process ------------------------------------------------------

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export type Child = { process: ChildProcess; baseUrl: string; output: () => string };

/** Starts `src/sandbox/main.ts` as its own OS process on a free port and waits for its address. */
export function spawnSandbox(dataDir: string, env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<Child>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /base:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      // The banner is written line by line and may arrive in several chunks: wait for its last
      // fixed line ("data:"), so a test that reads the whole banner never sees half of it.
      if (m?.[1] && /\n\s*data:\s+\S.*\n/.test(output)) {
        clearTimeout(timer);
        resolvePromise({ process: child, baseUrl: m[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited early with ${String(code)}:\n${output}`));
    });
  });
}

/** Kills the process with SIGKILL (no chance to flush or close) and waits until it is gone. */
export function killHard(child: Child): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      resolvePromise();
      return;
    }
    child.process.removeAllListeners('exit');
    child.process.once('exit', () => resolvePromise());
    child.process.kill('SIGKILL');
  });
}

/** A client for a sandbox known only by its base URL (another process). */
export async function clientFor(baseUrl: string): Promise<{ graph: Graph; token: string }> {
  const fake = {
    baseUrl,
    graphUrl: `${baseUrl}/v1.0`,
    siteUrl: `${baseUrl}/sites/actieplan`,
    sharePointOrigin: baseUrl,
    tokenUrl: `${baseUrl}/oauth2/v2.0/token`,
    authority: '',
    tlsCertificate: '',
    port: 0,
    setFaults: () => undefined,
    snapshot: () => undefined,
    restore: () => undefined,
    close: async () => undefined,
  };
  const token = await appToken(fake);
  return { graph: new Graph(fake, token), token };
}
