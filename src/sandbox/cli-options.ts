/**
 * The sandbox CLI's settings from environment variables (`npm run sandbox`), checked: each problem names the variable
 * and its value. Without SANDBOX_ALLOWED_ORIGINS the sandbox answers CORS for the app at PORT (default 3978), as
 * `npm start` sets it up, so `PORT=4100 SANDBOX_PORT=4101 npm run sandbox` serves a tab on 4100.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SandboxFaults, SandboxOptions } from './server.js';

/** The app's port when PORT is not set (the local run's default). */
const DEFAULT_APP_PORT = 3978;

const numberFromEnv = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
  .transform(Number);

const portFromEnv = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'must be a port number')
  .transform(Number)
  .refine((port) => port <= 65_535, 'must be a port number');

const envSchema = z.object({
  SANDBOX_HOST: z.literal('127.0.0.1', { message: 'the sandbox only listens on 127.0.0.1' }).optional(),
  SANDBOX_PORT: portFromEnv.optional(),
  PORT: portFromEnv.refine((port) => port > 0, 'must be the app’s port (1–65535)').optional(),
  SANDBOX_DATA_DIR: z.string().min(1).optional(),
  SANDBOX_CLIENT_ID: z.string().min(1).optional(),
  SANDBOX_CLIENT_SECRET: z.string().min(1).optional(),
  SANDBOX_ALLOWED_ORIGINS: z.string().optional(),
  SANDBOX_TOKEN_LIFETIME_SECONDS: numberFromEnv.optional(),
  SANDBOX_LATENCY_MS: numberFromEnv.optional(),
  SANDBOX_THROTTLE_RATE: numberFromEnv.optional(),
  SANDBOX_THROTTLE_STATUS: numberFromEnv
    .refine((status) => status === 429 || status === 503, 'must be 429 or 503')
    .optional(),
  SANDBOX_RETRY_AFTER_SECONDS: numberFromEnv.optional(),
  SANDBOX_COMMIT_THEN_FAIL_RATE: numberFromEnv.optional(),
  SANDBOX_FAULT_SEED: numberFromEnv.optional(),
});

/** The origins of the app at `port` (what the sandbox allows for CORS). */
export function appOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export type SandboxCliSettings = Required<Pick<SandboxOptions, 'port' | 'dataDir' | 'allowedOrigins' | 'faults'>> &
  Pick<SandboxOptions, 'clientId' | 'clientSecret' | 'tokenLifetimeSeconds'>;

/**
 * The options `startSandbox` gets from `env`, or the problems (`VARIABLE=value: what is wrong`). Empty variables count
 * as unset, so `SANDBOX_X=` in an env file does not fail.
 */
export function sandboxSettingsFromEnv(
  env: NodeJS.ProcessEnv,
): { ok: true; settings: SandboxCliSettings } | { ok: false; problems: string[] } {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') defined[k] = v;
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${defined[name] ?? ''}: ${issue.message}`;
      }),
    };
  }
  const e = parsed.data;
  const faults: SandboxFaults = {};
  if (e.SANDBOX_LATENCY_MS !== undefined) faults.latencyMs = e.SANDBOX_LATENCY_MS;
  if (e.SANDBOX_THROTTLE_RATE !== undefined) faults.throttleRate = e.SANDBOX_THROTTLE_RATE;
  if (e.SANDBOX_THROTTLE_STATUS !== undefined) faults.throttleStatus = e.SANDBOX_THROTTLE_STATUS as 429 | 503;
  if (e.SANDBOX_RETRY_AFTER_SECONDS !== undefined) faults.retryAfterSeconds = e.SANDBOX_RETRY_AFTER_SECONDS;
  if (e.SANDBOX_COMMIT_THEN_FAIL_RATE !== undefined) faults.commitThenFailRate = e.SANDBOX_COMMIT_THEN_FAIL_RATE;
  if (e.SANDBOX_FAULT_SEED !== undefined) faults.seed = e.SANDBOX_FAULT_SEED;
  const allowedOrigins =
    e.SANDBOX_ALLOWED_ORIGINS !== undefined
      ? e.SANDBOX_ALLOWED_ORIGINS.split(',')
          .map((o) => o.trim())
          .filter((o) => o !== '')
      : appOrigins(e.PORT ?? DEFAULT_APP_PORT);
  return {
    ok: true,
    settings: {
      port: e.SANDBOX_PORT ?? 3979,
      dataDir: resolve(e.SANDBOX_DATA_DIR ?? '.data/sandbox'),
      allowedOrigins,
      faults,
      ...(e.SANDBOX_CLIENT_ID !== undefined ? { clientId: e.SANDBOX_CLIENT_ID } : {}),
      ...(e.SANDBOX_CLIENT_SECRET !== undefined ? { clientSecret: e.SANDBOX_CLIENT_SECRET } : {}),
      ...(e.SANDBOX_TOKEN_LIFETIME_SECONDS !== undefined
        ? { tokenLifetimeSeconds: e.SANDBOX_TOKEN_LIFETIME_SECONDS }
        : {}),
    },
  };
}
