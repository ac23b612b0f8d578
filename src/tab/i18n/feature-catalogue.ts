import { useCallback } from 'react';
import { format } from './format.js';
import { useLocale } from './i18n.js';

/**
 * A feature's own texts, Dutch and English, in the feature's lazy chunk: the first view's catalogue stays small
 * (the 180 KB budget) and a view that is never opened never downloads its texts. The English catalogue must have
 * exactly the Dutch keys (the type says so; a unit test checks every registered catalogue).
 */
export type FeatureCatalogue<K extends string> = { nl: Record<K, string>; en: Record<K, string> };

export function defineCatalogue<const N extends Record<string, string>>(
  nl: N,
  en: Record<keyof N & string, string>,
): FeatureCatalogue<keyof N & string> {
  return { nl, en };
}

export function useFeatureT<K extends string>(
  catalogue: FeatureCatalogue<K>,
): (key: K, values?: Record<string, string | number>) => string {
  const locale = useLocale();
  return useCallback(
    (key: K, values?: Record<string, string | number>) => format(catalogue[locale][key], values, locale),
    [catalogue, locale],
  );
}
