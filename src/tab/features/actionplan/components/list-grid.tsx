import { Badge, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  ArrowSortDownRegular,
  ArrowSortUpRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  WarningRegular,
  LockClosedRegular,
} from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { ACTIE_STATUSSEN } from '../../../../domain/model.js';
import { DeadlineText, deadlineWords } from '../../../components/deadline-text.js';
import { deadlineSoort } from '../../../../domain/planning.js';
import { OwnerText } from '../../../components/owner-text.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { plateauLabel, STATUS_LABEL } from '../../../lib/labels.js';
import { readJson, writeJson } from '../../../lib/storage.js';
import {
  clampWidth,
  COLUMN_WIDTHS_KEY,
  gridTemplate,
  KEY_STEP_PX,
  MAX_COLUMN_PX,
  MIN_COLUMN_PX,
  parseColumnWidths,
  type ColumnWidths,
  type SizedColumn,
} from '../lib/column-widths.js';
import type { ListEntry, ListQuery, SortKey } from '../lib/list-query.js';

// The grid's columns come from a CSS variable set on the grid (content widths, or the person's), so that the narrow
// layout's media query still wins over them.
const COLUMNS = 'var(--lijst-kolommen)';
/** Widths until the content is measured (first paint), close to the seeded plan's. */
const FALLBACK_PX: Record<SizedColumn, number> = {
  nummer: 64,
  status: 184,
  eigenaar: 240,
  deadline: 208,
  plateau: 160,
};
/** What a cell adds to its text: its padding, and the icon and gap before an owner, a deadline or a badge's text. */
const CELL_PADDING_PX = 2 * 8 + 2;
const ICON_PX = 20;
const BADGE_CHROME_PX = 12 + 16 + 4;
const ROW_HEIGHT = 44;
/** "Achterstallig, 31 dec 2025" in semibold with its icon fits; longer deadline words wrap. */
const DEADLINE_WRAP_PX = 256;

