import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphRequestError, RetryExhaustedError } from '../../../src/data/graph/errors.js';
import type { TokenSource } from '../../../src/data/graph/token-source.js';
import { resolveSite } from '../../../src/data/site.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const policy = { maxAttempts: 4, maxTotalMs: 60_000, baseDelayMs: 100, maxDelayMs: 1000 };

describe('the Graph client against a throttling sandbox', () => {
  it('waits exactly Retry-After and then succeeds', async () => {
    sandbox.setFaults({ throttleRate: 0.5, throttleStatus: 429, retryAfterSeconds: 2, seed: 7 });
    const env = recordingRetryEnvironment();
    const graph = sandbox.graph({ retryPolicy: { ...policy, maxAttempts: 30 }, retryEnvironment: env });
    for (let i = 0; i < 10; i += 1) await resolveSite(graph, sandbox.siteUrl);
    sandbox.setFaults({});
    expect(env.waits.length).toBeGreaterThan(0);
    expect(env.waits.every((w) => w === 2000)).toBe(true);
  });

  it('gives up after the bounded number of attempts with a clear error', async () => {
    sandbox.setFaults({ throttleRate: 1, throttleStatus: 503, retryAfterSeconds: 1 });
    const env = recordingRetryEnvironment();
    const graph = sandbox.graph({ retryPolicy: policy, retryEnvironment: env });
    const error = await resolveSite(graph, sandbox.siteUrl).catch((e: unknown) => e);
    sandbox.setFaults({});
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error).toMatchObject({ lastStatus: 503, attempts: 4 });
    expect(env.waits).toEqual([1000, 1000, 1000]);
  });

  it('fetches a fresh token once when the one it had is refused', async () => {
    const real = sandbox.appTokens();
    let served = 0;
    let invalidated = 0;
    const tokens: TokenSource = {
      getToken: async () => (served++ === 0 ? 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' : real.getToken()),
      invalidate: () => {
        invalidated += 1;
      },
    };
    const site = await resolveSite(sandbox.graph({ tokens }), sandbox.siteUrl);
    expect(site.id).toMatch(/^127\.0\.0\.1,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(invalidated).toBe(1);
  });

  it('reports 401 as a typed error when no valid token can be had', async () => {
    const tokens: TokenSource = { getToken: async () => 'not-a-token', invalidate: () => undefined };
    const error = await resolveSite(sandbox.graph({ tokens }), sandbox.siteUrl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });
});
