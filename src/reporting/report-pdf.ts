/**
 * The voortgangsrapportage as a tagged, accessible PDF (issue 18), drawn with pdfkit from the same outline as the
 * Word file (outline.ts). The same code prints in Node (pdf-node.ts) and in the browser (pdf-browser.ts); each passes
 * its own pdfkit build and the Roboto font bytes.
 *
 * Accessible for a council document (EN 301 549 / PDF/UA): a structure tree in reading order (the title as H1, the
 * outline's headings as H2–H4, paragraphs as P, tables as Table/THead/TBody/TR with TH header cells of column scope
 * and TD data cells, the charts as Figure with alternate text), Dutch as the document language, the title shown in the
 * viewer's title bar, embedded fonts, and everything that is only decoration (table lines and shading, the footer, a
 * header row repeated on a next page) marked as an artifact so that a screen reader skips it.
 *
 * Every text is drawn as plain text: pdfkit interprets no markup, and nothing here makes links, images or
 * references from text, so a title like `<b>x</b>` or `{{x}}` is printed as it is.
 */
// Brings in @types/pdfkit's global `PDFKit` namespace; the class itself is passed in by the caller.
import type _PdfKit from 'pdfkit';
import type { Voortgangsrapportage } from '../domain/report.js';
import { pageText, voetregel } from './labels.js';
import { rapportOutline, type Block, type Cell, type Run } from './outline.js';

type Doc = PDFKit.PDFDocument;
type StructureElement = PDFKit.PDFStructureElement;

/** The pdfkit document class: the Node build or the browser's standalone build. */
export type PdfDocumentClass = new (options?: PDFKit.PDFDocumentOptions) => Doc;

/** The four Roboto styles the report uses (regular, medium for bold, and their italics), as font file bytes. */
export type RobotoFonts = Readonly<Record<'normal' | 'bold' | 'italics' | 'bolditalics', Uint8Array | ArrayBuffer>>;

/**
 * The font files of the `@expo-google-fonts/roboto` package (Google Fonts' Roboto as TrueType), per style. TrueType,
 * not WOFF: fontkit inflates a WOFF table again for every glyph it subsets, which made a report take seconds longer.
 */
export const ROBOTO_FILES = {
  normal: '400Regular/Roboto_400Regular.ttf',
  bold: '500Medium/Roboto_500Medium.ttf',
  italics: '400Regular_Italic/Roboto_400Regular_Italic.ttf',
  bolditalics: '500Medium_Italic/Roboto_500Medium_Italic.ttf',
} as const;

const FONT = {
  normal: 'Roboto',
  bold: 'Roboto-Medium',
  italics: 'Roboto-Italic',
  bolditalics: 'Roboto-MediumItalic',
} as const;

/** A4 in points, with margins of about 2 cm. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 56, bottom: 60, left: 56, right: 56 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CELL_PADDING = { x: 4, y: 3 } as const;
/** Extra room between lines (points), on top of the font's own line height. */
const LINE_GAP = 1;

const KLEUR = {
  tekst: '#1b1b1b',
  kop: '#1f3a5f',
  grijs: '#5a5a5a',
  lijn: '#c8ced6',
  kopVulling: '#eef1f5',
  waarschuwing: '#a4262c',
} as const;

/** The heading styles: the title block's title is H1, the outline's levels 1–3 are H2–H4. */
const KOP = {
  1: { size: 16, color: KLEUR.kop, bold: true, before: 18, after: 8, tag: 'H2', breekNa: 0.8 },
  2: { size: 13, color: KLEUR.kop, bold: true, before: 16, after: 2, tag: 'H3', breekNa: 0.8 },
  3: { size: 10.5, color: KLEUR.tekst, bold: true, before: 10, after: 4, tag: 'H4', breekNa: 0.88 },
} as const;

const ALINEA = {
  gewoon: { size: 10, color: KLEUR.tekst, after: 6 },
  meta: { size: 9, color: KLEUR.grijs, after: 4 },
  klein: { size: 8.5, color: KLEUR.grijs, after: 6 },
} as const;

