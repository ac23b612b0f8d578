import { useMemo } from 'react';
import type { Domein } from '../../../domain/model.js';
import { isActief } from '../../../domain/plan-changes.js';
import { deriveRows, type ActieRow } from './derive.js';
import { usePlanContext } from './plan-context.js';

/**
 * The plan's rows, limited to a domain when the tab is scoped to one (a channel tab of an MT). Retired actions
 * (Vervallen) are left out: they left the roadmap and the counts. The list shows them on request (`vervallen`).
 */
export function usePlanRows(scope?: Domein, options: { vervallen?: boolean } = {}): ActieRow[] {
  const { plan, now } = usePlanContext();
  const withRetired = options.vervallen === true;
  return useMemo(() => {
    if (!plan) return [];
    const rows = deriveRows(plan, now).filter((r) => withRetired || isActief(r.actie));
    return scope ? rows.filter((r) => r.actie.domeinen.includes(scope)) : rows;
  }, [plan, now, scope, withRetired]);
}
