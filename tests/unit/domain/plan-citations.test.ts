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
import { agenderingCitations } from '../../../src/domain/agendering.js';
import {
  SEED_DOCUMENTS,
  formatSource,
  normaliseCitation,
  parseSource,
  type Citation,
  type SeedDocument,
} from '../../../src/domain/plan/citations.js';
import { zoetermeerCitations, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import {
  GESPREKSAANLEIDING,
  GESPREKSVRAGEN_11_4,
  LEIDERSCHAPS_ASPECTEN,
  reflectieCitations,
} from '../../../src/domain/reflection.js';

/** The repository root, from this file's place in it (tests/unit/domain), so the path never depends on the cwd. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SEEDS_DIR = process.env['SEEDS_DIR'] ? resolve(process.env['SEEDS_DIR']) : resolve(REPO_ROOT, '../shared/seeds');

const ALLE_CITATEN: readonly Citation[] = [...zoetermeerCitations, ...reflectieCitations, ...agenderingCitations];

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
      GESPREKSAANLEIDING,
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

  it('related adviezen and the findings’ themes (issue 13, point 7) each come with the passage that says so', () => {
    const { adviezen, bevindingen } = zoetermeerPlan;
    const waar = new Map(ALLE_CITATEN.map((c) => [c.waar, c] as const));
    // Advies 1 is taken up "in samenhang met aanbeveling 3 en 5" (000:74–75): the only advies the college relates.
    expect(adviezen.filter((a) => (a.samenhangMet ?? []).length > 0).map((a) => [a.nummer, a.samenhangMet])).toEqual([
      [1, [3, 5]],
    ]);
    const samenhang = waar.get('advies 1: samenhangMet');
    expect(samenhang && formatSource(samenhang.bron)).toBe('000:75');
    expect(samenhang?.tekst).toBe('in samenhang met aanbeveling 3 en 5');
    // The reaction the UI shows contains the passage, so the relation is the college's own word.
    expect(adviezen[0]?.collegeReactie).toContain(samenhang?.tekst);
    // Findings by theme as the appendices close each finding's page: 1–4 A, 5–7 B, 8–9 C.
    expect(bevindingen.map((b) => [b.nummer, b.thema])).toEqual([
      [1, 'A'],
      [2, 'A'],
      [3, 'A'],
      [4, 'A'],
      [5, 'B'],
      [6, 'B'],
      [7, 'B'],
      [8, 'C'],
      [9, 'C'],
    ]);
    expect(bevindingen.map((b) => formatSource(waar.get(`bevinding ${b.nummer}: thema`)!.bron))).toEqual([
      '001:1366',
      '001:1474',
      '001:1536',
      '001:1631',
      '001:1742–1743',
      '001:1876–1877',
      '001:1981–1982',
      '001:2066',
      '001:2137',
    ]);
    expect(bevindingen.map((b) => waar.get(`bevinding ${b.nummer}: thema`)?.tekst)).toEqual([
      ...Array(4).fill('Structuur versterken'),
      ...Array(3).fill('Verbinding organiseren'),
      ...Array(2).fill('Continu leren'),
    ]);
  });

  it('every recorded passage is a valid reference to a seed document', () => {
    for (const c of ALLE_CITATEN) {
      expect(SEED_DOCUMENTS, c.waar).toContain(c.bron.document);
      expect(c.bron.van, c.waar).toBeGreaterThan(0);
      expect(c.bron.tot, c.waar).toBeGreaterThanOrEqual(c.bron.van);
      expect(normaliseCitation(c.tekst), c.waar).not.toBe('');
    }
  });

  it('reads references as the plan writes them and refuses others', () => {
    expect(parseSource('001:744-750')).toEqual({ document: '001', van: 744, tot: 750 });
    expect(parseSource('000:76')).toEqual({ document: '000', van: 76, tot: 76 });
    expect(formatSource(parseSource('001:1251-1253'))).toBe('001:1251–1253');
    expect(() => parseSource('001:750-744')).toThrow(RangeError);
    expect(() => parseSource('009:1')).toThrow(RangeError);
    expect(() => parseSource('rapport p. 21')).toThrow(RangeError);
  });

  it('compares text with line breaks and runs of spaces read as one space, nothing else', () => {
    expect(normaliseCitation('  a \n\n b\tc ')).toBe('a b c');
    expect(normaliseCitation('‘hun’')).toBe('‘hun’');
  });
});

function seedLines(dir: string): Map<SeedDocument, string[]> {
  const files = readdirSync(dir);
  const out = new Map<SeedDocument, string[]>();
  for (const doc of SEED_DOCUMENTS) {
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

    it.each(ALLE_CITATEN.map((c) => [c.waar, formatSource(c.bron), c] as const))('%s (%s)', (_waar, _ref, c) => {
      const doc = lines.get(c.bron.document);
      if (!doc) throw new Error(`seed document ${c.bron.document} is missing from ${SEEDS_DIR}`);
      expect(c.bron.tot, 'the range ends inside the document').toBeLessThanOrEqual(doc.length);
      const passage = normaliseCitation(doc.slice(c.bron.van - 1, c.bron.tot).join('\n'));
      expect(passage, `${c.waar}: not verbatim in ${formatSource(c.bron)}`).toContain(normaliseCitation(c.tekst));
    });

    it('a changed word is caught (the comparison can fail)', () => {
      const c = ALLE_CITATEN.find((x) => x.waar === 'advies 9: collegeReactie');
      if (!c) throw new Error('advies 9 has no recorded reaction');
      const doc = lines.get(c.bron.document) ?? [];
      const passage = normaliseCitation(doc.slice(c.bron.van - 1, c.bron.tot).join('\n'));
      expect(passage).not.toContain(normaliseCitation(`${c.tekst} Het college noemt geen planning.`));
      expect(passage).not.toContain(normaliseCitation(c.tekst.replace('reeds', 'al')));
    });

    it('each finding’s theme is the label standing alone on the cited lines, and a label from another theme’s page is caught', () => {
      const doc = lines.get('001') ?? [];
      const themaCitaten = ALLE_CITATEN.filter((c) => c.waar.endsWith(': thema'));
      expect(themaCitaten).toHaveLength(9);
      for (const c of themaCitaten) {
        expect(normaliseCitation(doc.slice(c.bron.van - 1, c.bron.tot).join('\n')), c.waar).toBe(c.tekst);
      }
      const vijf = themaCitaten.find((c) => c.waar === 'bevinding 5: thema');
      expect(normaliseCitation(doc.slice(1366 - 1, 1366).join('\n'))).not.toBe(vijf?.tekst);
    });

    it('a description cut from a neighbouring passage is caught (3.2 ends on 001:1527, not 1526)', () => {
      const c = ALLE_CITATEN.find((x) => x.waar === 'actie 3.2: omschrijving');
      if (!c) throw new Error('3.2 has no recorded description');
      const doc = lines.get(c.bron.document) ?? [];
      const short = normaliseCitation(doc.slice(c.bron.van - 1, c.bron.tot - 1).join('\n'));
      expect(short).not.toContain(normaliseCitation(c.tekst));
    });
  });
}
