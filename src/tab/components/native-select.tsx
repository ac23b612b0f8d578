import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  // Never wider than its container: a native select is as wide as its longest option (an action's whole title).
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    maxWidth: '100%',
    minWidth: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, flexShrink: 0 },
  select: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    minHeight: '24px',
    minWidth: 0,
    maxWidth: '100%',
    textOverflow: 'ellipsis',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A labelled native select in Fluent's tokens. For the first view only: Fluent's Field + Select cost more
 * than this one filter is worth there (docs/decisions.md, the 180 KB budget); other views use Fluent's.
 */
export function NativeSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <span className={styles.root}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.select} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </span>
  );
}
