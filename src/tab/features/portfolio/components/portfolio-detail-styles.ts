import { makeStyles, tokens } from '@fluentui/react-components';

/** The portfolio detail's styles (the drawer's body, its facts, the form). */
export const usePortfolioDetailStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // flex-start: a field that grows (its validation message appears) must not stretch and shift its neighbour.
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalM },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // A goal's reason as it was typed: its line breaks kept (a reason of several lines read as one).
  reden: { whiteSpace: 'pre-line' },
  goal: { paddingBlockEnd: tokens.spacingVerticalS },
});
