/**
 * Vitest setup file of the e2e project (runs in the worker before each test file): under `npm test`, the browser
 * run's second worker waits here until the unit and integration run has ended.
 *
 * Why: on two cores, two browser files at once next to two busy unit workers pushed tests into their timeouts, and one
 * browser file at a time leaves a core idle once the unit and integration files are done. `scripts/test.mjs` names a
 * file in `E2E_SECOND_WORKER_AFTER` and creates it when the other run has ended; until then only worker 1 runs browser
 * files. Without the variable (`npx vitest run tests/e2e/...`) nothing waits: `--maxWorkers` decides, as usual.
 *
 * The wait is before the file is collected, so it counts towards vitest's "setup" time, not towards the file's
 * duration or any hook or test timeout.
 */
import { existsSync } from 'node:fs';

/** How often the gate file is looked for: a waiting worker costs nothing, and half a second later is nothing either. */
export const GATE_POLL_MS = 500;

/**
 * Resolves at once for worker 1 or without a gate; for another worker, once the gate file exists.
 * @param env the worker's environment: `E2E_SECOND_WORKER_AFTER` (the gate file) and `VITEST_POOL_ID` (1, 2, …)
 */
export function secondWorkerGate(env: NodeJS.ProcessEnv, pollMs = GATE_POLL_MS): Promise<void> {
  const gate = env['E2E_SECOND_WORKER_AFTER'];
  const worker = env['VITEST_POOL_ID'] ?? '1';
  if (!gate || worker === '1' || existsSync(gate)) return Promise.resolve();
  return new Promise<void>((opened) => {
    const timer = setInterval(() => {
      if (!existsSync(gate)) return;
      clearInterval(timer);
      opened();
    }, pollMs);
  });
}

await secondWorkerGate(process.env);
