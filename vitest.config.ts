import { defineConfig } from 'vitest/config';

/**
 * Three projects mirror the test pyramid: pure unit tests, integration tests against the
 * sandbox over real HTTP, and end-to-end tests in a real Chromium. `npm test` runs all three.
 *
 * Two workers: vitest's default is one fewer than the cores, which is one on a 2-core machine, and much of a test's
 * time is spent waiting on a server, a child process or the browser, so a second worker pays for itself.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium for all files and one seeded run per worker, reset between files: see tests/e2e/support/shared-run.ts.
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // One browser test file at a time: on two cores, two files' pages in one Chromium next to the app servers
          // pushed tests towards their timeouts. The shared runs allow more workers when the machine has the cores.
          // Vitest runs such a project only after every other file, so `npm test` (scripts/test.mjs) starts this
          // project and the other two as two runs at the same time.
          fileParallelism: false,
        },
      },
    ],
  },
});