const TABEL = { kop: 8.5, tekst: 9, voor: 2, na: 8 } as const;

/** Column widths in points from relative weights, so that widths (padding included) fill the text width exactly. */
export function pdfColumnWidths(gewichten: readonly number[], beschikbaar = CONTENT_WIDTH): number[] {
  const totaal = gewichten.reduce((s, g) => s + g, 0) || 1;
  return gewichten.map((g) => Math.floor((g / totaal) * (beschikbaar - 1) * 100) / 100);
}

function fontOf(r: { bold?: boolean | undefined; italics?: boolean | undefined }): string {
  if (r.bold) return r.italics ? FONT.bolditalics : FONT.bold;
  return r.italics ? FONT.italics : FONT.normal;
}

/** Runs split at their line breaks into lines, each line a list of runs (empty runs dropped, empty lines kept). */
function regels(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines.at(-1)?.push({ ...r, text: part });
    });
  }
  return lines;
}

function runsOf(c: Cell): Run[] {
  return typeof c === 'string' ? [{ text: c }] : c;
}

/** The drawing state: the document, the page's bottom edge for content, and the structure element to add to. */
type Ctx = { doc: Doc; bottom: number };

/** Decoration (lines, shading, a repeated header): drawn as an artifact, outside the structure tree. */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

/** Adds `child` to `parent` and then runs `draw` as its content: the tree is attached, so drawing happens now, in reading order. */
function element(
  doc: Doc,
  parent: StructureElement,
  tag: string,
  draw?: () => void,
  options?: PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' },
): StructureElement {
  const el = doc.struct(tag, options);
  parent.add(el);
  if (draw) el.add(draw);
  el.end();
  return el;
}

const pageTop = () => MARGIN.top;

/** Starts a new page when fewer than `height` points are left on this one. */
function ruimte(ctx: Ctx, height: number): void {
  if (ctx.doc.y + height > ctx.bottom && ctx.doc.y > pageTop()) ctx.doc.addPage();
}

/** Height of a line of runs at `size` in `width`, as pdfkit will wrap it (measured in the line's first run's font). */
function regelHoogte(doc: Doc, line: readonly Run[], size: number, width: number): number {
  const text = line.map((r) => r.text).join('');
  if (text === '') return doc.font(FONT.normal).fontSize(size).currentLineHeight(true);
  return doc
    .font(fontOf(line.find((r) => r.bold) ?? line[0] ?? {}))
    .fontSize(size)
    .heightOfString(text, { width, lineGap: LINE_GAP });
}

/** Draws lines of runs from (x, y) in `width`; returns the y below them. */
function tekst(
  doc: Doc,
  lines: readonly Run[][],
  o: { x: number; y: number; width: number; size: number; color: string; align?: 'left' | 'right'; bold?: boolean },
): number {
  let y = o.y;
  for (const line of lines) {
    if (line.length === 0) {
      y += doc.font(FONT.normal).fontSize(o.size).currentLineHeight(true);
      continue;
    }
    line.forEach((r, i) => {
      doc
        .font(fontOf({ ...r, bold: (r.bold ?? false) || (o.bold ?? false) }))
        .fontSize(o.size)
        .fillColor(r.waarschuwing ? KLEUR.waarschuwing : o.color);
      const opts = {
        width: o.width,
        lineGap: LINE_GAP,
        align: o.align ?? 'left',
        continued: i < line.length - 1,
      } as const;
      if (i === 0) doc.text(r.text, o.x, y, opts);
      else doc.text(r.text, opts);
    });
    y = doc.y;
  }
  return y;
}

function titel(ctx: Ctx, root: StructureElement, b: Extract<Block, { kind: 'titel' }>): void {
  const { doc } = ctx;
  doc.y = pageTop() + 40;
  element(doc, root, 'P', () => {
    doc.y =
      tekst(doc, [[{ text: b.gemeente }]], {
        x: MARGIN.left,
        y: doc.y,
        width: CONTENT_WIDTH,
        size: 12,
        color: KLEUR.grijs,
      }) + 6;
  });
  element(doc, root, 'H1', () => {
    doc.y =
      tekst(doc, [[{ text: b.titel, bold: true }]], {
        x: MARGIN.left,
        y: doc.y,
        width: CONTENT_WIDTH,
        size: 22,
        color: KLEUR.kop,
      }) + 8;
  });
  element(doc, root, 'P', () => {
    doc.y =
      tekst(doc, [[{ text: b.ondertitel }]], {
        x: MARGIN.left,
        y: doc.y,
        width: CONTENT_WIDTH,
        size: 13,
        color: KLEUR.tekst,
      }) + 18;
  });
}

