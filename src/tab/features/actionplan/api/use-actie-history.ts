import type { ActieVersion } from '../../../../data/acties-store.js';
import { useActieWriter } from '../../../lib/plan/use-actie-writer.js';
import type { LoadState } from '../../../lib/query/query-client.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';

/**
 * The item's history from its SharePoint versions (who changed what, when), newest first. Read again for each
 * version (eTag: after a save, or a change the plan's refresh brought in); the history shown stays while it is read
 * and when that read fails. `store` changes with every plan update and is not part of the key.
 */
export function useActieHistory(id: string, version: string): LoadState<ActieVersion[]> {
  const { store } = useActieWriter();
  return useTabQuery(['acties', 'history', id], () => store().then((s) => s.history(id)), { version });
}
