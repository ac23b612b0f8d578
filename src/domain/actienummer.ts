/**
 * Action numbers ("11.5": recommendation 11, action 5) and their natural order (2.9 before 2.10).
 */

/** `advies.actie`, both positive whole numbers without leading zeros. */
export const ACTIENUMMER_PATTERN = /^([1-9]\d*)\.([1-9]\d*)$/;

/** Whether `s` is an action number such as "11.5". */
export function isActienummer(s: unknown): s is string {
  return typeof s === 'string' && ACTIENUMMER_PATTERN.test(s);
}

/** The two parts of an action number, or undefined when it is not one. */
export function parseActienummer(s: string): { advies: number; volgnummer: number } | undefined {
  const m = ACTIENUMMER_PATTERN.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { advies: Number(m[1]), volgnummer: Number(m[2]) };
}

/**
 * Orders action numbers naturally: by recommendation, then by action (1.2 < 2.1 < 2.10 < 10.1).
 * Strings that are not action numbers sort after all real ones, alphabetically.
 */
export function compareActienummers(a: string, b: string): number {
  const pa = parseActienummer(a);
  const pb = parseActienummer(b);
  if (pa && pb) return pa.advies - pb.advies || pa.volgnummer - pb.volgnummer;
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
