import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import { formatCalendarDate } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
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
  if (!deadline) return <span className={mergeClasses(styles.root, styles.muted, className)}>{t('plan.noDeadline')}</span>;
  const date = formatCalendarDate(deadline, locale);
  if (!overdue) {
    return (
      <span className={mergeClasses(styles.root, className)} data-doorlopend={doorlopend ? 'true' : undefined}>
        {doorlopend ? t('plan.doorlopendVanaf', { date }) : date}
      </span>
    );
  }
  return (
    <span className={mergeClasses(styles.root, styles.overdue, className)} data-overdue="true" data-doorlopend={doorlopend ? 'true' : undefined}>
      <WarningFilled aria-hidden="true" />
      {doorlopend ? t('plan.doorlopendNietGestart', { date }) : t('plan.overdueOn', { date })}
    </span>
  );
}
