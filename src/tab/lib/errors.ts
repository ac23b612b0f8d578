import { GraphRequestError, RetryExhaustedError, TokenRequestError } from '../../data/graph/errors.js';
import type { MessageKey } from '../i18n/nl.js';

/**
 * The platform's own errors (JavaScript's and the browser's): their message is technical text in English, shown to
 * an admin as the detail. Every other error is the app's own (a store's validation or conflict, the set-up's check):
 * its message is Dutch for the CLI and the logs, and a view says it with its key; here only its name is shown.
 */
const PLATFORM_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'AbortError',
  'TimeoutError',
  'NetworkError',
  'NotFoundError',
  'NotAllowedError',
  'InvalidStateError',
  'QuotaExceededError',
  'DataError',
  'SecurityError',
]);

/**
 * Maps an error of the Graph path to a sentence that says what to do (a key of the UI's catalogue) and, where the
 * sentence takes one, a technical detail: Graph's and SharePoint's status and code, a platform error's own (English)
 * message, and for the app's own errors only their name, never their message, so no Dutch sentence of the data layer
 * or the domain reaches the English UI through a view that did not say it with its own key.
 */
export function describeError(error: unknown): { key: MessageKey; detail?: string } {
  if (error instanceof RetryExhaustedError) return { key: 'plan.throttled' };
  if (error instanceof TokenRequestError) return { key: 'plan.unauthorized' };
  if (error instanceof GraphRequestError) {
    if (error.status === 401 || error.status === 403) return { key: 'plan.unauthorized' };
    if (error.status === 404) return { key: 'plan.notFound' };
    if (error.status === 429) return { key: 'plan.throttled' };
    return { key: 'plan.loadError', detail: `${error.status} ${error.code}` };
  }
  if (!(error instanceof Error)) return { key: 'plan.loadError', detail: String(error) };
  // SharePoint's REST errors (the data layer's SharePointRequestError) by status and code, as Graph's.
  const rest = error as Error & { status?: unknown; code?: unknown };
  if (error.name === 'SharePointRequestError' && typeof rest.status === 'number')
    return { key: 'plan.loadError', detail: `${rest.status} ${typeof rest.code === 'string' ? rest.code : ''}`.trim() };
  return { key: 'plan.loadError', detail: PLATFORM_ERRORS.has(error.name) ? error.message : error.name };
}
