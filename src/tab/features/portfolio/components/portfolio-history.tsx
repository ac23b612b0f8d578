import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import { Spinner, Subtitle2 } from '@fluentui/react-components';
import type { PortfolioStore } from '../../../../data/portfolio-store.js';

import { LoadError } from '../../../components/load-error.js';
import { VersionList } from '../../../components/version-list.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';

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
  const t = usePortfolioT();
  const labels = usePortfolioLabels();
  // The list stores its choices in Dutch; the English UI says them in English, as the overview and the detail do.
  // "Dit kwartaal" is a yes or no: "Dit kwartaal: nee → ja".
  const valueText = (key: string, value: string) =>
    key === 'fase'
      ? labels.fase(value)
      : key === 'status'
        ? labels.status(value)
        : key === 'ditKwartaal' && (value === 'wel' || value === 'niet')
          ? t(value === 'wel' ? 'pf.history.wel' : 'pf.history.niet')
          : undefined;
  // Keyed by the item and read again for each of its versions (eTag); an import or a conflict taken over marks it
  // stale with the portfolio (`invalidate`). `store` changes with every portfolio update and is not part of the key.
  const history = useTabQuery(['portfolio', 'history', id], () => store().then((s) => s.history(id)), { version });

  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t('detail.history')}
      </Subtitle2>
      {history.status === 'loading' && <Spinner size="tiny" label={t('detail.historyLoading')} />}
      {history.error !== undefined && (
        <LoadError
          title={t('detail.historyError')}
          error={history.error}
          kept={history.data !== undefined}
          retrying={history.fetching}
          onRetry={history.reload}
          testId="portfolio-history-error"
        />
      )}
      {history.data && (
        <VersionList
          versions={history.data}
          testId="portfolio-history"
          noFieldsKey="pf.detail.historyNoFields"
          valueText={valueText}
        />
      )}
    </section>
  );
}
