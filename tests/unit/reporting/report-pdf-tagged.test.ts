import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREEKPUNT } from '../../../src/domain/text-limits.js';
import { RAPPORT_TITEL } from '../../../src/reporting/labels.js';
import { rapportOutline, type Block, type Cell } from '../../../src/reporting/outline.js';
import { reportPdfBuffer } from '../../../src/reporting/pdf-node.js';
import { allNodes, childrenWithRole, readStructure, type StructNode } from '../../support/documents/pdf-structure.js';
import { normalise } from '../../support/documents/pdf-text.js';
import { fixtureModel } from './fixture.js';

const run = promisify(execFile);
const PEILDATUM = '2025-12-31';
/** poppler-utils' pdfinfo (Debian: apt-get install poppler-utils; .ci/run installs it when it is missing). */
const PDFINFO = process.env.PDFINFO_PATH ?? '/usr/bin/pdfinfo';

/** A text as a reader gets it: break opportunities gone, whitespace collapsed. */
const plain = (s: string) => normalise(s.replaceAll(BREEKPUNT, ''));
const cellText = (c: Cell) => (typeof c === 'string' ? c : c.map((r) => r.text).join(''));

/** The headings a reader should meet, in order: the title (H1), then the outline's levels 1–3 as H2–H4. */
function expectedHeadings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'titel' ? [`H1 ${b.titel}`] : b.kind === 'kop' ? [`H${b.niveau + 1} ${plain(b.tekst)}`] : [],
  );
}

function headerCells(table: StructNode): StructNode[] {
  return childrenWithRole(table, 'THead')
    .flatMap((h) => childrenWithRole(h, 'TR'))
    .flatMap((tr) => tr.children);
}

/**
 * Every table in the order it starts: on the page where its header cells' text is. (pdfjs also lists a table's
 * header elements on a page the table continues on, without text: their content is on the page before.)
 */
function tablesWithHeader(pages: readonly StructNode[][]): StructNode[] {
  return pages.flatMap((roots) =>
    allNodes(roots).filter((n) => n.role === 'Table' && headerCells(n).some((c) => c.text !== '')),
  );
}

describe('the voortgangsrapportage PDF is tagged and accessible', { timeout: 60_000 }, () => {
  const opzet = rapportOutline(fixtureModel(PEILDATUM));
  let bytes: Uint8Array;
  let pages: StructNode[][];
  let dir: string;

  beforeAll(async () => {
    bytes = await reportPdfBuffer(fixtureModel(PEILDATUM));
    pages = await readStructure(bytes);
    dir = await mkdtemp(join(tmpdir(), 'rapportage-tagged-'));
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is tagged, with the title shown in the title bar and Dutch as its language (pdfinfo and the catalogue)', async () => {
    const file = join(dir, 'rapportage.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run(PDFINFO, [file]);
    expect(stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(stdout).toMatch(new RegExp(`^Title:\\s+${RAPPORT_TITEL} – 31 december 2025$`, 'm'));
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it("has the report's headings in the structure tree, in reading order", () => {
    const found = pages
      .flatMap((roots) => allNodes(roots).filter((n) => /^H[1-6]$/.test(n.role)))
      .map((n) => `${n.role} ${plain(n.text)}`);
    const expected = expectedHeadings(opzet.blocks);
    expect(expected.length).toBeGreaterThan(11 * 5);
    expect(found).toEqual(expected);
    expect(found.filter((h) => h.startsWith('H3 Advies '))).toHaveLength(11);
  });

  it('has every table with its header row as TH cells (column scope) and its rows as TD cells', () => {
    const expected = opzet.blocks.filter((b): b is Extract<Block, { kind: 'tabel' }> => b.kind === 'tabel');
    const tables = tablesWithHeader(pages);
    expect(tables.map((t) => headerCells(t).map((c) => `${c.role} ${plain(c.text)}`))).toEqual(
      expected.map((b) => b.kop.map((k) => `TH ${k}`)),
    );
    // The first data row of every table reads as the outline has it, cell by cell.
    tables.forEach((t, i) => {
      const firstRow = childrenWithRole(t, 'TBody').flatMap((b) => childrenWithRole(b, 'TR'))[0];
      expect(firstRow?.children.map((c) => c.role)).toEqual(expected[i]?.kop.map(() => 'TD'));
      expect(firstRow?.children.map((c) => plain(c.text))).toEqual(
        expected[i]?.rijen[0]?.map((c) => plain(cellText(c))),
      );
    });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/S \/TH[\s\S]*?\/Scope \/Column|\/Scope \/Column[\s\S]*?\/S \/TH/);
  });

  it('gives the chart a Figure element with alternate text that carries its numbers', () => {
    const figures = pages.flatMap((roots) => allNodes(roots).filter((n) => n.role === 'Figure'));
    const expected = opzet.blocks.filter((b): b is Extract<Block, { kind: 'figuur' }> => b.kind === 'figuur');
    expect(expected.length).toBeGreaterThan(0);
    expect(figures.map((f) => f.alt)).toEqual(expected.map((b) => b.alt));
    const plateau = fixtureModel(PEILDATUM).perPlateau[0];
    expect(figures[0]?.alt).toContain(
      `${plateau?.key}: ${plateau?.total} acties, waarvan ${plateau?.afgerond} afgerond`,
    );
  });

  it('keeps the footer out of the structure tree (an artifact), and the body text in it', () => {
    const text = pages.map((roots) => roots.map((r) => r.text).join(' ')).join(' ');
    expect(text).not.toContain('Pagina 1 van');
    expect(text).toContain('Deze rapportage geeft per advies');
  });

  it('the checks can fail: an untagged PDF has no tree, and pdfinfo says so', async () => {
    // A PDF as the old renderer wrote it: no MarkInfo, no StructTreeRoot.
    const untagged = Buffer.from(bytes)
      .toString('latin1')
      .replace('/Marked true', '/Marked false')
      .replace('/StructTreeRoot', '/NoStructTree');
    const file = join(dir, 'untagged.pdf');
    await writeFile(file, Buffer.from(untagged, 'latin1'));
    const { stdout } = await run(PDFINFO, [file]);
    expect(stdout).toMatch(/^Tagged:\s+no$/m);
    const tree = await readStructure(Buffer.from(untagged, 'latin1'));
    expect(tree.flat()).toEqual([]);
  });
});
