import { useMemo } from 'react';
import type { Domein } from '../../../domain/model.js';
import { deriveRows, type ActieRow } from './derive.js';
import { usePlanContext } from './plan-context.js';

/** The plan's rows, limited to a domain when the tab is scoped to one (a channel tab of an MT). */
export function usePlanRows(scope?: Domein): ActieRow[] {
  const { plan, now } = usePlanContext();
  return useMemo(() => {
    if (!plan) return [];
    const rows = deriveRows(plan, now);
    return scope ? rows.filter((r) => r.actie.domeinen.includes(scope)) : rows;
  }, [plan, now, scope]);
}
