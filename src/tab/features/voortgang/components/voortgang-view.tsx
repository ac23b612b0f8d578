import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { borging } from '../../../../domain/borging.js';
import { amsterdamDate, compareCalendarDates, isValidCalendarDate } from '../../../../domain/dates.js';
import type { CalendarDate, Domein } from '../../../../domain/model.js';
import {
  actiesOpDatum,
  endOfDay,
  PLANNING_OORDELEN,
  trendPerMaand,
  voortgangOp,
  type ActieOpDatum,
  type VoortgangInput,
  type Voortgangsrapportage,
} from '../../../../domain/report.js';
import { borgingInputOf, voortgangInputOf } from '../../../../data/report-data.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { describeError } from '../../../lib/errors.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import { planCounts } from '../../../../domain/counts.js';
import { useReportData } from '../hooks/use-report-data.js';
import { useReportDownload, type ReportFormat } from '../hooks/use-report-download.js';
import { voortgangCatalogue } from '../i18n.js';
import { firstVersionDate, historiesOfDomein } from '../lib/history.js';
import { BorgingSection } from './borging-section.js';
import { GroupProgress } from './group-progress.js';
import { PlanningTable } from './planning-table.js';
import { PlateauGate } from './plateau-gate.js';
import { TrendSection } from './trend-section.js';
import { DateInput } from '../../../components/date-picker.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL, maxWidth: '80rem' },
  head: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, '& p': { marginBlock: 0 } },
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  dateField: { maxWidth: '28rem' },
  dateRow: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  downloads: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  kpis: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
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
  kpiValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export type VoortgangViewProps = {
  scope?: Domein | undefined;
  /** The view's URL parameters: `datum=YYYY-MM-DD` is the report date (absent: today). */
  params?: URLSearchParams | undefined;
  onParamsChange?: ((params: URLSearchParams) => void) | undefined;
  onShowList: (params: URLSearchParams) => void;
  /** Opens an action's detail (the stilstaande actions link to it). */
  onOpen?: ((id: string) => void) | undefined;
};

/** The report date from the URL: a valid date before today, else today (a future date shows today's state). */
function peildatumOf(params: URLSearchParams | undefined, today: CalendarDate): CalendarDate {
  const requested = params?.get('datum') ?? '';
  return isValidCalendarDate(requested) && compareCalendarDates(requested, today) < 0 ? requested : today;
}

/**
 * The progress dashboard (issue 8) for a report date: the key figures, progress per advies / plateau / theme /
 * domain, the judgement against the college's planning, the plateau gate, the trend per month from the version
 * history, the borging of advies 11.5 per MT, and the report as PDF or Word. Every number comes from `voortgangOp`,
 * `trendPerMaand` and `borging`, the functions the documents use, so screen and document agree for the same date.
 * Today is the live plan (with this person's unsaved edits); an earlier date is the plan as its history shows it.
 */
