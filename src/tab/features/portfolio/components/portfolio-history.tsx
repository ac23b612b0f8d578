import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PortfolioStore, PortfolioVersion } from '../../../../data/portfolio-store.js';
import { formatInstant } from '../../../i18n/format.js';
import { useLocale, useT } from '../../../i18n/i18n.js';

const useStyles = makeStyles({
  history: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  historyItem: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

type HistoryState = { status: 'loading' } | { status: 'ready'; versions: PortfolioVersion[] } | { status: 'error'; error: unknown };

/** A portfolio item's history from its SharePoint versions (who changed what from what to what), newest first. */
export function PortfolioHistory({ id, version, store, headingId }: { id: string; version: string; store: () => Promise<PortfolioStore>; headingId: string }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
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
      {state.status === 'ready' &&
        (state.versions.length === 0 ? (
          <Body1 className={styles.muted}>{t('detail.noHistory')}</Body1>
        ) : (
          <ol className={styles.history} data-testid="portfolio-history">
            {state.versions.map((v) => (
              <li key={v.versionId} className={styles.historyItem}>
                <Caption1 block>{t('detail.historyEntry', { who: v.modifiedBy, when: formatInstant(v.modified, locale) })}</Caption1>
                {v.changes.length === 0 ? (
                  <Caption1 className={styles.muted}>{t('pf.detail.historyNoFields')}</Caption1>
                ) : (
                  <ul className={styles.list}>
                    {v.changes.map((c, i) => (
                      <li key={i}>
                        <Caption1>{c.from ? t('detail.historyChange', { field: c.field, from: c.from, to: c.to || '—' }) : t('detail.historySet', { field: c.field, to: c.to })}</Caption1>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
