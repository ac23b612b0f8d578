/**
 * The voortgangsrapportage as PDF bytes in Node (the `rapportage` CLI, tests, bench): pdfkit's Node build with the
 * Roboto font files of the `@expo-google-fonts/roboto` package in node_modules (read once per process). pdfkit reads
 * no other file and fetches nothing.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Voortgangsrapportage } from '../domain/report.js';
import { renderReportPdf, ROBOTO_FILES, type PdfDocumentClass, type RobotoFonts } from './report-pdf.js';

let fonts: Promise<RobotoFonts> | undefined;

async function loadFonts(): Promise<RobotoFonts> {
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFile(require.resolve(`@expo-google-fonts/roboto/${file}`));
  const [normal, bold, italics, bolditalics] = await Promise.all([
    read(ROBOTO_FILES.normal),
    read(ROBOTO_FILES.bold),
    read(ROBOTO_FILES.italics),
    read(ROBOTO_FILES.bolditalics),
  ]);
  return { normal, bold, italics, bolditalics };
}

/** The report as a PDF file's bytes. */
export async function reportPdfBuffer(model: Voortgangsrapportage): Promise<Uint8Array> {
  fonts ??= loadFonts().catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return renderReportPdf(PDFDocument as unknown as PdfDocumentClass, await fonts, model);
}
