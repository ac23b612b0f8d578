import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from './host.js';

/**
 * The app's font stack: Segoe UI (Teams, Outlook and Windows), else the system's own interface font. Fluent's Teams
 * themes name `-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, …`: on Windows and Linux the browser looks up
 * the two Apple names first and finds neither, for every weight and size the page uses, before its first layout (issue
 * 16: the first style and layout of a cold start took about 5 ms less with this order, in Chromium on Linux; on Windows
 * the first name is found at once). The fonts shown are the same: Segoe UI where it is installed (on a Mac only where someone
 * installed it: there it now wins over San Francisco), and `system-ui` is San Francisco on a Mac (what `-apple-system`
 * names), the desktop's font on Linux. The emoji fonts and `sans-serif` stay.
 */
export const FONT_FAMILY_BASE =
  '"Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, "Apple Color Emoji", "Segoe UI Emoji", sans-serif';

/** A Fluent theme with the app's font stack. */
export function withAppFonts(theme: Theme): Theme {
  return { ...theme, fontFamilyBase: FONT_FAMILY_BASE };
}

const loaded: Partial<Record<HostTheme, Theme>> = { light: withAppFonts(teamsLightTheme) };

/** The theme if its code is here already (light always is). */
export function themeIfLoaded(name: HostTheme): Theme | undefined {
  return loaded[name];
}

/**
 * Fluent's Teams theme for a host theme name, with the app's font stack. Dark and high contrast are their own chunk:
 * most starts are light, and the host's theme is known before the first paint, so there is no flash.
 */
export async function loadTheme(name: HostTheme): Promise<Theme> {
  const known = loaded[name];
  if (known) return known;
  const { teamsDarkTheme, teamsHighContrastTheme } = await import('./themes-extra.js');
  loaded.dark = withAppFonts(teamsDarkTheme);
  loaded.contrast = withAppFonts(teamsHighContrastTheme);
  return name === 'dark' ? loaded.dark : loaded.contrast;
}
