import { Spinner } from '@fluentui/react-components';
import { useT } from '../../../i18n/i18n.js';

/** A chart's place while its code (the charting library) loads. */
export function ChartLoading() {
  const t = useT();
  return <Spinner size="small" label={t('progress.chartLoading')} />;
}
