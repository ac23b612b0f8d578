import type { Locale } from '../../../i18n/format.js';

/** A month key (`2026-11`) as text: "nov 2026" / "Nov 2026" (short) or "november 2026" (long). */
export function monthLabel(maand: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const [y, m] = maand.split('-').map(Number);
  if (!y || !m) return maand;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}
