import { describe, expect, it } from 'vitest';
import { en } from '../../../src/tab/i18n/en.js';
import { format, pickLocale } from '../../../src/tab/i18n/format.js';
import { nl } from '../../../src/tab/i18n/nl.js';

/** The values a text needs: `{name}` and the counted `{name, plural, …}`, each once. */
const placeholders = (text: string) =>
  [
    ...new Set(
      [...text.replace(/(=\d+|zero|one|two|few|many|other) \{[^{}]*\}/g, '').matchAll(/\{(\w+)(?:\}|, plural,)/g)].map(
        (m) => m[1],
      ),
    ),
  ].sort();

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
  it('chooses singular or plural by the language\'s plural rules, never "dag(en)"', async () => {
    // Instellingen's texts live in its lazy chunk; a path in a variable keeps tsc (no JSX here) out of the tab's modules.
    const settingsPath = '../../../src/tab/features/settings/i18n.ts';
    const { settingsTexts } = (await import(settingsPath)) as {
      settingsTexts: { nl: Record<string, string>; en: Record<string, string> };
    };
    expect(format(settingsTexts.nl['lead.days']!, { count: 1 })).toBe('1 dag ervoor');
    expect(format(settingsTexts.nl['lead.days']!, { count: 2 })).toBe('2 dagen ervoor');
    expect(format(settingsTexts.nl['lead.days']!, { count: 0 })).toBe('0 dagen ervoor');
    expect(format(settingsTexts.en['lead.hours']!, { count: 1 }, 'en')).toBe('1 hour before');
    expect(format(settingsTexts.en['lead.hours']!, { count: 3 }, 'en')).toBe('3 hours before');
    expect(format('{n, plural, =0 {geen acties} one {# actie} other {# acties}}', { n: 0 })).toBe('geen acties');
    expect(format(nl['roadmap.summary'], { total: 1, open: 1, overdue: 0, blocked: 0, waiting: 1 })).toBe(
      '1 actie · 1 open · 0 achterstallig · 0 geblokkeerd · 1 wacht op een andere actie',
    );
    expect(format(nl['roadmap.summary'], { total: 33, open: 32, overdue: 25, blocked: 0, waiting: 2 })).toBe(
      '33 acties · 32 open · 25 achterstallig · 0 geblokkeerd · 2 wachten op een andere actie',
    );
  });
  it('leaves a counted text visible when its count is missing', () => {
    expect(format(nl['roadmap.count'], {})).toBe(nl['roadmap.count']);
  });
  it('has no "(en)", "(s)" or "/problemen" stand-ins for a plural in either language', () => {
    const bad = [...Object.entries(nl), ...Object.entries(en)]
      .filter(([, text]) => /\w\((en|s)\)|probleem\/problemen/.test(text))
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });
});

describe("feature catalogues (texts in a view's own lazy chunk)", async () => {
  const { readdirSync, existsSync } = await import('node:fs');
  const features = readdirSync('src/tab/features').filter((f) => existsSync(`src/tab/features/${f}/i18n.ts`));
  // A feature's i18n.ts, and the other catalogue files (`*-i18n.ts`) of the features and the shared components.
  const files = [
    ...features.map((f) => [f, `src/tab/features/${f}/i18n.ts`] as const),
    ...readdirSync('src/tab/features').flatMap((f) =>
      existsSync(`src/tab/features/${f}`)
        ? readdirSync(`src/tab/features/${f}`)
            .filter((name) => name.endsWith('-i18n.ts'))
            .map((name) => [f, `src/tab/features/${f}/${name}`] as const)
        : [],
    ),
    ...readdirSync('src/tab/components')
      .filter((name) => name.endsWith('-i18n.ts'))
      .map((name) => ['components', `src/tab/components/${name}`] as const),
  ];
  const catalogues: [string, { nl: Record<string, string>; en: Record<string, string> }][] = [];
  for (const [feature, file] of files) {
    const module = (await import(`../../../${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'nl' in value && 'en' in value)
        catalogues.push([`${feature}/${name}`, value as { nl: Record<string, string>; en: Record<string, string> }]);
    }
  }

  it('finds the catalogues of the views that have one', () => {
    expect(catalogues.map(([name]) => name.split('/')[0]).sort()).toEqual(
      expect.arrayContaining(['besluiten', 'settings', 'voortgang', 'components']),
    );
  });
  it.each(catalogues)(
    '%s has the same keys, non-empty texts and the same placeholders in Dutch and English',
    (_name, catalogue) => {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
      for (const [key, text] of Object.entries(catalogue.nl)) {
        expect(text.trim(), key).not.toBe('');
        expect(catalogue.en[key]?.trim(), key).not.toBe('');
        expect(placeholders(catalogue.en[key] ?? ''), key).toEqual(placeholders(text));
      }
    },
  );
  it("has no key that the first view's catalogue already has with another text", () => {
    for (const [name, catalogue] of catalogues) {
      for (const key of Object.keys(catalogue.nl))
        if (key in nl) expect((nl as Record<string, string>)[key], `${name}: ${key}`).toBe(catalogue.nl[key]);
    }
  });
});
