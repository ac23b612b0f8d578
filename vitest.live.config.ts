import { defineConfig } from 'vitest/config';

/**
 * `npm run test:live`: the data layer's integration tests against a real tenant (README, "Checking a tenant"). These are
 * the sandbox suite's own files, not copies: `TEST_TARGET=live` makes `startTestSandbox` (tests/support/sandbox.ts) hand
 * out the tenant of `env/.env.<LIVE_ENV>` (default dev) instead of starting a sandbox. The global setup checks that
 * tenant's settings first and stops the run with one message naming what is missing.
 *
 * Only files that need nothing the sandbox alone has are listed: no injected faults, no test clock, no second site.
 * Files run one at a time because they share the tenant's one site.
 */
export const LIVE_FILES = [
  'tests/integration/data/provisioning.test.ts',
  'tests/integration/data/prepare-site.test.ts',
  'tests/integration/data/acties-store.test.ts',
  'tests/integration/data/domein-voortgang-store.test.ts',
  'tests/integration/data/mts-store.test.ts',
  'tests/integration/data/besluiten-store.test.ts',
  'tests/integration/data/portfolio-store.test.ts',
  'tests/integration/data/plan-sync.test.ts',
  'tests/integration/data/agenda-data.test.ts',
  'tests/integration/data/borging.test.ts',
  'tests/integration/data/tolerant-reading.test.ts',
];

export default defineConfig({
  test: {
    name: 'live',
    include: LIVE_FILES,
    environment: 'node',
    env: { TEST_TARGET: 'live' },
    globalSetup: ['tests/support/live-setup.ts'],
    fileParallelism: false,
    // A tenant answers slower than the sandbox on loopback, and throttles.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
