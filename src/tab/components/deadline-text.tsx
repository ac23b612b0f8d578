import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import { formatCalendarDate, type Locale } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    maxWidth: '100%',
  },
  // A long deadline ("Doorlopend vanaf …, nog niet gestart") wraps in a narrow card or column, never pushes it wider.
  text: { minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  icon: { flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * A deadline; an overdue one says so in words and in colour. A standing commitment (`doorlopend`, a planning that ends
 * in "en verder") is no one-off term: it reads "Doorlopend vanaf <date>", and is late only while the work has not
 * started after that date, which it then says in those words, never as a plain overdue deadline.
 */
export function DeadlineText({
  deadline,
  overdue,
  doorlopend = false,
  className,
}: {
  deadline?: string | undefined;
  overdue: boolean;
  doorlopend?: boolean;
  className?: string;
}) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const words = deadlineWords({ deadline, overdue, doorlopend }, t, locale);
  if (!deadline)
    return (
      <span className={mergeClasses(styles.root, styles.muted, className)}>
        <span className={styles.text}>{words}</span>
      </span>
    );
  if (!overdue) {
    return (
      <span className={mergeClasses(styles.root, className)} data-doorlopend={doorlopend ? 'true' : undefined}>
        <span className={styles.text}>{words}</span>
      </span>
    );
  }
  return (
    <span
      className={mergeClasses(styles.root, styles.overdue, className)}
      data-overdue="true"
      data-doorlopend={doorlopend ? 'true' : undefined}
    >
      <WarningFilled aria-hidden="true" className={styles.icon} />
      <span className={styles.text}>{words}</span>
    </span>
  );
}

/**
 * The words of a deadline as DeadlineText shows them, for a tooltip or to measure a column: "Geen deadline", the
 * date, "Achterstallig, <date>", "Doorlopend vanaf <date>" or "Doorlopend vanaf <date>, nog niet gestart".
 */
export function deadlineWords(
  { deadline, overdue, doorlopend = false }: { deadline?: string | undefined; overdue: boolean; doorlopend?: boolean },
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  locale: Locale,
): string {
  if (!deadline) return t('plan.noDeadline');
  const date = formatCalendarDate(deadline, locale);
  if (!overdue) return doorlopend ? t('plan.doorlopendVanaf', { date }) : date;
  return doorlopend ? t('plan.doorlopendNietGestart', { date }) : t('plan.overdueOn', { date });
}
