import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ChangeEvent } from 'react';
import type { ImportOutcome } from '../../../../data/portfolio-import-apply.js';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type DryRun,
  type ImportChange,
  type ImportField,
  type ImportTable,
} from '../../../../data/portfolio-import.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { useLocale } from '../../../i18n/i18n.js';
import { usePortfolioLabels } from '../../../lib/portfolio-labels.js';
import { domeinLabel } from '../../../lib/labels.js';
import type { Domein } from '../../../../domain/model.js';
import { download } from '../../../lib/download.js';
import type { PortfolioState } from '../api/use-portfolio.js';
import {
  importFailureReason,
  importFieldLabelKey,
  importProblemText,
  importProblemValue,
  type KnownValues,
} from '../lib/import-problem-text.js';
import { problemsCsv } from '../lib/import-problems-csv.js';
import { retryingImport } from '../../../../shared/retrying-import.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const portfolioImport = retryingImport(() => import('../../../../data/portfolio-import.js'));
const portfolioImportApply = retryingImport(() => import('../../../../data/portfolio-import-apply.js'));
const portfolioExport = retryingImport(() => import('../../../../data/portfolio-export.js'));

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, 96vw)' },
  // Its parts keep their height (a message bar shrunk to one line let its text run over the table below).
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // The problems scroll in their own region, tall enough for a screenful of rows even in a short window (768 px).
  tableWrap: {
    maxHeight: '55vh',
    minHeight: 'min(14rem, 40vh)',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fileRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  problemsHead: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end' },
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  td: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  file: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingHorizontalXS },
  emptied: { color: tokens.colorPaletteDarkOrangeForeground1, fontStyle: 'italic' },
  more: { display: 'block', padding: tokens.spacingHorizontalXS },
});

/** An update's changed field, with its row (`importChanges`). */
type RowChange = ImportChange & { rowNumber: number; titel: string };

/** The changes listed in the dry run; the rest are counted ("en 120 meer"). */
const CHANGES_SHOWN = 200;

/**
 * The import in four steps: choose a file, check the column mapping, dry run (every row's problems, nothing
 * written), then import all rows or none.
 */

