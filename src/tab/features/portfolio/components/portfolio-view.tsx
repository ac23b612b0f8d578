import { usePortfolioT } from '../hooks/use-portfolio-t.js';
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  tokens,
  ToggleButton,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowSortRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import { amsterdamDate } from '../../../../domain/dates.js';
import type { Domein } from '../../../../domain/model.js';

import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { LoadError } from '../../../components/load-error.js';
import { usePortfolio } from '../api/use-portfolio.js';
import {
  validBereik,
  herkomstOf,
  portfolioBereiken,
  selectPortfolio,
  type PortfolioHerkomst,
} from '../../../../domain/portfolio-selection.js';
import {
  overviewLines,
  priorityRanking,
  portfolioParams,
  portfolioQuery,
  quarterRows,
  timeline,
  type GroupBy,
  type PortfolioQuery,
  type PortfolioTab,
} from '../lib/portfolio-view-model.js';
import { OverviewTable, PriorityTable, QuarterTable, TimelineTable } from './portfolio-tables.js';
import { download } from '../../../lib/download.js';
import { NativeSelect } from '../../../components/native-select.js';
import { domeinLabel } from '../../../lib/labels.js';
import { lazyComponent } from '../../../lib/preloadable.js';
import { retryingImport } from '../../../../shared/retrying-import.js';
import { PartBoundary } from '../../../components/view-suspense.js';

/** Loaded when first used; a failed load is tried again under another URL (`retryingImport`). */
const portfolioExport = retryingImport(() => import('../../../../data/portfolio-export.js'));

const PortfolioDetail = lazyComponent(() => import('./portfolio-detail.js').then((m) => m.PortfolioDetail));
const ImportDialog = lazyComponent(() => import('./import-dialog.js').then((m) => m.ImportDialog));

const useStyles = makeStyles({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  label: { color: tokens.colorNeutralForeground2 },
  count: { color: tokens.colorNeutralForeground2 },
  panel: { marginTop: tokens.spacingVerticalM, overflowX: 'auto' },
  bar: { marginTop: tokens.spacingVerticalS },
  // At 320 px the four views do not fit on one line: they wrap, so Tijdlijn stays reachable.
  tabs: { flexWrap: 'wrap' },
});

/** How many items without planning the timeline names by title. */
const UNDATED_NAMED = 10;

const TAB_LABEL = {
  overzicht: 'pf.tab.overzicht',
  prioriteiten: 'pf.tab.prioriteiten',
  kwartaal: 'pf.tab.kwartaal',
  tijdlijn: 'pf.tab.tijdlijn',
} as const;

/** Starts a download of bytes as a file (works in a Teams frame and a browser alike). */

/**
 * The whole ICT portfolio, seen from the header's domain: its own initiatives first, then the Concern's, and on
 * request every domain ("Eigen domein" narrows, it is a filter, not a scope; issue 12.7). Grouped by phase or
 * status, the IMO's one ranking across all domains (3.2) with the own items marked, this quarter's goals against
 * last quarter's outcome, and a quarter timeline. Import and export (of what is shown).
 */
