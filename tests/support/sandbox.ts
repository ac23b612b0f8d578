import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraph, type Graph } from '../../src/data/graph/client.js';
import type { RetryEnvironment } from '../../src/data/graph/middleware.js';
import type { RetryPolicy } from '../../src/data/graph/retry-policy.js';
import { createClientCredentialsTokenSource, type TokenSource } from '../../src/data/graph/token-source.js';
import type { SiteClients } from '../../src/data/provisioning.js';
import { createSharePoint, sharePointScope, type SharePoint } from '../../src/data/sharepoint.js';
import { startSandbox, type RunningSandbox, type SandboxFaults } from '../../src/sandbox/server.js';
import { isLiveRun, liveTenant, type LiveTenant } from './live-tenant.js';

type ClientOptions = {
  retryPolicy?: RetryPolicy;
  retryEnvironment?: RetryEnvironment;
  tokens?: TokenSource;
  fetch?: typeof fetch;
};

export type TestSandbox = RunningSandbox & {
  dataDir: string;
  appTokens: () => TokenSource;
  graph: (options?: ClientOptions) => Graph;
  /** App-only tokens for SharePoint REST (audience: the sandbox's SharePoint origin). */
  sharePointTokens: () => TokenSource;
  /** The app's PnPjs client for the sandbox site. */
  sharePoint: (options?: ClientOptions) => SharePoint;
  /** Both clients, as provisioning takes them. */
  clients: () => SiteClients;
};

export type TestSandboxOptions = {
  /**
   * The sandbox's clock (Created/Modified, versions, tokens), e.g. `testClock(...).now`. With a clock of its own the
   * sandbox's tokens live ten years, so a test may move the clock months ahead without its token expiring.
   */
  now?: () => Date;
};

/** Token lifetime under a test clock: long enough for any jump a test makes. */
const CLOCKED_TOKEN_LIFETIME_SECONDS = 10 * 366 * 24 * 3600;

/**
 * A sandbox on a free port with a fresh data folder, plus the app's Graph client pointed at it. In the live suite
 * (`npm run test:live`) the same call gives the real tenant of `env/.env.dev` instead: see `liveTestTarget`.
 */
export async function startTestSandbox(faults?: SandboxFaults, options: TestSandboxOptions = {}): Promise<TestSandbox> {
  if (isLiveRun()) {
    if (faults || options.now) throw new Error(sandboxOnly(faults ? 'injected faults' : 'a test clock'));
    return liveTestTarget(liveTenant());
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-sandbox-'));
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    ...(faults ? { faults } : {}),
    ...(options.now ? { now: options.now, tokenLifetimeSeconds: CLOCKED_TOKEN_LIFETIME_SECONDS } : {}),
  });
  const appTokens = () =>
    createClientCredentialsTokenSource({
      tokenUrl: sandbox.tokenUrl,
      clientId: 'sandbox-app',
      clientSecret: 'sandbox-secret',
    });
  const sharePointTokens = () =>
    createClientCredentialsTokenSource({
      tokenUrl: sandbox.tokenUrl,
      clientId: 'sandbox-app',
      clientSecret: 'sandbox-secret',
      scope: sharePointScope(sandbox.siteUrl),
    });
  const graph = (options: ClientOptions = {}) =>
    createGraph({ graphBaseUrl: sandbox.graphUrl, tokens: options.tokens ?? appTokens(), ...options });
  const sharePoint = (options: ClientOptions = {}) =>
    createSharePoint({ siteUrl: sandbox.siteUrl, tokens: options.tokens ?? sharePointTokens(), ...options });
  return {
    ...sandbox,
    dataDir,
    appTokens,
    graph,
    sharePointTokens,
    sharePoint,
    clients: () => ({ graph: graph(), sharePoint: sharePoint() }),
    close: async () => {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const sandboxOnly = (what: string) =>
  `this test needs the local sandbox (${what}); it cannot run against a tenant, so it is not in the live suite's files (vitest.live.config.ts)`;

/**
 * The real tenant behind the same interface: its Graph base URL, site and token endpoint, and the server's app-only
 * client credentials. What only the sandbox can do (faults, snapshots) throws and names itself; closing leaves the
 * tenant as the tests left it.
 */
function liveTestTarget(tenant: LiveTenant): TestSandbox {
  const graphOrigin = new URL(tenant.graphBaseUrl).origin;
  const sharePointOrigin = new URL(tenant.siteUrl).origin;
  const credentials = { tokenUrl: tenant.tokenUrl, clientId: tenant.clientId, clientSecret: tenant.clientSecret };
  const appTokens = () => createClientCredentialsTokenSource(credentials);
  const sharePointTokens = () =>
    createClientCredentialsTokenSource({ ...credentials, scope: sharePointScope(tenant.siteUrl) });
  const graph = (options: ClientOptions = {}) =>
    createGraph({ graphBaseUrl: tenant.graphBaseUrl, tokens: options.tokens ?? appTokens(), ...options });
  const sharePoint = (options: ClientOptions = {}) =>
    createSharePoint({ siteUrl: tenant.siteUrl, tokens: options.tokens ?? sharePointTokens(), ...options });
  return {
    port: Number(new URL(graphOrigin).port || 443),
    baseUrl: graphOrigin,
    graphUrl: tenant.graphBaseUrl,
    siteUrl: tenant.siteUrl,
    sharePointOrigin,
    tokenUrl: tenant.tokenUrl,
    // Entra's authority is the token endpoint's tenant; its certificate is a public CA's, nothing to hand out.
    authority: tenant.tokenUrl.replace(/\/oauth2\/v2\.0\/token$/, ''),
    tlsCertificate: '',
    setFaults: () => {
      throw new Error(sandboxOnly('injected faults'));
    },
    snapshot: () => {
      throw new Error(sandboxOnly('snapshots'));
    },
    restore: () => {
      throw new Error(sandboxOnly('snapshots'));
    },
    close: async () => {},
    dataDir: '',
    appTokens,
    graph,
    sharePointTokens,
    sharePoint,
    clients: () => ({ graph: graph(), sharePoint: sharePoint() }),
  };
}

/** A clock a test sets: the sandbox stamps every write with `now()` until the test moves it. */
export type TestClock = {
  now: () => Date;
  /** Moves the clock to an instant (ISO, e.g. `2025-03-15T09:00:00Z`, or a Date). */
  set: (at: string | Date) => void;
};

export function testClock(start: string | Date): TestClock {
  const parse = (at: string | Date): number => {
    const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
    if (Number.isNaN(t)) throw new RangeError(`testClock: not an instant: ${String(at)}`);
    return t;
  };
  let current = parse(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = parse(at);
    },
  };
}

/** A retry environment that does not really wait, and records what it would have waited. */
export function recordingRetryEnvironment(): RetryEnvironment & { waits: number[] } {
  const waits: number[] = [];
  let clock = 0;
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
  };
}
