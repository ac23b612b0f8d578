/**
 * The plan import's apply step failed: why, in the UI's language (issue 17). The data layer's `message` is the site's
 * own words or Dutch, for the CLI; the tab says the failure by its HTTP status and step.
 */
import type { Failure, RollbackFailure } from '../../../../data/plan-transfer.js';

/** The keys of the plan import's lazy catalogue (plan-xlsx-i18n.ts) that say a failure. */
type FailureKey =
  | `reason.${'network' | 'denied' | 'notFound' | 'conflict' | 'tooLarge' | 'busy' | 'server' | 'refused' | 'setUp'}`
  | `rollback.${'read' | 'delete' | 'choices'}`;

/** The plan import's `t`, as far as these texts need it. */
export type PlanT = (key: FailureKey, values?: Record<string, string | number>) => string;

/**
 * Why the apply step's write failed, in the UI's language: by the site's HTTP status (0: no answer), never the site's
 * own (English) words or the data layer's Dutch, which the CLI shows.
 */
export function planFailureReason(ft: PlanT, failure: Pick<Failure, 'status' | 'setUp'>): string {
  const status = failure.status;
  if (failure.setUp && (status === 0 || status === undefined)) return ft('reason.setUp');
  if (status === 0) return ft('reason.network');
  if (status === 401 || status === 403) return ft('reason.denied');
  if (status === 404) return ft('reason.notFound');
  if (status === 409 || status === 412) return ft('reason.conflict');
  if (status === 413) return ft('reason.tooLarge');
  if (status === 429 || status === 503) return ft('reason.busy');
  if (status >= 500) return ft('reason.server');
  return ft('reason.refused');
}

/** Why the rollback left an item behind, in the UI's language. */
export function rollbackFailureReason(ft: PlanT, failure: RollbackFailure): string {
  if (failure.step === 'read') return ft('rollback.read');
  if (failure.step === 'choices') return ft('rollback.choices');
  return ft('rollback.delete', { status: failure.status ?? 0 });
}
