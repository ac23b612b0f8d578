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
          // One module context per worker, not one per file: with a fresh context per file the 98 unit files spent
          // more time importing (React, Fluent, pdfkit, docx, date-holidays, zod schemas, again and again) than
          // testing. Measured on this project alone: 130 CPU-s isolated, 46-48 without. The unit tests keep no state
          // between files (fake timers, stubbed env and TZ are restored in their own afterEach/afterAll).
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // As the unit project: each file starts its own sandbox, servers and child processes and closes them in
          // afterAll, and none changes process.env, timers or globals, so a file needs no module context of its own.
          // 38 of the 60 files (data, bot, reminders) measured: 226 CPU-s isolated, 112 without.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // As the other projects (a file closes its contexts, host and own runs in afterAll): importing the app's
          // data and reporting code again for every file cost 2-3 s of the critical path per file (5 small files:
          // vitest 'import' 30.5 s and 36 CPU-s isolated, 6.9 s and 25 CPU-s without).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium for all files and one seeded run per worker, reset between files: see tests/e2e/support/shared-run.ts.
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // Under `npm test` (scripts/test.mjs) this run has two workers, and worker 2 waits in this setup file until
          // the unit and integration run has ended; elsewhere `--maxWorkers` decides (pass `--maxWorkers=1` on a shared
          // machine).
          setupFiles: ['tests/e2e/support/worker-gate.ts'],
        },
      },
    ],
  },
});
