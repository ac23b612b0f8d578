import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LinkMultipleRegular, LockClosedRegular, WarningRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import type { ActieStatus } from '../../../../domain/model.js';
import { DeadlineText } from '../../../components/deadline-text.js';
import { deadlineKind } from '../../../../domain/planning.js';
import { OwnerText } from '../../../components/owner-text.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useT } from '../../../i18n/i18n.js';
import { themeToken } from '../../../lib/theme-token.js';
import type { ActieRow } from '../../../lib/plan/derive.js';

/** The card's left border per status: set at run time, so through `themeToken` (not Fluent's `tokens` map). */
const STATUS_STRIPE: Record<ActieStatus, string> = {
  'Niet gestart': themeToken('colorNeutralStroke1'),
  Loopt: themeToken('colorBrandStroke1'),
  Geblokkeerd: themeToken('colorPaletteRedBorderActive'),
  Afgerond: themeToken('colorPaletteGreenBorderActive'),
  'Belegd in lopend traject': themeToken('colorNeutralStrokeAccessible'),
  'Niet overgenomen': themeToken('colorNeutralStrokeDisabled'),
};

const useStyles = makeStyles({
  card: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    boxShadow: tokens.shadow2,
    cursor: 'pointer',
    ':hover': { boxShadow: tokens.shadow8, backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  highlighted: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  titleButton: {
    background: 'none',
    border: 'none',
    padding: 0,
    margin: 0,
    font: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground1,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
    '::after': { content: '""', position: 'absolute', inset: 0 },
  },
  // A space, not a margin, after the number: a screen reader reads "3.1 Verduidelijken", not "3.1Verduidelijken".
  nummer: { color: tokens.colorBrandForeground1 },
  meta: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground2,
  },
  blocked: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteMarigoldForeground1 },
  presentation: { padding: tokens.spacingHorizontalM },
  presentationTitle: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

export type RoadmapCardProps = {
  row: ActieRow;
  highlighted: boolean;
  presentation?: boolean;
  onOpen: (id: string) => void;
  onFocusChange: (nummer: string | undefined) => void;
};

/** One action on the roadmap: status, owner, deadline and what it waits for. The whole card opens the detail. */
export const RoadmapCard = memo(function RoadmapCard({
  row,
  highlighted,
  presentation,
  onOpen,
  onFocusChange,
}: RoadmapCardProps) {
  const styles = useStyles();
  const t = useT();
  const { actie } = row;
  const enter = () => onFocusChange(actie.nummer);
  const leave = () => onFocusChange(undefined);
  return (
    <article
      className={mergeClasses(styles.card, presentation && styles.presentation, highlighted && styles.highlighted)}
      style={{ borderLeftColor: STATUS_STRIPE[actie.status] }}
      data-testid="roadmap-card"
      data-opens-actie=""
      data-nummer={actie.nummer}
      onMouseEnter={enter}
      onMouseLeave={leave}
      onFocus={enter}
      onBlur={leave}
    >
      <h3 className={mergeClasses(styles.title, presentation && styles.presentationTitle)}>
        <button type="button" className={styles.titleButton} onClick={() => onOpen(row.id)}>
          <span className={styles.nummer}>{actie.nummer}</span> {actie.titel}
        </button>
      </h3>
      <div className={styles.meta}>
        <StatusBadge status={actie.status} size="small" />
        <DeadlineText
          deadline={actie.deadline}
          overdue={row.overdue}
          doorlopend={deadlineKind(actie) === 'doorlopend'}
        />
      </div>
      <Caption1 className={styles.line}>
        <OwnerText owner={actie.eigenaar} perDomein={row.eigenaarPerDomein} />
      </Caption1>
      {row.dependsOn.length > 0 && (
        <Caption1
          className={mergeClasses(styles.line, row.blockedBy.length > 0 && styles.blocked)}
          data-testid="dependencies"
        >
          {row.blockedBy.length > 0 ? (
            <LockClosedRegular aria-hidden="true" />
          ) : (
            <LinkMultipleRegular aria-hidden="true" />
          )}
          {row.blockedBy.length > 0
            ? t('roadmap.waitsFor', { nummers: row.blockedBy.map((a) => a.nummer).join(', ') })
            : t('roadmap.buildsOn', { nummers: row.dependsOn.map((d) => d.nummer).join(', ') })}
        </Caption1>
      )}
      {row.item.problems.length > 0 && (
        <Caption1 className={mergeClasses(styles.line, styles.problem)}>
          <WarningRegular aria-hidden="true" />
          {t('plan.problems', { count: row.item.problems.length })}
        </Caption1>
      )}
    </article>
  );
});
