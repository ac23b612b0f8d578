import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { compareCalendarDates, isValidCalendarDate } from '../../../../domain/dates.js';
import type { Domein } from '../../../../domain/model.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { describeError } from '../../../lib/errors.js';
import { useReportData } from '../hooks/use-report-data.js';
import { useVoortgangModel } from '../hooks/use-voortgang-model.js';
import { useVoortgangViewStyles } from './voortgang-view-styles.js';
import { useReportDownload, type ReportFormat } from '../hooks/use-report-download.js';
import { voortgangCatalogue } from '../i18n.js';
import { BorgingSection } from './borging-section.js';
import { GroupProgress } from './group-progress.js';
import { PlanningTable } from './planning-table.js';
import { PlateauGate } from './plateau-gate.js';
import { TrendSection } from './trend-section.js';
import { DateInput } from '../../../components/date-picker.js';
import { LoadError } from '../../../components/load-error.js';

export type VoortgangViewProps = {
  scope?: Domein | undefined;
  /** The view's URL parameters: `datum=YYYY-MM-DD` is the report date (absent: today). */
  params?: URLSearchParams | undefined;
  onParamsChange?: ((params: URLSearchParams) => void) | undefined;
  /** Opens the list with a filter; absent on the meeting stage, which has no list (the roadmap would show instead). */
  onShowList?: ((params: URLSearchParams) => void) | undefined;
  /** Opens an action's detail (the stilstaande actions link to it). */
  onOpen?: ((id: string) => void) | undefined;
  /**
   * On the meeting stage: a shared screen shows the figures, not the PDF and Word downloads (a download would land on
   * the presenter's machine, mid-meeting).
   */
  presentation?: boolean | undefined;
};

/**
 * The progress dashboard (issue 8) for a report date: the key figures, progress per advies / plateau / theme /
 * domain, the judgement against the college's planning, the plateau gate, the trend per month from the version
 * history, the borging of advies 11.5 per MT, and the report as PDF or Word. Every number comes from `voortgangAt`,
 * `trendPerMonth` and `borging`, the functions the documents use, so screen and document agree for the same date.
 * Today is the live plan (with this person's unsaved edits); an earlier date is the plan as its history shows it.
 */
export function VoortgangView({ scope, params, onParamsChange, onShowList, onOpen, presentation }: VoortgangViewProps) {
  const styles = useVoortgangViewStyles();
  const t = useT();
  const ft = useFeatureT(voortgangCatalogue);
  const locale = useLocale();
  const report = useReportData();
  const downloads = useReportDownload();
  const { today, peildatum, isToday, data, model, noHistory, firstVersion, trend, borgingRows, reportModel, kpis } =
    useVoortgangModel(scope, params, report);
  const totals = model?.totals;

  const setPeildatum = (value: string) => {
    if (!onParamsChange) return;
    const next = new URLSearchParams(params);
    if (isValidCalendarDate(value) && compareCalendarDates(value, today) < 0) next.set('datum', value);
    else next.delete('datum');
    onParamsChange(next);
  };

  const datumText = formatCalendarDate(peildatum, locale, 'long');
  const canDownload = reportModel !== undefined && data !== undefined && !noHistory && downloads.busy === undefined;
  // Without data read before, a failed read hides what needs it; with it, the last data stays (LoadError says so).
  const dataFailed = report.error !== undefined && data === undefined;
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
          {!presentation && (
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
          )}
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
        {report.error !== undefined && (
          <LoadError
            title={ft('data.errorTitle')}
            error={report.error}
            kept={data !== undefined}
            retrying={report.fetching}
            onRetry={report.reload}
            testId="data-error"
          />
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

      {!model && !dataFailed && <Spinner label={ft('data.loading')} />}

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
                  {isToday && k.params && k.value > 0 && onShowList && (
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

      {!dataFailed && (
        <>
          <TrendSection points={trend} peildatum={peildatum} />
          <BorgingSection rows={borgingRows} peildatum={peildatum} onOpen={onOpen} />
        </>
      )}
    </section>
  );
}
