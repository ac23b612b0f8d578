import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appOrigins, sandboxSettingsFromEnv } from '../../../src/sandbox/cli-options.js';

function settings(env: NodeJS.ProcessEnv) {
  const read = sandboxSettingsFromEnv(env);
  if (!read.ok) throw new Error(read.problems.join('; '));
  return read.settings;
}

describe('the sandbox CLI settings (npm run sandbox)', () => {
  it('defaults: port 3979, .data/sandbox, CORS for the app on 3978, no faults', () => {
    expect(settings({})).toEqual({
      port: 3979,
      dataDir: resolve('.data/sandbox'),
      allowedOrigins: ['http://127.0.0.1:3978', 'http://localhost:3978'],
      faults: {},
    });
  });

  it('answers CORS for the app at PORT, as npm start sets it up', () => {
    expect(settings({ PORT: '47100', SANDBOX_PORT: '47101' })).toMatchObject({
      port: 47101,
      allowedOrigins: appOrigins(47100),
    });
    expect(appOrigins(47100)).toEqual(['http://127.0.0.1:47100', 'http://localhost:47100']);
  });

  it('SANDBOX_ALLOWED_ORIGINS, when given, is the list (PORT then changes nothing)', () => {
    expect(
      settings({ PORT: '47100', SANDBOX_ALLOWED_ORIGINS: ' http://127.0.0.1:4000 , ,http://localhost:4000' })
        .allowedOrigins,
    ).toEqual(['http://127.0.0.1:4000', 'http://localhost:4000']);
  });

  it('faults and the rest from their variables; empty variables count as unset', () => {
    expect(
      settings({
        SANDBOX_PORT: '0',
        SANDBOX_DATA_DIR: '/tmp/x',
        SANDBOX_CLIENT_ID: 'id',
        SANDBOX_CLIENT_SECRET: 's',
        SANDBOX_TOKEN_LIFETIME_SECONDS: '60',
        SANDBOX_LATENCY_MS: '5',
        SANDBOX_THROTTLE_RATE: '0.5',
        SANDBOX_THROTTLE_STATUS: '503',
        SANDBOX_RETRY_AFTER_SECONDS: '4',
        SANDBOX_COMMIT_THEN_FAIL_RATE: '0.1',
        SANDBOX_FAULT_SEED: '7',
        SANDBOX_HOST: '',
      }),
    ).toEqual({
      port: 0,
      dataDir: '/tmp/x',
      allowedOrigins: appOrigins(3978),
      clientId: 'id',
      clientSecret: 's',
      tokenLifetimeSeconds: 60,
      faults: {
        latencyMs: 5,
        throttleRate: 0.5,
        throttleStatus: 503,
        retryAfterSeconds: 4,
        commitThenFailRate: 0.1,
        seed: 7,
      },
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT=abc: must be a port number'],
    [{ PORT: '0' }, 'PORT=0: must be the app’s port (1–65535)'],
    [{ PORT: '70000' }, 'PORT=70000: must be a port number'],
    [{ SANDBOX_PORT: '-1' }, 'SANDBOX_PORT=-1: must be a port number'],
    [{ SANDBOX_HOST: '0.0.0.0' }, 'SANDBOX_HOST=0.0.0.0: the sandbox only listens on 127.0.0.1'],
    [{ SANDBOX_THROTTLE_STATUS: '418' }, 'SANDBOX_THROTTLE_STATUS=418: must be 429 or 503'],
    [{ SANDBOX_THROTTLE_RATE: 'veel' }, 'SANDBOX_THROTTLE_RATE=veel: must be a number'],
  ])('refuses %o, naming the variable and its value', (env, problem) => {
    expect(sandboxSettingsFromEnv(env)).toEqual({ ok: false, problems: [problem] });
  });
});
