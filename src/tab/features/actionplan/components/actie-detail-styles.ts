/** The action detail's styles (Fluent's makeStyles), apart from its render. */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Classes of the detail panel, its form, context list and the read-only fields. */
export const useActieDetailStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  /**
   * Two fields side by side. Each keeps its own height (`alignItems: start`): a grid stretches its items to the row,
   * and a Field is a grid itself, so a message under one field (a refused date, the plan's rule) pushed the other
   * field's label down and made its input taller (32 → 56 px).
   */
  two: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr' },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  /**
   * Label and text side by side; the label column as wide as its longest label, at most 40% of the list (a longer label
   * wraps), the text the rest. An `auto` column took its longest label's full width: in English "Response of the
   * Municipal Executive (college van B&W)" made it 441 of 543 px, and the text had 90 px, one or two words a line.
   * Up to 480 px wide the label stands above its text, as the panel's fields do there.
   */
  dl: {
    display: 'grid',
    gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 480px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
      rowGap: tokens.spacingVerticalXXS,
      '& > dd, & > div > dd': { marginBottom: tokens.spacingVerticalS },
    },
  },
  dt: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  depItem: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  title: {
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  share: { overflowWrap: 'anywhere' },
  toelichting: { margin: 0, color: tokens.colorNeutralForeground2 },
  themaKop: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
});
