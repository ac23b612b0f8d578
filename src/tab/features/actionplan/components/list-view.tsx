import {
  Body1,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  CalendarRegular,
  DismissRegular,
  PersonRegular,
  ArrowSwapRegular,
} from '@fluentui/react-icons';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useFocusAfterClose } from '../../../lib/use-focus-after-close.js';
import { amsterdamDate } from '../../../../domain/dates.js';
import type { Domein } from '../../../../domain/model.js';
import { useT } from '../../../i18n/i18n.js';
import { download } from '../../../lib/download.js';
import { domeinLabel, personName, plateauLabel, STATUS_LABEL, themaLabel } from '../../../lib/labels.js';
import { NO_OWNER, offersPerDomein, ownerChoices, PER_DOMEIN_OWNER } from '../../../lib/plan/derive.js';
import { ZOETERMEER_INRICHTING } from '../../../../domain/inrichting-basis.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import { buildEntries, queryFromParams, queryToParams, type ListQuery, type SortKey } from '../lib/list-query.js';
import type { BulkKind, BulkSummary } from './bulk-dialog.js';
import { ListGrid } from './list-grid.js';
import { ListToolbar } from './list-toolbar.js';
import { NewActieButton } from './new-actie-button.js';
import { bulkTexts } from '../edit-i18n.js';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { lazyComponent } from '../../../lib/preloadable.js';
import { PartBoundary } from '../../../components/view-suspense.js';

// The whole plan's export and import load with their first use, not with the list (the first view's budget).
const PlanExportButton = lazyComponent(() => import('./plan-xlsx.js').then((m) => m.PlanExportButton));
const PlanImportButton = lazyComponent(() => import('./plan-xlsx.js').then((m) => m.PlanImportButton));
const BulkDialog = lazyComponent(() => import('./bulk-dialog.js').then((m) => m.BulkDialog));

const useStyles = makeStyles({
  // The grid's wrapper, only there to find its "select all" checkbox: no box of its own.
  contents: { display: 'contents' },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  count: { color: tokens.colorNeutralForeground2 },
  exportRow: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  bulkBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  result: { marginBottom: tokens.spacingVerticalS },
});