function kop(ctx: Ctx, root: StructureElement, b: Extract<Block, { kind: 'kop' }>): void {
  const { doc } = ctx;
  const s = KOP[b.niveau];
  const lines = [[{ text: b.tekst, bold: true }]];
  const hoogte = regelHoogte(doc, lines[0] ?? [], s.size, CONTENT_WIDTH);
  // No heading alone at the bottom of a page: a heading that starts in the last part of the page, or that would not
  // fit with two lines below it, moves to the next one.
  const limiet = pageTop() + s.breekNa * (ctx.bottom - pageTop());
  if (doc.y > pageTop() && (doc.y + s.before > limiet || doc.y + s.before + hoogte + 30 > ctx.bottom)) doc.addPage();
  const y = doc.y === pageTop() ? doc.y : doc.y + s.before;
  element(doc, root, s.tag, () => {
    doc.y = tekst(doc, lines, { x: MARGIN.left, y, width: CONTENT_WIDTH, size: s.size, color: s.color }) + s.after;
  });
}

function alinea(ctx: Ctx, root: StructureElement, b: Extract<Block, { kind: 'alinea' }>): void {
  const { doc } = ctx;
  const s = ALINEA[b.stijl ?? 'gewoon'];
  // A paragraph may run over a page break (pdfkit continues it, and its marked content, on the next page); only its
  // first line has to fit here.
  ruimte(ctx, doc.font(FONT.normal).fontSize(s.size).currentLineHeight(true));
  element(doc, root, 'P', () => {
    doc.y =
      tekst(doc, regels(b.runs), { x: MARGIN.left, y: doc.y, width: CONTENT_WIDTH, size: s.size, color: s.color }) +
      s.after;
  });
}

type Rij = { cellen: Run[][][]; hoogte: number; vet: boolean };

