/**
 * The rows per domain on a past date (issue 12.4e). A report for an earlier date rebuilds every action from its own
 * SharePoint versions (`planAt`); a shared action's status is however the roll-up of its domains' rows, and those rows
 * have versions of their own. This file rebuilds the rows as they were at an instant and folds them into the actions'
 * histories, so that `planAt`, `actiesAtDate`, `trendPerMonth` and `statusChanges` see the rolled-up status of
 * that date without knowing about rows.
 *
 * Pure: the versions and the instant are parameters. The rules:
 * - A version counts from the instant it was saved, inclusive: a row saved at the report's last millisecond
 *   (`endOfDay`, Amsterdam) counts for that day. Of two versions saved at the same instant the later in the list wins,
 *   as for actions.
 * - A row did not exist before its first version: the domain then follows the action's stored status (the roll-up's
 *   own rule for a domain without a row).
 * - A row without versions (deleted in SharePoint, its versions gone with it) never existed for the report; its
 *   domain follows the action on every date.
 * - A row belongs to the action with its number (numbers are never reused); the action's domains *of that date*
 *   decide which rows count.
 */
import { actieWithRollUp, type DomeinVoortgang } from './domein-voortgang.js';
import type { ActieRevision } from './report.js';

/** One SharePoint version of a domain row: when it was saved and what the row then was. */
export type DomeinVoortgangRevision = { modified: string; value: DomeinVoortgang };
/** All known versions of one domain row (any order), by its SharePoint item id. */
export type DomeinVoortgangHistory = { id: string; revisions: readonly DomeinVoortgangRevision[] };

/**
 * The revision current at `at` (saved at or before it; of equal instants the later in the list); undefined when none
 * was saved by then. A revision with an unreadable instant never counts.
 */
export function revisionAt<R extends { modified: string }>(revisions: readonly R[], at: Date): R | undefined {
  const limit = at.getTime();
  let best: { t: number; r: R } | undefined;
  for (const r of revisions) {
    const t = Date.parse(r.modified);
    if (Number.isNaN(t) || t > limit) continue;
    if (!best || t >= best.t) best = { t, r };
  }
  return best?.r;
}

/** Every domain row that existed at `at`, as it then was, in the order of `histories`. */
export function domeinVoortgangAt(histories: readonly DomeinVoortgangHistory[], at: Date): DomeinVoortgang[] {
  const out: DomeinVoortgang[] = [];
  for (const h of histories) {
    const r = revisionAt(h.revisions, at);
    if (r) out.push(r.value);
  }
  return out;
}

/** The action number a row belongs to: that of its newest readable version (the number never changes). */
function actieNummerOf(h: DomeinVoortgangHistory): string | undefined {
  return revisionAt(h.revisions, new Date(8.64e15))?.value.actie;
}

/**
 * The actions' histories with their domains' rows folded in: one revision at every instant at which the action or
 * one of its rows was saved (from the action's first version on), whose value is the action as it then was with the
 * roll-up of its rows as they then were (`actieWithRollUp`). Other properties of a revision (such as a version label) come
 * from the action's version current at that instant. An action without rows keeps its history as it is (the same
 * object), so a plan without shared actions costs nothing.
 */
export function withDomeinVoortgangHistory<R extends ActieRevision>(
  acties: readonly { id: string; revisions: readonly R[] }[],
  rijen: readonly DomeinVoortgangHistory[],
): { id: string; revisions: R[] }[] {
  const rijenPerActie = new Map<string, DomeinVoortgangHistory[]>();
  for (const h of rijen) {
    const nummer = actieNummerOf(h);
    if (nummer === undefined) continue;
    const list = rijenPerActie.get(nummer) ?? [];
    list.push(h);
    rijenPerActie.set(nummer, list);
  }

  return acties.map((h) => {
    const newest = revisionAt(h.revisions, new Date(8.64e15));
    const eigen = newest ? rijenPerActie.get(newest.value.nummer) : undefined;
    if (!newest || !eigen) return h as { id: string; revisions: R[] };

    // Every instant anything of this action was saved, each with the first spelling of it that was seen.
    const instants = new Map<number, string>();
    const add = (modified: string) => {
      const t = Date.parse(modified);
      if (!Number.isNaN(t) && !instants.has(t)) instants.set(t, modified);
    };
    for (const r of h.revisions) add(r.modified);
    for (const rij of eigen) for (const r of rij.revisions) add(r.modified);

    const revisions: R[] = [];
    for (const [t, modified] of [...instants].sort((a, b) => a[0] - b[0])) {
      const at = new Date(t);
      const actie = revisionAt(h.revisions, at);
      // A row saved before its action's first version (clocks apart) waits for the action.
      if (!actie) continue;
      revisions.push({ ...actie, modified, value: actieWithRollUp(actie.value, domeinVoortgangAt(eigen, at)) });
    }
    return { id: h.id, revisions };
  });
}
