import { useMemo } from 'react';
import { ZOETERMEER_INRICHTING } from '../../../domain/inrichting-basis.js';
import { fieldsExpand, type ListItem } from '../../../data/lists/list-definition.js';
import { mtFieldNames } from '../../../data/lists/mts.js';
import { toMTRegistration, type MTRegistration } from '../../../data/mts-store.js';
import { listPath } from '../../../data/site.js';
import { usePlanContext } from '../plan/plan-context.js';
import type { LoadState } from './query-client.js';
import { useTabQuery } from './use-tab-query.js';

/**
 * The MT registrations (with their Beheerders) as one query (`['mts', 'registrations']`), shared by the plan's role
 * checks (`usePlanActor`) and the plan import's: one read when both need it. Read only while `enabled`. The items are
 * read against the set-up the plan brought (issue 12.8; Zoetermeer's until the plan is there), so this stays one
 * plain GET and no second `$batch` next to the plan's.
 */
export function useMtRegistrations(enabled = true): LoadState<MTRegistration[]> {
  const { plan } = usePlanContext();
  const inrichting = plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const raw = useTabQuery(
    ['mts', 'registrations'],
    async ({ session, siteId }) => {
      const graph = (await session()).graph;
      return graph.getAll<ListItem>(
        `${listPath(siteId, 'MTs')}/items?$select=id,eTag&$expand=${fieldsExpand(mtFieldNames)}&$top=999`,
      );
    },
    { enabled },
  );
  const data = useMemo(() => raw.data?.map((item) => toMTRegistration(item, inrichting)), [raw.data, inrichting]);
  return useMemo(() => ({ ...raw, data }), [raw, data]);
}

/** Whether the person (site user id or e-mail, ignoring case) is a Beheerder of any of the MTs. */
export function namesBeheerder(mts: MTRegistration[], me: { id?: string; email?: string } | undefined): boolean {
  const email = me?.email?.toLowerCase();
  return mts.some((mt) =>
    mt.beheerders.some(
      (b) => (me?.id !== undefined && b.id === me.id) || (email !== undefined && b.email?.toLowerCase() === email),
    ),
  );
}
