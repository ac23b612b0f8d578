import { Body1, Button, Caption1, makeStyles, mergeClasses, Spinner, Subtitle2, Tab, TabList, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Domein } from '../../../../domain/model.js';
import { progressBy, progressTotals, type ProgressKey } from '../../../../domain/rules.js';
import { isOpen } from '../../../../domain/status.js';
import { ErrorBoundary } from '../../../components/error-boundary.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { DOMEIN_LABEL, PLATEAU_LABEL, STATUS_LABEL, THEMA_LABEL } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import { useThemeName } from '../../../lib/theme-name.js';

const ProgressChart = lazy(() => import('./progress-chart.js').then((m) => ({ default: m.ProgressChart })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: 'none' },
  kpi: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    height: '100%',
    boxSizing: 'border-box',
  },
  kpiValue: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  columns: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  figure: { margin: 0, minWidth: 0, maxWidth: '60rem' },
  tableWrap: { overflowX: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  rowHead: { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
});

const KEYS: { key: ProgressKey; label: MessageKey }[] = [
  { key: 'advies', label: 'progress.by.advies' },
  { key: 'plateau', label: 'progress.by.plateau' },
  { key: 'thema', label: 'progress.by.thema' },
  { key: 'domein', label: 'progress.by.domein' },
];

/** Progress of the plan per recommendation, plateau, theme or domain, with the overdue and blocked counts. */
export function VoortgangView({ scope, onShowList }: { scope?: Domein | undefined; onShowList: (params: URLSearchParams) => void }) {
  const dark = useThemeName() !== 'light';
  const styles = useStyles();
  const t = useT();
  const { plan, now } = usePlanContext();
  const rows = usePlanRows(scope);
  const [key, setKey] = useState<ProgressKey>('advies');
  const acties = useMemo(() => rows.map((r) => r.actie), [rows]);
  const adviezen = useMemo(() => plan?.adviezen.map((a) => a.value) ?? [], [plan]);
  const totals = useMemo(() => progressTotals(acties, now), [acties, now]);
  const groups = useMemo(() => progressBy(acties, key, now, adviezen).filter((g) => g.total > 0 || key !== 'domein' || !scope), [acties, key, now, adviezen, scope]);
  const waiting = rows.filter((r) => isOpen(r.actie.status) && r.blockedBy.length > 0).length;

  const labelOf = (k: string): string => {
    switch (key) {
      case 'advies': {
        const a = adviezen.find((x) => String(x.nummer) === k);
        return a ? `${k}. ${a.titel}` : t('plan.advies', { nummer: k });
      }
      case 'plateau':
        return k in PLATEAU_LABEL ? t(PLATEAU_LABEL[k as keyof typeof PLATEAU_LABEL]) : k;
      case 'thema':
        return k in THEMA_LABEL ? `${k}. ${t(THEMA_LABEL[k as keyof typeof THEMA_LABEL])}` : t('common.unknown');
      case 'domein':
        return k in DOMEIN_LABEL ? t(DOMEIN_LABEL[k as keyof typeof DOMEIN_LABEL]) : k;
    }
  };

  const kpis: { label: MessageKey; value: number; params?: Record<string, string>; testId: string }[] = [
    { label: 'progress.kpi.total', value: totals.total, testId: 'kpi-total' },
    { label: 'progress.kpi.done', value: totals.afgerond, params: { status: 'Afgerond' }, testId: 'kpi-done' },
    { label: 'progress.kpi.running', value: totals.lopend, params: { status: 'Loopt,Belegd in lopend traject' }, testId: 'kpi-running' },
    { label: 'progress.kpi.blocked', value: totals.geblokkeerd, params: { status: 'Geblokkeerd' }, testId: 'kpi-blocked' },
    { label: 'progress.kpi.overdue', value: totals.achterstallig, params: { due: 'achterstallig' }, testId: 'kpi-overdue' },
    { label: 'progress.kpi.waiting', value: waiting, testId: 'kpi-waiting' },
  ];

  return (
    <section className={styles.root} aria-labelledby="progress-title">
      <div>
        <Subtitle2 as="h2" id="progress-title" block>
          {t('progress.title')}
        </Subtitle2>
        <Body1 as="p" className={styles.muted}>
          {t('progress.intro', { percent: totals.percentAfgerond })}
        </Body1>
      </div>
      <ul className={styles.kpis} aria-label={t('progress.kpis')}>
        {kpis.map((k) => (
          <li key={k.label}>
            <div className={styles.kpi}>
              <span className={styles.kpiValue} data-testid={k.testId}>
                {k.value}
              </span>
              <Caption1>{t(k.label)}</Caption1>
              {k.params && k.value > 0 && (
                <Button size="small" appearance="transparent" onClick={() => onShowList(new URLSearchParams(k.params))} aria-label={t('progress.showInList', { what: t(k.label) })} data-testid={`${k.testId}-show`}>
                  {t('progress.show')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <TabList selectedValue={key} onTabSelect={(_, d) => setKey(d.value as ProgressKey)} aria-label={t('progress.groupBy')}>
        {KEYS.map((k) => (
          <Tab key={k.key} value={k.key}>
            {t(k.label)}
          </Tab>
        ))}
      </TabList>
      <div className={styles.columns}>
        <figure className={styles.figure} aria-labelledby="progress-chart-caption">
          <Caption1 as="p" id="progress-chart-caption" block className={styles.muted}>
            {t('progress.chartCaption')}
          </Caption1>
          <ErrorBoundary message={t('progress.chartError')} retryLabel={t('app.retry')}>
            <Suspense fallback={<Spinner size="small" label={t('progress.chartLoading')} />}>
              <ProgressChart rows={groups} labelOf={labelOf} dark={dark} />
            </Suspense>
          </ErrorBoundary>
        </figure>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="progress-table">
            <caption className={styles.caption}>{t('progress.tableCaption', { by: t(KEYS.find((k) => k.key === key)?.label ?? 'progress.by.advies') })}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {t(KEYS.find((k) => k.key === key)?.label ?? 'progress.by.advies')}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t('progress.col.total')}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t(STATUS_LABEL.Afgerond)}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t('progress.lopend')}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t(STATUS_LABEL.Geblokkeerd)}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t(STATUS_LABEL['Niet gestart'])}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t(STATUS_LABEL['Niet overgenomen'])}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t('progress.col.overdue')}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.num)}>
                  {t('progress.col.percent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key} data-key={g.key}>
                  <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                    {labelOf(g.key)}
                  </th>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.total}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.afgerond}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.lopend}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.geblokkeerd}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.nietGestart}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.nietOvergenomen}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.achterstallig}</td>
                  <td className={mergeClasses(styles.td, styles.num)}>{g.percentAfgerond}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
