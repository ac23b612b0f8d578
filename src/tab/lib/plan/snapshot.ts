import type { PlanSnapshot } from '../../../data/plan-sync.js';

export type { PlanSnapshot } from '../../../data/plan-sync.js';

/** Whether a value read from the cache looks like a snapshot (an old or foreign entry is ignored, not trusted). */
export function isPlanSnapshot(value: unknown): value is PlanSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PlanSnapshot>;
  return (
    typeof v.siteId === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.deltaLinks === 'object' &&
    v.deltaLinks !== null &&
    typeof v.items === 'object' &&
    v.items !== null &&
    typeof v.plan === 'object' &&
    v.plan !== null &&
    Array.isArray(v.plan.acties) &&
    Array.isArray(v.plan.adviezen) &&
    Array.isArray(v.plan.bevindingen) &&
    Array.isArray(v.plan.users) &&
    // Entries from before the rows per domain (schema 3) lack them: they are read afresh.
    Array.isArray(v.plan.domeinVoortgang) &&
    Array.isArray((v.items as Partial<PlanSnapshot['items']>).domeinVoortgang) &&
    // Entries from before the set-up travelled with the plan (issue 12.8) lack it: they are read afresh too.
    typeof v.plan.inrichting === 'object' &&
    v.plan.inrichting !== null &&
    Array.isArray((v.items as Partial<PlanSnapshot['items']>).inrichting)
  );
}
