import {
  DataVizPalette,
  getColorFromToken,
  HorizontalBarChart,
  type ChartProps,
  type Legend,
} from '@fluentui/react-charts';
import type { ProgressRow } from '../../../../domain/rules.js';
import { useT } from '../../../i18n/i18n.js';
import { STATUS_LABEL } from '../../../lib/labels.js';
import { useLegendStyles } from './chart-styles.js';

/**
 * Progress per group as stacked bars (done, running, blocked, not started, not taken up). Loaded lazily: the
 * charting library is large and only this view needs it. The table beside it carries the same numbers.
 * Colours are the chart library's semantic data-visualisation tokens, resolved for light or dark.
 */
export function ProgressChart({
  rows,
  labelOf,
  dark,
}: {
  rows: ProgressRow[];
  labelOf: (key: string) => string;
  dark: boolean;
}) {
  const t = useT();
  const legendStyles = useLegendStyles();
  const color = (token: string) => getColorFromToken(token, dark);
  const series = [
    { legend: t(STATUS_LABEL.Afgerond), value: (r: ProgressRow) => r.afgerond, color: color(DataVizPalette.success) },
    { legend: t('progress.lopend'), value: (r: ProgressRow) => r.lopend, color: color(DataVizPalette.info) },
    {
      legend: t(STATUS_LABEL.Geblokkeerd),
      value: (r: ProgressRow) => r.geblokkeerd,
      color: color(DataVizPalette.error),
    },
    {
      legend: t(STATUS_LABEL['Niet gestart']),
      value: (r: ProgressRow) => r.nietGestart,
      color: color(DataVizPalette.disabled),
    },
    {
      legend: t(STATUS_LABEL['Niet overgenomen']),
      value: (r: ProgressRow) => r.nietOvergenomen,
      color: color(DataVizPalette.warning),
    },
  ];
  // A bar holds only the statuses it has actions in: the library puts a gap before every segment it is given, also an
  // empty one, and an empty segment was a stop for the Tab key without a box. (The room for the gaps is the build's
  // correction of the library, scripts/vite-chart-scaling.ts.)
  const data: ChartProps[] = rows.map((r) => {
    const present = series.filter((s) => s.value(r) > 0);
    return {
      chartTitle: `${labelOf(r.key)} · ${t('progress.percentDone', { percent: r.percentAfgerond })}`,
      chartData: (present.length > 0 ? present : series.slice(0, 1)).map((s) => ({
        legend: s.legend,
        horizontalBarChartdata: { x: s.value(r), total: r.total },
        color: s.color,
      })),
    };
  });
  // One legend entry per status: the library would list every bar's segments (5 × the number of groups).
  const legends: Legend[] = series.map((s) => ({ title: s.legend, color: s.color }));
  return (
    <HorizontalBarChart
      data={data}
      hideRatio={data.map(() => true)}
      // A bar of one status is still one of five: the legend, and the total on the right, as for the others (else the
      // library hides the legend when the last bar has one status, and adds an empty segment to it).
      showLegendForSinglePointBar
      barHeight={14}
      culture={t('progress.culture')}
      // All statuses stay visible on a narrow screen (the side panel): wrapped, not behind the library's "+3 more".
      legendProps={{
        legends,
        allowFocusOnLegends: false,
        enabledWrapLines: true,
        overflowText: t('progress.legendMore'),
        styles: { legend: legendStyles.legend },
      }}
    />
  );
}
