/**
 * The links the source documents make between recommendations and findings, beyond the action → finding links:
 * - the college takes some adviezen up together ("in samenhang met aanbeveling 3 en 5", 000:74–75, for advies 1);
 * - the report discusses the findings under the themes that group its recommendations (the appendices: 1–4 under
 *   Structuur versterken, 5–7 under Verbinding organiseren, 8–9 under Continu leren).
 * Pure: the plan's own data in, the grouping a reader sees out.
 */
import type { Advies, Bevinding, Thema, ThemaCode } from './model.js';
import { THEMAS } from './themas.js';

/**
 * The adviezen related to advies `nummer`: those its own response names (`noemt`, in the response's order), and those
 * whose response names it (`genoemdDoor`, ascending), so advies 3 shows that the college takes it up with advies 1.
 * Numbers that are not adviezen of the plan are left out; neither list holds `nummer` itself.
 */
export function samenhangOf(
  adviezen: readonly Pick<Advies, 'nummer' | 'samenhangMet'>[],
  nummer: number,
): { noemt: number[]; genoemdDoor: number[] } {
  const bestaand = new Set(adviezen.map((a) => a.nummer));
  const eigen = adviezen.find((a) => a.nummer === nummer);
  const noemt = [...new Set(eigen?.samenhangMet ?? [])].filter((n) => n !== nummer && bestaand.has(n));
  const genoemdDoor = adviezen
    .filter((a) => a.nummer !== nummer && (a.samenhangMet ?? []).includes(nummer) && !noemt.includes(a.nummer))
    .map((a) => a.nummer)
    .sort((x, y) => x - y);
  return { noemt, genoemdDoor };
}

/** One theme with its findings, or `thema: undefined` for findings without a theme. */
export type BevindingenOfThema<B> = { thema: Thema | undefined; bevindingen: B[] };

/**
 * The findings grouped by theme in the themes' order (A, B, C), each group in number order; findings without a
 * theme (an MT's own, or a site that has not recorded it) come last in one group. Themes without findings are left out.
 */
export function bevindingenPerThema<B extends Pick<Bevinding, 'nummer' | 'thema'>>(
  bevindingen: readonly B[],
  themas: readonly Thema[] = THEMAS,
): BevindingenOfThema<B>[] {
  const sorted = [...bevindingen].sort((a, b) => a.nummer - b.nummer);
  const groups: BevindingenOfThema<B>[] = themas
    .map((thema) => ({ thema, bevindingen: sorted.filter((b) => b.thema === thema.code) }))
    .filter((g) => g.bevindingen.length > 0);
  const known = new Set<ThemaCode>(themas.map((t) => t.code));
  const zonder = sorted.filter((b) => b.thema === undefined || !known.has(b.thema));
  if (zonder.length > 0) groups.push({ thema: undefined, bevindingen: zonder });
  return groups;
}