function tabel(ctx: Ctx, root: StructureElement, b: Extract<Block, { kind: 'tabel' }>): void {
  const { doc } = ctx;
  const breedtes = pdfColumnWidths(b.breedtes);
  const xs = breedtes.map((_, i) => MARGIN.left + breedtes.slice(0, i).reduce((s, w) => s + w, 0));
  const numeriek = b.kop.map((_, i) => b.numeriek?.[i] ?? false);
  const binnen = (i: number) => (breedtes[i] ?? 0) - 2 * CELL_PADDING.x;
  const meet = (cellen: Run[][][], size: number, vet: boolean): number =>
    2 * CELL_PADDING.y +
    Math.max(
      0,
      ...cellen.map((lines, i) =>
        lines.reduce(
          (h, line) => h + regelHoogte(doc, vet ? line.map((r) => ({ ...r, bold: true })) : line, size, binnen(i)),
          0,
        ),
      ),
    );

  const kopCellen = b.kop.map((k) => regels([{ text: k, bold: true }]));
  const kopRij: Rij = { cellen: kopCellen, hoogte: meet(kopCellen, TABEL.kop, true), vet: true };
  const rijen: Rij[] = b.rijen.map((rij, r) => {
    const vet = (b.totaalRij ?? false) && r === b.rijen.length - 1;
    const cellen = rij.map((c) => regels(runsOf(c)));
    return { cellen, hoogte: meet(cellen, TABEL.tekst, vet), vet };
  });

  const totaal = kopRij.hoogte + rijen.reduce((s, r) => s + r.hoogte, 0);
  // A small table stays on one page; any other starts where its header and first row fit.
  ruimte(
    ctx,
    TABEL.voor + (b.onbreekbaar && totaal <= ctx.bottom - pageTop() ? totaal : kopRij.hoogte + (rijen[0]?.hoogte ?? 0)),
  );
  if (doc.y > pageTop()) doc.y += TABEL.voor;

  const lijn = (y: number, dik: boolean) =>
    artifact(doc, () => {
      doc
        .save()
        .lineWidth(dik ? 0.8 : 0.4)
        .strokeColor(KLEUR.lijn)
        .moveTo(MARGIN.left, y)
        .lineTo(MARGIN.left + CONTENT_WIDTH, y)
        .stroke()
        .restore();
    });
  const kopAchtergrond = (y: number) =>
    artifact(doc, () => {
      doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, kopRij.hoogte).fill(KLEUR.kopVulling).restore();
    });
  const cel = (lines: Run[][], i: number, y: number, size: number, vet: boolean) => {
    tekst(doc, lines, {
      x: (xs[i] ?? 0) + CELL_PADDING.x,
      y: y + CELL_PADDING.y,
      width: binnen(i),
      size,
      color: KLEUR.tekst,
      align: numeriek[i] ? 'right' : 'left',
      bold: vet,
    });
  };

  const table = doc.struct('Table');
  root.add(table);

  // The header row: TH cells with column scope, so every data cell has its column's heading.
  let y = doc.y;
  kopAchtergrond(y);
  lijn(y, true);
  const thead = doc.struct('THead');
  table.add(thead);
  const kopTr = doc.struct('TR');
  thead.add(kopTr);
  kopRij.cellen.forEach((lines, i) =>
    element(doc, kopTr, 'TH', () => cel(lines, i, y, TABEL.kop, true), { scope: 'Column' }),
  );
  kopTr.end();
  thead.end();
  y += kopRij.hoogte;
  lijn(y, true);

  const tbody = doc.struct('TBody');
  table.add(tbody);
  rijen.forEach((rij, r) => {
    if (y + rij.hoogte > ctx.bottom && y > pageTop() + kopRij.hoogte) {
      // The row goes to the next page, under a copy of the header row (decoration: the tree has the header once).
      lijn(y, true);
      doc.addPage();
      y = doc.y;
      artifact(doc, () => {
        doc.save().rect(MARGIN.left, y, CONTENT_WIDTH, kopRij.hoogte).fill(KLEUR.kopVulling).restore();
        kopRij.cellen.forEach((lines, i) => cel(lines, i, y, TABEL.kop, true));
      });
      lijn(y, true);
      y += kopRij.hoogte;
      lijn(y, true);
    }
    const tr = doc.struct('TR');
    tbody.add(tr);
    const rowY = y;
    rij.cellen.forEach((lines, i) => element(doc, tr, 'TD', () => cel(lines, i, rowY, TABEL.tekst, rij.vet)));
    tr.end();
    y += rij.hoogte;
    lijn(y, r === rijen.length - 1);
  });
  tbody.end();
  table.end();
  doc.x = MARGIN.left;
  doc.y = y + TABEL.na;
}

/** The chart's colours per part (afgerond, lopend, geblokkeerd, niet gestart, niet overgenomen), apart in grey scale too. */
const FIGUUR_KLEUREN = ['#1f6f43', '#2b6cb0', '#a4262c', '#c8ced6', '#5a5a5a'] as const;

