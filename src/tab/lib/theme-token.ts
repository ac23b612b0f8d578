import type { Theme } from '@fluentui/react-components';

/**
 * The CSS variable of one of the theme's tokens, `var(--colorBrandStroke1)`: the value Fluent's `tokens` map holds for
 * it, for a style set at run time (an inline style). Our `makeStyles` calls are compiled at build time and need no map;
 * code that reads `tokens` at run time brings the whole map (460 variables, 30 KB of JS) into its chunk, which for the
 * first view's code is the first view (issue 16). The FluentProvider defines each variable from the theme.
 */
export function themeToken(name: keyof Theme): string {
  return `var(--${name})`;
}
