import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import type { Domein } from '../../domain/model.js';
import { domeinLabel } from '../lib/labels.js';
import type { ActieRow } from '../lib/plan/derive.js';
import { useT } from '../i18n/i18n.js';
import { DeadlineText } from './deadline-text.js';
import { deadlineKind } from '../../domain/planning.js';
import { OwnerText } from './owner-text.js';
import { StatusBadge } from './status-badge.js';

const useStyles = makeStyles({
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  // A space, not a margin, after the number: read as "3.1 Verduidelijken", not "3.1Verduidelijken".
  nummer: { color: tokens.colorBrandForeground1 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  blocked: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    color: tokens.colorPaletteRedForeground1,
  },
  compact: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

/** An action as one clickable line with status, deadline and owner (Mijn acties, the meeting side panel). */
export function ActieSummaryRow({
  row,
  onOpen,
  showOwner = true,
  compact = false,
  domein,
}: {
  row: ActieRow;
  onOpen: (id: string) => void;
  showOwner?: boolean;
  compact?: boolean;
  /** The domain whose row of a shared action this line shows (Mijn acties of a row owner). */
  domein?: Domein;
}) {
  const styles = useStyles();
  const t = useT();
  const a = row.actie;
  return (
    <button
      type="button"
      className={mergeClasses(styles.button, compact && styles.compact)}
      onClick={() => onOpen(row.id)}
      data-testid="actie-summary"
      data-opens-actie=""
      data-nummer={a.nummer}
      data-domein={domein}
    >
      <span className={styles.title}>
        <span className={styles.nummer}>{a.nummer}</span> {a.titel}
      </span>
      <span className={styles.meta}>
        <StatusBadge status={a.status} size="small" />
        {domein && (
          <Caption1 data-testid="actie-summary-domein">
            {t('mine.domeinRij', { domein: domeinLabel(t, domein) })}
          </Caption1>
        )}
        <DeadlineText deadline={a.deadline} overdue={row.overdue} doorlopend={deadlineKind(a) === 'doorlopend'} />
        {showOwner && (
          <Caption1>
            <OwnerText owner={a.eigenaar} perDomein={row.eigenaarPerDomein} />
          </Caption1>
        )}
        {row.blockedBy.length > 0 && (
          <Caption1 className={styles.blocked}>
            <LockClosedRegular aria-hidden="true" />
            {t('roadmap.waitsFor', { nummers: row.blockedBy.map((b) => b.nummer).join(', ') })}
          </Caption1>
        )}
      </span>
    </button>
  );
}
