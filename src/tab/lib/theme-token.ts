import type { Theme } from '@fluentui/react-components';

/**
 * A theme token the FluentProvider always defines as a CSS variable. The optional `zIndex…` tokens are not among them:
 * Fluent's map gives those a fallback (`var(--zIndexPopup, 2000)`), as no theme sets them.
 */
export type DefinedThemeToken = Exclude<keyof Theme, `zIndex${string}`>;

/**
 * The CSS variable of one of the theme's tokens, `var(--colorBrandStroke1)`: the value Fluent's `tokens` map holds for
 * it, for a style set at run time (an inline style). Our `makeStyles` calls are compiled at build time and need no map;
 * code that reads `tokens` at run time brings the whole map (467 variables, 29 KB of JS) into its chunk, which for the
 * first view's code is the first view (issue 16).
 */
export function themeToken(name: DefinedThemeToken): string {
  return `var(--${name})`;
}
