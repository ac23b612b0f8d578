import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryExhaustedError } from '../../../src/data/graph/errors.js';
import type { TokenSource } from '../../../src/data/graph/token-source.js';
import { SharePointRequestError } from '../../../src/data/sharepoint.js';
import { recordingRetryEnvironment, startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('the SharePoint REST client (PnPjs with our behaviours)', () => {
  it('reads through PnPjs with a SharePoint-audience bearer token and no form digest round trip', async () => {
    const requests: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    const sp = sandbox.sharePoint({ fetch: recordingFetch });
    const web = (await sp.sp.web.select('Title', 'ServerRelativeUrl')()) as {
      Title: string;
      ServerRelativeUrl: string;
    };
    expect(web).toMatchObject({ Title: 'Actieplan Digitaal Leiderschap', ServerRelativeUrl: '/sites/actieplan' });
    const created = (await sp.sp.web.lists.add('Proef', '', 100, false, { Hidden: true })) as { Title: string };
    expect(created.Title).toBe('Proef');
    expect(requests).toEqual([
      expect.stringMatching(/^GET .*\/_api\/web\?/),
      expect.stringMatching(/^POST .*\/_api\/web\/lists$/),
    ]);
  });

  it('retries throttled answers per the retry policy, honouring Retry-After, then succeeds', async () => {
    sandbox.setFaults({ throttleRate: 0.6, retryAfterSeconds: 2, seed: 7 });
    try {
      const env = recordingRetryEnvironment();
      const sp = sandbox.sharePoint({
        retryEnvironment: env,
        retryPolicy: { maxAttempts: 20, maxTotalMs: 600_000, baseDelayMs: 10, maxDelayMs: 100 },
      });
      for (let i = 0; i < 10; i += 1) {
        const list = (await sp.sp.web.lists.getByTitle('Proef').select('Title')()) as { Title: string };
        expect(list.Title).toBe('Proef');
      }
      expect(env.waits.length).toBeGreaterThan(0);
      expect(env.waits.every((w) => w === 2000)).toBe(true);
    } finally {
      sandbox.setFaults({});
    }
  });

  it('gives up within the policy with RetryExhaustedError', async () => {
    sandbox.setFaults({ throttleRate: 1, throttleStatus: 503, retryAfterSeconds: 1 });
    try {
      const env = recordingRetryEnvironment();
      const sp = sandbox.sharePoint({
        retryEnvironment: env,
        retryPolicy: { maxAttempts: 3, maxTotalMs: 60_000, baseDelayMs: 10, maxDelayMs: 100 },
      });
      const error = await sp.sp.web
        .select('Title')()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetryExhaustedError);
      expect(error).toMatchObject({ lastStatus: 503, attempts: 3 });
      expect(env.waits).toEqual([1000, 1000]);
    } finally {
      sandbox.setFaults({});
    }
  });

  it('turns a SharePoint error into a typed error with status, code and message', async () => {
    const error = await sandbox
      .sharePoint()
      .sp.web.lists.getByTitle('Bestaat niet')()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SharePointRequestError);
    expect(error).toMatchObject({ status: 404, code: '-1, System.ArgumentException', method: 'GET' });
    expect((error as Error).message).toContain("List 'Bestaat niet' does not exist");
  });

  it('asks for a fresh token once after a 401, and then succeeds', async () => {
    const real = sandbox.sharePointTokens();
    let invalidated = 0;
    let first = true;
    const tokens: TokenSource = {
      getToken: async () => {
        if (first) {
          first = false;
          return 'expired-or-garbage';
        }
        return real.getToken();
      },
      invalidate: () => {
        invalidated += 1;
      },
    };
    const web = (await sandbox.sharePoint({ tokens }).sp.web.select('Title')()) as { Title: string };
    expect(web.Title).toBe('Actieplan Digitaal Leiderschap');
    expect(invalidated).toBe(1);
  });
});
