export type Locale = 'nl' | 'en';

/** Dutch unless the host or browser asks for English. */
export function pickLocale(requested: string | undefined): Locale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;
const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * Fills `{name}` placeholders. Values are plain text; React escapes them when rendered. Counted words use the
 * ICU MessageFormat plural form, decided by the platform's `Intl.PluralRules` for the language:
 * `{count, plural, one {# dag} other {# dagen}}` (`#` is the number, `=0 {…}` an exact match).
 */
export function format(template: string, values: Record<string, string | number> = {}, locale: Locale = 'nl'): string {
  // Most texts have no placeholder, or no plural: they skip the expressions below (the first screen writes some sixty
  // texts, and the plural's expression was tried on each; issue 16).
  if (!template.includes('{')) return template;
  const plural = template.includes(', plural,') ? fillPlurals(template, values, locale) : template;
  return plural.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function fillPlurals(template: string, values: Record<string, string | number>, locale: Locale): string {
  return template.replace(PLURAL, (match, name: string, cases: string) => {
    const value = values[name];
    if (typeof value !== 'number') return match;
    const options = new Map([...cases.matchAll(PLURAL_CASE)].map((m) => [m[1] ?? '', m[2] ?? ''] as const));
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    const chosen = options.get(`=${value}`) ?? options.get(rules.select(value)) ?? options.get('other') ?? match;
    return chosen.replace(/#/g, String(value));
  });
}

/**
 * One `Intl.DateTimeFormat` per locale and pattern, made once: making one costs far more than formatting with it, and
 * the roadmap formats a deadline per card (issue 16: a new formatter per call showed as 30-80 ms of a cold first view).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let made = dateFormats.get(id);
  if (!made) dateFormats.set(id, (made = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', options)));
  return made;
}

/**
 * The months' short names as the platform's CLDR data writes them in a date of the `short` style below (`30 jun 2025`,
 * `30 Jun 2025`, `5 Sept 2025`), January first. A short date is written with these, not with `Intl.DateTimeFormat`:
 * the roadmap's first screen writes a deadline on every card, and a page's first `Intl.DateTimeFormat` loads ICU's
 * calendar and locale data, 15–40 ms of a cold start's main thread that nothing else on that screen needs (issue 16).
 * They are checked against `Intl.DateTimeFormat` itself: Node's in tests/unit/tab/format-dates.test.ts, the browser's
 * in tests/e2e/tab-plan.test.ts ("makes no date formatter…"), so a change in the platform's data fails a test rather
 * than drifting.
 */
export const SHORT_MONTHS: Record<Locale, readonly string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};

/** A calendar date (`2025-06-30`) as text, built at UTC noon so no time zone can shift the day. */
export function formatCalendarDate(date: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  if (Number.isNaN(noon.getTime())) return date;
  if (style === 'short')
    // Date.UTC rolls an impossible day over (31 February is 3 March) as the formatter did.
    return `${noon.getUTCDate()} ${SHORT_MONTHS[locale][noon.getUTCMonth()] ?? ''} ${noon.getUTCFullYear()}`;
  return dateFormat(locale, style, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(noon);
}

/** An instant (ISO) as date and time in Amsterdam. */
export function formatInstant(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateFormat(locale, 'instant', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(ms));
}
