import { Caption1, mergeClasses, Subtitle2, Tab, TabList } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Domein } from '../../../../domain/model.js';
import type { Voortgangsrapportage } from '../../../../domain/report.js';
import type { ProgressKey, ProgressRow } from '../../../../domain/rules.js';
import { ErrorBoundary } from '../../../components/error-boundary.js';
import { lazyComponent } from '../../../lib/preloadable.js';
import { ChartLoading } from './chart-loading.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { domeinLabel, plateauLabel, STATUS_LABEL, themaLabel } from '../../../lib/labels.js';
import { useThemeName } from '../../../lib/theme-name.js';
import { voortgangCatalogue } from '../i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useDashboardStyles } from './table-styles.js';
import { TableRegion } from './table-region.js';

/** The chart's code (with the charting library) loads when the chart is shown, and shows as soon as it is in. */
const ProgressChart = lazyComponent(() => import('./progress-chart.js').then((m) => m.ProgressChart), <ChartLoading />);

const KEYS: { key: ProgressKey; label: MessageKey }[] = [
  { key: 'advies', label: 'progress.by.advies' },
  { key: 'plateau', label: 'progress.by.plateau' },
  { key: 'thema', label: 'progress.by.thema' },
  { key: 'domein', label: 'progress.by.domein' },
];

/** The report's counts per advies, plateau, theme or domain: a chart and a table with the same numbers. */
export function GroupProgress({ model, scope }: { model: Voortgangsrapportage; scope?: Domein | undefined }) {
  const styles = useDashboardStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const dark = useThemeName() !== 'light';
  const [key, setKey] = useState<ProgressKey>('advies');

  const groups = useMemo((): ProgressRow[] => {
    switch (key) {
      case 'advies':
        return model.perAdvies.map((a) => ({ key: String(a.nummer), ...a.counts }));
      case 'plateau':
        return model.perPlateau;
      case 'thema':
        return model.perThema;
      case 'domein':
        return model.perDomein.filter((g) => g.total > 0 || !scope);
    }
  }, [model, key, scope]);

  const labelOf = (k: string): string => {
    switch (key) {
      case 'advies': {
        const a = model.perAdvies.find((x) => String(x.nummer) === k);
        return a ? `${k}. ${a.titel}` : t('plan.advies', { nummer: k });
      }
      case 'plateau':
        return plateauLabel(t, k);
      case 'thema':
        return model.inrichting.themas.some((x) => x.code === k)
          ? `${k}. ${themaLabel(t, k, model.inrichting)}`
          : t('common.unknown');
      case 'domein':
        return domeinLabel(t, k);
    }
  };
  const byLabel = t(KEYS.find((k) => k.key === key)?.label ?? 'progress.by.advies');

  return (
    <section className={styles.section} aria-labelledby="progress-groups-title">
      <Subtitle2 as="h3" id="progress-groups-title" block>
        {ft('section.groups')}
      </Subtitle2>
      <TabList
        className={styles.tabs}
        selectedValue={key}
        onTabSelect={(_, d) => setKey(d.value as ProgressKey)}
        aria-label={t('progress.groupBy')}
      >
        {KEYS.map((k) => (
          <Tab key={k.key} value={k.key}>
            {t(k.label)}
          </Tab>
        ))}
      </TabList>
      <figure className={styles.figure} aria-labelledby="progress-chart-caption">
        <Caption1 as="p" id="progress-chart-caption" block className={styles.muted}>
          {t('progress.chartCaption')}
        </Caption1>
        <ErrorBoundary
          message={t('progress.chartError')}
          retryLabel={t('app.retry')}
          reload={{ message: t('app.viewErrorAgain'), label: t('app.reloadPage') }}
        >
          <ProgressChart rows={groups} labelOf={labelOf} dark={dark} />
        </ErrorBoundary>
      </figure>
      <TableRegion>
        {(captionId) => (
          <>
            <table className={styles.table} data-testid="progress-table" data-peildatum={model.peildatum}>
              <caption id={captionId} className={styles.caption}>
                {t('progress.tableCaption', { by: byLabel.toLocaleLowerCase() })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    {byLabel}
                  </th>
                  {(
                    [
                      'progress.col.total',
                      STATUS_LABEL.Afgerond,
                      'progress.lopend',
                      STATUS_LABEL.Geblokkeerd,
                      STATUS_LABEL['Niet gestart'],
                      STATUS_LABEL['Niet overgenomen'],
                      'progress.col.overdue',
                      'progress.col.percent',
                    ] as const
                  ).map((label) => (
                    <th key={label} scope="col" className={mergeClasses(styles.th, styles.num)}>
                      {t(label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key} data-key={g.key}>
                    <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                      {labelOf(g.key)}
                    </th>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="total">
                      {g.total}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="afgerond">
                      {g.afgerond}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="lopend">
                      {g.lopend}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="geblokkeerd">
                      {g.geblokkeerd}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="nietGestart">
                      {g.nietGestart}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="nietOvergenomen">
                      {g.nietOvergenomen}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="achterstallig">
                      {g.achterstallig}
                    </td>
                    <td className={mergeClasses(styles.td, styles.num)} data-col="percentAfgerond">
                      {g.percentAfgerond}%
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </TableRegion>
    </section>
  );
}
