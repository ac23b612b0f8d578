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
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ChangeEvent } from 'react';
import { amsterdamDate } from '../../../../domain/dates.js';
import type { PlanDryRun, PlanImportProblem } from '../../../../data/plan-import.js';
import type { ImportLimitError } from '../../../../data/portfolio-import.js';
import type { PlanImportOutcome } from '../../../../data/plan-transfer.js';
import { planImportMessageValues } from '../../../../data/plan-import-messages.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import { download } from '../../../lib/download.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { namesBeheerder, useMtRegistrations } from '../../../lib/query/use-mt-registrations.js';
import { useDomainText } from '../../../lib/use-domain-text.js';
import { planFailureReason, rollbackFailureReason } from '../lib/plan-failure.js';
import { planXlsxTexts } from '../plan-xlsx-i18n.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, 96vw)' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  tableWrap: { maxHeight: '40vh', overflowY: 'auto' },
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
});

/**
 * "Heel plan exporteren": the site's whole plan as one workbook, for everyone who may read the plan. It reads the site
 * afresh (one read per list) rather than the plan on screen, whose shared actions carry the roll-up of their domains.
 */
export function PlanExportButton() {
  const ft = useFeatureT(planXlsxTexts);
  const { session, siteId, now } = usePlanContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async () => {
    if (!siteId) return;
    setBusy(true);
    setError(undefined);
    try {
      const [{ loadPlanExport }, xlsx, { XLSX_MIME }] = await Promise.all([
        import('../../../../data/plan-transfer.js'),
        import('../../../../data/plan-xlsx.js'),
        import('../../../../data/portfolio-export.js'),
      ]);
      const data = await loadPlanExport((await session()).graph, siteId);
      download(await xlsx.exportPlanXlsx(data), xlsx.planExportFileName(amsterdamDate(now)), XLSX_MIME);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        icon={busy ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />}
        disabled={busy || !siteId}
        onClick={() => void run()}
        data-testid="export-plan"
      >
        {busy ? ft('exporting') : ft('export')}
      </Button>
      {error && (
        <MessageBar intent="error" data-testid="export-plan-error">
          <MessageBarBody>{ft('exportError', { detail: error })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * Who may import a plan from the tab: a Beheerder, or anyone while no MT registration names a Beheerder yet (a new
 * site has none; SharePoint's own permissions still decide whether the writes are allowed, and a refused write rolls
 * the import back). Only offered while the site has no plan.
 */
function useMayImport(empty: boolean): boolean {
  const { me } = usePlanContext();
  const mts = useMtRegistrations(empty);
  useEffect(() => {
    if (mts.error !== undefined) console.warn('Reading the MT registrations for the plan import failed', mts.error);
  }, [mts.error]);
  const beheerders = mts.data?.flatMap((mt) => mt.beheerders);
  return empty && beheerders !== undefined && (beheerders.length === 0 || namesBeheerder(mts.data ?? [], me));
}

/** "Plan importeren": shown only on a site without a plan, to whoever may import (see useMayImport). */
export function PlanImportButton() {
  const ft = useFeatureT(planXlsxTexts);
  const { plan } = usePlanContext();
  const empty = plan !== undefined && plan.adviezen.length === 0 && plan.acties.length === 0;
  const may = useMayImport(empty);
  const [open, setOpen] = useState(false);
  // The open dialog stays after a successful import, although the site then has a plan: it shows the outcome.
  if (!may && !open) return null;
  return (
    <>
      {may && (
        <Button
          size="small"
          appearance="primary"
          icon={<ArrowUploadRegular />}
          onClick={() => setOpen(true)}
          data-testid="import-plan"
        >
          {ft('import')}
        </Button>
      )}
      {open && <PlanImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function where(ft: ReturnType<typeof useFeatureT<keyof typeof planXlsxTexts.nl>>, p: PlanImportProblem): string {
  if (p.rowNumber <= 0) return ft('sheetOnly', { sheet: p.sheet });
  return p.column
    ? ft('rowColumn', { sheet: p.sheet, row: p.rowNumber, column: p.column })
    : ft('row', { sheet: p.sheet, row: p.rowNumber });
}

/** Choose a file, see the dry run (every problem by sheet and row, nothing written), then import all of it or nothing. */
function PlanImportDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const ft = useFeatureT(planXlsxTexts);
  const t = useT();
  const locale = useLocale();
  const say = useDomainText();
  const { session, siteId, plan, reload } = usePlanContext();
  const [dryRun, setDryRun] = useState<PlanDryRun | undefined>();
  const [phase, setPhase] = useState<'idle' | 'reading' | 'applying'>('idle');
  const [outcome, setOutcome] = useState<PlanImportOutcome | undefined>();
  const [error, setError] = useState<string | undefined>();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setDryRun(undefined);
    setOutcome(undefined);
    setError(undefined);
    if (!file) return;
    setPhase('reading');
    try {
      const [{ readPlanXlsx }, { dryRunPlanImport }] = await Promise.all([
        import('../../../../data/plan-xlsx.js'),
        import('../../../../data/plan-import.js'),
      ]);
      // A file without an Inrichting sheet is checked against the site's own set-up, as the CLI's --plan does.
      setDryRun(
        dryRunPlanImport(await readPlanXlsx(await file.arrayBuffer()), {
          users: plan?.users ?? [],
          ...(plan ? { inrichting: plan.inrichting } : {}),
        }),
      );
    } catch (err) {
      // The size and row limits have the portfolio import's words in the UI's language, not the data layer's Dutch.
      if (err instanceof Error && err.name === 'ImportLimitError') {
        const limit = err as ImportLimitError;
        const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
        setError(
          limit.kind === 'rows'
            ? t('pf.import.tooManyRows', { max: String(limit.limit) })
            : t('pf.import.tooLarge', { size: mb(limit.actual), max: mb(limit.limit) }),
        );
      } else setError(ft('error', { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPhase('idle');
    }
  };

  const apply = async () => {
    if (!dryRun?.ok || !siteId) return;
    setPhase('applying');
    setError(undefined);
    try {
      const { applyPlanImport, PlanSiteNotEmptyError, PlanNotValidError, PlanInrichtingMismatchError } =
        await import('../../../../data/plan-transfer.js');
      try {
        const result = await applyPlanImport((await session()).graph, siteId, dryRun);
        setOutcome(result);
        if (result.ok) reload();
      } catch (err) {
        // The data layer's refusals carry their values; the UI says them in its language, not in their Dutch.
        if (err instanceof PlanSiteNotEmptyError) setError(ft('notEmpty'));
        else if (err instanceof PlanNotValidError) setError(ft('notValid', { count: err.problems }));
        else if (err instanceof PlanInrichtingMismatchError) setError(ft('otherSetUp', { gemeente: err.siteGemeente }));
        else throw err;
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setPhase('idle');
    }
  };

  const c = dryRun?.counts;
  return (
    <Dialog open onOpenChange={(_, d) => (!d.open && phase !== 'applying' ? onClose() : undefined)}>
      <DialogSurface className={styles.surface} data-testid="import-plan-dialog">
        <DialogBody>
          <DialogTitle>{ft('importTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1>{ft('importIntro')}</Body1>
            {!outcome?.ok && (
              <Field label={ft('file')}>
                <input
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className={styles.file}
                  onChange={(e) => void onFile(e)}
                  disabled={phase !== 'idle'}
                  data-testid="import-plan-file"
                />
              </Field>
            )}
            {phase === 'reading' && <Spinner size="tiny" label={ft('reading')} />}
            {error && (
              <MessageBar intent="error" data-testid="import-plan-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {dryRun && !dryRun.ok && (
              <>
                <MessageBar intent="warning" layout="multiline" data-testid="import-plan-problems">
                  <MessageBarBody>
                    <MessageBarTitle>{ft('problemsTitle', { count: dryRun.problems.length })}</MessageBarTitle>
                    {ft('problemsHint')}
                  </MessageBarBody>
                </MessageBar>
                <div className={styles.tableWrap} tabIndex={0}>
                  <table className={styles.table}>
                    <thead>
                      <tr>
                        <th className={styles.th} scope="col">
                          {ft('where')}
                        </th>
                        <th className={styles.th} scope="col">
                          {ft('problem')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {dryRun.problems.map((p, i) => (
                        <tr key={i} data-testid="import-plan-problem">
                          <td className={styles.td}>{where(ft, p)}</td>
                          <td className={styles.td}>
                            {p.own
                              ? ft(`problem.${p.own.key}`, planImportMessageValues(p.own, locale))
                              : p.domain
                                ? say(p.domain)
                                : p.message}
                            {p.value !== undefined ? ` ("${p.value}")` : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            {dryRun?.ok && c && !outcome && (
              <MessageBar intent="info" data-testid="import-plan-ready">
                <MessageBarBody>
                  <MessageBarTitle>{ft('readyTitle')}</MessageBarTitle>
                  {ft('ready', {
                    adviezen: c.adviezen,
                    bevindingen: c.bevindingen,
                    acties: c.acties,
                    rijen: c.domeinVoortgang,
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {outcome?.ok && (
              <MessageBar intent="success" data-testid="import-plan-done">
                <MessageBarBody>
                  <MessageBarTitle>{ft('doneTitle')}</MessageBarTitle>
                  {ft('done', {
                    adviezen: outcome.created.Adviezen,
                    bevindingen: outcome.created.Bevindingen,
                    acties: outcome.created.Acties,
                    rijen: outcome.created.DomeinVoortgang,
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {outcome && !outcome.ok && (
              <MessageBar intent="error" layout="multiline" data-testid="import-plan-failed">
                <MessageBarBody>
                  <MessageBarTitle>{ft('failedTitle')}</MessageBarTitle>
                  {ft('failed', {
                    where: ft('row', { sheet: outcome.failure.sheet, row: outcome.failure.rowNumber }),
                    status: outcome.failure.status,
                    detail: planFailureReason(ft, outcome.failure),
                    deleted: outcome.rolledBack.deleted,
                  })}
                  {outcome.rollbackFailures.map((r) => (
                    <div key={`${r.list}|${r.key}`}>
                      {ft('rollbackFailed', { list: r.list, key: r.key, detail: rollbackFailureReason(ft, r) })}
                    </div>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {dryRun?.ok && !outcome && (
              <Button
                appearance="primary"
                disabled={phase !== 'idle'}
                onClick={() => void apply()}
                data-testid="import-plan-apply"
              >
                {phase === 'applying' ? ft('applying') : ft('apply')}
              </Button>
            )}
            <Button disabled={phase === 'applying'} onClick={onClose}>
              {ft('close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