/** The actions as a list: search, filter, sort, group, save the view, select and change in bulk. */
export function ListView({
  scope,
  params,
  onParamsChange,
  onOpen,
  canEdit,
  mtDomein,
}: {
  scope?: Domein | undefined;
  /** The domain of the MT whose tab this is, for who may add an action. */
  mtDomein?: Domein | undefined;
  params: URLSearchParams;
  onParamsChange: (params: URLSearchParams) => void;
  onOpen: (id: string) => void;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  const bt = useFeatureT(bulkTexts);
  const { plan, now } = usePlanContext();
  // "Toon vervallen": retired actions stay in the list, hidden unless asked for (in the URL, so a link keeps it).
  const toonVervallen = params.get('vervallen') === '1';
  const rows = usePlanRows(scope, { vervallen: toonVervallen });
  // The municipality's plateaus, themes and domains (read with the plan) are what the list filters and groups by.
  const inrichting = plan?.inrichting ?? ZOETERMEER_INRICHTING;
  const query = useMemo(() => queryFromParams(params, inrichting), [params, inrichting]);
  const owners = useMemo(
    () => ownerChoices(rows, plan?.users ?? [], query.filters.eigenaar),
    [rows, plan?.users, query.filters.eigenaar],
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState<BulkKind | undefined>();
  // A bulk dialog gives the focus back to the button that opened it, or, when the bar went with the selection (all
  // changed), to the outcome's message, else the grid's "select all": never to the page.
  const bulkOpener = useRef<HTMLElement | null>(null);
  const gridWrap = useRef<HTMLDivElement>(null);
  const summaryBar = useRef<HTMLDivElement>(null);
  const selectAllBox = () => gridWrap.current?.querySelector<HTMLElement>('input[type="checkbox"]') ?? null;
  // Read when the dialog closes: the grid's first checkbox as it is then.
  const selectAll = useMemo(
    () => ({
      get current() {
        return selectAllBox();
      },
    }),
    [],
  );
  const openBulk = (kind: BulkKind, opener: HTMLElement) => {
    bulkOpener.current = opener;
    setBulk(kind);
  };
  useFocusAfterClose(bulk !== undefined, bulkOpener, summaryBar, selectAll);
  const [summary, setSummary] = useState<BulkSummary | undefined>();
  const [exportError, setExportError] = useState<string | undefined>();
  const today = amsterdamDate(now);

  const { entries, matched } = useMemo(
    () => buildEntries(rows, query, today, collapsed, inrichting),
    [rows, query, today, collapsed, inrichting],
  );
  const setQuery = useCallback(
    (next: ListQuery) => {
      const p = queryToParams(next);
      if (toonVervallen) p.set('vervallen', '1');
      onParamsChange(p);
    },
    [onParamsChange, toonVervallen],
  );
  const setToonVervallen = useCallback(
    (on: boolean) => {
      const p = new URLSearchParams(params);
      if (on) p.set('vervallen', '1');
      else p.delete('vervallen');
      onParamsChange(p);
    },
    [params, onParamsChange],
  );
  const onSort = useCallback(
    (key: SortKey) =>
      setQuery({ ...query, sort: { key, dir: query.sort.key === key && query.sort.dir === 'asc' ? 'desc' : 'asc' } }),
    [query, setQuery],
  );
  const toggleSelected = useCallback((id: string) => {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  // Exports exactly what the list shows now (filters and sort applied), loaded only when asked for.
  const exportMatched = useCallback(async () => {
    setExportError(undefined);
    try {
      const m = await import('../../../../data/portfolio-export.js');
      download(await m.exportActiesXlsx(matched.map((r) => r.actie)), m.exportFileName('acties', today), m.XLSX_MIME);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  }, [matched, today]);
  const visibleSelected = matched.filter((r) => selected.has(r.id));
  const allSelected =
    matched.length > 0 && visibleSelected.length === matched.length
      ? true
      : visibleSelected.length > 0
        ? 'mixed'
        : false;
  const toggleAll = useCallback(() => {
    setSelected(allSelected === true ? new Set() : new Set(matched.map((r) => r.id)));
  }, [allSelected, matched]);
  const toggleGroup = useCallback((key: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const groupLabel = useCallback(
    (key: string): string => {
      switch (query.group) {
        case 'status':
          return t(STATUS_LABEL[key as keyof typeof STATUS_LABEL] ?? 'common.unknown');
        case 'plateau':
          return plateauLabel(t, key);
        case 'thema':
          return inrichting.themas.some((x) => x.code === key)
            ? `${key}. ${themaLabel(t, key, inrichting)}`
            : t('common.unknown');
        case 'domein':
          return domeinLabel(t, key);
        case 'advies': {
          const advies = plan?.adviezen.find((a) => String(a.value.nummer) === key);
          return advies
            ? `${t('plan.advies', { nummer: key })}: ${advies.value.titel}`
            : t('plan.advies', { nummer: key });
        }
        case 'eigenaar':
          return key === NO_OWNER
            ? t('plan.noOwner')
            : key === PER_DOMEIN_OWNER
              ? t('plan.ownerPerDomein')
              : ((owner) => (owner ? personName(t, owner) : key))(rows.find((r) => r.ownerKey === key)?.actie.eigenaar);
        case 'geen':
          return '';
      }
    },
    [query.group, t, plan, rows, inrichting],
  );

  const selectedIds = [...selected].filter((id) => rows.some((r) => r.id === id));

  return (
    <section aria-labelledby="lijst-title">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="lijst-title">
          {t('list.title')}
        </Subtitle2>
        <Body1 className={styles.count} role="status" data-testid="list-count">
          {t('list.count', { shown: matched.length, total: rows.length })}
        </Body1>
      </div>
      <ListToolbar
        query={query}
        onChange={setQuery}
        adviezen={plan?.adviezen.map((a) => a.value) ?? []}
        users={owners}
        perDomein={offersPerDomein(rows, query.filters.eigenaar)}
        scoped={!!scope}
        inrichting={inrichting}
      />
      <div className={styles.exportRow}>
        <Checkbox
          label={t('list.toonVervallen')}
          checked={toonVervallen}
          onChange={(_, d) => setToonVervallen(d.checked === true)}
          data-testid="toon-vervallen"
        />
        {canEdit && <NewActieButton scope={scope} mtDomein={mtDomein} onOpen={onOpen} />}
        <Button
          size="small"
          icon={<ArrowDownloadRegular />}
          onClick={() => void exportMatched()}
          data-testid="export-acties"
        >
          {t('list.export')}
        </Button>
        <PartBoundary>
          <PlanExportButton />
          <PlanImportButton />
        </PartBoundary>
      </div>
      {exportError && (
        <MessageBar intent="error" className={styles.result}>
          <MessageBarBody>{t('list.exportError', { detail: exportError })}</MessageBarBody>
        </MessageBar>
      )}
      {summary && (
        <MessageBar
          intent={summary.failed.length === 0 ? 'success' : 'warning'}
          className={styles.result}
          layout="multiline"
          data-testid="bulk-result"
          ref={summaryBar}
          tabIndex={-1}
        >
          <MessageBarBody>
            <MessageBarTitle>
              {bt('resultTitle', { ok: summary.ok, total: summary.ok + summary.failed.length })}
            </MessageBarTitle>
            {summary.failed.map((f) => (
              <div key={f.id}>{bt('failedItem', { nummer: f.nummer, reason: f.reason })}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t('common.close')}
                onClick={() => setSummary(undefined)}
              />
            }
          />
        </MessageBar>
      )}
      {canEdit && selectedIds.length > 0 && (
        <div className={styles.bulkBar} role="toolbar" aria-label={bt('toolbar')} data-testid="bulk-bar">
          <Body1>{bt('selected', { count: selectedIds.length })}</Body1>
          <Button size="small" icon={<ArrowSwapRegular />} onClick={(e) => openBulk('status', e.currentTarget)}>
            {bt('status')}
          </Button>
          <Button size="small" icon={<PersonRegular />} onClick={(e) => openBulk('eigenaar', e.currentTarget)}>
            {bt('eigenaar')}
          </Button>
          <Button size="small" icon={<CalendarRegular />} onClick={(e) => openBulk('deadline', e.currentTarget)}>
            {bt('deadline')}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              setSelected(new Set());
              // The bar goes with the selection: the focus goes to the grid's "select all", not to the page.
              requestAnimationFrame(() => selectAllBox()?.focus());
            }}
          >
            {bt('clear')}
          </Button>
        </div>
      )}
      <div ref={gridWrap} className={styles.contents}>
        <ListGrid
          entries={entries}
          query={query}
          onSort={onSort}
          selected={selected}
          onToggleSelected={toggleSelected}
          onToggleAll={toggleAll}
          allSelected={allSelected}
          onToggleGroup={toggleGroup}
          groupLabel={groupLabel}
          onOpen={onOpen}
          selectable={canEdit}
          label={t('list.gridLabel')}
        />
      </div>
      {bulk && (
        <PartBoundary onDismiss={() => setBulk(undefined)}>
          <BulkDialog
            kind={bulk}
            ids={selectedIds}
            onClose={(result) => {
              setBulk(undefined);
              if (result) {
                setSummary(result);
                // What failed stays selected to try again; an action deleted meanwhile leaves the list.
                setSelected(new Set(result.failed.filter((f) => !f.deleted).map((f) => f.id)));
              }
            }}
          />
        </PartBoundary>
      )}
    </section>
  );
}
