import { useEffect } from 'react';
import type { Domein } from '../../../../domain/model.js';
import type { PlanActor } from '../../../../domain/plan-changes.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { namesBeheerder, useMtRegistrations } from '../../../lib/query/use-mt-registrations.js';

/**
 * Who the signed-in person is for the plan's rules (`mayChangeActie`): the MT of the tab's domain (a channel tab is
 * seen by that MT's team; Concern is the CMT), and a Beheerder when an MT registration names them. The MTs are read
 * once, when a dialog that needs them opens; until then (or when reading fails) only the tab's domain counts.
 */
export function usePlanActor(scope: Domein | undefined): { actor: PlanActor; loading: boolean } {
  const { me } = usePlanContext();
  const mts = useMtRegistrations();
  // A failed read is no error for the person: only the tab's domain counts, as before this role is known.
  useEffect(() => {
    if (mts.error !== undefined) console.warn('Reading the MT registrations for the Beheerder role failed', mts.error);
  }, [mts.error]);
  const beheerder = mts.data ? namesBeheerder(mts.data, me) : mts.status === 'error' ? false : undefined;
  return {
    actor: { beheerder: beheerder === true, mtDomeinen: scope ? [scope] : [] },
    loading: beheerder === undefined,
  };
}