function figuur(ctx: Ctx, root: StructureElement, b: Extract<Block, { kind: 'figuur' }>): void {
  const { doc } = ctx;
  const label = 110;
  const balk = 12;
  const rij = 18;
  const legenda = 16;
  const hoogte = legenda + b.balken.length * rij + 6;
  ruimte(ctx, hoogte + 4);
  const top = doc.y + 4;
  const kleur = (i: number) => FIGUUR_KLEUREN[i % FIGUUR_KLEUREN.length] ?? KLEUR.grijs;
  const som = (waarden: readonly number[]) => waarden.reduce((s, w) => s + w, 0);
  const schaal = (CONTENT_WIDTH - label - 30) / Math.max(1, ...b.balken.map((x) => som(x.waarden)));
  // The figure is one element with its alternate text: a reader hears the numbers, not the shapes.
  element(
    doc,
    root,
    'Figure',
    () => {
      let x = MARGIN.left;
      b.soorten.forEach((soort, i) => {
        doc
          .save()
          .rect(x, top + 1, 8, 8)
          .fill(kleur(i))
          .restore();
        doc
          .font(FONT.normal)
          .fontSize(8)
          .fillColor(KLEUR.grijs)
          .text(soort, x + 11, top, { lineBreak: false });
        x += 11 + doc.widthOfString(soort) + 12;
      });
      b.balken.forEach((bar, r) => {
        const y = top + legenda + r * rij;
        doc
          .font(FONT.normal)
          .fontSize(8.5)
          .fillColor(KLEUR.tekst)
          .text(bar.label, MARGIN.left, y + 1, { width: label - 6, height: balk, lineBreak: false, ellipsis: true });
        let bx = MARGIN.left + label;
        bar.waarden.forEach((w, i) => {
          if (w > 0)
            doc
              .save()
              .rect(bx, y, w * schaal, balk)
              .fill(kleur(i))
              .restore();
          bx += w * schaal;
        });
        doc
          .font(FONT.normal)
          .fontSize(8.5)
          .fillColor(KLEUR.tekst)
          .text(String(som(bar.waarden)), bx + 4, y + 1, { lineBreak: false });
      });
    },
    { alt: b.alt },
  );
  doc.x = MARGIN.left;
  doc.y = top + hoogte;
}

function footers(doc: Doc, voet: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Below the bottom margin: without a bottom margin of 0 pdfkit would start a new page for this text.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - MARGIN.bottom + 24;
    const pagina = pageText(i + 1, count);
    artifact(doc, () => {
      doc.font(FONT.normal).fontSize(8).fillColor(KLEUR.grijs);
      const paginaBreedte = doc.widthOfString(pagina);
      doc.text(voet, MARGIN.left, y, { width: CONTENT_WIDTH - paginaBreedte - 12, lineBreak: false, ellipsis: true });
      doc.text(pagina, MARGIN.left + CONTENT_WIDTH - paginaBreedte, y, { lineBreak: false });
    });
    doc.page.margins.bottom = bottom;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The report as a tagged PDF's bytes: a title block, the summary (totals, per plateau with its chart and per theme,
 * the planning judgements, the plateau gate, the borging of 11.5), then per advies its section; the gemeente, the
 * peildatum and "Pagina X van Y" in every page's footer.
 */
export function renderReportPdf(
  Pdf: PdfDocumentClass,
  fonts: RobotoFonts,
  model: Voortgangsrapportage,
): Promise<Uint8Array> {
  const opzet = rapportOutline(model);
  const doc = new Pdf({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    // pdfkit writes the PDF/UA identification for this; @types/pdfkit 0.17 knows only the PDF/A subsets.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    // No standard font: every text is in the embedded Roboto (PDF/UA wants every font embedded).
    font: undefined as unknown as string,
    info: {
      Title: `${opzet.titel} – ${opzet.peildatumNl}`,
      Author: opzet.gemeente,
      Subject: `Voortgang per advies op ${opzet.peildatumNl}`,
      Creator: 'Actieplan Digitaal Leiderschap',
      Producer: 'Actieplan Digitaal Leiderschap (pdfkit)',
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });
  try {
    for (const [style, name] of Object.entries(FONT) as [keyof RobotoFonts, string][])
      doc.registerFont(name, fonts[style] as Buffer);
    const ctx: Ctx = { doc, bottom: PAGE.height - MARGIN.bottom };
    const root = doc.struct('Document');
    doc.addStructure(root);
    for (const b of opzet.blocks) {
      switch (b.kind) {
        case 'titel':
          titel(ctx, root, b);
          break;
        case 'kop':
          kop(ctx, root, b);
          break;
        case 'alinea':
          alinea(ctx, root, b);
          break;
        case 'tabel':
          tabel(ctx, root, b);
          break;
        case 'figuur':
          figuur(ctx, root, b);
          break;
      }
    }
    root.end();
    footers(doc, voetregel(opzet.gemeente, opzet.peildatum));
    doc.end();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}
