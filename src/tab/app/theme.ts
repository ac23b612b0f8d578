import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from './host.js';

const loaded: Partial<Record<HostTheme, Theme>> = { light: teamsLightTheme };

/** The theme if its code is here already (light always is). */
export function themeIfLoaded(name: HostTheme): Theme | undefined {
  return loaded[name];
}

/**
 * Fluent's Teams theme for a host theme name. Dark and high contrast are their own chunk: most starts are light,
 * and the host's theme is known before the first paint, so there is no flash.
 */
export async function loadTheme(name: HostTheme): Promise<Theme> {
  const known = loaded[name];
  if (known) return known;
  const { teamsDarkTheme, teamsHighContrastTheme } = await import('./themes-extra.js');
  loaded.dark = teamsDarkTheme;
  loaded.contrast = teamsHighContrastTheme;
  return name === 'dark' ? teamsDarkTheme : teamsHighContrastTheme;
}