export function PortfolioView({
  scope,
  params,
  onParamsChange,
  onOpenActie,
  canEdit,
}: {
  scope?: Domein | undefined;
  params: URLSearchParams;
  onParamsChange: (params: URLSearchParams, options?: { replace?: boolean }) => void;
  onOpenActie: (id: string) => void;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = usePortfolioT();
  const { now, plan } = usePlanContext();
  const portfolio = usePortfolio();
  const query = useMemo(() => portfolioQuery(params), [params]);
  const setQuery = useCallback((next: PortfolioQuery) => onParamsChange(portfolioParams(next)), [onParamsChange]);
  const [importing, setImporting] = useState(false);
  // When the import dialog closes (Sluiten, Esc, after an import), the focus goes back to "Importeren".
  const importButton = useRef<HTMLButtonElement>(null);
  useFocusAfterClose(importing, importButton);
  const [exportError, setExportError] = useState<string | undefined>();

  const bereik = validBereik(scope, query.bereik);
  const bereiken = portfolioBereiken(scope);
  const items = useMemo(
    () => selectPortfolio(portfolio.data?.items ?? [], scope, bereik),
    [portfolio.data, scope, bereik],
  );
  // The quarter and timeline views sort by priority; own items stay first there too (a stable sort by standing).
  const rang = useCallback(
    (domein: Domein) => ({ eigen: 0, concern: 1, overig: 2 })[herkomstOf(domein, scope)],
    [scope],
  );
  const open = useCallback((id: string) => setQuery({ ...query, itemId: id }), [query, setQuery]);
  const { itemId: _closed, ...withoutItem } = query;
  const openId = query.itemId;
  const close = useCallback(() => {
    setQuery(withoutItem);
    // The focus goes back to the item's link in the table, where it was opened, not to the page (when the table still
    // shows that row: it is virtualised).
    if (openId)
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active && active !== document.body && active.isConnected) return;
          document
            .querySelector<HTMLElement>(`a[href="#/portfolio?item=${CSS.escape(encodeURIComponent(openId))}"]`)
            ?.focus();
        }),
      );
  }, [setQuery, withoutItem, openId]);

  const exportPortfolio = useCallback(async () => {
    setExportError(undefined);
    try {
      const m = await portfolioExport();
      const keys = new Set(items.map((i) => i.value.key));
      const bytes = await m.exportPortfolioXlsx(
        items.map((i) => i.value),
        (portfolio.data?.kwartaaldoelen ?? []).map((d) => d.value).filter((d) => keys.has(d.portfolioKey)),
      );
      download(bytes, m.exportFileName('portfolio', amsterdamDate(now)), m.XLSX_MIME);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  }, [items, portfolio.data, now]);

  const exportActies = useCallback(async () => {
    setExportError(undefined);
    try {
      const m = await portfolioExport();
      const acties = (plan?.acties ?? []).map((a) => a.value).filter((a) => !scope || a.domeinen.includes(scope));
      download(await m.exportActiesXlsx(acties), m.exportFileName('acties', amsterdamDate(now)), m.XLSX_MIME);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  }, [plan, scope, now]);

  if (portfolio.status === 'loading') return <Spinner label={t('pf.loading')} />;
  const loadError = portfolio.error !== undefined && (
    <LoadError
      title={t('pf.loadFailed')}
      error={portfolio.error}
      kept={portfolio.status === 'ready'}
      retrying={portfolio.fetching}
      onRetry={portfolio.reload}
      testId="portfolio-error"
    />
  );
  if (!portfolio.data) return loadError;

  const overview = query.tab === 'overzicht' ? overviewLines(items, scope, query.group, query.dir) : [];
  // The one cross-domain ranking: every item, whatever the width chosen.
  const ranking = query.tab === 'prioriteiten' ? priorityRanking(portfolio.data.items, scope) : [];
  const quarterRaw = query.tab === 'kwartaal' ? quarterRows(items, portfolio.data.kwartaaldoelen, now) : undefined;
  const quarter = quarterRaw && {
    ...quarterRaw,
    rows: [...quarterRaw.rows].sort((a, b) => rang(a.item.value.domein) - rang(b.item.value.domein)),
  };
  const gridRaw = query.tab === 'tijdlijn' ? timeline(items, now) : undefined;
  const grid = gridRaw && {
    ...gridRaw,
    rows: [...gridRaw.rows].sort((a, b) => rang(a.item.value.domein) - rang(b.item.value.domein)),
  };
  const sectionLabel = (h: PortfolioHerkomst) =>
    h === 'eigen' && scope ? t('pf.herkomst.eigen', { domein: domeinLabel(t, scope) }) : t(`pf.herkomst.${h}`);

  return (
    <section aria-labelledby="portfolio-title" data-testid="portfolio-view">
      {loadError}
      <div className={styles.head}>
        <div>
          <Subtitle1 as="h2" id="portfolio-title">
            {t('pf.title')}
          </Subtitle1>{' '}
          <Body1 className={styles.count}>{t('pf.count', { count: items.length })}</Body1>
        </div>
        <div className={styles.actions}>
          {canEdit && (
            <Button icon={<ArrowUploadRegular />} ref={importButton} onClick={() => setImporting(true)}>
              {t('pf.import.open')}
            </Button>
          )}
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportPortfolio()}>
            {t('pf.export.portfolio')}
          </Button>
          <Button icon={<ArrowDownloadRegular />} onClick={() => void exportActies()}>
            {t('pf.export.acties')}
          </Button>
        </div>
      </div>
      {exportError && (
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{t('pf.export.failed', { detail: exportError })}</MessageBarBody>
        </MessageBar>
      )}
      {bereiken.length > 0 && (
        <div className={styles.toolbar} data-testid="portfolio-bereik">
          <NativeSelect label={t('pf.bereik.label')} value={bereik} onChange={(v) => setQuery({ ...query, bereik: v })}>
            {bereiken.map((b) => (
              <option key={b} value={b}>
                {t(`pf.bereik.${b}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={query.tab}
        onTabSelect={(_, data) => setQuery({ ...query, tab: data.value as PortfolioTab })}
        aria-label={t('pf.tabs')}
      >
        {(Object.keys(TAB_LABEL) as PortfolioTab[]).map((tab) => (
          <Tab key={tab} value={tab}>
            {t(TAB_LABEL[tab])}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={t(TAB_LABEL[query.tab])}>
        {items.length === 0 ? (
          <Body1>{t('pf.empty')}</Body1>
        ) : query.tab === 'overzicht' ? (
          <>
            <div className={styles.toolbar} role="group" aria-label={t('pf.groupBy')}>
              <span className={styles.label}>{t('pf.groupBy')}</span>
              {(['fase', 'status'] as GroupBy[]).map((g) => (
                <ToggleButton
                  key={g}
                  size="small"
                  checked={query.group === g}
                  onClick={() => setQuery({ ...query, group: g })}
                >
                  {t(g === 'fase' ? 'pf.group.fase' : 'pf.group.status')}
                </ToggleButton>
              ))}
              <Button
                size="small"
                icon={<ArrowSortRegular />}
                onClick={() => setQuery({ ...query, dir: query.dir === 'asc' ? 'desc' : 'asc' })}
              >
                {t(query.dir === 'asc' ? 'pf.sortAsc' : 'pf.sortDesc')}
              </Button>
            </div>
            <OverviewTable lines={overview} onOpen={open} sectionLabel={sectionLabel} />
          </>
        ) : query.tab === 'prioriteiten' ? (
          <>
            <Body1 as="p">{t('pf.prio.intro')}</Body1>
            {scope && <Body1 as="p">{t('pf.prio.heel')}</Body1>}
            <PriorityTable ranking={ranking} onOpen={open} />
          </>
        ) : query.tab === 'kwartaal' && quarter ? (
          quarter.rows.length === 0 ? (
            <Body1>{t('pf.kw.empty')}</Body1>
          ) : (
            <QuarterTable kwartaal={quarter.kwartaal} vorig={quarter.vorig} rows={quarter.rows} onOpen={open} />
          )
        ) : grid ? (
          <>
            <TimelineTable quarters={grid.quarters} rows={grid.rows} onOpen={open} />
            {grid.undated.length > 0 && (
              // Named up to a handful; with thousands of items the rest is a count, not a page of titles.
              <Body1 as="p" data-testid="timeline-undated">
                {grid.undated.length > UNDATED_NAMED
                  ? t('pf.tl.undatedMore', {
                      titles: grid.undated
                        .slice(0, UNDATED_NAMED)
                        .map((i) => i.value.titel)
                        .join(', '),
                      count: grid.undated.length - UNDATED_NAMED,
                    })
                  : t('pf.tl.undated', { titles: grid.undated.map((i) => i.value.titel).join(', ') })}
              </Body1>
            )}
          </>
        ) : null}
      </div>
      {query.itemId && (
        <PartBoundary onDismiss={close}>
          <PortfolioDetail
            id={query.itemId}
            portfolio={portfolio}
            onClose={close}
            onOpenActie={onOpenActie}
            canEdit={canEdit}
          />
        </PartBoundary>
      )}
      {importing && (
        <PartBoundary onDismiss={() => setImporting(false)}>
          <ImportDialog portfolio={portfolio} onClose={() => setImporting(false)} />
        </PartBoundary>
      )}
    </section>
  );
}
