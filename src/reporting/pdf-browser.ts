/**
 * The voortgangsrapportage as a PDF Blob in the browser (the tab's download button). pdfkit's standalone browser
 * build is imported only when a report is made, so it stays out of the tab's first load; the Roboto font files are
 * assets of the build, fetched from the app's own origin when the first report is made.
 */
import normalUrl from '@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf?url';
import italicsUrl from '@expo-google-fonts/roboto/400Regular_Italic/Roboto_400Regular_Italic.ttf?url';
import boldUrl from '@expo-google-fonts/roboto/500Medium/Roboto_500Medium.ttf?url';
import bolditalicsUrl from '@expo-google-fonts/roboto/500Medium_Italic/Roboto_500Medium_Italic.ttf?url';
import type { Voortgangsrapportage } from '../domain/report.js';
import { renderReportPdf, type PdfDocumentClass, type RobotoFonts } from './report-pdf.js';

/** Where the four font files are (the build's asset URLs), per style. */
export const ROBOTO_URLS: Readonly<Record<keyof RobotoFonts, string>> = {
  normal: normalUrl,
  bold: boldUrl,
  italics: italicsUrl,
  bolditalics: bolditalicsUrl,
};

/** Reads one font file; the default fetches it (a failure names the URL). */
export type FontLoader = (url: string) => Promise<ArrayBuffer>;

async function fetchFont(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Lettertype niet geladen: ${url} (HTTP ${res.status})`);
  return res.arrayBuffer();
}

/** A CommonJS/UMD module as a bundler hands it to `import()`: the exports themselves, or under `default`. */
function exportsOf<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m.default ?? mod) as T;
}

type Loaded = { Pdf: PdfDocumentClass; fonts: RobotoFonts };
let loaded: Promise<Loaded> | undefined;

/** How pdfkit's browser build is loaded: by default a plain `import()`; the tab gives one that can be retried. */
export type PdfkitLoader = () => Promise<unknown>;
const importPdfkit: PdfkitLoader = () => import('pdfkit/js/pdfkit.standalone');

async function load(loadFont: FontLoader, loadPdfkit: PdfkitLoader): Promise<Loaded> {
  const [pdfkit, normal, bold, italics, bolditalics] = await Promise.all([
    loadPdfkit(),
    loadFont(ROBOTO_URLS.normal),
    loadFont(ROBOTO_URLS.bold),
    loadFont(ROBOTO_URLS.italics),
    loadFont(ROBOTO_URLS.bolditalics),
  ]);
  return { Pdf: exportsOf<PdfDocumentClass>(pdfkit), fonts: { normal, bold, italics, bolditalics } };
}

/** The report as a PDF Blob (`application/pdf`). */
export async function reportPdfBlob(
  model: Voortgangsrapportage,
  loadFont: FontLoader = fetchFont,
  loadPdfkit: PdfkitLoader = importPdfkit,
): Promise<Blob> {
  loaded ??= load(loadFont, loadPdfkit).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  const { Pdf, fonts } = await loaded;
  const bytes = await renderReportPdf(Pdf, fonts, model);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}
