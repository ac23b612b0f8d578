import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useDashboardStyles } from './table-styles.js';

const useStyles = makeStyles({
  region: {
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * A dashboard table that scrolls sideways in its own region on a narrow screen (320 px). The region can be focused, so
 * a keyboard user can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`), and is named after the table's
 * caption: `children` gets the id to put on the `<caption>`.
 */
export function TableRegion({ children }: { children: (captionId: string) => ReactNode }) {
  const dashboard = useDashboardStyles();
  const styles = useStyles();
  const captionId = useId();
  return (
    <div
      className={mergeClasses(dashboard.tableWrap, styles.region)}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      {children(captionId)}
    </div>
  );
}
