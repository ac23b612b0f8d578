import { createContext, useContext } from 'react';

export type ThemeName = 'light' | 'dark' | 'contrast';

const ThemeNameContext = createContext<ThemeName>('light');
export const ThemeNameProvider = ThemeNameContext.Provider;

/** The host's current theme name, for the few things tokens cannot reach (chart colours). */
export function useThemeName(): ThemeName {
  return useContext(ThemeNameContext);
}
