import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import { formatCalendarDate } from '../i18n/format.js';
import { useLocale, useT } from '../i18n/i18n.js';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A deadline; an overdue one says so in words and in colour. */
export function DeadlineText({ deadline, overdue, className }: { deadline?: string | undefined; overdue: boolean; className?: string }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  if (!deadline) return <span className={mergeClasses(styles.root, styles.muted, className)}>{t('plan.noDeadline')}</span>;
  const date = formatCalendarDate(deadline, locale);
  if (!overdue) return <span className={mergeClasses(styles.root, className)}>{date}</span>;
  return (
    <span className={mergeClasses(styles.root, styles.overdue, className)} data-overdue="true">
      <WarningFilled aria-hidden="true" />
      {t('plan.overdueOn', { date })}
    </span>
  );
}