/** "2,0 MB": file sizes in whole megabytes with one decimal. */
function formatMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
export function ImportDialog({ portfolio, onClose }: { portfolio: PortfolioState; onClose: () => void }) {
  const styles = useStyles();
  const t = usePortfolioT();
  const locale = useLocale();
  const [table, setTable] = useState<ImportTable | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dryRun, setDryRun] = useState<DryRun | undefined>();
  /** What the dry run's updates change, field by field (`importChanges`), to see before importing. */
  const [changes, setChanges] = useState<RowChange[]>([]);
  const labels = usePortfolioLabels();
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const busy = progress !== undefined;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setTable(undefined);
    setDryRun(undefined);
    setOutcome(undefined);
    setError(undefined);
    if (!file) return;
    try {
      const m = await portfolioImport();
      // Size first: a file over the limit is not even read into memory.
      if (file.size > m.IMPORT_MAX_BYTES) {
        setError(
          t('pf.import.tooLarge', { size: formatMegabytes(file.size), max: formatMegabytes(m.IMPORT_MAX_BYTES) }),
        );
        return;
      }
      try {
        const read = await m.readImportFile(file.name, await file.arrayBuffer());
        setTable(read);
        setMapping(m.suggestMapping(read.headers));
      } catch (err) {
        if (err instanceof m.ImportLimitError) {
          setError(
            err.kind === 'rows'
              ? t('pf.import.tooManyRows', { max: String(err.limit) })
              : t('pf.import.tooLarge', { size: formatMegabytes(err.actual), max: formatMegabytes(err.limit) }),
          );
        } else throw err;
      }
    } catch (err) {
      setError(t('pf.import.readFailed', { detail: err instanceof Error ? err.message : String(err) }));
    }
  };

  const runDryRun = async () => {
    if (!table || !portfolio.data) return;
    const m = await portfolioImport();
    setOutcome(undefined);
    const data = portfolio.data;
    const run = m.dryRunImport(table, mapping, data);
    setDryRun(run);
    setChanges(
      run.rows.flatMap((r) =>
        m.importChanges(r, data.actieIdByNummer).map((c) => ({ ...c, rowNumber: r.rowNumber, titel: r.item.titel })),
      ),
    );
  };

  const changeText = (field: ImportField, value: unknown): string => {
    if (value === undefined) return t('pf.import.empty');
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object' && value !== null && 'displayName' in value) return String(value.displayName);
    if ((field === 'start' || field === 'einde') && typeof value === 'string') return formatCalendarDate(value, locale);
    if (field === 'fase' || field === 'status') return labels.group(String(value));
    if (field === 'ditKwartaal') return value === 'wel' ? t('pf.wel') : t('pf.niet');
    if (field === 'domein') return domeinLabel(t, String(value) as Domein);
    return String(value);
  };
  const emptied = changes.filter((c) => c.after === undefined).length;

  const apply = async () => {
    if (!dryRun || !portfolio.data) return;
    const data = portfolio.data;
    setProgress({ done: 0, total: dryRun.creates + dryRun.updates });
    try {
      const [{ applyImport }, { graph }] = await Promise.all([portfolioImportApply(), portfolio.session()]);
      const result = await applyImport(graph, portfolio.siteId, dryRun, data.actieIdByNummer, {
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setOutcome(result);
      setDryRun(undefined);
      portfolio.invalidate();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(undefined);
    }
  };

  const problemRows = dryRun?.rows.filter((r) => r.problems.length > 0) ?? [];
  const known: KnownValues = useMemo(
    () => ({
      people: (portfolio.data?.users ?? []).map((u) => u.displayName),
      // The site's own domains (its set-up, issue 12.8), in the set-up's order.
      ...(portfolio.data ? { domeinen: portfolio.data.inrichting.domeinen.map((d) => d.naam) } : {}),
    }),
    [portfolio.data],
  );

  const downloadTemplate = async () => {
    setError(undefined);
    try {
      const m = await portfolioExport();
      download(await m.portfolioTemplateXlsx(portfolio.data?.inrichting), 'portfolio-sjabloon.xlsx', m.XLSX_MIME);
    } catch (err) {
      setError(t('pf.import.readFailed', { detail: err instanceof Error ? err.message : String(err) }));
    }
  };

  const exportProblems = () => {
    const header = [t('pf.import.row'), t('pf.import.field'), t('pf.import.value'), t('pf.import.problem')];
    const rows = problemRows.flatMap((r) =>
      r.problems.map((p) => [
        r.rowNumber,
        p.field ? t(importFieldLabelKey(p.field)) : '',
        importProblemValue(p, t),
        importProblemText(p, t, known, locale),
      ]),
    );
    download(
      new TextEncoder().encode(problemsCsv(header, rows)),
      'portfolio-importproblemen.csv',
      'text/csv;charset=utf-8',
    );
  };
  const columnOptions = table?.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` })) ?? [];

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DialogSurface className={styles.surface} data-testid="import-dialog">
        <DialogBody>
          <DialogTitle>{t('pf.import.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.fileRow}>
              <Field label={t('pf.import.file')} hint={t('pf.import.fileHint')}>
                {(fieldProps) => (
                  <input
                    {...fieldProps}
                    type="file"
                    accept=".xlsx,.csv"
                    className={styles.file}
                    onChange={(e) => void onFile(e)}
                    disabled={busy}
                    data-testid="import-file"
                  />
                )}
              </Field>
              <Field hint={t('pf.import.templateHint')}>
                <Button
                  icon={<ArrowDownloadRegular />}
                  onClick={() => void downloadTemplate()}
                  disabled={busy}
                  data-testid="import-template"
                >
                  {t('pf.import.template')}
                </Button>
              </Field>
            </div>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {table && (
              <fieldset className={styles.mapping}>
                <legend>{t('pf.import.mapping')}</legend>
                {IMPORT_FIELDS.map((field) => (
                  <Field key={field} label={t(importFieldLabelKey(field))}>
                    <Select
                      value={mapping[field] === undefined ? '' : String(mapping[field])}
                      disabled={busy}
                      onChange={(_, d) => {
                        const next = { ...mapping };
                        if (d.value === '') delete next[field];
                        else next[field] = Number(d.value);
                        setMapping(next);
                        setDryRun(undefined);
                      }}
                    >
                      <option value="">{t('pf.import.notImported')}</option>
                      {columnOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </fieldset>
            )}
            {/* A live region that is there before its text: a screen reader says what then appears in it. */}
            <div role="status">
              {dryRun && (
                <Body1 data-testid="dry-run-summary">
                  {t('pf.import.summary', {
                    rows: dryRun.rows.length,
                    creates: dryRun.creates,
                    updates: dryRun.updates,
                    unchanged: dryRun.unchanged,
                    invalid: dryRun.invalid,
                  })}
                </Body1>
              )}
            </div>
            {dryRun && (
              <>
                {problemRows.length === 0 && changes.length > 0 && (
                  <>
                    {emptied > 0 && (
                      <MessageBar intent="warning" layout="multiline" data-testid="dry-run-emptied">
                        <MessageBarBody>{t('pf.import.emptied', { count: emptied })}</MessageBarBody>
                      </MessageBar>
                    )}
                    <div
                      className={styles.tableWrap}
                      tabIndex={0}
                      role="region"
                      aria-label={t('pf.import.changesTitle')}
                      data-testid="dry-run-changes-region"
                    >
                      <table className={styles.table} data-testid="dry-run-changes">
                        <caption className={styles.caption}>{t('pf.import.changesTitle')}</caption>
                        <HeadRow
                          labels={[
                            t('pf.import.row'),
                            t('pf.import.fieldLabel.titel'),
                            t('pf.import.field'),
                            t('pf.import.before'),
                            t('pf.import.after'),
                          ]}
                        />
                        <tbody>
                          {changes.slice(0, CHANGES_SHOWN).map((c) => (
                            <tr key={`${c.rowNumber}-${c.field}`} data-row={c.rowNumber} data-field={c.field}>
                              <td className={styles.td}>{c.rowNumber}</td>
                              <td className={styles.td}>{c.titel}</td>
                              <td className={styles.td}>{t(importFieldLabelKey(c.field))}</td>
                              <td className={styles.td}>{changeText(c.field, c.before)}</td>
                              <td className={mergeClasses(styles.td, c.after === undefined && styles.emptied)}>
                                {changeText(c.field, c.after)}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      {changes.length > CHANGES_SHOWN && (
                        <Body1 className={styles.more}>
                          {t('pf.import.changesMore', { count: changes.length - CHANGES_SHOWN })}
                        </Body1>
                      )}
                    </div>
                  </>
                )}
                {problemRows.length > 0 && (
                  <>
                    <MessageBar intent="error" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>{t('pf.import.problemsTitle')}</MessageBarTitle>
                        {t('pf.import.problems')}
                      </MessageBarBody>
                    </MessageBar>
                    <div className={styles.problemsHead}>
                      <Button
                        size="small"
                        icon={<ArrowDownloadRegular />}
                        onClick={exportProblems}
                        data-testid="export-problems"
                      >
                        {t('pf.import.exportProblems')}
                      </Button>
                    </div>
                    <div
                      className={styles.tableWrap}
                      tabIndex={0}
                      role="region"
                      aria-label={t('pf.import.problemsTitle')}
                      data-testid="dry-run-problems-region"
                    >
                      <table className={styles.table} data-testid="dry-run-problems">
                        <HeadRow
                          labels={[
                            t('pf.import.row'),
                            t('pf.import.field'),
                            t('pf.import.value'),
                            t('pf.import.problem'),
                          ]}
                        />
                        <tbody>
                          {problemRows.flatMap((r) =>
                            r.problems.map((p, i) => (
                              <tr key={`${r.rowNumber}-${i}`} data-row={r.rowNumber}>
                                <td className={styles.td}>{r.rowNumber}</td>
                                <td className={styles.td}>{p.field ? t(importFieldLabelKey(p.field)) : ''}</td>
                                <td className={styles.td}>{importProblemValue(p, t)}</td>
                                <td className={styles.td}>{importProblemText(p, t, known, locale)}</td>
                              </tr>
                            )),
                          )}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </>
            )}
            {progress && (
              <Spinner size="small" label={t('pf.import.busy', { done: progress.done, total: progress.total })} />
            )}
            {outcome?.ok === true && (
              <MessageBar intent="success" data-testid="import-outcome">
                <MessageBarBody>
                  {t('pf.import.done', {
                    created: outcome.created,
                    updated: outcome.updated,
                    unchanged: outcome.unchanged,
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {outcome?.ok === false && (
              <MessageBar intent="error" layout="multiline" data-testid="import-outcome">
                <MessageBarBody>
                  <MessageBarTitle>{t('pf.import.failedTitle')}</MessageBarTitle>
                  {t('pf.import.failed', {
                    row: outcome.failure.rowNumber,
                    reason: importFailureReason(outcome.failure.status, t),
                    deleted: outcome.rolledBack.deleted,
                    restored: outcome.rolledBack.restored,
                  })}
                  {outcome.rollbackFailures.length > 0 &&
                    ` ${t('pf.import.rollbackFailed', { rows: outcome.rollbackFailures.map((f) => f.rowNumber).join(', ') })}`}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={busy}>
              {t('common.close')}
            </Button>
            {table && (
              <Button onClick={() => void runDryRun()} disabled={busy}>
                {t('pf.import.dryRun')}
              </Button>
            )}
            {dryRun && (
              <Button
                appearance="primary"
                onClick={() => void apply()}
                disabled={busy || !dryRun.ok || dryRun.creates + dryRun.updates === 0}
              >
                {t('pf.import.apply', { count: dryRun.creates + dryRun.updates })}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** A table's header row: one column header per label. */
function HeadRow({ labels }: { labels: string[] }) {
  const styles = useStyles();
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className={styles.th}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
