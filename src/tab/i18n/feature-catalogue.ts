import { useCallback } from 'react';
import { format } from './format.js';
import { useLocale, useT } from './i18n.js';
import type { MessageKey } from './nl.js';

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

/** The keys of a feature catalogue. */
export type CatalogueKey<C> = C extends FeatureCatalogue<infer K> ? K : never;

/**
 * A `t` for a view whose texts moved out of the first view's catalogue under their old key names: a key of one of
 * `catalogues` (at most three) comes from there (the view's lazy chunk), every other key from the app's catalogue.
 */
export function useTextsT<
  const C extends readonly [FeatureCatalogue<string>, FeatureCatalogue<string>?, FeatureCatalogue<string>?],
>(...catalogues: C): (key: MessageKey | CatalogueKey<C[number]>, values?: Record<string, string | number>) => string {
  const locale = useLocale();
  const t = useT();
  // The catalogues are module constants: the same objects on every render, so the first render's list holds.
  const [first, second, third] = catalogues;
  return useCallback(
    (key: string, values?: Record<string, string | number>) => {
      const own = [first, second, third].find((c) => c !== undefined && Object.hasOwn(c.nl, key));
      return own ? format(own[locale][key] ?? key, values, locale) : t(key as MessageKey, values);
    },
    [locale, t, first, second, third],
  );
}
