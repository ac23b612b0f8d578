/**
 * CLI: starts the sandbox from environment variables and prints its addresses.
 *
 *   SANDBOX_PORT (default 3979, 0 picks a free port), SANDBOX_DATA_DIR (default .data/sandbox),
 *   SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_ALLOWED_ORIGINS (comma list),
 *   SANDBOX_TOKEN_LIFETIME_SECONDS, and faults: SANDBOX_LATENCY_MS, SANDBOX_THROTTLE_RATE,
 *   SANDBOX_THROTTLE_STATUS (429|503), SANDBOX_RETRY_AFTER_SECONDS, SANDBOX_COMMIT_THEN_FAIL_RATE,
 *   SANDBOX_FAULT_SEED. SANDBOX_HOST may only be 127.0.0.1: the sandbox never listens elsewhere.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { startSandbox, type SandboxFaults } from './server.js';

const numberFromEnv = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
  .transform(Number);

const envSchema = z.object({
  SANDBOX_HOST: z.literal('127.0.0.1', { message: 'the sandbox only listens on 127.0.0.1' }).optional(),
  SANDBOX_PORT: numberFromEnv.optional(),
  SANDBOX_DATA_DIR: z.string().min(1).optional(),
  SANDBOX_CLIENT_ID: z.string().min(1).optional(),
  SANDBOX_CLIENT_SECRET: z.string().min(1).optional(),
  SANDBOX_ALLOWED_ORIGINS: z.string().optional(),
  SANDBOX_TOKEN_LIFETIME_SECONDS: numberFromEnv.optional(),
  SANDBOX_LATENCY_MS: numberFromEnv.optional(),
  SANDBOX_THROTTLE_RATE: numberFromEnv.optional(),
  SANDBOX_THROTTLE_STATUS: numberFromEnv.optional(),
  SANDBOX_RETRY_AFTER_SECONDS: numberFromEnv.optional(),
  SANDBOX_COMMIT_THEN_FAIL_RATE: numberFromEnv.optional(),
  SANDBOX_FAULT_SEED: numberFromEnv.optional(),
});

/** Empty variables count as unset, so `SANDBOX_X=` in an env file does not fail validation. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(definedEnv(process.env));
  if (!parsed.success) {
    console.error(
      `sandbox: invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(1);
  }
  const env = parsed.data;
  const faults: SandboxFaults = {};
  if (env.SANDBOX_LATENCY_MS !== undefined) faults.latencyMs = env.SANDBOX_LATENCY_MS;
  if (env.SANDBOX_THROTTLE_RATE !== undefined) faults.throttleRate = env.SANDBOX_THROTTLE_RATE;
  if (env.SANDBOX_THROTTLE_STATUS !== undefined) {
    if (env.SANDBOX_THROTTLE_STATUS !== 429 && env.SANDBOX_THROTTLE_STATUS !== 503) {
      console.error('sandbox: SANDBOX_THROTTLE_STATUS must be 429 or 503');
      process.exit(1);
    }
    faults.throttleStatus = env.SANDBOX_THROTTLE_STATUS;
  }
  if (env.SANDBOX_RETRY_AFTER_SECONDS !== undefined) faults.retryAfterSeconds = env.SANDBOX_RETRY_AFTER_SECONDS;
  if (env.SANDBOX_COMMIT_THEN_FAIL_RATE !== undefined) faults.commitThenFailRate = env.SANDBOX_COMMIT_THEN_FAIL_RATE;
  if (env.SANDBOX_FAULT_SEED !== undefined) faults.seed = env.SANDBOX_FAULT_SEED;

  const dataDir = resolve(env.SANDBOX_DATA_DIR ?? '.data/sandbox');
  const sandbox = await startSandbox({
    port: env.SANDBOX_PORT ?? 3979,
    dataDir,
    ...(env.SANDBOX_CLIENT_ID !== undefined ? { clientId: env.SANDBOX_CLIENT_ID } : {}),
    ...(env.SANDBOX_CLIENT_SECRET !== undefined ? { clientSecret: env.SANDBOX_CLIENT_SECRET } : {}),
    ...(env.SANDBOX_ALLOWED_ORIGINS !== undefined
      ? {
          allowedOrigins: env.SANDBOX_ALLOWED_ORIGINS.split(',')
            .map((o) => o.trim())
            .filter((o) => o !== ''),
        }
      : {}),
    ...(env.SANDBOX_TOKEN_LIFETIME_SECONDS !== undefined
      ? { tokenLifetimeSeconds: env.SANDBOX_TOKEN_LIFETIME_SECONDS }
      : {}),
    faults,
  });
  console.log('Microsoft 365 sandbox ready');
  console.log(`  base:  ${sandbox.baseUrl}`);
  console.log(`  graph: ${sandbox.graphUrl}`);
  console.log(`  site:  ${sandbox.siteUrl}`);
  console.log(`  token: ${sandbox.tokenUrl}`);
  console.log(`  data:  ${dataDir}`);
  if (Object.keys(faults).length > 0) console.log(`  faults: ${JSON.stringify(faults)}`);

  const stop = (signal: string): void => {
    console.log(`sandbox: ${signal} received, closing`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('sandbox: error while closing', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('sandbox: failed to start:', err);
  process.exit(1);
});
