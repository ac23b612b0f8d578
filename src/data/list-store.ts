import { odataQuery, odataString, type Graph } from './graph/client.js';
import { GraphRequestError, RetryExhaustedError } from './graph/errors.js';
import { realRetryEnvironment, type RetryEnvironment } from './graph/middleware.js';
import { defaultRetryPolicy, nextDelay, type RetryPolicy } from './graph/retry-policy.js';
import type { ListItem, ListName } from './lists/list-definition.js';
import { listPath } from './site.js';

/**
 * Someone else changed the item since it was read: Graph answered 412 to our `If-Match`.
 * Carries the server's current version so the UI can show both and let the user merge.
 */
export class EtagConflictError extends Error {
  override readonly name = 'EtagConflictError';
  constructor(
    readonly list: ListName,
    readonly itemId: string,
    /** The item as it is now on the server; undefined when it was deleted meanwhile. */
    readonly current: ListItem | undefined,
  ) {
    super(
      current
        ? `Item ${itemId} in ${list} was changed by someone else.`
        : `Item ${itemId} in ${list} was deleted by someone else.`,
    );
  }
}

/** Statuses after which a create may or may not have landed. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 503, 504]);

function isAmbiguousCreateFailure(error: unknown): boolean {
  if (error instanceof GraphRequestError) return AMBIGUOUS_STATUSES.has(error.status);
  if (error instanceof RetryExhaustedError) return AMBIGUOUS_STATUSES.has(error.lastStatus);
  return error instanceof TypeError; // fetch: the connection broke, the answer never came
}

export type ListStore = {
  /** Reads one item with the named fields. */
  get(id: string, fieldNames: readonly string[]): Promise<ListItem>;
  /**
   * Creates an item whose `clientKeyField` holds `clientKey`. If the answer is lost (5xx,
   * broken connection) the store looks the key up: a create that did land is returned, not repeated.
   */
  create(fields: Record<string, unknown>, clientKey: string, clientKeyField: string): Promise<ListItem>;
  /**
   * Changes the given fields only, if the item still has `eTag`. A 412 becomes an
   * EtagConflictError with the current item; it is never retried blindly.
   */
  update(id: string, eTag: string, fields: Record<string, unknown>, fieldNames: readonly string[]): Promise<ListItem>;
  /** Deletes the item if it still has `eTag`. */
  remove(id: string, eTag: string): Promise<void>;
};

export function createListStore(
  graph: Graph,
  siteId: string,
  list: ListName,
  retry: { policy?: RetryPolicy; env?: RetryEnvironment } = {},
): ListStore {
  const policy = retry.policy ?? defaultRetryPolicy;
  const env = retry.env ?? realRetryEnvironment;
  const base = `${listPath(siteId, list)}/items`;
  const expand = (fieldNames: readonly string[]) => `fields($select=${fieldNames.join(',')})`;

  async function current(id: string, fieldNames: readonly string[]): Promise<ListItem | undefined> {
    try {
      return await graph.get<ListItem>(`${base}/${id}?$expand=${expand(fieldNames)}`);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return undefined;
      throw error;
    }
  }

  async function findByKey(clientKey: string, clientKeyField: string): Promise<ListItem | undefined> {
    const query = odataQuery({
      $filter: `fields/${clientKeyField} eq ${odataString(clientKey)}`,
      $expand: 'fields',
      $top: 2,
    });
    const page = await graph.get<{ value: ListItem[] }>(`${base}${query}`);
    return page.value[0];
  }

  return {
    get: async (id, fieldNames) => {
      const item = await current(id, fieldNames);
      if (!item)
        throw new GraphRequestError(`Item ${id} not found in ${list}`, 404, 'itemNotFound', undefined, undefined);
      return item;
    },

    async create(fields, clientKey, clientKeyField) {
      const started = env.now();
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await graph.post<ListItem>(base, { fields: { ...fields, [clientKeyField]: clientKey } });
        } catch (error) {
          if (!isAmbiguousCreateFailure(error)) {
            // A unique-key conflict after a lost answer: our own create landed after all.
            if (error instanceof GraphRequestError && error.status === 409 && attempt > 1) {
              const landed = await findByKey(clientKey, clientKeyField);
              if (landed) return landed;
            }
            throw error;
          }
          const landed = await findByKey(clientKey, clientKeyField);
          if (landed) return landed;
          // It did not land: trying again is safe, the unique key still guards against a duplicate.
          const delay = nextDelay({
            policy,
            attempt,
            elapsedMs: env.now() - started,
            retryAfterMs: undefined,
            random: env.random,
          });
          if (delay === undefined) throw error;
          await env.sleep(delay);
        }
      }
    },

    async update(id, eTag, fields, fieldNames) {
      let answer: Record<string, unknown>;
      try {
        answer = await graph.patch<Record<string, unknown>>(`${base}/${id}/fields`, fields, { ifMatch: eTag });
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 412) {
          const now = await current(id, fieldNames);
          // A PATCH retried after a lost answer (503 after commit) meets its own new eTag; when
          // the item already holds exactly what we wrote, that is our write, not someone else's.
          if (now && holdsWrittenValues(fields, now.fields)) return now;
          throw new EtagConflictError(list, id, now);
        }
        throw error;
      }
      // Graph answers a fields PATCH with the item's fieldValueSet, new eTag included: no second read.
      const newETag = answer?.['@odata.etag'];
      if (typeof newETag === 'string') return { id, eTag: newETag, fields: answer };
      const updated = await current(id, fieldNames);
      if (!updated) throw new EtagConflictError(list, id, undefined);
      return updated;
    },

    async remove(id, eTag) {
      try {
        await graph.delete(`${base}/${id}`, { ifMatch: eTag });
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 412)
          throw new EtagConflictError(list, id, await current(id, ['Title']));
        if (error instanceof GraphRequestError && error.status === 404) return; // already gone: the wish is fulfilled
        throw error;
      }
    },
  };
}

function normalise(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) {
    return JSON.stringify(
      value
        .map((v) =>
          typeof v === 'object' && v !== null && 'LookupId' in v
            ? String((v as { LookupId: unknown }).LookupId)
            : String(v),
        )
        .sort(),
    );
  }
  return String(value);
}

/**
 * Whether the stored fields already hold every value of a write. Multi-value lookups are
 * written as `<Name>LookupId: [ids]` and read back as `<Name>: [{ LookupId, LookupValue }]`.
 */
export function holdsWrittenValues(written: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  return Object.entries(written).every(([key, value]) => {
    if (key.endsWith('@odata.type')) return true;
    if (Array.isArray(value) && key.endsWith('LookupId')) {
      const readBack = stored[key] ?? stored[key.slice(0, -'LookupId'.length)];
      return normalise(value) === normalise(readBack);
    }
    return normalise(value) === normalise(stored[key]);
  });
}
