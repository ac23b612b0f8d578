/**
 * JSON batching (`POST /v1.0/$batch`, https://learn.microsoft.com/graph/json-batching): at most 20
 * requests, ids unique without regard to case, `dependsOn` honoured, and a request whose dependency
 * failed answered 424 without being run. Sub-requests run one at a time through the same pipeline
 * as top-level requests (throttling and fault injection included).
 */
import { z } from 'zod';
import { GraphError, invalidRequest } from '../graph-errors.js';
import type { GraphResponse } from './context.js';

export const MAX_BATCH_REQUESTS = 20;

const subRequestSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});

const batchSchema = z.object({ requests: z.array(subRequestSchema).min(1) });

export type BatchSubRequest = z.infer<typeof subRequestSchema>;

/** Runs one sub-request; returns a response with its error body already rendered. */
export type SubRequestExecutor = (sub: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}) => Promise<GraphResponse>;

/** Builds an error response for a sub-request that is never run. */
export type ErrorRenderer = (err: GraphError) => GraphResponse;

function topologicalOrder(requests: readonly BatchSubRequest[]): BatchSubRequest[] {
  const byId = new Map(requests.map((r) => [r.id.toLowerCase(), r]));
  const ordered: BatchSubRequest[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: BatchSubRequest): void => {
    const key = r.id.toLowerCase();
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') throw invalidRequest(`The dependsOn chain of request '${r.id}' has a cycle.`);
    state.set(key, 'visiting');
    for (const dep of r.dependsOn ?? []) {
      const target = byId.get(dep.toLowerCase());
      if (!target) throw invalidRequest(`Request '${r.id}' depends on '${dep}', which is not in the batch.`);
      visit(target);
    }
    state.set(key, 'done');
    ordered.push(r);
  };
  requests.forEach(visit);
  return ordered;
}

/** Validates a batch body and runs it. Batch-level problems are 400; sub-request problems stay inside. */
export async function runBatch(
  body: unknown,
  execute: SubRequestExecutor,
  renderError: ErrorRenderer,
): Promise<GraphResponse> {
  if (typeof body === 'object' && body !== null && Array.isArray((body as { requests?: unknown }).requests)) {
    const count = (body as { requests: unknown[] }).requests.length;
    if (count > MAX_BATCH_REQUESTS) {
      throw invalidRequest(`The batch holds ${count} requests; JSON batching allows at most ${MAX_BATCH_REQUESTS}.`);
    }
  }
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) {
    throw invalidRequest(
      `Invalid batch payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
    );
  }
  const requests = parsed.data.requests;
  const ids = new Set<string>();
  for (const r of requests) {
    const key = r.id.toLowerCase();
    if (ids.has(key)) throw invalidRequest(`The batch holds the request id '${r.id}' more than once.`);
    ids.add(key);
  }
  const results = new Map<string, { id: string; response: GraphResponse }>();
  for (const r of topologicalOrder(requests)) {
    const failedDependency = (r.dependsOn ?? []).find((dep) => {
      const status = results.get(dep.toLowerCase())?.response.status ?? 0;
      return status < 200 || status >= 300;
    });
    let response: GraphResponse;
    if (failedDependency !== undefined) {
      response = renderError(
        new GraphError(424, 'failedDependency', `The request depends on request '${failedDependency}', which failed.`),
      );
    } else if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      response = renderError(invalidRequest('A request with a body must have a Content-Type header.'));
    } else {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
      response = await execute({ method: r.method.toUpperCase(), url: r.url, headers, body: r.body });
    }
    results.set(r.id.toLowerCase(), { id: r.id, response });
  }
  return {
    status: 200,
    headers: {},
    body: {
      responses: requests.map((r) => {
        const { response } = results.get(r.id.toLowerCase()) ?? {
          response: renderError(invalidRequest('The request was not run.')),
        };
        const entry: Record<string, unknown> = { id: r.id, status: response.status, headers: { ...response.headers } };
        if (response.body !== undefined) {
          (entry['headers'] as Record<string, string>)['Content-Type'] = 'application/json';
          entry['body'] = response.body;
        }
        return entry;
      }),
    },
  };
}
