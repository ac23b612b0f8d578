import {
  Badge,
  Caption1,
  Card,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import type { Actie, Advies } from '../../../../domain/model.js';
import { isOverdue } from '../../../../domain/rules.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { StatusBadge } from './status-badge.js';

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalM, rowGap: tokens.spacingVerticalS },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  nummer: { width: '4rem' },
  status: { width: '13rem' },
  eigenaar: { width: '16rem' },
  deadline: { width: '9rem' },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteMarigoldForeground1, verticalAlign: 'middle', marginLeft: tokens.spacingHorizontalXS },
  tableWrap: { overflowX: 'auto' },
});

function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  // A calendar date, shown as such: built at UTC noon so no time zone can shift the day.
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
  );
}

/** One recommendation with the college's planning and a table of its actions. */
export function AdviesSection({ advies, acties, now }: { advies: Loaded<Advies>; acties: Loaded<Actie>[]; now: Date }) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const headingId = `advies-${advies.value.nummer}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId} role="region" data-testid="advies">
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId}>
          {t('plan.advies', { nummer: advies.value.nummer })} · {advies.value.titel}
        </Subtitle2>
        <Badge appearance="outline" color="informative">
          {t('plan.planning', { planning: advies.value.collegePlanning || t('plan.noPlanning') })}
        </Badge>
      </div>
      {advies.value.collegeReactie && <Caption1 className={styles.muted}>{advies.value.collegeReactie}</Caption1>}
      <div className={styles.tableWrap}>
        <Table size="small" aria-label={t('plan.actionsOf', { nummer: advies.value.nummer })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nummer}>{t('plan.col.nummer')}</TableHeaderCell>
              <TableHeaderCell>{t('plan.col.titel')}</TableHeaderCell>
              <TableHeaderCell className={styles.status}>{t('plan.col.status')}</TableHeaderCell>
              <TableHeaderCell className={styles.eigenaar}>{t('plan.col.eigenaar')}</TableHeaderCell>
              <TableHeaderCell className={styles.deadline}>{t('plan.col.deadline')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {acties.map(({ id, value: actie, problems }) => {
              const overdue = isOverdue(actie, now);
              return (
                <TableRow key={id} data-testid="actie" data-nummer={actie.nummer}>
                  <TableCell className={styles.nummer}>{actie.nummer}</TableCell>
                  <TableCell>
                    <Text>{actie.titel}</Text>
                    {problems.length > 0 && (
                      <Tooltip content={problems.map((p) => p.message).join(' ')} relationship="description">
                        <WarningRegular className={styles.problem} aria-label={t('plan.problems', { count: problems.length })} role="img" />
                      </Tooltip>
                    )}
                  </TableCell>
                  <TableCell className={styles.status}>
                    <StatusBadge status={actie.status} />
                  </TableCell>
                  <TableCell className={styles.eigenaar}>
                    {actie.eigenaar ? actie.eigenaar.displayName : <span className={styles.muted}>{t('plan.noOwner')}</span>}
                  </TableCell>
                  <TableCell className={styles.deadline}>
                    {actie.deadline ? (
                      <span className={overdue ? styles.overdue : undefined}>
                        {formatDate(actie.deadline, locale)}
                        {overdue && ` · ${t('plan.overdue')}`}
                      </span>
                    ) : (
                      <span className={styles.muted}>{t('plan.noDeadline')}</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}
