import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PortfolioStore, PortfolioVersion } from '../../../../data/portfolio-store.js';
import { useT } from '../../../i18n/i18n.js';
import { VersionList } from '../../../components/version-list.js';

type HistoryState =
  { status: 'loading' } | { status: 'ready'; versions: PortfolioVersion[] } | { status: 'error'; error: unknown };

/** A portfolio item's history from its SharePoint versions (who changed what from what to what), newest first. */
export function PortfolioHistory({
  id,
  version,
  store,
  headingId,
}: {
  id: string;
  version: string;
  store: () => Promise<PortfolioStore>;
  headingId: string;
}) {
  const t = useT();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The store changes with every portfolio update; only the item and its version (eTag) refetch.
  const storeRef = useRef(store);
  useEffect(() => {
    storeRef.current = store;
  }, [store]);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    storeRef
      .current()
      .then((s) => s.history(id))
      .then(
        (versions) => !cancelled && setState({ status: 'ready', versions }),
        (error: unknown) => !cancelled && setState({ status: 'error', error }),
      );
    return () => {
      cancelled = true;
    };
  }, [id, version, attempt]);

  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t('detail.history')}
      </Subtitle2>
      {state.status === 'loading' && <Spinner size="tiny" label={t('detail.historyLoading')} />}
      {state.status === 'error' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('detail.historyError')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
              {t('app.retry')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && (
        <VersionList versions={state.versions} testId="portfolio-history" noFieldsKey="pf.detail.historyNoFields" />
      )}
    </section>
  );
}