const useStyles = makeStyles({
  grid: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '12rem',
  },
  header: {
    position: 'relative',
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 760px)': { gridTemplateColumns: '3rem 1fr' },
  },
  scroller: {
    overflowY: 'auto',
    overflowX: 'hidden',
    position: 'relative',
    height: 'calc(100vh - 22rem)',
    minHeight: '16rem',
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    minHeight: `${ROW_HEIGHT}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
    '@media (max-width: 760px)': {
      gridTemplateColumns: '3rem 1fr',
      rowGap: tokens.spacingVerticalXXS,
      padding: `${tokens.spacingVerticalXS} 0`,
    },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  groupRow: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    minHeight: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    columnGap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    cursor: 'pointer',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  selectCell: { display: 'flex', justifyContent: 'center', minWidth: 0 },
  titleCell: {
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  // The action's description (the report's words for the seeded ones) as one subtle line; the detail has it whole.
  omschrijving: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  narrowHidden: { '@media (max-width: 760px)': { display: 'none' } },
  narrowStack: { '@media (max-width: 760px)': { gridColumnStart: 2 } },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    background: 'none',
    border: 'none',
    padding: `${tokens.spacingVerticalS} 0`,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  nummer: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  headerCell: { position: 'relative' },
  clip: { display: 'block', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The drag handle on a column's right edge (Fluent's DataGrid look): a thin line that thickens on hover and focus.
  resizer: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    // Inside the header cell, which clips what sticks out (its overflow is hidden for the ellipsis).
    right: 0,
    width: '8px',
    cursor: 'col-resize',
    zIndex: 1,
    touchAction: 'none',
    '::after': {
      content: '""',
      position: 'absolute',
      top: '20%',
      bottom: '20%',
      right: 0,
      width: '2px',
      backgroundColor: tokens.colorNeutralStroke1,
    },
    ':hover::after': { backgroundColor: tokens.colorBrandStroke1, top: 0, bottom: 0 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '@media (max-width: 760px)': { display: 'none' },
  },
  warn: {
    color: tokens.colorPaletteMarigoldForeground1,
    verticalAlign: 'middle',
    marginLeft: tokens.spacingHorizontalXXS,
  },
  lock: { color: tokens.colorPaletteRedForeground1, verticalAlign: 'middle', marginLeft: tokens.spacingHorizontalXXS },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

const SORTABLE: { key: SortKey & (SizedColumn | 'titel'); label: MessageKey; narrow?: boolean }[] = [
  { key: 'nummer', label: 'plan.col.nummer' },
  { key: 'titel', label: 'plan.col.titel', narrow: true },
  { key: 'status', label: 'plan.col.status' },
  { key: 'eigenaar', label: 'plan.col.eigenaar' },
  { key: 'deadline', label: 'plan.col.deadline' },
  { key: 'plateau', label: 'plan.col.plateau' },
];

const isSized = (key: string): key is SizedColumn => key !== 'titel';

/**
 * Each column's content width: the widest text any entry puts in it (and its header), measured with the grid's own
 * font on a canvas, so all rows count, not only the ones the virtualiser has in the DOM.
 */
function useContentWidths(entries: ListEntry[], font: string | undefined): ColumnWidths {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => {
    if (!font) return {};
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return {};
    const measureIn = (weight: string) => (text: string) => {
      context.font = `${weight} ${font}`;
      return context.measureText(text).width;
    };
    const measure = measureIn('400');
    // An overdue deadline is written in semibold (DeadlineText), which is wider.
    const measureBold = measureIn('600');
    const header = (key: MessageKey) => measureBold(t(key)) + ICON_PX;
    const widths: Record<SizedColumn, number> = {
      nummer: header('plan.col.nummer'),
      status: Math.max(
        header('plan.col.status'),
        ...ACTIE_STATUSSEN.map((s) => measure(t(STATUS_LABEL[s])) + BADGE_CHROME_PX),
      ),
      eigenaar: Math.max(header('plan.col.eigenaar'), measure(t('plan.noOwner')) + ICON_PX),
      deadline: Math.max(header('plan.col.deadline'), measure(t('plan.noDeadline'))),
      plateau: header('plan.col.plateau'),
    };
    const seen = new Set<string>();
    for (const entry of entries) {
      if (entry.kind !== 'row') continue;
      const a = entry.row.actie;
      widths.nummer = Math.max(widths.nummer, measure(a.nummer));
      if (a.eigenaar && !seen.has(a.eigenaar.displayName)) {
        seen.add(a.eigenaar.displayName);
        widths.eigenaar = Math.max(widths.eigenaar, measure(a.eigenaar.displayName) + ICON_PX);
      }
      if (a.deadline) {
        const words = deadlineWords(
          { deadline: a.deadline, overdue: entry.row.overdue, doorlopend: deadlineSoort(a) === 'doorlopend' },
          t,
          locale,
        );
        widths.deadline = Math.max(widths.deadline, entry.row.overdue ? measureBold(words) + ICON_PX : measure(words));
      }
      widths.plateau = Math.max(widths.plateau, measure(plateauLabel(t, a.plateau)));
    }
    const out: ColumnWidths = {};
    for (const [column, width] of Object.entries(widths) as [SizedColumn, number][])
      out[column] = Math.ceil(width + CELL_PADDING_PX);
    // A deadline wraps (DeadlineText): its column is as wide as a dated overdue deadline, and a standing
    // commitment's longer words take a second line rather than the title's room.
    out.deadline = Math.min(out.deadline ?? 0, DEADLINE_WRAP_PX);
    return out;
  }, [entries, font, t, locale]);
}

/** The person's own column widths, kept per browser; a stored value that is not a width is ignored. */
function useChosenWidths(): [ColumnWidths, (column: SizedColumn, px: number | undefined) => void, () => void] {
  const [chosen, setChosen] = useState<ColumnWidths>(() => readJson(COLUMN_WIDTHS_KEY, parseColumnWidths) ?? {});
  const set = useCallback((column: SizedColumn, px: number | undefined) => {
    setChosen((current) => {
      const next = { ...current };
      if (px === undefined) delete next[column];
      else next[column] = clampWidth(px);
      return next;
    });
  }, []);
  // Stored from the state's updater, so a resize and its save in one event write the new width, not the one before.
  // Writing the same value twice (React may call an updater twice in development) is harmless.
  const save = useCallback(() => {
    setChosen((current) => {
      writeJson(COLUMN_WIDTHS_KEY, current);
      return current;
    });
  }, []);
  return [chosen, set, save];
}

export type ListGridProps = {
  entries: ListEntry[];
  query: ListQuery;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onToggleSelected: (id: string) => void;
  onToggleAll: () => void;
  allSelected: boolean | 'mixed';
  onToggleGroup: (key: string) => void;
  groupLabel: (key: string) => string;
  onOpen: (id: string) => void;
  selectable: boolean;
  label: string;
};

/**
 * The actions as an accessible, virtualised grid: only the rows in view are in the DOM (5,000 actions scroll
 * like 50). One tab stop; arrow keys, Page Up/Down, Home and End move, Enter opens, Space selects.
 */
export function ListGrid(props: ListGridProps) {
  const {
    entries,
    query,
    onSort,
    selected,
    onToggleSelected,
    onToggleAll,
    allSelected,
    onToggleGroup,
    groupLabel,
    onOpen,
    selectable,
    label,
  } = props;
  const styles = useStyles();
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [font, setFont] = useState<string>();
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const cs = getComputedStyle(el);
    setFont(`${cs.fontSize} ${cs.fontFamily}`);
  }, []);
  const contentWidths = useContentWidths(entries, font);
  const [chosen, setChosenWidth, saveWidths] = useChosenWidths();
  const template = gridTemplate(contentWidths, chosen, FALLBACK_PX);
  const locale = useLocale();
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => {
      const e = entries[index];
      return !e ? index : e.kind === 'group' ? `g:${e.key}` : `r:${e.groupKey}:${e.row.id}`;
    },
  });
  const activeIndex = Math.min(active, Math.max(0, entries.length - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  });

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(entries.length - 1, index));
      setActive(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [entries.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, entry: ListEntry) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          move(index + 1);
          return true;
        case 'ArrowUp':
          move(index - 1);
          return true;
        case 'PageDown':
          move(index + page);
          return true;
        case 'PageUp':
          move(index - page);
          return true;
        case 'Home':
          move(0);
          return true;
        case 'End':
          move(entries.length - 1);
          return true;
        case 'Enter':
          if (entry.kind === 'group') onToggleGroup(entry.key);
          else onOpen(entry.row.id);
          return true;
        case ' ':
          if (entry.kind === 'group') onToggleGroup(entry.key);
          else if (selectable) onToggleSelected(entry.row.id);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const sortState = (key: SortKey): 'ascending' | 'descending' | 'none' =>
    query.sort.key === key ? (query.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';

  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={entries.length + 1}
      aria-colcount={7}
      aria-multiselectable={selectable || undefined}
      className={styles.grid}
      data-testid="actie-grid"
      ref={gridRef}
      style={{ '--lijst-kolommen': template } as CSSProperties}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={styles.header}>
          <div role="columnheader" className={styles.selectCell}>
            {selectable && (
              <Checkbox
                checked={allSelected}
                onChange={onToggleAll}
                aria-label={t('list.selectAll')}
                disabled={entries.length === 0}
              />
            )}
          </div>
          {SORTABLE.map((col) => (
            <div
              key={col.key}
              role="columnheader"
              aria-sort={sortState(col.key)}
              className={mergeClasses(styles.cell, styles.headerCell, !col.narrow && styles.narrowHidden)}
              data-column={col.key}
            >
              <button type="button" className={styles.sortButton} onClick={() => onSort(col.key)} title={t(col.label)}>
                {t(col.label)}
                {query.sort.key === col.key &&
                  (query.sort.dir === 'asc' ? (
                    <ArrowSortUpRegular aria-hidden="true" />
                  ) : (
                    <ArrowSortDownRegular aria-hidden="true" />
                  ))}
              </button>
              {isSized(col.key) && (
                <ResizeHandle
                  column={col.key}
                  label={t('list.columnWidth', { kolom: t(col.label) })}
                  hint={t('list.columnWidthHint')}
                  width={chosen[col.key] ?? contentWidths[col.key] ?? FALLBACK_PX[col.key]}
                  onResize={setChosenWidth}
                  onCommit={saveWidths}
                />
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className={styles.scroller} data-testid="grid-scroller">
        {entries.length === 0 && (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className={styles.empty}>
              {t('list.empty')}
            </div>
          </div>
        )}
        <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const entry = entries[v.index];
            if (!entry) return null;
            const common = {
              'data-index': v.index,
              ref: virtualizer.measureElement,
              tabIndex: v.index === activeIndex ? 0 : -1,
              'aria-rowindex': v.index + 2,
              style: { transform: `translateY(${v.start}px)` },
              onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => onKeyDown(e, v.index, entry),
              onFocus: () => setActive(v.index),
            };
            if (entry.kind === 'group') {
              return (
                <div
                  key={v.key}
                  role="row"
                  aria-expanded={!entry.collapsed}
                  className={styles.groupRow}
                  onClick={() => onToggleGroup(entry.key)}
                  data-testid="group-row"
                  {...common}
                >
                  <div role="gridcell" aria-colspan={7}>
                    {entry.collapsed ? (
                      <ChevronRightRegular aria-hidden="true" />
                    ) : (
                      <ChevronDownRegular aria-hidden="true" />
                    )}{' '}
                    {groupLabel(entry.key)} <span>({entry.count})</span>
                  </div>
                </div>
              );
            }
            const { row } = entry;
            const a = row.actie;
            const isSelected = selected.has(row.id);
            return (
              <div
                key={v.key}
                role="row"
                aria-selected={selectable ? isSelected : undefined}
                className={mergeClasses(styles.row, isSelected && styles.selected)}
                onClick={() => onOpen(row.id)}
                data-testid="actie-row"
                data-nummer={a.nummer}
                {...common}
              >
                <Cell className={styles.selectCell} plain>
                  {selectable && (
                    <Checkbox
                      checked={isSelected}
                      tabIndex={-1}
                      aria-label={t('list.selectRow', { nummer: a.nummer })}
                      onClick={(e) => e.stopPropagation()}
                      onChange={() => onToggleSelected(row.id)}
                    />
                  )}
                </Cell>
                <Cell className={styles.narrowHidden}>
                  <span className={styles.nummer}>{a.nummer}</span>
                </Cell>
                <Cell className={mergeClasses(styles.titleCell, styles.narrowStack)} title={a.titel}>
                  <span className={styles.nummer}>
                    <NarrowOnly>{a.nummer} </NarrowOnly>
                  </span>
                  {a.titel}
                  {a.omschrijving && (
                    <span className={styles.omschrijving} title={a.omschrijving} data-testid="lijst-omschrijving">
                      {a.omschrijving}
                    </span>
                  )}
                  {a.vervallen && (
                    <Badge appearance="outline" color="subtle" size="small" data-testid="vervallen-badge">
                      {t('plan.vervallen')}
                    </Badge>
                  )}
                  {row.blockedBy.length > 0 && (
                    <LockClosedRegular
                      className={styles.lock}
                      aria-label={t('roadmap.waitsFor', { nummers: row.blockedBy.map((b) => b.nummer).join(', ') })}
                    />
                  )}
                  {row.item.problems.length > 0 && (
                    <WarningRegular
                      className={styles.warn}
                      aria-label={t('plan.problems', { count: row.item.problems.length })}
                    />
                  )}
                </Cell>
                <Cell className={styles.narrowStack} title={t(STATUS_LABEL[a.status])}>
                  <StatusBadge status={a.status} size="small" />
                </Cell>
                <Cell className={styles.narrowHidden} title={a.eigenaar?.displayName ?? t('plan.noOwner')}>
                  <OwnerText owner={a.eigenaar} />
                </Cell>
                <Cell
                  className={styles.narrowStack}
                  title={deadlineWords(
                    { deadline: a.deadline, overdue: row.overdue, doorlopend: deadlineSoort(a) === 'doorlopend' },
                    t,
                    locale,
                  )}
                >
                  <DeadlineText
                    deadline={a.deadline}
                    overdue={row.overdue}
                    doorlopend={deadlineSoort(a) === 'doorlopend'}
                  />
                </Cell>
                <Cell className={styles.narrowHidden} title={plateauLabel(t, a.plateau)}>
                  <span className={styles.clip}>{plateauLabel(t, a.plateau)}</span>
                </Cell>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A cell. `title` is its whole text as a tooltip: a column the person made narrow, or a long name, is cut with an
 * ellipsis, and the tooltip still shows all of it.
 */
function Cell({
  children,
  className,
  plain = false,
  title,
}: {
  children?: ReactNode;
  className?: string | undefined;
  plain?: boolean;
  title?: string | undefined;
}) {
  const styles = useStyles();
  return (
    <div role="gridcell" className={mergeClasses(!plain && styles.cell, className)} title={title}>
      {children}
    </div>
  );
}

/**
 * The handle on a column's right edge: drag it, or focus it and use the arrow keys; a double click or Enter gives
 * the column its content's width again. A focusable separator with a value is WAI-ARIA's window splitter.
 */
function ResizeHandle({
  column,
  label,
  hint,
  width,
  onResize,
  onCommit,
}: {
  column: SizedColumn;
  label: string;
  hint: string;
  width: number;
  onResize: (column: SizedColumn, px: number | undefined) => void;
  onCommit: () => void;
}) {
  const styles = useStyles();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const cell = event.currentTarget.parentElement;
    drag.current = { x: event.clientX, width: cell?.getBoundingClientRect().width ?? width };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(column, drag.current.width + event.clientX - drag.current.x);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    onCommit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? KEY_STEP_PX : event.key === 'ArrowLeft' ? -KEY_STEP_PX : 0;
    if (step !== 0) onResize(column, width + step);
    else if (event.key === 'Enter') onResize(column, undefined);
    else return;
    event.preventDefault();
    onCommit();
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(width)}
      aria-valuemin={MIN_COLUMN_PX}
      aria-valuemax={MAX_COLUMN_PX}
      tabIndex={0}
      title={hint}
      className={styles.resizer}
      data-testid={`resize-${column}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => {
        onResize(column, undefined);
        onCommit();
      }}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}

const useNarrowStyles = makeStyles({ only: { display: 'none', '@media (max-width: 760px)': { display: 'inline' } } });
function NarrowOnly({ children }: { children: ReactNode }) {
  const s = useNarrowStyles();
  return <span className={s.only}>{children}</span>;
}
