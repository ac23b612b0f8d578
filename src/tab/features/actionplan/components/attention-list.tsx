import { Body1, Caption1, Caption1Strong, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Domein } from '../../../../domain/model.js';
import { ActieSummaryRow } from '../../../components/actie-summary-row.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { byAttention, type AttentionReason } from '../../../lib/attention.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const REASON_TITLE: Record<Exclude<AttentionReason, 'open' | 'afgesloten'>, MessageKey> = {
  achterstallig: 'attention.achterstallig',
  geblokkeerd: 'attention.geblokkeerd',
  binnenkort: 'attention.binnenkort',
};

/**
 * The meeting side panel: what this MT should discuss under "digitalisering" (advies 11.5): actions that are
 * overdue, blocked or due soon. Compact, for a 320-pixel panel.
 */
export function AttentionList({ scope, onOpen }: { scope?: Domein | undefined; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const { now } = usePlanContext();
  const rows = usePlanRows(scope);
  const ordered = useMemo(() => byAttention(rows, now), [rows, now]);
  const groups = (['achterstallig', 'geblokkeerd', 'binnenkort'] as const).map((reason) => ({
    reason,
    items: ordered.filter((o) => o.reason === reason),
  }));
  const total = groups.reduce((n, g) => n + g.items.length, 0);

  return (
    <section className={styles.root} aria-labelledby="attention-title" data-testid="attention-list">
      <div>
        <Subtitle2 as="h2" id="attention-title" block>
          {t('attention.title')}
        </Subtitle2>
        <Caption1 as="p" block className={styles.muted}>
          {t('attention.intro')}
        </Caption1>
      </div>
      {total === 0 && <Body1>{t('attention.none')}</Body1>}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <section key={g.reason} aria-labelledby={`attention-${g.reason}`}>
            <Caption1Strong as="h3" id={`attention-${g.reason}`} block>
              {t(REASON_TITLE[g.reason], { count: g.items.length })}
            </Caption1Strong>
            <ul className={styles.list}>
              {g.items.map(({ row }) => (
                <li key={row.id}>
                  <ActieSummaryRow row={row} onOpen={onOpen} compact showOwner={false} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
