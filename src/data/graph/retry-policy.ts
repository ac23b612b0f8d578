/**
 * When to retry a Graph request and how long to wait. Pure: the clock and the dice are parameters.
 *
 * Graph's throttling guidance: on 429 (and 503/504) honour `Retry-After` when present, otherwise
 * back off exponentially. We add jitter so that many clients do not come back in step, and bound
 * both the number of attempts and the total time so a user never waits without end.
 */
export type RetryPolicy = {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Give up when the next wait would end later than this after the first attempt. */
  maxTotalMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  maxTotalMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']);

/**
 * Whether a response status may be retried for this method.
 * A 429 means Graph did not process the request, so even a POST may be sent again. A 503/504
 * after a POST may hide a create that did land; those are not retried here but deduplicated by
 * the caller through the item's ClientKey. PATCH sets field values and is safe to repeat.
 */
export function isRetryable(method: string, status: number): boolean {
  if (!RETRYABLE_STATUSES.has(status)) return false;
  if (status === 429) return true;
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Whether a network failure (no response at all) may be retried for this method. */
export function isRetryableNetworkFailure(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Parses `Retry-After`: delta-seconds or an HTTP date (RFC 9110). Returns milliseconds to wait,
 * or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date is always in GMT ("Sun, 06 Nov 1994 08:49:37 GMT"); anything else is unreadable.
  if (!/GMT$/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined to stop.
 * `elapsedMs` is the time since the first attempt started; `random` returns [0, 1).
 */
export function nextDelay(args: {
  policy: RetryPolicy;
  attempt: number;
  elapsedMs: number;
  retryAfterMs: number | undefined;
  random: () => number;
}): number | undefined {
  const { policy, attempt, elapsedMs, retryAfterMs, random } = args;
  if (attempt >= policy.maxAttempts) return undefined;
  let delay: number;
  if (retryAfterMs !== undefined) {
    delay = retryAfterMs;
  } else {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    // "Equal jitter": at least half the exponential step, so waits still grow.
    delay = exponential / 2 + random() * (exponential / 2);
  }
  if (elapsedMs + delay > policy.maxTotalMs) return undefined;
  return Math.round(delay);
}
