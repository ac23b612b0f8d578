import { Body1, Caption1, mergeClasses, Spinner, Subtitle2 } from '@fluentui/react-components';
import type { CalendarDate } from '../../../../domain/model.js';
import type { TrendPoint } from '../../../../domain/report.js';
import { ErrorBoundary } from '../../../components/error-boundary.js';
import { lazyComponent } from '../../../lib/preloadable.js';
import { ChartLoading } from './chart-loading.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { STATUS_LABEL } from '../../../lib/labels.js';
import { useThemeName } from '../../../lib/theme-name.js';
import { voortgangCatalogue } from '../i18n.js';
import { monthLabel } from '../lib/months.js';
import { useDashboardStyles } from './table-styles.js';
import { TableRegion } from './table-region.js';

/** The chart's code (with the charting library) loads when the chart is shown, and shows as soon as it is in. */
const TrendChart = lazyComponent(() => import('./trend-chart.js').then((m) => m.TrendChart), <ChartLoading />);

/** The trend per month from the version history: where it starts, a chart, and a table with the same numbers. */
export function TrendSection({
  points,
  peildatum,
}: {
  points: readonly TrendPoint[] | undefined;
  peildatum: CalendarDate;
}) {
  const styles = useDashboardStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const locale = useLocale();
  const dark = useThemeName() !== 'light';
  const first = points?.[0];
  const last = points?.at(-1);
  return (
    <section className={styles.section} aria-labelledby="trend-title" data-testid="trend">
      <Subtitle2 as="h3" id="trend-title" block>
        {ft('trend.title')}
      </Subtitle2>
      {!points ? (
        <Spinner size="small" label={ft('data.loading')} labelPosition="after" />
      ) : !first || !last ? (
        <Body1 as="p" data-testid="trend-empty">
          {ft('trend.empty', { datum: formatCalendarDate(peildatum, locale, 'long') })}
        </Body1>
      ) : (
        <>
          <Body1 as="p" className={styles.muted} data-testid="trend-start" data-maand={first.maand}>
            {ft('trend.start', { maand: monthLabel(first.maand, locale, 'long') })}
          </Body1>
          <figure className={styles.figure} aria-labelledby="trend-chart-caption">
            <Caption1 as="p" id="trend-chart-caption" block className={styles.muted}>
              {ft('trend.chartCaption')}
            </Caption1>
            <ErrorBoundary
              message={t('progress.chartError')}
              retryLabel={t('app.retry')}
              reload={{ message: t('app.viewErrorAgain'), label: t('app.reloadPage') }}
            >
              <TrendChart points={points} dark={dark} title={ft('trend.title')} />
            </ErrorBoundary>
          </figure>
          <TableRegion>
            {(captionId) => (
              <>
                <table className={styles.table} data-testid="trend-table">
                  <caption id={captionId} className={styles.caption}>
                    {ft('trend.caption', {
                      van: monthLabel(first.maand, locale, 'long'),
                      tot: monthLabel(last.maand, locale, 'long'),
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.th}>
                        {ft('trend.col.maand')}
                      </th>
                      <th scope="col" className={styles.th}>
                        {ft('trend.col.peildatum')}
                      </th>
                      {(
                        [
                          STATUS_LABEL.Afgerond,
                          'progress.lopend',
                          STATUS_LABEL.Geblokkeerd,
                          STATUS_LABEL['Niet gestart'],
                          STATUS_LABEL['Niet overgenomen'],
                          'progress.col.overdue',
                        ] as const
                      ).map((label) => (
                        <th key={label} scope="col" className={mergeClasses(styles.th, styles.num)}>
                          {t(label)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p) => (
                      <tr key={p.maand} data-maand={p.maand}>
                        <th scope="row" className={mergeClasses(styles.td, styles.rowHead, styles.nowrap)}>
                          {monthLabel(p.maand, locale, 'long')}
                        </th>
                        <td className={mergeClasses(styles.td, styles.nowrap)}>
                          {formatCalendarDate(p.peildatum, locale)}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="afgerond">
                          {p.counts.afgerond}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="lopend">
                          {p.counts.lopend}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="geblokkeerd">
                          {p.counts.geblokkeerd}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="nietGestart">
                          {p.counts.nietGestart}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="nietOvergenomen">
                          {p.counts.nietOvergenomen}
                        </td>
                        <td className={mergeClasses(styles.td, styles.num)} data-col="achterstallig">
                          {p.counts.achterstallig}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </TableRegion>
        </>
      )}
    </section>
  );
}
