import { describe, expect, it } from 'vitest';
import { en } from '../../../src/tab/i18n/en.js';
import { format, pickLocale } from '../../../src/tab/i18n/format.js';
import { nl } from '../../../src/tab/i18n/nl.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('text catalogues', () => {
  it('has every Dutch key in English, with a non-empty text', () => {
    const missing = Object.keys(nl).filter((key) => !(key in en) || !(en as Record<string, string>)[key]?.trim());
    expect(missing).toEqual([]);
  });
  it('has no English key that Dutch lacks', () => {
    expect(Object.keys(en).filter((key) => !(key in nl))).toEqual([]);
  });
  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });
});

describe('language and formatting', () => {
  it('is Dutch by default and English only when asked', () => {
    expect(pickLocale(undefined)).toBe('nl');
    expect(pickLocale('nl-NL')).toBe('nl');
    expect(pickLocale('fr-FR')).toBe('nl');
    expect(pickLocale('en-US')).toBe('en');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Advies {nummer}: {x}', { nummer: 11 })).toBe('Advies 11: {x}');
  });
});

describe('feature catalogues (texts in a view\'s own lazy chunk)', async () => {
  const { readdirSync, existsSync } = await import('node:fs');
  const features = readdirSync('src/tab/features').filter((f) => existsSync(`src/tab/features/${f}/i18n.ts`));
  const catalogues: [string, { nl: Record<string, string>; en: Record<string, string> }][] = [];
  for (const feature of features) {
    const module = (await import(`../../../src/tab/features/${feature}/i18n.ts`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'nl' in value && 'en' in value) catalogues.push([`${feature}/${name}`, value as { nl: Record<string, string>; en: Record<string, string> }]);
    }
  }

  it('finds the catalogues of the views that have one', () => {
    expect(catalogues.map(([name]) => name.split('/')[0]).sort()).toEqual(expect.arrayContaining(['besluiten', 'voortgang']));
  });
  it.each(catalogues)('%s has the same keys, non-empty texts and the same placeholders in Dutch and English', (_name, catalogue) => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
    for (const [key, text] of Object.entries(catalogue.nl)) {
      expect(text.trim(), key).not.toBe('');
      expect(catalogue.en[key]?.trim(), key).not.toBe('');
      expect(placeholders(catalogue.en[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
  it('has no key that the first view\'s catalogue already has with another text', () => {
    for (const [name, catalogue] of catalogues) {
      for (const key of Object.keys(catalogue.nl)) if (key in nl) expect((nl as Record<string, string>)[key], `${name}: ${key}`).toBe(catalogue.nl[key]);
    }
  });
});
