/**
 * Reads a PDF's text back with pdfjs-dist (legacy build, for Node), page by page: the tests check what a reader of the
 * document sees, not what we meant to draw.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfTextItem = { str: string; x: number; y: number; width: number };
export type PdfPage = { text: string; items: PdfTextItem[]; width: number; height: number };
export type PdfText = { numPages: number; pages: PdfPage[]; title?: string; language?: string };

/** One line of text: whitespace collapsed, so line breaks and cell boundaries are single spaces. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What separates a run from the next: nothing after a line that ends on a hyphen inside a word (the PDF broke the
 * line at the hyphen the text already had), a line break after any other line end, a space between runs of a line.
 */
export function lineBreakAfter(str: string, hasEOL: boolean): string {
  if (!hasEOL) return ' ';
  return /\p{L}-$/u.test(str) ? '' : '\n';
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({
          str: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
        });
        // Every item is a separate run (a word, a cell): separate them, the comparison ignores how much whitespace.
        // A line that ends on a word's own hyphen ("IMO-" / "leden") goes on without a space, as a reader reads it.
        text += `${item.str}${lineBreakAfter(item.str, item.hasEOL)}`;
      }
      pages.push({ text: normalise(text), items, width: width ?? 0, height: height ?? 0 });
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    return {
      numPages: doc.numPages,
      pages,
      ...(info.Title ? { title: info.Title } : {}),
      ...(info.Language ? { language: info.Language } : {}),
    };
  } finally {
    await doc.destroy();
  }
}
