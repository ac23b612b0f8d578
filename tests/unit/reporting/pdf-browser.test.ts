import { describe, expect, it } from 'vitest';
import { reportPdfBlob } from '../../../src/reporting/pdf-browser.js';
import { fixtureModel, GEMEENTE } from './fixture.js';
import { readPdf } from '../../support/documents/pdf-text.js';

describe('the browser PDF path', { timeout: 30_000 }, () => {
  it("makes the same report from pdfmake's browser build and its bundled fonts", async () => {
    const blob = await reportPdfBlob(fixtureModel('2025-12-31'));
    expect(blob.type).toBe('application/pdf');
    const pdf = await readPdf(new Uint8Array(await blob.arrayBuffer()));
    expect(pdf.pages[0]?.text).toContain(`${GEMEENTE} · Voortgangsrapportage peildatum 31 december 2025 Pagina 1 van ${pdf.numPages}`);
    expect(pdf.pages.map((p) => p.text).join(' ')).toContain('Advies 11. Voortdurend aandacht voor digitalisering en digitaal leiderschap');
  });
});
