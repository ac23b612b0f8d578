import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { en } from './en.js';
import { nl, type MessageKey } from './nl.js';

export type Locale = 'nl' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

/** Dutch unless the host or browser asks for English. */
export function pickLocale(requested: string | undefined): Locale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** Fills `{name}` placeholders. Values are plain text; React escapes them when rendered. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

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
