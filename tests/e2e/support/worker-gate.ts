/**
 * Vitest setup file of the e2e project (runs in the worker before each test file): under `npm test`, the browser
 * run's later workers wait here until the unit and integration run has ended.
 *
 * Why: a browser file keeps close to a core busy (Chromium, the app server and the sandbox) and the unit and integration
 * run about one, so beside that run one browser file at a time, and more once it has ended. `scripts/test.mjs` names a file in `E2E_GATE_FILE` and creates it when the other run has ended, and says in
 * `E2E_WORKERS_BEFORE_GATE` how many workers start at once (default 1); a worker with a higher `VITEST_POOL_ID` waits
 * for the file. Without `E2E_GATE_FILE` (`npx vitest run tests/e2e/...`) nothing waits: `--maxWorkers` decides.
 *
 * The wait is before the file is collected, so it counts towards vitest's "setup" time, not towards the file's
 * duration or any hook or test timeout.
 */
import { existsSync } from 'node:fs';

/** How often the gate file is looked for: a waiting worker costs nothing, and half a second later is nothing either. */
export const GATE_POLL_MS = 500;

/**
 * Resolves at once for the first `E2E_WORKERS_BEFORE_GATE` workers or without a gate; for a later worker, once the
 * gate file exists.
 * @param env the worker's environment: `E2E_GATE_FILE`, `E2E_WORKERS_BEFORE_GATE` and `VITEST_POOL_ID` (1, 2, …)
 */
export function workerGate(env: NodeJS.ProcessEnv, pollMs = GATE_POLL_MS): Promise<void> {
  const gate = env['E2E_GATE_FILE'];
  const worker = Number(env['VITEST_POOL_ID'] ?? '1');
  const open = Number(env['E2E_WORKERS_BEFORE_GATE'] ?? '1');
  if (!gate || worker <= open || existsSync(gate)) return Promise.resolve();
  return new Promise<void>((opened) => {
    const timer = setInterval(() => {
      if (!existsSync(gate)) return;
      clearInterval(timer);
      opened();
    }, pollMs);
  });
}

await workerGate(process.env);
