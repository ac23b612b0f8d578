/**
 * The voortgangsrapportage as a Word document (.docx) with the `docx` package (issue 8): the same outline as the PDF,
 * with real Word headings (Title, Heading 1–3, so the navigation pane and a table of contents work), real tables with
 * a repeating header row, Dutch as the document language, and "Pagina X van Y" as page fields in the footer.
 * Works in Node and in the browser: `reportDocxBytes` gives the bytes anywhere, `reportDocxBlob` a Blob.
 *
 * The docx package writes every text as escaped XML text; `cleanText` (outline.ts) already removed the characters XML
 * cannot hold at all.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Voortgangsrapportage } from '../domain/report.js';
import { voetregel } from './labels.js';
import { rapportOutline, type Block, type Cell, type Run } from './outline.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 in twips (1/20 pt), margins 2 cm. */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const KLEUR = { kop: '1F3A5F', grijs: '5A5A5A', lijn: 'C8CED6', kopVulling: 'EEF1F5', waarschuwing: 'A4262C' } as const;
const LIJN = { style: BorderStyle.SINGLE, size: 4, color: KLEUR.lijn } as const;
const GEEN_LIJN = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** Text runs for one piece of text; line breaks in the text become Word line breaks. */
function textRuns(r: Run, extra: { size?: number; color?: string } = {}): TextRun[] {
  const color = r.waarschuwing ? KLEUR.waarschuwing : extra.color;
  return r.text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        bold: r.bold ?? false,
        italics: r.italics ?? false,
        ...(i > 0 ? { break: 1 } : {}),
        ...(color ? { color } : {}),
        ...(extra.size ? { size: extra.size } : {}),
      }),
  );
}

function runsOf(c: Cell): Run[] {
  return typeof c === 'string' ? [{ text: c }] : c;
}

function tabel(b: Extract<Block, { kind: 'tabel' }>): Table {
  const totaal = b.breedtes.reduce((s, w) => s + w, 0) || 1;
  const columnWidths = b.breedtes.map((w) => Math.floor((w / totaal) * CONTENT_WIDTH));
  const numeriek = b.kop.map((_, i) => b.numeriek?.[i] ?? false);
  const cell = (c: Cell, i: number, opts: { kop?: boolean; vet?: boolean }) =>
    new TableCell({
      width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(opts.kop ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: KLEUR.kopVulling } } : {}),
      children: [
        new Paragraph({
          alignment: numeriek[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: runsOf(c).flatMap((r) => textRuns(opts.kop || opts.vet ? { ...r, bold: true } : r, { size: 18 })),
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: b.kop.map((k, i) => cell(k, i, { kop: true })) }),
    ...b.rijen.map(
      (rij, r) =>
        new TableRow({
          cantSplit: b.onbreekbaar ?? false,
          children: rij.map((c, i) => cell(c, i, { vet: (b.totaalRij ?? false) && r === b.rijen.length - 1 })),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: LIJN,
      bottom: LIJN,
      left: GEEN_LIJN,
      right: GEEN_LIJN,
      insideHorizontal: LIJN,
      insideVertical: GEEN_LIJN,
    },
  });
}

const KOP = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'titel':
      return [
        new Paragraph({
          spacing: { before: 600, after: 120 },
          children: [new TextRun({ text: b.gemeente, size: 24, color: KLEUR.grijs })],
        }),
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: b.titel })] }),
        new Paragraph({ spacing: { after: 360 }, children: [new TextRun({ text: b.ondertitel, size: 26 })] }),
      ];
    case 'kop':
      return [new Paragraph({ heading: KOP[b.niveau], children: [new TextRun({ text: b.tekst })] })];
    case 'alinea': {
      const extra =
        b.stijl === 'meta' || b.stijl === 'klein' ? { size: b.stijl === 'meta' ? 18 : 17, color: KLEUR.grijs } : {};
      return [
        new Paragraph({
          keepNext: b.stijl === 'meta',
          spacing: { after: 120 },
          children: b.runs.flatMap((r) => textRuns(r, extra)),
        }),
      ];
    }
    case 'tabel':
      // An empty paragraph after a table keeps two tables apart and gives the next heading its spacing.
      return [tabel(b), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'figuur':
      // The PDF draws the chart; here the table right after it carries the same numbers (see the outline).
      return [];
  }
}

/** The report as a `docx` Document (for callers that pack it themselves). */
export function reportDocument(model: Voortgangsrapportage): Document {
  const opzet = rapportOutline(model);
  const kop = (size: number, before: number) => ({
    run: { size, bold: true, color: KLEUR.kop, font: 'Calibri' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return new Document({
    title: `${opzet.titel} – ${opzet.peildatumNl}`,
    subject: `Voortgang per advies op ${opzet.peildatumNl}`,
    creator: opzet.gemeente,
    lastModifiedBy: opzet.gemeente,
    description: `${opzet.titel}, peildatum ${opzet.peildatumNl}`,
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 20, language: { value: 'nl-NL' } },
          paragraph: { spacing: { after: 80, line: 264 } },
        },
        title: {
          run: { size: 44, bold: true, color: KLEUR.kop, font: 'Calibri' },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: kop(32, 360),
        heading2: kop(26, 300),
        heading3: kop(21, 200),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
                children: [
                  new TextRun({ text: voetregel(opzet.gemeente, opzet.peildatum), size: 16, color: KLEUR.grijs }),
                  new TextRun({
                    children: [new Tab(), 'Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES],
                    size: 16,
                    color: KLEUR.grijs,
                  }),
                ],
              }),
            ],
          }),
        },
        children: opzet.blocks.flatMap(blockElements),
      },
    ],
  });
}

/** The .docx file's bytes; works in Node and in the browser. */
export async function reportDocxBytes(model: Voortgangsrapportage): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(model)));
}

/** The .docx file as a Blob with the Word MIME type, for a download in the browser. */
export async function reportDocxBlob(model: Voortgangsrapportage): Promise<Blob> {
  return new Blob([await Packer.toArrayBuffer(reportDocument(model))], { type: DOCX_MIME });
}
