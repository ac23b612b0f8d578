/**
 * Where the plan's quoted texts come from. The seeds are the source of truth: every text the plan puts in the
 * college's or the report's mouth is a verbatim passage of a seed document, and the plan data records which one
 * (document and line range), so that a test can read each text back from the seeds and a reader can check it.
 *
 * Pure data and a small recorder; no I/O. The test that compares the texts with the documents lives in tests/unit.
 */

/** The seed documents by their number (the file names start with it: `000_…txt`). */
export const SEED_DOCUMENTS = ['000', '001', '002', '003', '004'] as const;
export type SeedDocument = (typeof SEED_DOCUMENTS)[number];

/** A passage of a seed document: lines `van` to `tot` (1-based, inclusive). */
export type SeedSource = { document: SeedDocument; van: number; tot: number };

/** A quoted text, what it is in the plan (`waar`, e.g. "advies 1: collegeReactie") and the passage it comes from. */
export type Citation = { waar: string; tekst: string; bron: SeedSource };

/**
 * Reads a source reference as the plan data writes it: "001:744" or "001:744-750" (document, colon, line or range).
 * @throws RangeError on anything else, or when the range runs backwards.
 */
export function parseSource(ref: string): SeedSource {
  const m = /^(\d{3}):(\d+)(?:[-–](\d+))?$/.exec(ref.trim());
  const document = m?.[1];
  if (!m || !document || !(SEED_DOCUMENTS as readonly string[]).includes(document)) {
    throw new RangeError(`parseSource: not a seed reference like "001:744-750": ${JSON.stringify(ref)}`);
  }
  const van = Number(m[2]);
  const tot = m[3] === undefined ? van : Number(m[3]);
  if (van < 1 || tot < van) throw new RangeError(`parseSource: line range runs backwards: ${JSON.stringify(ref)}`);
  return { document: document as SeedDocument, van, tot };
}

/** "001:744–750" (or "001:744" for one line), as a reader sees a reference. */
export function formatSource(bron: SeedSource): string {
  return bron.van === bron.tot ? `${bron.document}:${bron.van}` : `${bron.document}:${bron.van}–${bron.tot}`;
}

/**
 * A recorder for quoted texts: `uit(waar, ref, tekst)` records the quote and returns the text unchanged, so the plan
 * data reads as data (`collegeReactie: uit('advies 1: collegeReactie', '000:74-75', '…')`) and keeps its sources.
 */
export function createCitations(): {
  uit: (waar: string, ref: string, tekst: string) => string;
  lijst: readonly Citation[];
} {
  const lijst: Citation[] = [];
  return {
    uit(waar, ref, tekst) {
      lijst.push({ waar, tekst, bron: parseSource(ref) });
      return tekst;
    },
    lijst,
  };
}

/**
 * The text as the verbatim comparison sees it: every run of white space (line breaks of the extracted PDF included)
 * becomes one space, and the ends are trimmed. Nothing else is changed: quotes, dashes and spelling stay as they are.
 */
export function normaliseCitation(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
