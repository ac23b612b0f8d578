import { DataVizPalette, getColorFromToken, HorizontalBarChart, type ChartProps } from '@fluentui/react-charts';
import type { ProgressRow } from '../../../../domain/rules.js';
import { useT } from '../../../i18n/i18n.js';
import { STATUS_LABEL } from '../../../lib/labels.js';

/**
 * Progress per group as stacked bars (done, running, blocked, not started, not taken up). Loaded lazily: the
 * charting library is large and only this view needs it. The table beside it carries the same numbers.
 * Colours are the chart library's semantic data-visualisation tokens, resolved for light or dark.
 */
export function ProgressChart({ rows, labelOf, dark }: { rows: ProgressRow[]; labelOf: (key: string) => string; dark: boolean }) {
  const t = useT();
  const color = (token: string) => getColorFromToken(token, dark);
  const data: ChartProps[] = rows.map((r) => ({
    chartTitle: `${labelOf(r.key)} · ${t('progress.percentDone', { percent: r.percentAfgerond })}`,
    chartData: [
      { legend: t(STATUS_LABEL.Afgerond), horizontalBarChartdata: { x: r.afgerond, total: r.total }, color: color(DataVizPalette.success) },
      { legend: t('progress.lopend'), horizontalBarChartdata: { x: r.lopend, total: r.total }, color: color(DataVizPalette.info) },
      { legend: t(STATUS_LABEL.Geblokkeerd), horizontalBarChartdata: { x: r.geblokkeerd, total: r.total }, color: color(DataVizPalette.error) },
      { legend: t(STATUS_LABEL['Niet gestart']), horizontalBarChartdata: { x: r.nietGestart, total: r.total }, color: color(DataVizPalette.disabled) },
      { legend: t(STATUS_LABEL['Niet overgenomen']), horizontalBarChartdata: { x: r.nietOvergenomen, total: r.total }, color: color(DataVizPalette.warning) },
    ],
  }));
  return <HorizontalBarChart data={data} hideRatio={data.map(() => true)} barHeight={14} culture={t('progress.culture')} />;
}
