/** The decision log's styles (Fluent's makeStyles), apart from its render. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Classes of the log's head, toolbar, table and rows. */
export const useBesluitenViewStyles = makeStyles({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  intro: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    maxWidth: '60rem',
    marginTop: tokens.spacingVerticalXS,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  search: { flexGrow: 1, minWidth: '14rem', maxWidth: '28rem' },
  filter: { minWidth: '10rem', maxWidth: '16rem' },
  count: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalS },
  bar: { marginBottom: tokens.spacingVerticalS },
  scroll: { overflowX: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse' },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  th: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  td: {
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  when: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  tekst: { minWidth: '16rem', maxWidth: '36rem', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  tick: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  stack: { display: 'flex', flexDirection: 'column' },
});
