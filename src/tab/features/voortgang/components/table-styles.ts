import { makeStyles, tokens } from '@fluentui/react-components';

/** The dashboard's tables and sections share one look: plain HTML tables (screen readers know them) in Fluent tokens. */
export const useDashboardStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    '& p': { marginBlock: 0 },
    '& > h3': { marginBlock: 0 },
    '& > h4': { marginBlock: `${tokens.spacingVerticalS} 0` },
  },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  /** Tabs wrap onto a second line on a narrow screen instead of pushing the page sideways. */
  tabs: { flexWrap: 'wrap' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: 'start',
    verticalAlign: 'bottom',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  rowHead: { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  figure: {
    margin: 0,
    minWidth: 0,
    maxWidth: '60rem',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
});
