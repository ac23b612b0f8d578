/**
 * Checks on a report's text that can fail: each returns the problems it finds (empty when the text is right), so a
 * test can also show that a broken report is caught.
 */
import type { Advies } from '../../../src/domain/model.js';
import { normalise } from '../../support/documents/pdf-text.js';

export const COUNT_HEADER = 'Totaal Afgerond Lopend Geblokkeerd Niet gestart Niet overgenomen Achterstallig';

export type ExpectedAdvies = { nummer: number; titel: string; counts: number[] };

/** The headings "Advies N. titel" in `text`, in order; every expected one must be there, in this order. */
export function checkAdviesHeadings(text: string, expected: readonly ExpectedAdvies[]): string[] {
  const problems: string[] = [];
  let from = 0;
  for (const a of expected) {
    const heading = normalise(`Advies ${a.nummer}. ${a.titel}`);
    const at = text.indexOf(heading, from);
    if (at === -1) {
      problems.push(
        text.includes(heading) ? `Advies ${a.nummer} staat niet op zijn plaats` : `Advies ${a.nummer} ontbreekt`,
      );
      continue;
    }
    from = at + heading.length;
  }
  return problems;
}

/** The text of advies N's section: from its heading up to the next advies heading (or the end). */
export function adviesSection(text: string, nummer: number, next?: number): string | undefined {
  const start = text.indexOf(`Advies ${nummer}. `);
  if (start === -1) return undefined;
  const end = next === undefined ? -1 : text.indexOf(`Advies ${next}. `, start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Each advies' counts row (the seven numbers right after the counts header in its section) against `expected`. */
export function checkAdviesCounts(text: string, expected: readonly ExpectedAdvies[]): string[] {
  const problems: string[] = [];
  expected.forEach((a, i) => {
    const section = adviesSection(text, a.nummer, expected[i + 1]?.nummer);
    if (section === undefined) {
      problems.push(`Advies ${a.nummer}: sectie ontbreekt`);
      return;
    }
    const m = new RegExp(`${COUNT_HEADER} (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)`).exec(section);
    if (!m) {
      problems.push(`Advies ${a.nummer}: geen tellingen gevonden`);
      return;
    }
    const found = m.slice(1, 8).map(Number);
    if (found.join(' ') !== a.counts.join(' '))
      problems.push(`Advies ${a.nummer}: tellingen ${found.join(' ')}, verwacht ${a.counts.join(' ')}`);
  });
  return problems;
}

/** The expectation for every advies of the plan, in number order. */
export function expectedAdviezen(adviezen: readonly Advies[], counts: (nummer: number) => number[]): ExpectedAdvies[] {
  return [...adviezen]
    .sort((a, b) => a.nummer - b.nummer)
    .map((a) => ({ nummer: a.nummer, titel: a.titel, counts: counts(a.nummer) }));
}
