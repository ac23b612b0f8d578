import { addDays, amsterdamDate } from '../../domain/dates.js';
import { isOpen } from '../../domain/status.js';
import type { ActieRow } from './plan/derive.js';

/** Why an action needs attention, most urgent first. */
export type AttentionReason = 'achterstallig' | 'geblokkeerd' | 'binnenkort' | 'open' | 'afgesloten';

/** How long ahead "binnenkort" (due soon) looks, in days. */
export const DUE_SOON_DAYS = 30;

export function attentionReason(row: ActieRow, now: Date): AttentionReason {
  const a = row.actie;
  if (!isOpen(a.status)) return 'afgesloten';
  if (row.overdue) return 'achterstallig';
  if (a.status === 'Geblokkeerd' || row.blockedBy.length > 0) return 'geblokkeerd';
  if (a.deadline && a.deadline <= addDays(amsterdamDate(now), DUE_SOON_DAYS)) return 'binnenkort';
  return 'open';
}

const ORDER: AttentionReason[] = ['achterstallig', 'geblokkeerd', 'binnenkort', 'open', 'afgesloten'];

/**
 * Orders actions for a person or a meeting: overdue first (oldest deadline first), then blocked, due soon, the
 * other open ones by deadline, and closed ones last. Ties by action number order of the input.
 */
export function byAttention<R extends ActieRow>(rows: readonly R[], now: Date): { row: R; reason: AttentionReason }[] {
  return rows
    .map((row, index) => ({ row, reason: attentionReason(row, now), index }))
    .sort((x, y) => {
      const byReason = ORDER.indexOf(x.reason) - ORDER.indexOf(y.reason);
      if (byReason) return byReason;
      const dx = x.row.actie.deadline;
      const dy = y.row.actie.deadline;
      if (dx && dy && dx !== dy) return dx < dy ? -1 : 1;
      if (dx && !dy) return -1;
      if (!dx && dy) return 1;
      return x.index - y.index;
    })
    .map(({ row, reason }) => ({ row, reason }));
}
