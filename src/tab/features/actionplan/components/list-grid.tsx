import { Badge, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular, ChevronDownRegular, ChevronRightRegular, WarningRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { DeadlineText } from '../../../components/deadline-text.js';
import { deadlineSoort } from '../../../../domain/planning.js';
import { OwnerText } from '../../../components/owner-text.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { PLATEAU_LABEL } from '../../../lib/labels.js';
import type { ListEntry, ListQuery, SortKey } from '../lib/list-query.js';

const COLUMNS = '3rem 4rem minmax(12rem, 3fr) 11.5rem minmax(9rem, 1.3fr) 13rem 9.5rem';
const ROW_HEIGHT = 44;

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
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 760px)': { gridTemplateColumns: '3rem 1fr' },
  },
  scroller: { overflowY: 'auto', overflowX: 'hidden', position: 'relative', height: 'calc(100vh - 22rem)', minHeight: '16rem' },
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
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    '@media (max-width: 760px)': { gridTemplateColumns: '3rem 1fr', rowGap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXS} 0` },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
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
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  cell: { padding: `0 ${tokens.spacingHorizontalS}`, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  selectCell: { display: 'flex', justifyContent: 'center', minWidth: 0 },
  titleCell: { overflowWrap: 'anywhere', whiteSpace: 'normal', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' },
  // The action's description (the report's words for the seeded ones) as one subtle line; the detail has it whole.
  omschrijving: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
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
  warn: { color: tokens.colorPaletteMarigoldForeground1, verticalAlign: 'middle', marginLeft: tokens.spacingHorizontalXXS },
  lock: { color: tokens.colorPaletteRedForeground1, verticalAlign: 'middle', marginLeft: tokens.spacingHorizontalXXS },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

const SORTABLE: { key: SortKey; label: MessageKey; narrow?: boolean }[] = [
  { key: 'nummer', label: 'plan.col.nummer' },
  { key: 'titel', label: 'plan.col.titel', narrow: true },
  { key: 'status', label: 'plan.col.status' },
  { key: 'eigenaar', label: 'plan.col.eigenaar' },
  { key: 'deadline', label: 'plan.col.deadline' },
  { key: 'plateau', label: 'plan.col.plateau' },
];

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
  const { entries, query, onSort, selected, onToggleSelected, onToggleAll, allSelected, onToggleGroup, groupLabel, onOpen, selectable, label } = props;
  const styles = useStyles();
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
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

  const sortState = (key: SortKey): 'ascending' | 'descending' | 'none' => (query.sort.key === key ? (query.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');

  return (
    <div role="grid" aria-label={label} aria-rowcount={entries.length + 1} aria-colcount={7} aria-multiselectable={selectable || undefined} className={styles.grid} data-testid="actie-grid">
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
            <div key={col.key} role="columnheader" aria-sort={sortState(col.key)} className={mergeClasses(styles.cell, !col.narrow && styles.narrowHidden)}>
              <button type="button" className={styles.sortButton} onClick={() => onSort(col.key)}>
                {t(col.label)}
                {query.sort.key === col.key && (query.sort.dir === 'asc' ? <ArrowSortUpRegular aria-hidden="true" /> : <ArrowSortDownRegular aria-hidden="true" />)}
              </button>
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
                <div key={v.key} role="row" aria-expanded={!entry.collapsed} className={styles.groupRow} onClick={() => onToggleGroup(entry.key)} data-testid="group-row" {...common}>
                  <div role="gridcell" aria-colspan={7}>
                    {entry.collapsed ? <ChevronRightRegular aria-hidden="true" /> : <ChevronDownRegular aria-hidden="true" />} {groupLabel(entry.key)}{' '}
                    <span>({entry.count})</span>
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
                <Cell className={mergeClasses(styles.titleCell, styles.narrowStack)}>
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
                  {row.blockedBy.length > 0 && <LockClosedRegular className={styles.lock} aria-label={t('roadmap.waitsFor', { nummers: row.blockedBy.map((b) => b.nummer).join(', ') })} />}
                  {row.item.problems.length > 0 && <WarningRegular className={styles.warn} aria-label={t('plan.problems', { count: row.item.problems.length })} />}
                </Cell>
                <Cell className={styles.narrowStack}>
                  <StatusBadge status={a.status} size="small" />
                </Cell>
                <Cell className={styles.narrowHidden}>
                  <OwnerText owner={a.eigenaar} />
                </Cell>
                <Cell className={styles.narrowStack}>
                  <DeadlineText deadline={a.deadline} overdue={row.overdue} doorlopend={deadlineSoort(a) === 'doorlopend'} />
                </Cell>
                <Cell className={styles.narrowHidden}>{t(PLATEAU_LABEL[a.plateau])}</Cell>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cell({ children, className, plain = false }: { children?: ReactNode; className?: string | undefined; plain?: boolean }) {
  const styles = useStyles();
  return (
    <div role="gridcell" className={mergeClasses(!plain && styles.cell, className)}>
      {children}
    </div>
  );
}

const useNarrowStyles = makeStyles({ only: { display: 'none', '@media (max-width: 760px)': { display: 'inline' } } });
function NarrowOnly({ children }: { children: ReactNode }) {
  const s = useNarrowStyles();
  return <span className={s.only}>{children}</span>;
}
