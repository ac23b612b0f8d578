import { amsterdamDate } from '../../../../domain/dates.js';
import type { CalendarDate, Domein } from '../../../../domain/model.js';
import type { ActieHistory } from '../../../../domain/report.js';

/** The day (Amsterdam) of the oldest version of any action; undefined without versions. */
export function firstVersionDate(histories: readonly ActieHistory[]): CalendarDate | undefined {
  let first: number | undefined;
  for (const h of histories) {
    for (const r of h.revisions) {
      const t = Date.parse(r.modified);
      if (!Number.isNaN(t) && (first === undefined || t < first)) first = t;
    }
  }
  return first === undefined ? undefined : amsterdamDate(new Date(first));
}

/**
 * The histories of the actions that belong to a domain now. A channel tab of an MT follows its domain's actions back
 * in time by their identity; an action moved to another domain since then moves with it.
 */
export function historiesOfDomein(histories: readonly ActieHistory[], liveDomeinen: ReadonlyMap<string, readonly Domein[]>, scope: Domein | undefined): readonly ActieHistory[] {
  if (!scope) return histories;
  return histories.filter((h) => liveDomeinen.get(h.id)?.includes(scope));
}
