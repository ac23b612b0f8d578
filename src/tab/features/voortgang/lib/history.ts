import { amsterdamDate } from '../../../../domain/dates.js';
import type { CalendarDate, Domein } from '../../../../domain/model.js';
import { firstVersionAt, type ActieHistory } from '../../../../domain/report.js';

/** The day (Amsterdam) of the oldest version of any action; undefined without versions. */
export function firstVersionDate(histories: readonly ActieHistory[]): CalendarDate | undefined {
  const first = firstVersionAt(histories);
  return first === undefined ? undefined : amsterdamDate(first);
}

/**
 * The histories of the actions that belong to a domain now. A channel tab of an MT follows its domain's actions back
 * in time by their identity; an action moved to another domain since then moves with it.
 */
export function historiesOfDomein(
  histories: readonly ActieHistory[],
  liveDomeinen: ReadonlyMap<string, readonly Domein[]>,
  scope: Domein | undefined,
): readonly ActieHistory[] {
  if (!scope) return histories;
  return histories.filter((h) => liveDomeinen.get(h.id)?.includes(scope));
}
