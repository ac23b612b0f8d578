import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { format, type Locale } from './format.js';
import { nl, type MessageKey } from './nl.js';

export { format, pickLocale, type Locale } from './format.js';

/** Dutch is always here; English is its own chunk, loaded when the host or browser asks for it. */
const catalogues: Partial<Record<Locale, Record<MessageKey, string>>> = { nl };

export async function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === 'en') catalogues.en = (await import('./en.js')).en;
}

const LocaleContext = createContext<Locale>('nl');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={catalogues[locale] ? locale : 'nl'}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useContext(LocaleContext);
  return useCallback((key, values) => format((catalogues[locale] ?? nl)[key], values, locale), [locale]);
}
