import { Body1, Button, Caption1, Card, makeStyles, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Domein } from '../../../../domain/model.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { domeinLabel } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { startItems, type StartItemKind } from '../lib/start-items.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '56rem' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: { height: '100%', rowGap: tokens.spacingVerticalS },
  link: {
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

const TEXT: Record<StartItemKind, { title: MessageKey; body: MessageKey; href: string }> = {
  vergadering: { title: 'start.vergadering.title', body: 'start.vergadering.body', href: '#/instellingen' },
  'mijn-acties': { title: 'start.mijnActies.title', body: 'start.mijnActies.body', href: '#/mijn-acties' },
  portfolio: { title: 'start.portfolio.title', body: 'start.portfolio.body', href: '#/portfolio' },
  voortgang: { title: 'start.voortgang.title', body: 'start.voortgang.body', href: '#/voortgang' },
};

/**
 * "Wat vind ik waar": after choosing a role (or signing in), the few things this person does here, theirs first.
 * Dismissible; the Over page links back to it.
 */
export function StartView({
  domein,
  onDismiss,
  onContinue,
}: {
  domein: Domein | undefined;
  onDismiss: () => void;
  onContinue: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const { me, plan, now } = usePlanContext();
  const items = useMemo(
    () => startItems({ me, acties: plan?.acties.map((a) => a.value) ?? [], domein, now }),
    [me, plan, domein, now],
  );
  const domeinName = domein ? domeinLabel(t, domein) : undefined;
  return (
    <section className={styles.root} aria-labelledby="start-title" data-testid="start">
      <div>
        <Title3 as="h2" id="start-title" block>
          {t('start.title')}
        </Title3>
        <Body1 as="p" className={styles.muted}>
          {me ? t('start.intro', { name: me.displayName }) : t('start.introUnknown')}
        </Body1>
      </div>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.kind} data-testid="start-item" data-kind={item.kind}>
            <Card className={styles.card}>
              <Subtitle2 as="h3">
                <a className={styles.link} href={TEXT[item.kind].href}>
                  {t(TEXT[item.kind].title)}
                </a>
              </Subtitle2>
              <Body1>{t(TEXT[item.kind].body, { domein: domeinName ?? t('start.jeDomein') })}</Body1>
              {item.kind === 'mijn-acties' && item.figures && (
                <Caption1 data-testid="start-figures">{t('start.mijnActies.figures', item.figures)}</Caption1>
              )}
              {item.kind === 'vergadering' && !domein && (
                <Caption1 className={styles.muted}>{t('start.kiesDomein')}</Caption1>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onContinue}>
          {t('start.continue')}
        </Button>
        <Button onClick={onDismiss} data-testid="start-dismiss">
          {t('start.dismiss')}
        </Button>
      </div>
    </section>
  );
}
