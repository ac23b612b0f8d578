export type Locale = 'nl' | 'en';

/** Dutch unless the host or browser asks for English. */
export function pickLocale(requested: string | undefined): Locale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** Fills `{name}` placeholders. Values are plain text; React escapes them when rendered. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A calendar date (`2025-06-30`) as text, built at UTC noon so no time zone can shift the day. */
export function formatCalendarDate(date: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** An instant (ISO) as date and time in Amsterdam. */
export function formatInstant(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(ms));
}
