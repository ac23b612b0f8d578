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
