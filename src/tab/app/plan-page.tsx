import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Title3, Caption1, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Graph } from '../../data/graph/client.js';
import { PlanOverview } from '../features/actionplan/components/plan-overview.js';
import { usePlan } from '../features/actionplan/api/use-plan.js';
import { useT } from '../i18n/i18n.js';
import { describeError } from '../lib/errors.js';

const useStyles = makeStyles({
  page: { maxWidth: '80rem', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}` },
  header: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function PlanPage({ graph, siteUrl, who, onSwitchPersona }: { graph: Graph; siteUrl: string; who?: string; onSwitchPersona?: () => void }) {
  const styles = useStyles();
  const t = useT();
  const { state, reload } = usePlan(graph, siteUrl);
  // The clock is read once per render of the page; the domain rules take it as a parameter.
  const now = useMemo(() => new Date(), [state]);
  const error = state.status === 'error' ? describeError(state.error) : undefined;
  const whoName = state.status === 'ready' ? (state.plan.users.find((u) => u.email?.toLowerCase() === who?.toLowerCase())?.displayName ?? who) : who;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <Title3 as="h1" block>{t('app.title')}</Title3>
          {state.status === 'ready' && (
            <Caption1 as="p" block>{t('app.subtitle', { adviezen: state.plan.adviezen.length, acties: state.plan.acties.length })}</Caption1>
          )}
        </div>
        {who && (
          <div className={styles.who}>
            <Caption1>{t('persona.signedInAs', { name: whoName ?? '' })}</Caption1>
            {onSwitchPersona && (
              <Button size="small" onClick={onSwitchPersona}>
                {t('persona.switch')}
              </Button>
            )}
          </div>
        )}
      </header>
      {state.status === 'loading' && <Spinner label={t('app.loading')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t(error.key, { detail: error.detail ?? '' })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={reload}>{t('app.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && <PlanOverview plan={state.plan} now={now} />}
    </main>
  );
}
