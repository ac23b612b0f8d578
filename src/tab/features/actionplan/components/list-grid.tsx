import { Badge, Checkbox, mergeClasses } from '@fluentui/react-components';
import {
  ArrowSortDownRegular,
  ArrowSortUpRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  WarningRegular,
  LockClosedRegular,
} from '@fluentui/react-icons';
import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { DeadlineText, deadlineWords } from '../../../components/deadline-text.js';
import { deadlineKind } from '../../../../domain/planning.js';
import { OwnerText, ownerText } from '../../../components/owner-text.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { plateauLabel, STATUS_LABEL } from '../../../lib/labels.js';
import { KEY_STEP_PX, MAX_COLUMN_PX, MIN_COLUMN_PX, type SizedColumn } from '../lib/column-widths.js';
import type { ListEntry, ListQuery, SortKey } from '../lib/list-query.js';
import { useListGridNavigation } from '../hooks/use-list-grid-navigation.js';
import { useListGridWidths } from '../hooks/use-list-grid-widths.js';
import { useListGridStyles, useNarrowStyles } from './list-grid-styles.js';

const SORTABLE: { key: SortKey & (SizedColumn | 'titel'); label: MessageKey; narrow?: boolean }[] = [
  { key: 'nummer', label: 'plan.col.nummer' },
  { key: 'titel', label: 'plan.col.titel', narrow: true },
  { key: 'status', label: 'plan.col.status' },
  { key: 'eigenaar', label: 'plan.col.eigenaar' },
  { key: 'deadline', label: 'plan.col.deadline' },
  { key: 'plateau', label: 'plan.col.plateau' },
];

const isSized = (key: string): key is SizedColumn => key !== 'titel';

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
  const styles = useListGridStyles();
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const widths = useListGridWidths(entries, gridRef);
  const locale = useLocale();
  const { virtualizer, activeIndex, setActive, onKeyDown } = useListGridNavigation({
    entries,
    scrollRef,
    onToggleGroup,
    onOpen,
    onToggleSelected,
    selectable,
  });

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
      style={{ '--lijst-kolommen': widths.template } as CSSProperties}
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
                  width={widths.widthOf(col.key)}
                  onResize={widths.setWidth}
                  onCommit={widths.save}
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
                data-opens-actie=""
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
                <Cell className={styles.narrowHidden} title={ownerText(t, a.eigenaar, row.eigenaarPerDomein)}>
                  <OwnerText owner={a.eigenaar} perDomein={row.eigenaarPerDomein} />
                </Cell>
                <Cell
                  className={styles.narrowStack}
                  title={deadlineWords(
                    { deadline: a.deadline, overdue: row.overdue, doorlopend: deadlineKind(a) === 'doorlopend' },
                    t,
                    locale,
                  )}
                >
                  <DeadlineText
                    deadline={a.deadline}
                    overdue={row.overdue}
                    doorlopend={deadlineKind(a) === 'doorlopend'}
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
  const styles = useListGridStyles();
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
  const styles = useListGridStyles();
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

function NarrowOnly({ children }: { children: ReactNode }) {
  const s = useNarrowStyles();
  return <span className={s.only}>{children}</span>;
}
