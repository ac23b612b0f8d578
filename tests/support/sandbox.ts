import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraph, type Graph } from '../../src/data/graph/client.js';
import type { RetryEnvironment } from '../../src/data/graph/middleware.js';
import type { RetryPolicy } from '../../src/data/graph/retry-policy.js';
import { createClientCredentialsTokenSource, type TokenSource } from '../../src/data/graph/token-source.js';
import { startSandbox, type RunningSandbox, type SandboxFaults } from '../../src/sandbox/server.js';

export type TestSandbox = RunningSandbox & { dataDir: string; appTokens: () => TokenSource; graph: (options?: { retryPolicy?: RetryPolicy; retryEnvironment?: RetryEnvironment; tokens?: TokenSource }) => Graph };

/** A sandbox on a free port with a fresh data folder, plus the app's Graph client pointed at it. */
export async function startTestSandbox(faults?: SandboxFaults): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'actieplan-sandbox-'));
  const sandbox = await startSandbox({ port: 0, dataDir, ...(faults ? { faults } : {}) });
  const appTokens = () => createClientCredentialsTokenSource({ tokenUrl: sandbox.tokenUrl, clientId: 'sandbox-app', clientSecret: 'sandbox-secret' });
  return {
    ...sandbox,
    dataDir,
    appTokens,
    graph: (options = {}) => createGraph({ graphBaseUrl: sandbox.graphUrl, tokens: options.tokens ?? appTokens(), ...options }),
    close: async () => {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
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
