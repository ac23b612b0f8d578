import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTextsT } from '../../../i18n/feature-catalogue.js';
import { historyTexts } from '../../../components/history-i18n.js';
import { detailTexts } from '../detail-i18n.js';
import { LoadError } from '../../../components/load-error.js';
import { usePortfolioQuery } from '../../../lib/query/use-portfolio-query.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';
import { domeinLabel } from '../../../lib/labels.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The portfolio initiatives that serve this action: the other direction of the portfolio's links
 * to actions. Loaded (one `$batch`, with its code) only when a detail is opened; the same query as the portfolio
 * view's, so a portfolio already read is shown at once.
 */
export function LinkedPortfolio({ nummer }: { nummer: string }) {
  const styles = useStyles();
  const t = useTextsT(detailTexts, historyTexts);
  const labels = usePortfolioLabels();
  const portfolio = usePortfolioQuery();
  const items = useMemo(
    () => portfolio.data?.items.map((i) => i.value).filter((i) => i.acties.includes(nummer)),
    [portfolio.data, nummer],
  );

  if (portfolio.status === 'loading') return <Spinner size="extra-tiny" label={t('detail.portfolioLoading')} />;
  // Shown as a short notice in the detail; the rest of the detail stays usable.
  const loadError = portfolio.error !== undefined && (
    <LoadError
      title={t('detail.portfolioError')}
      error={portfolio.error}
      kept={items !== undefined}
      retrying={portfolio.fetching}
      onRetry={portfolio.reload}
      testId="linked-portfolio-error"
    />
  );
  if (!items) return loadError;
  return (
    <>
      {loadError}
      {items.length === 0 ? (
        t('detail.none')
      ) : (
        <ul className={styles.list} data-testid="linked-portfolio">
          {items.map((item) => (
            <li key={item.key}>
              {item.titel} ({domeinLabel(t, item.domein)}, {labels.fase(item.fase)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
