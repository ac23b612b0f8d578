import { Body1, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PortfolioItem } from '../../../../domain/model.js';
import { useT } from '../../../i18n/i18n.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: PortfolioItem[] };

/**
 * The portfolio initiatives that serve this action: the other direction of the portfolio's links
 * to actions. Loaded (one `$batch`, with its code) only when a detail is opened.
 */
export function LinkedPortfolio({ nummer }: { nummer: string }) {
  const styles = useStyles();
  const t = useT();
  const { session, siteId } = usePlanContext();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    if (!siteId) return;
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const [{ graph }, { loadPortfolio }] = await Promise.all([
        session(),
        import('../../../../data/portfolio-store.js'),
      ]);
      const portfolio = await loadPortfolio(graph, siteId);
      const items = portfolio.items.map((i) => i.value).filter((i) => i.acties.includes(nummer));
      if (!cancelled) setState({ status: 'ready', items });
    })().catch((error: unknown) => {
      // Shown as a short notice in the detail; the rest of the detail stays usable.
      console.warn('Loading the linked portfolio items failed', error);
      if (!cancelled) setState({ status: 'error' });
    });
    return () => {
      cancelled = true;
    };
  }, [session, siteId, nummer]);

  if (state.status === 'loading') return <Spinner size="extra-tiny" label={t('detail.portfolioLoading')} />;
  if (state.status === 'error') return <Body1 className={styles.muted}>{t('detail.portfolioError')}</Body1>;
  if (state.items.length === 0) return <>{t('detail.none')}</>;
  return (
    <ul className={styles.list} data-testid="linked-portfolio">
      {state.items.map((item) => (
        <li key={item.key}>
          {item.titel} ({item.domein}, {item.fase})
        </li>
      ))}
    </ul>
  );
}
