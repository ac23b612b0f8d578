import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', margin: 0, padding: 0, listStyleType: 'none', columnGap: tokens.spacingHorizontalXS },
  link: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'nowrap',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  large: { fontSize: tokens.fontSizeBase400, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

/**
 * Navigation between the views, looking like Teams' tabs. Links with `aria-current`, not ARIA tabs: each view
 * is its own page with its own URL, which links express (and the history follows).
 */
export function ViewNav<V extends string>({ items, current, large = false }: { items: { view: V; label: string; href: string }[]; current: V; large?: boolean }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.view}>
          <a
            href={item.href}
            className={mergeClasses(styles.link, large && styles.large, item.view === current && styles.current)}
            aria-current={item.view === current ? 'page' : undefined}
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
