import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/** Below this viewport width a stacking table puts each row's cells under its first two (320 px side panels, phones). */
const NARROW = '@media (max-width: 760px)';
const ROW_ESTIMATE = 44;
/**
 * Rows rendered beyond the visible ones, each way. Generous on purpose: a seeded portfolio (15 items in a few groups)
 * renders whole, and scrolling by keyboard or screen reader finds its next row already there. 5,000 items still put
 * only about a screen plus 2 × 30 rows in the DOM.
 */
const OVERSCAN = 30;

export type VirtualColumn = { key: string; header: ReactNode; width: string };

/** One line of the table: a heading over the rows that follow (a section or a group), or a row of cells. */
export type VirtualEntry =
  | {
      kind: 'heading';
      key: string;
      level: 'section' | 'group';
      content: ReactNode;
      attrs?: Record<string, string | undefined>;
    }
  | {
      kind: 'row';
      key: string;
      /**
       * The row's cells, made only when the row is drawn: a list of 5,000 items draws some 40 rows, and every row's
       * elements were made on each render of the table (issue 16).
       */
      cells: () => ReactNode[];
      className?: string | undefined;
      attrs?: Record<string, string | undefined>;
    };

const useStyles = makeStyles({
  frame: { width: '100%', marginBottom: tokens.spacingVerticalL },
  wide: { overflowX: 'auto' },
  table: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  header: {
    display: 'grid',
    alignItems: 'end',
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  headerStack: { [NARROW]: { display: 'flex' } },
  th: { padding: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  thStackHidden: { [NARROW]: { display: 'none' } },
  // The rows scroll inside their own region, so the page keeps its header and navigation in view.
  scroller: {
    position: 'relative',
    overflowY: 'auto',
    overflowX: 'hidden',
    maxHeight: 'max(16rem, calc(100vh - 20rem))',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    display: 'grid',
    alignItems: 'start',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowStack: {
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      columnGap: tokens.spacingHorizontalXS,
      paddingBottom: tokens.spacingVerticalXS,
    },
  },
  td: { padding: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  // In a stacked row the first cell keeps its place, the second takes the rest of the line, the others follow it.
  tdFirstStack: { [NARROW]: { flex: '0 0 auto', minWidth: '2.5rem' } },
  tdSecondStack: { [NARROW]: { flex: '1 1 calc(100% - 4rem)' } },
  tdRestStack: { [NARROW]: { flex: '0 1 auto', padding: `0 ${tokens.spacingHorizontalS}` } },
  heading: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  section: { backgroundColor: tokens.colorNeutralBackground4, fontSize: tokens.fontSizeBase400 },
  group: { backgroundColor: tokens.colorNeutralBackground3 },
});

/**
 * A table whose rows are virtualised (`@tanstack/react-virtual`, as the action list): only the rows in view and an
 * overscan are in the DOM, so 5,000 portfolio items cost about what 50 do. ARIA table semantics (table, rowgroup,
 * row with aria-rowindex, columnheader, cell) keep it a table for assistive technology; links inside stay in the
 * tab order. `stack` lets a narrow screen stack each row's cells instead of overflowing; `minWidth` keeps a grid
 * (the timeline) whole and lets it scroll sideways inside its own region instead.
 */
export function VirtualTable({
  label,
  caption,
  columns,
  entries,
  testId,
  stack = true,
  minWidth,
}: {
  label: string;
  caption?: ReactNode;
  columns: VirtualColumn[];
  entries: VirtualEntry[];
  testId: string;
  stack?: boolean;
  minWidth?: string;
}) {
  const s = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    getItemKey: (index) => entries[index]?.key ?? index,
  });
  const rowCount = entries.filter((e) => e.kind === 'row').length;

  return (
    <div className={mergeClasses(s.frame, minWidth !== undefined && s.wide)}>
      {caption !== undefined && <div className={s.caption}>{caption}</div>}
      <div
        role="table"
        aria-label={label}
        aria-rowcount={entries.length + 1}
        className={s.table}
        style={minWidth ? { minWidth } : undefined}
        data-testid={testId}
        data-rows={rowCount}
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={mergeClasses(s.header, stack && s.headerStack)}
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((c, i) => (
              <div key={c.key} role="columnheader" className={mergeClasses(s.th, stack && i > 1 && s.thStackHidden)}>
                {c.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={scrollRef} className={s.scroller}>
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const entry = entries[v.index];
              if (!entry) return null;
              const common = {
                'data-index': v.index,
                ref: virtualizer.measureElement,
                'aria-rowindex': v.index + 2,
                style: { transform: `translateY(${v.start}px)` },
              };
              if (entry.kind === 'heading') {
                return (
                  <div
                    key={v.key}
                    role="row"
                    className={mergeClasses(s.heading, entry.level === 'section' ? s.section : s.group)}
                    {...entry.attrs}
                    {...common}
                  >
                    <div role="cell" aria-colspan={columns.length}>
                      {entry.content}
                    </div>
                  </div>
                );
              }
              return (
                <div
                  key={v.key}
                  role="row"
                  className={mergeClasses(s.row, stack && s.rowStack, entry.className)}
                  {...entry.attrs}
                  {...common}
                  style={{ ...common.style, gridTemplateColumns: template }}
                >
                  {entry.cells().map((cell, i) => (
                    <div
                      key={columns[i]?.key ?? i}
                      role="cell"
                      className={mergeClasses(
                        s.td,
                        stack && (i === 0 ? s.tdFirstStack : i === 1 ? s.tdSecondStack : s.tdRestStack),
                      )}
                    >
                      {cell}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
