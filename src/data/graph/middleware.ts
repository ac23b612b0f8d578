import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { namingTheUrl, RetryExhaustedError } from './errors.js';
import {
  isRetryable,
  isRetryableNetworkFailure,
  nextDelay,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.js';
import type { TokenSource } from './token-source.js';

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function requestMethod(context: Context): string {
  return (
    context.options?.method ?? (typeof context.request === 'string' ? 'GET' : context.request.method)
  ).toUpperCase();
}

function setHeader(context: Context, name: string, value: string): void {
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    context.options.headers = [
      ...headers.filter(([key]) => (key ?? '').toLowerCase() !== name.toLowerCase()),
      [name, value],
    ];
  } else {
    context.options.headers = { ...(headers ?? {}), [name]: value };
  }
}

abstract class ChainedMiddleware implements Middleware {
  private next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} has no next middleware`);
    return this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

/**
 * Puts the bearer token on every request. The Graph client's own AuthenticationHandler only does
 * so for https Graph hosts or `customHosts`, so on an http base URL (the sandbox) it would
 * silently send none; this one sends it to the configured origin only, and nowhere else.
 * A 401 is tried once more with a fresh token (the cached one may have expired in transit).
 */
export class AuthMiddleware extends ChainedMiddleware {
  constructor(
    private readonly tokens: TokenSource,
    private readonly graphOrigin: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const origin = new URL(requestUrl(context)).origin;
    if (origin !== this.graphOrigin) {
      throw new Error(
        `Refusing to send a Graph token to ${origin}; the configured Graph origin is ${this.graphOrigin}.`,
      );
    }
    setHeader(context, 'Authorization', `Bearer ${await this.tokens.getToken()}`);
    await this.forward(context);
    if (context.response?.status === 401) {
      this.tokens.invalidate();
      setHeader(context, 'Authorization', `Bearer ${await this.tokens.getToken()}`);
      await this.forward(context);
    }
  }
}

export type RetryEnvironment = {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  onRetry?: (event: {
    method: string;
    url: string;
    status: number | 'network';
    attempt: number;
    delayMs: number;
  }) => void;
};

export const realRetryEnvironment: RetryEnvironment = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
};

/**
 * Retries throttled (429) and unavailable (503/504) answers per the retry policy, honouring
 * Retry-After. Replaces the Graph client's RetryHandler, which would also retry POSTs after a
 * 503 (duplicating creates that did land) and has no bound on the total time.
 */
export class RetryMiddleware extends ChainedMiddleware {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly env: RetryEnvironment = realRetryEnvironment,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const method = requestMethod(context);
    const started = this.env.now();
    for (let attempt = 1; ; attempt += 1) {
      let status: number | 'network';
      try {
        await this.forward(context);
        status = context.response?.status ?? 0;
        if (!isRetryable(method, status)) return;
      } catch (error) {
        if (!(error instanceof TypeError) || !isRetryableNetworkFailure(method)) throw error;
        status = 'network';
        context.response = undefined;
        const delay = nextDelay({
          policy: this.policy,
          attempt,
          elapsedMs: this.env.now() - started,
          retryAfterMs: undefined,
          random: this.env.random,
        });
        if (delay === undefined) throw error;
        this.env.onRetry?.({ method, url: requestUrl(context), status, attempt, delayMs: delay });
        await this.env.sleep(delay);
        continue;
      }
      const retryAfterMs = parseRetryAfter(context.response?.headers.get('Retry-After'), this.env.now());
      const delay = nextDelay({
        policy: this.policy,
        attempt,
        elapsedMs: this.env.now() - started,
        retryAfterMs,
        random: this.env.random,
      });
      if (delay === undefined) {
        throw new RetryExhaustedError(
          `Microsoft Graph stayed unavailable (${status}) after ${attempt} attempts for ${method} ${requestUrl(context)}.`,
          status,
          attempt,
        );
      }
      this.env.onRetry?.({ method, url: requestUrl(context), status, attempt, delayMs: delay });
      await context.response?.body?.cancel();
      await this.env.sleep(delay);
    }
  }
}

/**
 * Carries a typed error out of the chain. The Graph client turns anything a middleware throws
 * into a GraphError with only the message left, so the first middleware records the original
 * here (passed per request as a middleware option) and the caller rethrows it as it was.
 */
export class ErrorCapture {
  error: unknown;
}

export class CaptureMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    try {
      await this.forward(context);
    } catch (error) {
      const capture = context.middlewareControl?.getMiddlewareOptions(ErrorCapture) as ErrorCapture | undefined;
      if (capture) capture.error = error;
      throw error;
    }
  }
}

/** The last link: does the HTTP call with the platform's fetch. */
export class FetchMiddleware implements Middleware {
  constructor(private readonly doFetch: typeof fetch = (input, init) => fetch(input, init)) {}
  async execute(context: Context): Promise<void> {
    try {
      context.response = await this.doFetch(context.request, context.options as RequestInit);
    } catch (error) {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      throw namingTheUrl(context.options?.method ?? 'GET', url, error);
    }
  }
}
