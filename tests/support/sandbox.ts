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

type ClientOptions = { retryPolicy?: RetryPolicy; retryEnvironment?: RetryEnvironment; tokens?: TokenSource; fetch?: typeof fetch };

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

/** A sandbox on a free port with a fresh data folder, plus the app's Graph client pointed at it. */
export async function startTestSandbox(faults?: SandboxFaults, options: TestSandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-sandbox-'));
  const sandbox = await startSandbox({
    port: 0,
    dataDir,
    ...(faults ? { faults } : {}),
    ...(options.now ? { now: options.now, tokenLifetimeSeconds: CLOCKED_TOKEN_LIFETIME_SECONDS } : {}),
  });
  const appTokens = () => createClientCredentialsTokenSource({ tokenUrl: sandbox.tokenUrl, clientId: 'sandbox-app', clientSecret: 'sandbox-secret' });
  const sharePointTokens = () =>
    createClientCredentialsTokenSource({ tokenUrl: sandbox.tokenUrl, clientId: 'sandbox-app', clientSecret: 'sandbox-secret', scope: sharePointScope(sandbox.siteUrl) });
  const graph = (options: ClientOptions = {}) => createGraph({ graphBaseUrl: sandbox.graphUrl, tokens: options.tokens ?? appTokens(), ...options });
  const sharePoint = (options: ClientOptions = {}) => createSharePoint({ siteUrl: sandbox.siteUrl, tokens: options.tokens ?? sharePointTokens(), ...options });
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
