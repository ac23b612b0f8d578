/**
 * Schema step 9 (issue 13, point 7): existing sites get Adviezen.SamenhangMet and Bevindingen.Thema from the
 * declarative schema; this step fills them from the seed plan where the site still holds the seeded item unchanged
 * in what identifies it (the same number and title), and the column is empty: the adviezen the college takes up
 * together (advies 1 with 3 and 5, 000:74–75) and the theme each finding is discussed under (001:1366 … 2137).
 * As step 7: never guesses, never overwrites, writes with If-Match (a 412 is reported as skipped), and a second run
 * writes nothing. A filled item gains one version; every earlier version stays as it was.
 */
import type { Plan } from '../../domain/model.js';
import type { Graph } from '../graph/client.js';
import { ADVIES_FIELDS, formatSamenhang } from '../lists/adviezen.js';
import { BEVINDING_FIELDS } from '../lists/bevindingen.js';
import { fillEmptySeededColumns, seedKey } from './fill-seeded.js';

/**
 * Fills the empty SamenhangMet of the seeded adviezen that have one, and the empty Thema of the seeded findings.
 * @returns a line per item written ("Adviezen 1: SamenhangMet", "Bevindingen 5: Thema") or skipped.
 */
export async function fillMissingSamenhangEnThema(
  graph: Graph,
  siteId: string,
  seed: Pick<Plan, 'adviezen' | 'bevindingen'>,
): Promise<string[]> {
  return fillEmptySeededColumns(graph, siteId, [
    {
      list: 'Adviezen',
      nummer: ADVIES_FIELDS.nummer,
      titel: ADVIES_FIELDS.titel,
      veld: ADVIES_FIELDS.samenhangMet,
      values: new Map(
        seed.adviezen.flatMap((a) => {
          const samenhang = formatSamenhang(a.samenhangMet);
          return samenhang === null ? [] : [[seedKey(a.nummer, a.titel), samenhang] as const];
        }),
      ),
    },
    {
      list: 'Bevindingen',
      nummer: BEVINDING_FIELDS.nummer,
      titel: BEVINDING_FIELDS.titel,
      veld: BEVINDING_FIELDS.thema,
      values: new Map(
        seed.bevindingen.flatMap((b) =>
          b.thema === undefined ? [] : [[seedKey(b.nummer, b.titel), b.thema] as const],
        ),
      ),
    },
  ]);
}
