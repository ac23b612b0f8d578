/**
 * The voortgangsrapportage as a PDF Blob in the browser (the tab's download button). pdfmake's browser build and its
 * Roboto fonts (about 1 MB) are imported only when a report is made, so they stay out of the tab's first load.
 */
import type * as PdfMakeBrowser from 'pdfmake/build/pdfmake.js';
import type { Voortgangsrapportage } from '../domain/report.js';
import { reportDocDefinition } from './report-pdf.js';

type PdfMake = typeof PdfMakeBrowser;
type Vfs = Record<string, string>;

/** A CommonJS/UMD module as a bundler hands it to `import()`: the exports themselves, or under `default`. */
function exportsOf<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m.default ?? mod) as T;
}

let loaded: Promise<PdfMake> | undefined;

async function loadPdfMake(): Promise<PdfMake> {
  const [pdfMakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
  const pdfMake = exportsOf<PdfMake>(pdfMakeModule);
  const vfs = exportsOf<Vfs>(vfsModule);
  // The browser build knows Roboto by these file names; the vfs holds them.
  pdfMake.addVirtualFileSystem(vfs);
  return pdfMake;
}

/** The report as a PDF Blob (`application/pdf`). */
export async function reportPdfBlob(model: Voortgangsrapportage): Promise<Blob> {
  loaded ??= loadPdfMake().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  const pdfMake = await loaded;
  return pdfMake.createPdf(reportDocDefinition(model)).getBlob();
}