export function VoortgangView({ scope, params, onParamsChange, onShowList, onOpen }: VoortgangViewProps) {
  const styles = useStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const locale = useLocale();
  const { plan, now } = usePlanContext();
  const rows = usePlanRows(scope);
  const report = useReportData();
  const downloads = useReportDownload();

  const today = amsterdamDate(now);
  const peildatum = peildatumOf(params, today);
  const isToday = peildatum === today;
  const data = report.data;

  const live = useMemo((): ActieOpDatum[] => plan?.acties.map((a) => ({ id: a.id, value: a.value })) ?? [], [plan]);
  // A channel tab follows the actions that belong to its domain now, on every date and in the trend.
  const inScope = useMemo(
    () => new Set(live.filter((a) => !scope || a.value.domeinen.includes(scope)).map((a) => a.id)),
    [live, scope],
  );

  // Past dates need the history; today is there at once. `existing` counts the plan's actions on the date, any domain.
  const chosen = useMemo((): { input: VoortgangInput; base: VoortgangInput; existing: number } | undefined => {
    if (!plan) return undefined;
    let base: VoortgangInput;
    if (data) base = voortgangInputOf({ ...data, plan }, { peildatum, gemeente: report.gemeente, now });
    else if (isToday)
      base = {
        gemeente: report.gemeente,
        peildatum,
        adviezen: plan.adviezen.map((a) => a.value),
        bevindingen: plan.bevindingen.map((b) => b.value),
        acties: actiesOpDatum({ live, histories: [], peildatum, now }),
      };
    else return undefined;
    return {
      input: scope ? { ...base, acties: base.acties.filter((a) => inScope.has(a.id)) } : base,
      base,
      existing: base.acties.length,
    };
  }, [plan, data, peildatum, report.gemeente, now, isToday, live, scope, inScope]);
  const input = chosen?.input;

  // A channel tab shows its domain: adviezen without actions in it are left out (their judgement would say nothing).
  const model = useMemo(
    () => (input ? withoutEmptyAdviezen(voortgangOp(input), scope !== undefined) : undefined),
    [input, scope],
  );
  const noHistory = !isToday && chosen !== undefined && chosen.existing === 0;
  const firstVersion = useMemo(() => (data ? firstVersionDate(data.histories) : undefined), [data]);

  const trend = useMemo(() => {
    if (!data) return undefined;
    const liveDomeinen = new Map(live.map((a) => [a.id, a.value.domeinen] as const));
    const points = trendPerMaand(historiesOfDomein(data.histories, liveDomeinen, scope), peildatum);
    // Today's point is the live plan's, like the key figures above it (the history was read when the view opened).
    const last = points.at(-1);
    return isToday && last && model ? [...points.slice(0, -1), { ...last, counts: model.totals }] : points;
  }, [data, live, scope, peildatum, isToday, model]);

  const borgingRows = useMemo(() => {
    if (!data || !plan || !input) return undefined;
    // Every MT is shown, so "changed since the last meeting" needs all actions, not only this tab's domain.
    return borging({ ...borgingInputOf({ ...data, plan }, endOfDay(peildatum)), acties: chosen?.base.acties ?? [] });
  }, [data, plan, input, chosen, peildatum]);

  // The report for the college and the council is always about the whole plan, also from a channel tab, with the
  // status changes of the last three months and the borging of 11.5 per MT.
  const reportModel = useMemo(
    () =>
      chosen && data && borgingRows
        ? voortgangOp({ ...chosen.base, histories: data.histories, borging: borgingRows })
        : undefined,
    [chosen, data, borgingRows],
  );

  const setPeildatum = (value: string) => {
    if (!onParamsChange) return;
    const next = new URLSearchParams(params);
    if (isValidCalendarDate(value) && compareCalendarDates(value, today) < 0) next.set('datum', value);
    else next.delete('datum');
    onParamsChange(next);
  };

  const waiting = useMemo(
    () =>
      planCounts(
        rows.map((r) => r.actie),
        now,
        live.map((a) => a.value),
      ).wachtOp,
    [rows, now, live],
  );
  const totals = model?.totals;
  const kpis: { label: MessageKey; value: number; params?: Record<string, string>; testId: string }[] = totals
    ? [
        { label: 'progress.kpi.total', value: totals.total, testId: 'kpi-total' },
        { label: 'progress.kpi.done', value: totals.afgerond, params: { status: 'Afgerond' }, testId: 'kpi-done' },
        {
          label: 'progress.kpi.running',
          value: totals.lopend,
          params: { status: 'Loopt,Belegd in lopend traject' },
          testId: 'kpi-running',
        },
        {
          label: 'progress.kpi.blocked',
          value: totals.geblokkeerd,
          params: { status: 'Geblokkeerd' },
          testId: 'kpi-blocked',
        },
        {
          label: 'progress.kpi.overdue',
          value: totals.achterstallig,
          params: { due: 'achterstallig' },
          testId: 'kpi-overdue',
        },
        // Which actions wait for another is known for the live plan only.
        ...(isToday
          ? [{ label: 'progress.kpi.waiting' as const, value: waiting, params: { wacht: '1' }, testId: 'kpi-waiting' }]
          : []),
      ]
    : [];

  const datumText = formatCalendarDate(peildatum, locale, 'long');
  const dataError = report.error !== undefined ? describeError(report.error) : undefined;
  const canDownload = reportModel !== undefined && data !== undefined && !noHistory && downloads.busy === undefined;
  const downloadError = downloads.error !== undefined ? describeError(downloads.error) : undefined;

  return (
    <section
      className={styles.root}
      aria-labelledby="progress-title"
      data-testid="voortgang"
      data-peildatum={peildatum}
    >
      <div className={styles.head}>
        <div className={styles.titleRow}>
          <Subtitle2 as="h2" id="progress-title" block>
            {t('progress.title')}
          </Subtitle2>
          <div className={styles.downloads} role="group" aria-label={ft('download.title')}>
            {!data && report.loading && <Caption1 className={styles.muted}>{ft('download.waiting')}</Caption1>}
            {(['pdf', 'docx'] as const).map((format: ReportFormat) => (
              <Button
                key={format}
                appearance={format === 'pdf' ? 'primary' : 'secondary'}
                icon={downloads.busy === format ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
                disabled={!canDownload}
                onClick={() => reportModel && void downloads.start(format, reportModel)}
                data-testid={`download-${format}`}
              >
                {downloads.busy === format
                  ? ft('download.busy')
                  : ft(format === 'pdf' ? 'download.pdf' : 'download.docx')}
              </Button>
            ))}
          </div>
        </div>
        <Field label={ft('peildatum.label')} hint={ft('peildatum.hint')} className={styles.dateField}>
          {(fieldProps) => (
            <div className={styles.dateRow}>
              <DateInput
                id={fieldProps.id}
                value={peildatum}
                max={today}
                onChange={(value) => {
                  if (value) setPeildatum(value);
                }}
                data-testid="peildatum"
                disabled={!onParamsChange}
              />
              {!isToday && (
                <Button appearance="secondary" onClick={() => setPeildatum(today)}>
                  {ft('peildatum.today')}
                </Button>
              )}
            </div>
          )}
        </Field>
        {scope && <Caption1 className={styles.muted}>{ft('download.wholePlan')}</Caption1>}
        {downloadError && (
          <MessageBar intent="error" data-testid="download-error">
            <MessageBarBody>
              {ft('download.error', {
                detail: downloadError.key === 'plan.loadError' ? (downloadError.detail ?? '') : t(downloadError.key),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {dataError && (
          <MessageBar intent="error" layout="multiline" data-testid="data-error">
            <MessageBarBody>
              <MessageBarTitle>{ft('data.errorTitle')}</MessageBarTitle>
              {dataError.key === 'plan.loadError'
                ? ft('data.error', { detail: dataError.detail ?? '' })
                : t(dataError.key, { detail: dataError.detail ?? '' })}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={report.reload}>{t('app.retry')}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {noHistory ? (
          <MessageBar intent="warning" data-testid="no-history">
            <MessageBarBody>
              {firstVersion
                ? ft('peildatum.noHistory', {
                    datum: datumText,
                    eerste: formatCalendarDate(firstVersion, locale, 'long'),
                  })
                : ft('peildatum.noHistoryAtAll', { datum: datumText })}
            </MessageBarBody>
          </MessageBar>
        ) : (
          totals && (
            <Body1 as="p" className={styles.muted} data-testid="peildatum-text">
              {isToday ? ft('peildatum.live') : ft('peildatum.history', { datum: datumText })}{' '}
              {t('progress.intro', { percent: totals.percentAfgerond })}
            </Body1>
          )
        )}
      </div>

      {!model && !dataError && <Spinner label={ft('data.loading')} />}

      {model && !noHistory && (
        <>
          <ul className={styles.kpis} aria-label={t('progress.kpis')}>
            {kpis.map((k) => (
              <li key={k.label}>
                <div className={styles.kpi}>
                  <span className={styles.kpiValue} data-testid={k.testId}>
                    {k.value}
                  </span>
                  <Caption1>{t(k.label)}</Caption1>
                  {isToday && k.params && k.value > 0 && (
                    <Button
                      size="small"
                      appearance="transparent"
                      onClick={() => onShowList(new URLSearchParams(k.params))}
                      aria-label={t('progress.showInList', { what: t(k.label) })}
                      data-testid={`${k.testId}-show`}
                    >
                      {t('progress.show')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <GroupProgress model={model} scope={scope} />
          <PlanningTable model={model} />
          <PlateauGate model={model} />
        </>
      )}

      {!dataError && (
        <>
          <TrendSection points={trend} peildatum={peildatum} />
          <BorgingSection rows={borgingRows} peildatum={peildatum} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}

function withoutEmptyAdviezen(model: Voortgangsrapportage, scoped: boolean): Voortgangsrapportage {
  if (!scoped) return model;
  const perAdvies = model.perAdvies.filter((a) => a.counts.total > 0);
  const oordelen = Object.fromEntries(PLANNING_OORDELEN.map((o) => [o, 0])) as Voortgangsrapportage['oordelen'];
  for (const a of perAdvies) oordelen[a.oordeel] += 1;
  return { ...model, perAdvies, oordelen };
}
