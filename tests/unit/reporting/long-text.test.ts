import { describe, expect, it } from 'vitest';
import { AFGEKAPT, BREEKPUNT, TEXT_MAX, WORD_MAX } from '../../../src/domain/text-limits.js';
import { rapportOutline, type Block, type Cell } from '../../../src/reporting/outline.js';
import { reportPdfBuffer } from '../../../src/reporting/pdf-node.js';
import { reportDocxBytes } from '../../../src/reporting/report-docx.js';
import { readDocx } from '../../support/documents/docx-text.js';
import { readPdf } from '../../support/documents/pdf-text.js';
import { longTextModel } from './fixture.js';

const PEILDATUM = '2026-06-30';

function cellText(c: Cell): string {
  return typeof c === 'string' ? c : c.map((r) => r.text).join('');
}

/** Every text of the outline, in reading order. */
function outlineTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'titel':
        return [b.gemeente, b.titel, b.ondertitel];
      case 'kop':
        return [b.tekst];
      case 'alinea':
        return [b.runs.map((r) => r.text).join('')];
      case 'tabel':
        return [...b.kop, ...b.rijen.flatMap((r) => r.map(cellText))];
      case 'figuur':
        return [b.alt, ...b.soorten, ...b.balken.map((x) => x.label)];
    }
  });
}

/** The longest run of one character in a text, ignoring break opportunities and line breaks between. */
function longestRun(text: string, ch: string): number {
  const plain = text.replaceAll(BREEKPUNT, '').replaceAll('\n', '');
  let best = 0;
  let run = 0;
  for (const c of plain) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

describe('a report with the longest allowed texts and hand-written SharePoint text beyond the limits', () => {
  const opzet = rapportOutline(longTextModel(PEILDATUM));
  const texts = outlineTexts(opzet.blocks);

  it('cuts a text beyond its field to the maximum, marked with an ellipsis', () => {
    // Action 3.2's explanation of 20,000 characters becomes 999 + "…".
    const wild = texts.find((t) => t.includes('x'.repeat(WORD_MAX)));
    expect(wild).toBeDefined();
    expect(longestRun(wild ?? '', 'x')).toBe(TEXT_MAX.statusToelichting - 1);
    expect((wild ?? '').replaceAll(BREEKPUNT, '').endsWith(`${'x'.repeat(10)}${AFGEKAPT}`)).toBe(true);
    // Advies 1's reaction of 10,000 characters: cut to the reaction's maximum.
    const reactie = texts.find((t) => t.includes('r'.repeat(WORD_MAX)));
    expect(longestRun(reactie ?? '', 'r')).toBe(TEXT_MAX.collegeReactie - 1);
  });

  it('keeps texts at their maximum whole, and gives every long word a break opportunity at most every 30 characters', () => {
    const reactie = texts.find((t) => t.includes('c'.repeat(WORD_MAX)));
    expect(longestRun(reactie ?? '', 'c')).toBe(TEXT_MAX.collegeReactie);
    for (const t of texts) {
      const longest = Math.max(...t.split(/[\s\u200B]/).map((w) => w.length));
      expect(longest, t.slice(0, 40)).toBeLessThanOrEqual(WORD_MAX + 1);
    }
  });

  it('renders as PDF and Word, with the cut text in both', async () => {
    const pdf = await readPdf(await reportPdfBuffer(longTextModel(PEILDATUM)));
    const pdfText = pdf.pages.map((p) => p.text).join('\n');
    // The cut explanation wraps over lines (and may cross a page, with the footer between): count its x's.
    const xs = (pdfText.replace(/\s+/g, '').match(/x{10,}/g) ?? []).reduce((n, run) => n + run.length, 0);
    expect(xs).toBe(TEXT_MAX.statusToelichting - 1);
    expect(pdfText).toContain(AFGEKAPT);
    const docx = readDocx(await reportDocxBytes(longTextModel(PEILDATUM)));
    expect(longestRun(docx.text, 'x')).toBe(TEXT_MAX.statusToelichting - 1);
    expect(docx.text).toContain(`x${AFGEKAPT}`);
    // Not a timing assertion (npm run bench measures the ratio); the budget only stops a render that runs away.
  }, 180_000);
});
