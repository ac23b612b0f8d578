/**
 * The plan's headline counts, defined once. The roadmap, the list, the dashboard, the agenda card, the meeting side
 * panel and the report all count through `planCounts`, so no two surfaces can disagree about "geblokkeerd".
 */
import type { Actie } from './model.js';
import { blockingDependencies, isOverdue } from './rules.js';
import { isOpen } from './status.js';

export type PlanCounts = {
  /** Every action given. */
  acties: number;
  /** Not Afgerond and not Niet overgenomen. */
  open: number;
  /** Open with a deadline before today in Amsterdam (`isOverdue`). */
  achterstallig: number;
  /** The action's own status is Geblokkeerd. */
  geblokkeerd: number;
  /**
   * Open, not Geblokkeerd itself, and held up by an action it depends on that is still Niet gestart, Loopt or
   * Geblokkeerd (`isBlockedByDependency`). Disjoint from `geblokkeerd`, so the two add up to "stuck".
   */
  wachtOp: number;
};

/**
 * Counts `acties` at `now`. `allActies` is the whole plan, to judge dependencies that lie outside `acties` (a domain's
 * action can wait on a Concern action); it defaults to `acties`.
 */
export function planCounts(acties: readonly Actie[], now: Date, allActies: readonly Actie[] = acties): PlanCounts {
  const counts: PlanCounts = { acties: 0, open: 0, achterstallig: 0, geblokkeerd: 0, wachtOp: 0 };
  for (const actie of acties) {
    counts.acties += 1;
    if (isOpen(actie.status)) counts.open += 1;
    if (isOverdue(actie, now)) counts.achterstallig += 1;
    if (actie.status === 'Geblokkeerd') counts.geblokkeerd += 1;
    else if (waitsOnOtherActie(actie, blockingDependencies(actie, allActies))) counts.wachtOp += 1;
  }
  return counts;
}

/**
 * Whether `actie` counts as "wacht op een andere actie" (`PlanCounts.wachtOp`), given the dependencies that still hold
 * it up (`blockingDependencies`, which a view may have computed already): open, not Geblokkeerd itself, and held up by
 * at least one. The list's filter and `planCounts` both use it, so the list finds exactly the actions counted.
 */
export function waitsOnOtherActie(actie: Pick<Actie, 'status'>, blocking: readonly unknown[]): boolean {
  return isOpen(actie.status) && actie.status !== 'Geblokkeerd' && blocking.length > 0;
}
