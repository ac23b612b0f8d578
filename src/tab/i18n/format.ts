export type Locale = 'nl' | 'en';

/** Dutch unless the host or browser asks for English. */
export function pickLocale(requested: string | undefined): Locale {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** Fills `{name}` placeholders. Values are plain text; React escapes them when rendered. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
