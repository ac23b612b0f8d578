import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { voortgangAt, type Voortgangsrapportage } from '../../../src/domain/report.js';
import { RAPPORT_TITEL } from '../../../src/reporting/labels.js';
import { DOCX_MIME, reportDocxBlob, reportDocxBytes } from '../../../src/reporting/report-docx.js';
import { readDocx, type DocxText } from '../../support/documents/docx-text.js';
import { expectedCounts, fixtureActies, fixtureModel, GEMEENTE, HOSTILE_TITLE } from './fixture.js';
import { normalise } from '../../support/documents/pdf-text.js';
import { adviesSection, checkAdviesCounts, checkAdviesHeadings, expectedAdviezen } from './report-check.js';

async function render(model: Voortgangsrapportage): Promise<DocxText> {
  return readDocx(await reportDocxBytes(model));
}

describe('the voortgangsrapportage as Word document', () => {
  describe.each([
    { peildatum: '2025-12-31', datum: '31 december 2025' },
    { peildatum: '2025-05-15', datum: '15 mei 2025' },
  ])('on $peildatum', ({ peildatum, datum }) => {
    const acties = fixtureActies();
    const model = fixtureModel(peildatum, acties);
    const expected = expectedAdviezen(zoetermeerPlan.adviezen, (n) => expectedCounts(acties, n, peildatum));
    let doc: DocxText;
    beforeAll(async () => {
      doc = await render(model);
    });

    it('has the title, the gemeente and the Dutch date, and Dutch as its language', () => {
      expect(doc.paragraphs.find((p) => p.style === 'Title')?.text).toBe(RAPPORT_TITEL);
      expect(doc.text.startsWith(`${GEMEENTE} ${RAPPORT_TITEL} Stand op ${datum}`)).toBe(true);
      expect(doc.stylesXml).toContain('<w:lang w:val="nl-NL"/>');
      expect(doc.coreXml).toContain(`<dc:title>${RAPPORT_TITEL} – ${datum}</dc:title>`);
      expect(doc.coreXml).toContain(`<dc:creator>${GEMEENTE}</dc:creator>`);
    });

    it('uses real Word headings: one Heading 2 per advies, 1 to 11 in order', () => {
      expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
        'Samenvatting',
        'Voortgang per advies',
      ]);
      const advies = doc.paragraphs
        .filter((p) => p.style === 'Heading2' && p.text.startsWith('Advies '))
        .map((p) => p.text);
      expect(advies).toEqual(expected.map((a) => `Advies ${a.nummer}. ${a.titel}`));
      expect(checkAdviesHeadings(doc.text, expected)).toEqual([]);
      expect(doc.paragraphs.filter((p) => p.style === 'Heading3' && p.text === 'Reactie college')).toHaveLength(11);
    });

    it("shows each advies' counts as counted from the actions themselves, in a table", () => {
      expect(checkAdviesCounts(doc.text, expected)).toEqual([]);
      expect((doc.documentXml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(11 + 4);
      expect(doc.documentXml).toContain('<w:tblHeader/>');
    });

    it('has "Pagina X van Y" as page fields in the footer, with the gemeente and the date', () => {
      expect(doc.footerXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(doc.footerXml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
      expect(doc.footerXml).toContain('Pagina ');
      expect(doc.footerXml).toContain(' van ');
      expect(doc.footerXml).toContain(`${GEMEENTE} · Voortgangsrapportage peildatum ${datum}`);
    });

    it('writes a hostile title as escaped text, and drops characters XML cannot hold', () => {
      expect(doc.text).toContain(normalise(HOSTILE_TITLE));
      expect(doc.documentXml).not.toContain('<script>');
      expect(doc.documentXml).toContain('&lt;script&gt;');
      // eslint-disable-next-line no-control-regex
      expect(doc.documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(doc.text).toContain('Opdrachtgeverschap versterken in de lijn');
    });
  });

  it('says which adviezen the college takes up together, and lists the findings by theme (issue 13, point 7), read back from the Word file', async () => {
    const model = voortgangAt({
      gemeente: GEMEENTE,
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen,
      bevindingen: zoetermeerPlan.bevindingen,
      acties: fixtureActies().map((value, i) => ({ id: String(i + 1), value })),
    });
    const doc = await render(model);
    expect(adviesSection(doc.text, 1, 2)).toContain(
      'In samenhang met advies 3 en 5: zo pakt het college dit advies op (zie de reactie hierboven).',
    );
    for (const n of [3, 5])
      expect(adviesSection(doc.text, n, n + 1)).toContain(
        'In samenhang met advies 1: de reactie van het college op advies 1 noemt dit advies.',
      );
    expect(adviesSection(doc.text, 2, 3)).not.toContain('In samenhang met');

    // A real Word heading after the last advies, a Heading 2 per theme, and a paragraph per finding in order.
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Samenvatting',
      'Voortgang per advies',
      'Bevindingen per thema',
    ]);
    const start = doc.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === 'Bevindingen per thema');
    const advies11 = doc.paragraphs.findIndex((p) => p.style === 'Heading2' && p.text.startsWith('Advies 11. '));
    expect(start).toBeGreaterThan(advies11);
    const bijlage = doc.paragraphs.slice(start + 1).filter((p) => p.text.trim() !== '');
    const titel = (n: number) => `${n}. ${zoetermeerPlan.bevindingen[n - 1]!.titel}`;
    expect(bijlage.map((p) => (p.style === 'Heading2' ? `## ${p.text}` : normalise(p.text)))).toEqual([
      'De bevindingen van het onderzoek, gegroepeerd naar het thema waaronder de bijlagen van het rapport ze bespreken.',
      '## Thema A: Structuur versterken',
      ...[1, 2, 3, 4].map((n) => normalise(titel(n))),
      '## Thema B: Verbinding organiseren',
      ...[5, 6, 7].map((n) => normalise(titel(n))),
      '## Thema C: Continu leren',
      ...[8, 9].map((n) => normalise(titel(n))),
    ]);
    // Without the findings (the fixture), the Word file has no such section.
    expect((await render(fixtureModel('2025-12-31'))).text).not.toContain('Bevindingen per thema');
  });

  it('keeps line breaks of a reason as Word line breaks', async () => {
    const doc = await render(fixtureModel('2025-12-31'));
    expect(doc.paragraphs.some((p) => p.text === 'Geblokkeerd\nWacht op besluit CMT\nover de prioritering.')).toBe(
      true,
    );
    expect(adviesSection(doc.text, 3, 4)).toContain('doorlopend vanaf 30 juni 2025 niet gestart');
  });

  it('catches a missing advies (the checks can fail)', async () => {
    const acties = fixtureActies();
    const expected = expectedAdviezen(zoetermeerPlan.adviezen, (n) => expectedCounts(acties, n, '2025-12-31'));
    const model = fixtureModel('2025-12-31', acties);
    const doc = await render({ ...model, perAdvies: model.perAdvies.filter((a) => a.nummer !== 11) });
    expect(checkAdviesHeadings(doc.text, expected)).toEqual(['Advies 11 ontbreekt']);
    expect(checkAdviesCounts(doc.text, expected)).toEqual(['Advies 11: sectie ontbreekt']);
  });

  it('also packs to a Blob with the Word MIME type (the browser download)', async () => {
    const blob = await reportDocxBlob(fixtureModel('2025-12-31'));
    expect(blob.type).toBe(DOCX_MIME);
    const doc = readDocx(new Uint8Array(await blob.arrayBuffer()));
    expect(doc.paragraphs.find((p) => p.style === 'Title')?.text).toBe(RAPPORT_TITEL);
  });
});
