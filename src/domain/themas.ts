/**
 * The three themes that group the report's recommendations (001, "11 Adviezen"): hard aspects → structure,
 * connecting aspects → connection, soft aspects → continuous learning.
 */
import type { Thema, ThemaCode } from './model.js';

/** The themes in report order, each with the numbers of its recommendations. */
export const THEMAS: readonly Thema[] = [
  { code: 'A', naam: 'Structuur versterken', adviezen: [1, 2, 3, 4] },
  { code: 'B', naam: 'Verbinding organiseren', adviezen: [5, 6, 7, 8, 9] },
  { code: 'C', naam: 'Continu leren', adviezen: [10, 11] },
];

/** The Dutch name of a theme, e.g. 'A' → 'Structuur versterken'. */
export function themaTitle(code: ThemaCode): string {
  return THEMAS.find((t) => t.code === code)?.naam ?? code;
}
