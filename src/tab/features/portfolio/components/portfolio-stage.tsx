import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import { Body1, makeStyles, Spinner, Subtitle1, Title2, tokens, ToggleButton } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Domein } from '../../../../domain/model.js';

import { domeinLabel } from '../../../lib/labels.js';
import { LoadError } from '../../../components/load-error.js';
import { usePortfolio } from '../api/use-portfolio.js';
import { groupItems, inScope, type GroupBy } from '../lib/portfolio-view-model.js';
import { ThisKwartaalBadge, StatusBadge } from './portfolio-tables.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';

const useStyles = makeStyles({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  group: { marginTop: tokens.spacingVerticalXL },
  cards: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalM} 0 0`,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
  cardTitle: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  rank: {
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorBrandForeground1,
    marginInlineEnd: tokens.spacingHorizontalS,
  },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
  },
});

/**
 * The portfolio of the tab's domain on the meeting stage: read-only and large, for a shared screen. Grouped by
 * status or phase, each group by IMO priority; nothing opens or edits.
 */
export function PortfolioStage({ scope }: { scope?: Domein | undefined }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const labels = usePortfolioLabels();
  const portfolio = usePortfolio();
  const [group, setGroup] = useState<GroupBy>('status');
  const items = useMemo(() => inScope(portfolio.data?.items ?? [], scope), [portfolio.data, scope]);
  const groups = useMemo(() => groupItems(items, group, 'asc'), [items, group]);

  if (portfolio.status === 'loading') return <Spinner size="large" label={t('pf.loading')} />;
  const loadError = portfolio.error !== undefined && (
    <LoadError
      title={t('pf.loadFailed')}
      error={portfolio.error}
      kept={portfolio.status === 'ready'}
      retrying={portfolio.fetching}
      onRetry={portfolio.reload}
      testId="portfolio-stage-error"
    />
  );
  if (!portfolio.data) return loadError;

  return (
    <section aria-labelledby="portfolio-stage-title" data-testid="portfolio-stage">
      {loadError}
      <div className={styles.head}>
        <div>
          <Title2 as="h2" id="portfolio-stage-title">
            {t('pf.title')}
            {scope ? ` · ${domeinLabel(t, scope)}` : ''}
          </Title2>{' '}
          <Body1 className={styles.muted}>{t('pf.count', { count: items.length })}</Body1>
        </div>
        <div className={styles.toolbar} role="group" aria-label={t('pf.groupBy')}>
          <Body1 className={styles.muted}>{t('pf.groupBy')}</Body1>
          {(['status', 'fase'] as const).map((g) => (
            <ToggleButton key={g} size="large" checked={group === g} onClick={() => setGroup(g)}>
              {t(g === 'fase' ? 'pf.group.fase' : 'pf.group.status')}
            </ToggleButton>
          ))}
        </div>
      </div>
      {items.length === 0 && <Body1 as="p">{t('pf.empty')}</Body1>}
      {groups.map((g, index) => (
        <section
          key={g.key}
          className={styles.group}
          aria-labelledby={`stage-group-${index}`}
          data-testid="stage-group"
          data-group={g.key}
        >
          <Subtitle1 as="h3" id={`stage-group-${index}`}>
            {labels.group(g.key)} ({g.items.length})
          </Subtitle1>
          <ul className={styles.cards}>
            {g.items.map((item) => (
              <li key={item.id} className={styles.card} data-testid="stage-item" data-key={item.value.key}>
                <h4 className={styles.cardTitle}>
                  <span className={styles.rank}>{item.value.prioriteit ?? '–'}</span>
                  {item.value.titel}
                </h4>
                <div className={styles.badges}>
                  <StatusBadge status={item.value.status} />
                  <span>{labels.fase(item.value.fase)}</span>
                  <ThisKwartaalBadge value={item.value.ditKwartaal} />
                </div>
                {item.value.statusToelichting && <span className={styles.muted}>{item.value.statusToelichting}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
