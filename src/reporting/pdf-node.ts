/**
 * The voortgangsrapportage as PDF bytes in Node (the `rapportage` CLI, tests): pdfmake's Node build with the Roboto
 * fonts it ships in node_modules. pdfmake may fetch no URL and read no local file other than those four fonts,
 * whatever a document definition would ask for.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import type { Voortgangsrapportage } from '../domain/report.js';
import { reportDocDefinition } from './report-pdf.js';

const ROBOTO = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' } as const;

function robotoFonts(): TFontDictionary {
  const require = createRequire(import.meta.url);
  const path = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);
  return { Roboto: { normal: path(ROBOTO.normal), bold: path(ROBOTO.bold), italics: path(ROBOTO.italics), bolditalics: path(ROBOTO.bolditalics) } };
}

/** The report as a PDF file's bytes. */
export async function reportPdfBuffer(model: Voortgangsrapportage): Promise<Buffer> {
  // pdfmake's Node API is one shared instance; set everything on every call (cheap), so nothing else can leave it
  // with other fonts or a wider access policy.
  const fonts = robotoFonts();
  const allowed = new Set(Object.values(fonts.Roboto ?? {}).filter((p): p is string => typeof p === 'string'));
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  return pdfmake.createPdf(reportDocDefinition(model)).getBuffer();
}
