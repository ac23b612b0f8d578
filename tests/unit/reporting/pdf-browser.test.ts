import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { reportPdfBlob, ROBOTO_URLS } from '../../../src/reporting/pdf-browser.js';
import { fixtureModel, GEMEENTE } from './fixture.js';
import { readPdf } from '../../support/documents/pdf-text.js';
import { allNodes, readStructure } from '../../support/documents/pdf-structure.js';

/** In Node the build's asset URLs point into node_modules: read those files instead of fetching them. */
async function readFont(url: string): Promise<ArrayBuffer> {
  const file = url.replace(/^.*\/node_modules\//, '');
  const bytes = await readFile(createRequire(import.meta.url).resolve(file));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('the browser PDF path', { timeout: 60_000 }, () => {
  it("makes the same tagged report from pdfkit's standalone browser build and the Roboto font assets", async () => {
    expect(Object.values(ROBOTO_URLS).every((u) => u.endsWith('.ttf'))).toBe(true);
    const blob = await reportPdfBlob(fixtureModel('2025-12-31'), readFont);
    expect(blob.type).toBe('application/pdf');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const pdf = await readPdf(bytes);
    expect(pdf.language).toBe('nl-NL');
    expect(pdf.pages[0]?.text).toContain(
      `${GEMEENTE} · Voortgangsrapportage peildatum 31 december 2025 Pagina 1 van ${pdf.numPages}`,
    );
    expect(pdf.pages.map((p) => p.text).join(' ')).toContain(
      'Advies 11. Voortdurend aandacht voor digitalisering en digitaal leiderschap',
    );
    // Tagged as in Node: every page under the one Document element, the eleven advies headings as H3.
    const pages = await readStructure(bytes);
    expect(pages.map((roots) => roots.map((r) => r.role).join())).toEqual(pages.map(() => 'Document'));
    expect(allNodes(pages.flat()).filter((n) => n.role === 'H3' && n.text.startsWith('Advies '))).toHaveLength(11);
  });
});
