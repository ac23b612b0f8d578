import type { Graph } from './client.js';
import { realRetryEnvironment, type RetryEnvironment } from './middleware.js';
import {
  defaultRetryPolicy,
  nextDelay,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry-policy.js';

/** Graph's JSON batching takes at most 20 requests per call. */
export const MAX_BATCH_SIZE = 20;

export type BatchRequest = {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the Graph version root, e.g. `/sites/{id}/lists/Acties/items/3/fields`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
};

export type BatchResponse = { id: string; status: number; headers: Record<string, string>; body: unknown };

type BatchEnvelope = { responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

/**
 * Sends any number of requests through `/$batch`, at most 20 per call, and returns one response
 * per request in the order given. A sub-request answered 429 (or 503/504 for a GET) is sent again
 * in a later batch after its Retry-After, within the retry policy's bounds; every other answer,
 * success or failure, is returned as it is, so one failure never hides the others. When the
 * bounds run out, the last throttled answer is returned for those requests.
 */
export async function sendBatch(
  graph: Graph,
  requests: readonly BatchRequest[],
  options: { policy?: RetryPolicy; env?: RetryEnvironment } = {},
): Promise<BatchResponse[]> {
  const policy = options.policy ?? defaultRetryPolicy;
  const env = options.env ?? realRetryEnvironment;
  const results = new Map<string, BatchResponse>();
  let pending = [...requests];
  const started = env.now();
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const retry: BatchRequest[] = [];
    let wait = 0;
    for (let i = 0; i < pending.length; i += MAX_BATCH_SIZE) {
      const chunk = pending.slice(i, i + MAX_BATCH_SIZE);
      const envelope = await graph.post<BatchEnvelope>('/$batch', {
        requests: chunk.map((r) => ({
          id: r.id,
          method: r.method,
          url: r.url,
          ...(r.body !== undefined
            ? { body: r.body, headers: { 'Content-Type': 'application/json', ...(r.headers ?? {}) } }
            : r.headers
              ? { headers: r.headers }
              : {}),
        })),
      });
      for (const response of envelope.responses) {
        const request = chunk.find((r) => r.id === response.id);
        if (!request) continue;
        const headers = response.headers ?? {};
        const transient =
          response.status === 429 || (request.method === 'GET' && RETRYABLE_STATUSES.has(response.status));
        if (transient) {
          retry.push(request);
          wait = Math.max(wait, parseRetryAfter(header(headers, 'Retry-After'), env.now()) ?? 0);
        }
        results.set(response.id, { id: response.id, status: response.status, headers, body: response.body });
      }
      for (const request of chunk) {
        if (!results.has(request.id)) {
          throw new Error(`Graph $batch returned no response for request ${request.id}.`);
        }
      }
    }
    if (retry.length === 0) break;
    const delay = nextDelay({
      policy,
      attempt,
      elapsedMs: env.now() - started,
      retryAfterMs: wait || undefined,
      random: env.random,
    });
    // Out of attempts or time: the throttled answers stay in the results, each reported on its own.
    if (delay === undefined) break;
    await env.sleep(delay);
    pending = retry;
  }
  return requests.map((r) => results.get(r.id) as BatchResponse);
}

/** Makes an absolute link from Graph (`@odata.nextLink`, `@odata.deltaLink`) usable inside a batch. */
export function batchUrl(graph: Graph, link: string): string {
  if (!link.startsWith(`${graph.baseUrl}/`))
    throw new Error(`Refusing a link outside the configured Graph endpoint: ${link}`);
  return link.slice(graph.baseUrl.length);
}
