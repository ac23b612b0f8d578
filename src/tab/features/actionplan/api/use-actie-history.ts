import { useEffect, useEffectEvent, useState } from 'react';
import type { ActieVersion } from '../../../../data/acties-store.js';
import { useActieWriter } from '../../../lib/plan/use-actie-writer.js';

export type HistoryState =
  { status: 'loading' } | { status: 'ready'; versions: ActieVersion[] } | { status: 'error'; error: unknown };

/** The item's history from its SharePoint versions (who changed what, when), newest first. */
export function useActieHistory(id: string, version: string): { state: HistoryState; reload: () => void } {
  const { store } = useActieWriter();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // `store` changes with every plan update, which must not refetch: an effect event reads the current one.
  const readHistory = useEffectEvent((itemId: string) => store().then((s) => s.history(itemId)));
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    readHistory(id).then(
      (versions) => !cancelled && setState({ status: 'ready', versions }),
      (error: unknown) => !cancelled && setState({ status: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
    // `version` (the eTag) refetches after a save.
  }, [id, version, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}
