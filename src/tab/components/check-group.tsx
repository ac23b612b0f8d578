import { Caption1, Label, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  column: { display: 'flex', flexDirection: 'column' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * A labelled group of checkboxes with its error. Use it instead of a Fluent `Field` around checkboxes: a Field hands
 * its one id and label to every control inside it (FieldContext), so every box's label pointed at the first box and
 * clicking the second label toggled the first (issue 19). Each Checkbox keeps its own id here.
 */
export function CheckGroup({
  label,
  error,
  row = false,
  className,
  children,
  ...rest
}: {
  label: string;
  error?: string | undefined;
  /** The boxes side by side (wrapping) rather than one under the other. */
  row?: boolean;
  className?: string;
  children: ReactNode;
  'data-field'?: string;
  'data-testid'?: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      {...(error ? { 'aria-describedby': `${id}-error` } : {})}
      className={mergeClasses(styles.group, className)}
      {...rest}
    >
      <Label id={`${id}-label`}>{label}</Label>
      <div className={row ? styles.row : styles.column}>{children}</div>
      {error && (
        <Caption1 id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </Caption1>
      )}
    </div>
  );
}
