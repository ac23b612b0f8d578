import { GraphRequestError, RetryExhaustedError, TokenRequestError } from '../../data/graph/errors.js';
import type { MessageKey } from '../i18n/nl.js';

/** Maps an error of the Graph path to a Dutch sentence that says what to do. */
export function describeError(error: unknown): { key: MessageKey; detail?: string } {
  if (error instanceof RetryExhaustedError) return { key: 'plan.throttled' };
  if (error instanceof TokenRequestError) return { key: 'plan.unauthorized' };
  if (error instanceof GraphRequestError) {
    if (error.status === 401 || error.status === 403) return { key: 'plan.unauthorized' };
    if (error.status === 404) return { key: 'plan.notFound' };
    if (error.status === 429) return { key: 'plan.throttled' };
    return { key: 'plan.loadError', detail: `${error.status} ${error.code}` };
  }
  return { key: 'plan.loadError', detail: error instanceof Error ? error.message : String(error) };
}
