import {
  Body1,
  Caption1,
  Caption1Strong,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { ActieSummaryRow } from '../../../components/actie-summary-row.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { byAttention, type AttentionReason } from '../../../lib/attention.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import type { ActieRow } from '../../../lib/plan/derive.js';
import { ownDomeinActies } from '../../../../domain/domein-voortgang.js';
import type { Domein, PersonRef } from '../../../../domain/model.js';
import { isOverdue } from '../../../../domain/rules.js';

/** A row of Mijn acties: with the domain when the person carries that domain's row of a shared action. */
type MijnRij = ActieRow & { domein?: Domein };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '56rem' },
  kpis: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  kpi: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: '8rem',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  kpiValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  groupTitle: { marginBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

const GROUP_TITLE: Record<AttentionReason, MessageKey> = {
  achterstallig: 'mine.group.achterstallig',
  geblokkeerd: 'mine.group.geblokkeerd',
  binnenkort: 'mine.group.binnenkort',
  open: 'mine.group.open',
  afgesloten: 'mine.group.afgesloten',
};

/** The personal tab: the signed-in person's actions, overdue first, then blocked, due soon, the rest. */
export function MyActionsView({ onOpen }: { onOpen: (id: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const { me, now, userKey, plan } = usePlanContext();
  const rows = usePlanRows();
  // The actions this person owns, and the shared actions whose domain row they own (as that domain stands, issue 12.4).
  const mine = useMemo(() => {
    if (!me) return [];
    const isMe = (p: PersonRef | undefined) =>
      me.id ? p?.id === me.id : p?.email !== undefined && p.email.toLowerCase() === me.email?.toLowerCase();
    const byNummer = new Map(rows.map((r) => [r.actie.nummer, r] as const));
    const rijen = (plan?.domeinVoortgang ?? []).map((r) => r.value);
    return ownDomeinActies(
      rows.map((r) => r.actie),
      rijen,
      isMe,
    ).flatMap(({ actie, domein }): MijnRij[] => {
      const row = byNummer.get(actie.nummer);
      if (!row) return [];
      return [domein === undefined ? row : { ...row, actie, overdue: isOverdue(actie, now), domein }];
    });
  }, [rows, me, plan, now]);
  const ordered = useMemo(() => byAttention(mine, now), [mine, now]);
  const reasons: AttentionReason[] = ['achterstallig', 'geblokkeerd', 'binnenkort', 'open', 'afgesloten'];
  const count = (reason: AttentionReason) => ordered.filter((o) => o.reason === reason).length;

  return (
    <section className={styles.root} aria-labelledby="mine-title" data-testid="mijn-acties">
      <div>
        <Subtitle2 as="h2" id="mine-title" block>
          {t('mine.title')}
        </Subtitle2>
        <Body1 as="p" block className={styles.muted}>
          {me ? t('mine.intro', { name: me.displayName }) : t('mine.introUnknown', { user: userKey })}
        </Body1>
        {/* The next MT meeting's agenda (issue 14.3), also from the personal tab. */}
        <Link href="#/vergadering" data-testid="mine-vergadering">
          {t('inst.status.next')}
        </Link>
      </div>
      {!me && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('mine.notOnSiteTitle')}</MessageBarTitle>
            {t('mine.notOnSite')}
          </MessageBarBody>
        </MessageBar>
      )}
      {me && (
        <ul className={styles.kpis} aria-label={t('mine.summary')}>
          <li className={styles.kpi}>
            <span className={styles.kpiValue} data-testid="mine-total">
              {mine.length}
            </span>
            <Caption1>{t('mine.kpi.total', { count: mine.length })}</Caption1>
          </li>
          <li className={styles.kpi}>
            <span className={styles.kpiValue} data-testid="mine-overdue">
              {count('achterstallig')}
            </span>
            <Caption1>{t('mine.kpi.overdue')}</Caption1>
          </li>
          <li className={styles.kpi}>
            <span className={styles.kpiValue}>
              {mine.filter((r) => r.actie.status === 'Geblokkeerd' || r.blockedBy.length > 0).length}
            </span>
            <Caption1>{t('mine.kpi.blocked')}</Caption1>
          </li>
        </ul>
      )}
      {me && mine.length === 0 && <Body1>{t('mine.none')}</Body1>}
      {reasons.map((reason) => {
        const items = ordered.filter((o) => o.reason === reason);
        if (items.length === 0) return null;
        return (
          <section key={reason} aria-labelledby={`mine-${reason}`}>
            <Caption1Strong as="h3" id={`mine-${reason}`} block className={styles.groupTitle}>
              {t(GROUP_TITLE[reason], { count: items.length })}
            </Caption1Strong>
            <ul className={styles.list}>
              {items.map(({ row }) => (
                <li key={row.id}>
                  <ActieSummaryRow row={row} onOpen={onOpen} showOwner={false} domein={row.domein} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
