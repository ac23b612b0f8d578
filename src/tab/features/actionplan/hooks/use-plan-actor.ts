import { useEffect, useState } from 'react';
import type { Domein } from '../../../../domain/model.js';
import type { PlanActor } from '../../../../domain/plan-wijzigen.js';
import { fieldsExpand, type ListItem } from '../../../../data/lists/list-definition.js';
import { mtFieldNames } from '../../../../data/lists/mts.js';
import { toMTRegistration } from '../../../../data/mts-store.js';
import { listPath } from '../../../../data/site.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';

/**
 * Who the signed-in person is for the plan's rules (`mayChangeActie`): the MT of the tab's domain (a channel tab is
 * seen by that MT's team; Concern is the CMT), and a Beheerder when an MT registration names them. The MTs are read
 * once, when a dialog that needs them opens; until then (or when reading fails) only the tab's domain counts.
 */
export function usePlanActor(scope: Domein | undefined): { actor: PlanActor; loading: boolean } {
  const { session, siteId, me } = usePlanContext();
  const [beheerder, setBeheerder] = useState<boolean | undefined>();
  useEffect(() => {
    if (!siteId) return;
    let cancelled = false;
    void (async () => {
      const graph = (await session()).graph;
      const items = await graph.getAll<ListItem>(
        `${listPath(siteId, 'MTs')}/items?$select=id,eTag&$expand=${fieldsExpand(mtFieldNames)}&$top=999`,
      );
      const email = me?.email?.toLowerCase();
      const named = items
        .map(toMTRegistration)
        .some((mt) =>
          mt.beheerders.some(
            (b) =>
              (me?.id !== undefined && b.id === me.id) || (email !== undefined && b.email?.toLowerCase() === email),
          ),
        );
      if (!cancelled) setBeheerder(named);
    })().catch((error: unknown) => {
      console.warn('Reading the MT registrations for the Beheerder role failed', error);
      if (!cancelled) setBeheerder(false);
    });
    return () => {
      cancelled = true;
    };
  }, [session, siteId, me?.id, me?.email]);
  return {
    actor: { beheerder: beheerder === true, mtDomeinen: scope ? [scope] : [] },
    loading: beheerder === undefined,
  };
}
