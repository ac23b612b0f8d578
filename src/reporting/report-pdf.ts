/**
 * The voortgangsrapportage as a pdfmake document definition (issue 8). Pure: the same definition is printed in Node
 * (pdf-node.ts) and in the browser (pdf-browser.ts). It uses only the Roboto fonts pdfmake ships.
 *
 * Every text is a plain pdfmake text node: pdfmake does not interpret markup, and nothing here builds content from
 * text (no images, links or references), so a title like `<b>x</b>` or `{{x}}` is printed as it is.
 */
import type { Content, ContentText, ContextPageSize, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Voortgangsrapportage } from '../domain/report.js';
import { paginaTekst, voetregel } from './labels.js';
import { rapportOpzet, type Block, type Cell, type Run } from './outline.js';

/** A4 in points, with margins of about 2 cm. */
const PAGE_WIDTH = 595.28;
const MARGIN_X = 56;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CELL_PADDING_X = 4;

const KLEUR = { tekst: '#1b1b1b', kop: '#1f3a5f', grijs: '#5a5a5a', lijn: '#c8ced6', kopVulling: '#eef1f5', waarschuwing: '#a4262c' } as const;

/** Horizontal rules only, a shaded header row; the padding that `kolomBreedtes` counts with. */
const TABEL_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => KLEUR.lijn,
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (rowIndex) => (rowIndex === 0 ? KLEUR.kopVulling : null),
};

/** Column widths in points from relative weights, so that widths plus padding fill the text width exactly. */
export function kolomBreedtes(gewichten: readonly number[], beschikbaar = CONTENT_WIDTH): number[] {
  const totaal = gewichten.reduce((s, g) => s + g, 0) || 1;
  const netto = beschikbaar - gewichten.length * 2 * CELL_PADDING_X - 1;
  return gewichten.map((g) => Math.floor(((g / totaal) * netto) * 100) / 100);
}

function runs(rs: readonly Run[]): ContentText {
  return { text: rs.map((r) => ({ text: r.text, bold: r.bold ?? false, italics: r.italics ?? false, ...(r.waarschuwing ? { color: KLEUR.waarschuwing } : {}) })) };
}

function cel(c: Cell, numeriek: boolean, vet: boolean): TableCell {
  const base: ContentText = typeof c === 'string' ? { text: c } : runs(c);
  return { ...base, ...(numeriek ? { alignment: 'right' } : {}), ...(vet ? { bold: true } : {}) };
}

function tabel(b: Extract<Block, { kind: 'tabel' }>): Content {
  const numeriek = b.kop.map((_, i) => b.numeriek?.[i] ?? false);
  const body: TableCell[][] = [
    b.kop.map((k, i) => ({ text: k, style: 'th', ...(numeriek[i] ? { alignment: 'right' as const } : {}) })),
    ...b.rijen.map((rij, r) => rij.map((c, i) => cel(c, numeriek[i] ?? false, (b.totaalRij ?? false) && r === b.rijen.length - 1))),
  ];
  const table: Content = {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths: kolomBreedtes(b.breedtes), body },
    layout: TABEL_LAYOUT,
    style: 'tabel',
  };
  return b.onbreekbaar ? { stack: [table], unbreakable: true } : table;
}

function blockContent(b: Block): Content {
  switch (b.kind) {
    case 'titel':
      return {
        stack: [
          { text: b.gemeente, style: 'gemeente' },
          { text: b.titel, style: 'titel' },
          { text: b.ondertitel, style: 'ondertitel' },
        ],
        margin: [0, 40, 0, 18],
      };
    case 'kop':
      return { text: b.tekst, style: `h${b.niveau}`, headlineLevel: b.niveau };
    case 'alinea':
      // A "meta" line directly under a heading belongs to it: the page-break rule keeps it with the heading.
      return b.stijl === 'meta' ? { ...runs(b.runs), style: 'meta', headlineLevel: 4 } : { ...runs(b.runs), style: b.stijl === 'klein' ? 'klein' : 'alinea' };
    case 'tabel':
      return tabel(b);
  }
}

/**
 * The pdfmake definition of the report: a title block, the summary (totals, per plateau and theme, the planning
 * judgements, the plateau gate), then per advies its section. The footer carries the gemeente, the peildatum and
 * "Pagina X van Y"; there is no header.
 */
export function reportDocDefinition(model: Voortgangsrapportage): TDocumentDefinitions {
  const opzet = rapportOpzet(model);
  const voet = voetregel(opzet.gemeente, opzet.peildatum);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 56, MARGIN_X, 60],
    language: 'nl-NL',
    displayTitle: true,
    info: {
      title: `${opzet.titel} – ${opzet.peildatumNl}`,
      author: opzet.gemeente,
      subject: `Voortgang per advies op ${opzet.peildatumNl}`,
      creator: 'Actieplan Digitaal Leiderschap',
      producer: 'Actieplan Digitaal Leiderschap (pdfmake)',
    },
    content: opzet.blocks.map(blockContent),
    footer: (currentPage: number, pageCount: number, _pageSize: ContextPageSize): Content => ({
      columns: [
        { text: voet, width: '*' },
        { text: paginaTekst(currentPage, pageCount), width: 'auto', alignment: 'right' },
      ],
      columnGap: 12,
      margin: [MARGIN_X, 24, MARGIN_X, 0],
      fontSize: 8,
      color: KLEUR.grijs,
    }),
    // No heading alone at the bottom of a page: a heading that starts in the last part of the page moves to the
    // next one (its meta line follows it). An advies heading needs more room below it than a subheading.
    pageBreakBefore: (node) => {
      const level = node.headlineLevel;
      if (level === undefined || level > 3) return false;
      const ratio = node.startPosition.verticalRatio ?? 0;
      return ratio > (level === 3 ? 0.88 : 0.8);
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: KLEUR.tekst },
    styles: {
      gemeente: { fontSize: 12, color: KLEUR.grijs, margin: [0, 0, 0, 6] },
      titel: { fontSize: 22, bold: true, color: KLEUR.kop, lineHeight: 1.1 },
      ondertitel: { fontSize: 13, margin: [0, 8, 0, 0] },
      h1: { fontSize: 16, bold: true, color: KLEUR.kop, margin: [0, 18, 0, 8] },
      h2: { fontSize: 13, bold: true, color: KLEUR.kop, margin: [0, 16, 0, 2] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 10, 0, 4] },
      meta: { fontSize: 9, color: KLEUR.grijs, margin: [0, 0, 0, 4] },
      alinea: { margin: [0, 0, 0, 6] },
      klein: { fontSize: 8.5, color: KLEUR.grijs, margin: [0, 2, 0, 6] },
      th: { bold: true, fontSize: 8.5 },
      tabel: { fontSize: 9, margin: [0, 2, 0, 8] },
    },
  };
}
