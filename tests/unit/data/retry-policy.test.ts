import { describe, expect, it } from 'vitest';
import {
  defaultRetryPolicy,
  isRetryable,
  isRetryableNetworkFailure,
  nextDelay,
  parseRetryAfter,
} from '../../../src/data/graph/retry-policy.js';

const policy = { maxAttempts: 4, maxTotalMs: 10_000, baseDelayMs: 500, maxDelayMs: 4_000 };

describe('which answers are retried', () => {
  it('retries 429 for every method, because Graph did not process a throttled request', () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) expect(isRetryable(method, 429)).toBe(true);
  });
  it('retries 503 and 504 only for idempotent methods, never a POST that may have landed', () => {
    expect(isRetryable('GET', 503)).toBe(true);
    expect(isRetryable('PATCH', 504)).toBe(true);
    expect(isRetryable('DELETE', 503)).toBe(true);
    expect(isRetryable('POST', 503)).toBe(false);
    expect(isRetryable('post', 504)).toBe(false);
  });
  it('does not retry client errors or conflicts', () => {
    for (const status of [400, 401, 403, 404, 409, 412, 500]) expect(isRetryable('GET', status)).toBe(false);
  });
  it('retries a network failure only for idempotent methods', () => {
    expect(isRetryableNetworkFailure('GET')).toBe(true);
    expect(isRetryableNetworkFailure('POST')).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date as the time left until then', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  });
  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});

describe('the wait before the next attempt', () => {
  it('honours Retry-After exactly', () => {
    expect(nextDelay({ policy, attempt: 1, elapsedMs: 0, retryAfterMs: 3000, random: () => 0.9 })).toBe(3000);
  });
  it('backs off exponentially with jitter between half and the full step', () => {
    expect(nextDelay({ policy, attempt: 1, elapsedMs: 0, retryAfterMs: undefined, random: () => 0 })).toBe(250);
    expect(nextDelay({ policy, attempt: 1, elapsedMs: 0, retryAfterMs: undefined, random: () => 0.999 })).toBe(500);
    expect(nextDelay({ policy, attempt: 2, elapsedMs: 0, retryAfterMs: undefined, random: () => 0 })).toBe(500);
    expect(nextDelay({ policy, attempt: 3, elapsedMs: 0, retryAfterMs: undefined, random: () => 0 })).toBe(1000);
  });
  it('caps a step at maxDelayMs', () => {
    const wide = { ...policy, maxAttempts: 20, maxTotalMs: 1e9 };
    expect(
      nextDelay({ policy: wide, attempt: 10, elapsedMs: 0, retryAfterMs: undefined, random: () => 0.9999999 }),
    ).toBe(4000);
    expect(nextDelay({ policy: wide, attempt: 10, elapsedMs: 0, retryAfterMs: undefined, random: () => 0 })).toBe(2000);
  });
  it('stops after maxAttempts', () => {
    expect(nextDelay({ policy, attempt: 4, elapsedMs: 0, retryAfterMs: 1, random: () => 0 })).toBeUndefined();
  });
  it('stops when the wait would pass the total time budget', () => {
    expect(nextDelay({ policy, attempt: 1, elapsedMs: 8000, retryAfterMs: 3000, random: () => 0 })).toBeUndefined();
    expect(nextDelay({ policy, attempt: 1, elapsedMs: 6000, retryAfterMs: 3000, random: () => 0 })).toBe(3000);
  });
  it('has sane defaults: several attempts within a minute', () => {
    expect(defaultRetryPolicy.maxAttempts).toBeGreaterThan(1);
    expect(defaultRetryPolicy.maxTotalMs).toBeLessThanOrEqual(60_000);
  });
});
