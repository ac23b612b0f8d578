import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { en } from './en.js';
import { format, type Locale } from './format.js';
import { nl, type MessageKey } from './nl.js';

export { format, pickLocale, type Locale } from './format.js';
const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

const LocaleContext = createContext<Locale>('nl');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useContext(LocaleContext);
  return useCallback((key, values) => format(catalogues[locale][key], values), [locale]);
}
