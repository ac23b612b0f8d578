/**
 * Fault injection: latency, throttling (429 or 503 with Retry-After, answered before anything is
 * done) and writes that are committed and then answered 503, so clients prove they cope with the
 * failures Graph documents. With a `seed`, every decision is reproducible.
 */
import { z } from 'zod';

/** The faults a sandbox applies; see `SandboxFaults` in server.ts for the public description. */
export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    throttleRate: z.number().min(0).max(1).optional(),
    throttleStatus: z.union([z.literal(429), z.literal(503)]).optional(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    commitThenFailRate: z.number().min(0).max(1).optional(),
    seed: z.number().int().optional(),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

/** mulberry32: a small, fast generator whose sequence is fixed by its seed (the bench's resampling uses it too). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fault decisions of one sandbox. Replacing the faults restarts the generator from the new seed. */
export class FaultInjector {
  private faults: Faults = {};
  private random: () => number = Math.random;

  constructor(initial: Faults = {}) {
    this.set(initial);
  }

  /** Replaces the faults (not a merge): `{}` switches every fault off. */
  set(faults: Faults): void {
    this.faults = faultsSchema.parse(faults);
    this.random = this.faults.seed === undefined ? Math.random : mulberry32(this.faults.seed);
  }

  get current(): Faults {
    return { ...this.faults };
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  get retryAfterSeconds(): number {
    return this.faults.retryAfterSeconds ?? 1;
  }

  /** Decides whether this request is throttled; returns the status to answer with, or undefined. */
  throttle(): 429 | 503 | undefined {
    const rate = this.faults.throttleRate ?? 0;
    if (rate <= 0) return undefined;
    return this.random() < rate ? (this.faults.throttleStatus ?? 429) : undefined;
  }

  /** Decides whether a committed write is answered 503 anyway. */
  failAfterCommit(): boolean {
    const rate = this.faults.commitThenFailRate ?? 0;
    if (rate <= 0) return false;
    return this.random() < rate;
  }
}
