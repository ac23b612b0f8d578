import { loadMTRegistrations, type MTRegistration } from '../../../data/mts-store.js';
import type { LoadState } from './query-client.js';
import { useTabQuery } from './use-tab-query.js';

/**
 * The MT registrations (with their Beheerders) as one query (`['mts', 'registrations']`), shared by the plan's role
 * checks (`usePlanActor`) and the plan import's: one read when both need it. Read only while `enabled`.
 */
export function useMtRegistrations(enabled = true): LoadState<MTRegistration[]> {
  return useTabQuery(
    ['mts', 'registrations'],
    async ({ session, siteId }) => {
      // With the site's set-up in the same $batch: the MTs' domains are read against it (issue 12.8).
      return loadMTRegistrations((await session()).graph, siteId);
    },
    { enabled },
  );
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
