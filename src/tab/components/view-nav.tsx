import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef } from 'react';

const NARROW = '@media (max-width: 600px)';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    columnGap: tokens.spacingHorizontalXS,
  },
  bar: { [NARROW]: { display: 'none' } },
  menu: { display: 'none', [NARROW]: { display: 'block' } },
  summary: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  menuList: { flexDirection: 'column', paddingBottom: tokens.spacingVerticalS },
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
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
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
 * is its own page with its own URL, which links express (and the history follows). On a narrow screen the row
 * becomes a disclosure menu ("Menu · Roadmap"), so no view hides behind a scroll that nothing hints at.
 */
export function ViewNav<V extends string>({
  items,
  current,
  large = false,
  menuLabel,
}: {
  items: { view: V; label: string; href: string }[];
  current: V;
  large?: boolean;
  menuLabel: string;
}) {
  const styles = useStyles();
  const menu = useRef<HTMLDetailsElement>(null);
  const links = (onClick?: () => void) =>
    items.map((item) => (
      <li key={item.view}>
        <a
          href={item.href}
          onClick={onClick}
          className={mergeClasses(styles.link, large && styles.large, item.view === current && styles.current)}
          aria-current={item.view === current ? 'page' : undefined}
        >
          {item.label}
        </a>
      </li>
    ));
  const currentLabel = items.find((i) => i.view === current)?.label;
  return (
    <>
      <ul className={mergeClasses(styles.list, styles.bar)}>{links()}</ul>
      <details
        ref={menu}
        className={styles.menu}
        data-testid="nav-menu"
        // Esc closes the open menu and leaves the focus on it, as a menu button does.
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !menu.current?.open) return;
          event.preventDefault();
          menu.current.removeAttribute('open');
          menu.current.querySelector('summary')?.focus();
        }}
      >
        <summary className={styles.summary}>
          <span aria-hidden="true">☰</span>
          <span>{menuLabel}</span>
          {currentLabel && <span aria-hidden="true">· {currentLabel}</span>}
        </summary>
        <ul className={mergeClasses(styles.list, styles.menuList)}>
          {links(() => {
            // A chosen view closes the menu; the focus stays on the menu, not on a link that is hidden with it.
            menu.current?.removeAttribute('open');
            menu.current?.querySelector('summary')?.focus();
          })}
        </ul>
      </details>
    </>
  );
}
