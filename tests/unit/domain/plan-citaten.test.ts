/**
 * Every quoted text of the plan data is the seeds' own words: each one is read back from the seed document and line
 * range the plan records for it, and must stand there verbatim (only line breaks and runs of spaces are read as one
 * space; quotes, dashes and spelling must match).
 *
 * The seed documents live beside the repository (`../shared/seeds`, as CI clones it); `SEEDS_DIR` points elsewhere
 * (for a git worktree). Where they are present a quote that does not match fails; where they are absent the
 * read-back tests are not defined, and the structural tests below still run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agenderingCitaten } from '../../../src/domain/agendering.js';
import { SEED_DOCUMENTEN, formatBron, normaliseerCitaat, parseBron, type Citaat, type SeedDocument } from '../../../src/domain/plan/citaten.js';
import { zoetermeerCitaten, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { GESPREKSVRAGEN_11_4, LEIDERSCHAPS_ASPECTEN, reflectieCitaten } from '../../../src/domain/reflection.js';

/** The repository root, from this file's place in it (tests/unit/domain), so the path never depends on the cwd. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS_DIR = process.env['SEEDS_DIR'] ? resolve(process.env['SEEDS_DIR']) : resolve(REPO_ROOT, '../shared/seeds');

const ALLE_CITATEN: readonly Citaat[] = [...zoetermeerCitaten, ...reflectieCitaten, ...agenderingCitaten];

describe('the plan records a seed passage for every quoted text', () => {
  it('every text of the college (reaction, planning) and of the report (titles, findings) is recorded with its passage', () => {
    const recorded = new Set(ALLE_CITATEN.map((c) => c.tekst));
    const { adviezen, bevindingen, acties } = zoetermeerPlan;
    const quoted: string[] = [
      ...adviezen.flatMap((a) => [a.titel, a.omschrijving ?? '', a.collegeReactie, a.collegePlanning]),
      ...bevindingen.flatMap((b) => [b.titel, b.toelichting]),
      ...acties.flatMap((a) => [a.titel, a.omschrijving ?? '']),
      ...acties.flatMap((a) => (a.statusToelichting ? [a.statusToelichting] : [])),
      ...GESPREKSVRAGEN_11_4,
      ...LEIDERSCHAPS_ASPECTEN.map((a) => a.denkAan),
    ].filter((t) => t !== '');
    expect(quoted.filter((t) => !recorded.has(t))).toEqual([]);
  });

  it('every advies and every action has the report’s own description (issue 12, point 5), each from the report (001)', () => {
    const { adviezen, acties } = zoetermeerPlan;
    expect(adviezen.filter((a) => !a.omschrijving).map((a) => a.nummer)).toEqual([]);
    expect(acties.filter((a) => !a.omschrijving).map((a) => a.nummer)).toEqual([]);
    const bron = new Map(ALLE_CITATEN.map((c) => [c.tekst, c.bron.document]));
    for (const x of [...adviezen, ...acties]) expect(bron.get(x.omschrijving ?? ''), `${x.nummer}`).toBe('001');
  });

  it('every recorded passage is a valid reference to a seed document', () => {
    for (const c of ALLE_CITATEN) {
      expect(SEED_DOCUMENTEN, c.waar).toContain(c.bron.document);
      expect(c.bron.van, c.waar).toBeGreaterThan(0);
      expect(c.bron.tot, c.waar).toBeGreaterThanOrEqual(c.bron.van);
      expect(normaliseerCitaat(c.tekst), c.waar).not.toBe('');
    }
  });

  it('reads references as the plan writes them and refuses others', () => {
    expect(parseBron('001:744-750')).toEqual({ document: '001', van: 744, tot: 750 });
    expect(parseBron('000:76')).toEqual({ document: '000', van: 76, tot: 76 });
    expect(formatBron(parseBron('001:1251-1253'))).toBe('001:1251–1253');
    expect(() => parseBron('001:750-744')).toThrow(RangeError);
    expect(() => parseBron('009:1')).toThrow(RangeError);
    expect(() => parseBron('rapport p. 21')).toThrow(RangeError);
  });

  it('compares text with line breaks and runs of spaces read as one space, nothing else', () => {
    expect(normaliseerCitaat('  a \n\n b\tc ')).toBe('a b c');
    expect(normaliseerCitaat('‘hun’')).toBe('‘hun’');
  });
});

function seedLines(dir: string): Map<SeedDocument, string[]> {
  const files = readdirSync(dir);
  const out = new Map<SeedDocument, string[]>();
  for (const doc of SEED_DOCUMENTEN) {
    const file = files.find((f) => f.startsWith(`${doc}_`) && f.endsWith('.txt'));
    if (file) out.set(doc, readFileSync(join(dir, file), 'utf8').split(/\r?\n/));
  }
  return out;
}

if (existsSync(SEEDS_DIR)) {
  describe(`every quoted text stands verbatim in the seeds (${SEEDS_DIR})`, () => {
    const lines = seedLines(SEEDS_DIR);

    it('finds the seed documents the plan quotes', () => {
      const used = new Set(ALLE_CITATEN.map((c) => c.bron.document));
      for (const doc of used) expect(lines.has(doc), `seed document ${doc}`).toBe(true);
    });

    it.each(ALLE_CITATEN.map((c) => [c.waar, formatBron(c.bron), c] as const))('%s (%s)', (_waar, _ref, c) => {
      const doc = lines.get(c.bron.document);
      if (!doc) throw new Error(`seed document ${c.bron.document} is missing from ${SEEDS_DIR}`);
      expect(c.bron.tot, 'the range ends inside the document').toBeLessThanOrEqual(doc.length);
      const passage = normaliseerCitaat(doc.slice(c.bron.van - 1, c.bron.tot).join('\n'));
      expect(passage, `${c.waar}: not verbatim in ${formatBron(c.bron)}`).toContain(normaliseerCitaat(c.tekst));
    });

    it('a changed word is caught (the comparison can fail)', () => {
      const c = ALLE_CITATEN.find((x) => x.waar === 'advies 9: collegeReactie');
      if (!c) throw new Error('advies 9 has no recorded reaction');
      const doc = lines.get(c.bron.document) ?? [];
      const passage = normaliseerCitaat(doc.slice(c.bron.van - 1, c.bron.tot).join('\n'));
      expect(passage).not.toContain(normaliseerCitaat(`${c.tekst} Het college noemt geen planning.`));
      expect(passage).not.toContain(normaliseerCitaat(c.tekst.replace('reeds', 'al')));
    });

    it('a description cut from a neighbouring passage is caught (3.2 ends on 001:1527, not 1526)', () => {
      const c = ALLE_CITATEN.find((x) => x.waar === 'actie 3.2: omschrijving');
      if (!c) throw new Error('3.2 has no recorded description');
      const doc = lines.get(c.bron.document) ?? [];
      const short = normaliseerCitaat(doc.slice(c.bron.van - 1, c.bron.tot - 1).join('\n'));
      expect(short).not.toContain(normaliseerCitaat(c.tekst));
    });
  });
}
