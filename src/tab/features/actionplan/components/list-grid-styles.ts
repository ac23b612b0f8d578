/** The action list's grid styles (Fluent's makeStyles), apart from its render. */
import { makeStyles, tokens } from '@fluentui/react-components';

// The grid's columns come from a CSS variable set on the grid (content widths, or the person's), so that the narrow
// layout's media query still wins over them.
const COLUMNS = 'var(--lijst-kolommen)';
/** A row's height before it is measured (the virtualiser's estimate and a row's minimum). */
export const ROW_HEIGHT = 44;

/** Classes of the grid, its header, rows, cells and resize handles. */
export const useListGridStyles = makeStyles({
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
  // The whole header cell sorts, not only its text (the column's resize handle lies over its right edge).
  sortButton: {
    display: 'flex',
    // Over the cell's padding too: a click in its edge sorts as well.
    width: `calc(100% + 2 * ${tokens.spacingHorizontalS})`,
    marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
    paddingInline: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    background: 'none',
    border: 'none',
    paddingBlock: tokens.spacingVerticalS,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    // Inside its edge: the cell clips what lies outside it.
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
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

/** Shows its content only in the narrow layout. */
export const useNarrowStyles = makeStyles({
  only: { display: 'none', '@media (max-width: 760px)': { display: 'inline' } },
});
