import {
  DataVizPalette,
  getColorFromToken,
  VerticalStackedBarChart,
  type VerticalStackedChartProps,
} from '@fluentui/react-charts';
import type { TrendPoint } from '../../../../domain/report.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { STATUS_LABEL } from '../../../lib/labels.js';
import { monthLabel } from '../lib/months.js';
import { useLegendStyles } from './chart-styles.js';

/**
 * The trend as stacked columns per month (done, running, blocked, not started, not taken up). Loaded lazily with the
 * charting library; the table beside it carries the same numbers. Colours are the library's data-visualisation tokens,
 * in the same order and meaning as the progress chart.
 */
export function TrendChart({ points, dark, title }: { points: readonly TrendPoint[]; dark: boolean; title: string }) {
  const t = useT();
  const locale = useLocale();
  const legendStyles = useLegendStyles();
  const color = (token: string) => getColorFromToken(token, dark);
  const data: VerticalStackedChartProps[] = points.map((p) => ({
    xAxisPoint: monthLabel(p.maand, locale),
    chartData: [
      { legend: t(STATUS_LABEL.Afgerond), data: p.counts.afgerond, color: color(DataVizPalette.success) },
      { legend: t('progress.lopend'), data: p.counts.lopend, color: color(DataVizPalette.info) },
      { legend: t(STATUS_LABEL.Geblokkeerd), data: p.counts.geblokkeerd, color: color(DataVizPalette.error) },
      { legend: t(STATUS_LABEL['Niet gestart']), data: p.counts.nietGestart, color: color(DataVizPalette.disabled) },
      {
        legend: t(STATUS_LABEL['Niet overgenomen']),
        data: p.counts.nietOvergenomen,
        color: color(DataVizPalette.warning),
      },
    ],
  }));
  return (
    <VerticalStackedBarChart
      data={data}
      chartTitle={title}
      height={260}
      barWidth="auto"
      maxBarWidth={48}
      hideLabels
      culture={t('progress.culture')}
      legendProps={{
        enabledWrapLines: true,
        overflowText: t('progress.legendMore'),
        styles: { legend: legendStyles.legend },
      }}
    />
  );
}
