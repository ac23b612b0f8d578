import { beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { voortgangAt, type Voortgangsrapportage } from '../../../src/domain/report.js';
import { RAPPORT_TITEL } from '../../../src/reporting/labels.js';
import { reportPdfBuffer } from '../../../src/reporting/pdf-node.js';
import { expectedCounts, fixtureActies, fixtureModel, GEMEENTE, HOSTILE_TITLE } from './fixture.js';
import { normalise, readPdf, type PdfText } from '../../support/documents/pdf-text.js';
import { adviesSection, checkAdviesCounts, checkAdviesHeadings, expectedAdviezen } from './report-check.js';

/** An action's description (the report's own words) as the PDF prints it, under its title. */
const omschrijving = (nummer: string) =>
  normalise(zoetermeerPlan.acties.find((a) => a.nummer === nummer)?.omschrijving ?? '');

const FOOTER = (datum: string) => `${GEMEENTE} · Voortgangsrapportage peildatum ${datum}`;

/** Page i's footer as a reader sees it. */
const footerOf = (pdf: PdfText, datum: string, i: number) => `${FOOTER(datum)} Pagina ${i + 1} van ${pdf.numPages}`;

/** The document's text without the footers (a page without its footer keeps all its text, and fails the footer test). */
function bodyText(pdf: PdfText, datum: string): string {
  return (
    pdf.pages
      .map((page, i) => {
        const footer = footerOf(pdf, datum, i);
        return page.text.endsWith(footer) ? page.text.slice(0, -footer.length) : page.text;
      })
      // One space where a page ends, whatever the footer left (a table that starts on the next page reads on).
      .map((text) => text.trim())
      .join(' ')
  );
}

async function render(model: Voortgangsrapportage): Promise<PdfText> {
  return readPdf(await reportPdfBuffer(model));
}

/** The fixture's report for a date, rendered and read back once for every test that reads that very document. */
const fixtureRenders = new Map<string, Promise<PdfText>>();
function renderFixture(peildatum: '2025-12-31' | '2025-05-15'): Promise<PdfText> {
  let pdf = fixtureRenders.get(peildatum);
  if (!pdf) {
    pdf = render(fixtureModel(peildatum));
    fixtureRenders.set(peildatum, pdf);
  }
  return pdf;
}

// Rendering and reading back a PDF takes a second or two; more when the whole suite runs in parallel.
describe('the voortgangsrapportage as PDF', { timeout: 30_000 }, () => {
  describe.each([
    { peildatum: '2025-12-31' as const, datum: '31 december 2025' },
    { peildatum: '2025-05-15' as const, datum: '15 mei 2025' },
  ])('on $peildatum', ({ peildatum, datum }) => {
    const acties = fixtureActies();
    const expected = expectedAdviezen(zoetermeerPlan.adviezen, (n) => expectedCounts(acties, n, peildatum));
    let pdf: PdfText;
    let text: string;
    beforeAll(async () => {
      pdf = await renderFixture(peildatum);
      text = bodyText(pdf, datum);
    }, 30_000);

    it('renders, with Dutch metadata, the gemeente, the title and the Dutch date', () => {
      expect(pdf.numPages).toBeGreaterThan(3);
      expect(pdf.language).toBe('nl-NL');
      expect(pdf.title).toBe(`${RAPPORT_TITEL} – ${datum}`);
      expect(pdf.pages[0]?.text.startsWith(`${GEMEENTE} ${RAPPORT_TITEL} Stand op ${datum}`)).toBe(true);
    });

    it('numbers the pages "Pagina X van Y" with Y the real page count, in a footer with the gemeente and the date', () => {
      pdf.pages.forEach((page, i) =>
        expect(page.text.endsWith(footerOf(pdf, datum, i)), `footer of page ${i + 1}`).toBe(true),
      );
      expect(pdf.pages[0]?.text).toContain(`Pagina 1 van ${pdf.numPages}`);
      expect(pdf.pages.at(-1)?.text).toContain(`Pagina ${pdf.numPages} van ${pdf.numPages}`);
    });

    it('has a section for every advies, 1 to 11, in order', () => {
      expect(expected.map((a) => a.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(checkAdviesHeadings(text, expected)).toEqual([]);
    });

    it("shows each advies' counts as counted from the actions themselves", () => {
      expect(checkAdviesCounts(text, expected)).toEqual([]);
    });

    it('gives the plan totals in the summary', () => {
      const total = expected.reduce((sum, a) => sum.map((v, i) => v + (a.counts[i] ?? 0)), [0, 0, 0, 0, 0, 0, 0]);
      expect(text).toContain(`Totaal ${total.join(' ')} ${Math.round((total[1]! / total[0]!) * 100)}%`);
    });

    it('prints a hostile title literally, and drops control characters', () => {
      expect(text).toContain(normalise(HOSTILE_TITLE));
      expect(adviesSection(text, 1, 2)).toContain(
        `Wat is gedaan Nr. Actie Status Toelichting 1.2 ${normalise(HOSTILE_TITLE)} ${omschrijving('1.2')} Afgerond`,
      );
      expect(text).toContain('Opdrachtgeverschap versterken in de lijn');
    });
  });

  it('says which adviezen the college takes up together, and lists the findings by theme (issue 13, point 7), read back from the PDF', async () => {
    const model = voortgangAt({
      gemeente: GEMEENTE,
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen,
      bevindingen: zoetermeerPlan.bevindingen,
      acties: fixtureActies().map((value, i) => ({ id: String(i + 1), value })),
    });
    const text = bodyText(await render(model), '31 december 2025');
    expect(adviesSection(text, 1, 2)).toContain(
      'In samenhang met advies 3 en 5: zo pakt het college dit advies op (zie de reactie hierboven).',
    );
    for (const n of [3, 5])
      expect(adviesSection(text, n, n + 1)).toContain(
        `In samenhang met advies 1: de reactie van het college op advies 1 noemt dit advies.`,
      );
    expect(adviesSection(text, 2, 3)).not.toContain('In samenhang met');
    const bijlage = text.slice(text.indexOf('Bevindingen per thema'));
    expect(text.indexOf('Bevindingen per thema')).toBeGreaterThan(text.indexOf('Advies 11. '));
    const expected = [
      'Thema A: Structuur versterken',
      ...[1, 2, 3, 4].map((n) => `${n}. ${zoetermeerPlan.bevindingen[n - 1]!.titel}`),
      'Thema B: Verbinding organiseren',
      ...[5, 6, 7].map((n) => `${n}. ${zoetermeerPlan.bevindingen[n - 1]!.titel}`),
      'Thema C: Continu leren',
      ...[8, 9].map((n) => `${n}. ${zoetermeerPlan.bevindingen[n - 1]!.titel}`),
    ].map(normalise);
    let at = 0;
    for (const line of expected) {
      const found = bijlage.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
    // Without the findings (the fixture), the report has no such section.
    expect(bodyText(await renderFixture('2025-12-31'), '31 december 2025')).not.toContain('Bevindingen per thema');
  });

  it('judges the planning per advies and marks overdue actions', async () => {
    const late = bodyText(await renderFixture('2025-12-31'), '31 december 2025');
    const advies3 = adviesSection(late, 3, 4) ?? '';
    // A standing commitment: judged on having started; the action that has not is marked, the running one is not.
    expect(advies3).toContain(
      '“1e halfjaar 2025 en verder”, doorlopend vanaf 30 juni 2025. Oordeel op 31 december 2025: Niet op tijd gestart.',
    );
    expect(advies3).toContain(
      `3.3 Verbeteren terugkoppeling van IMO naar management en/of organisatie ${omschrijving('3.3')} Niet gestart Zonder eigenaar doorlopend vanaf 30 juni 2025 niet gestart`,
    );
    expect(advies3).toContain(
      `3.1 Verduidelijken portfolio management proces ${omschrijving('3.1')} Loopt Portfoliomanager I&A doorlopend vanaf 30 juni 2025 3.2`,
    );
    // The advies in the report's own words, before the college's reaction.
    expect(normalise(advies3)).toContain(
      `Het advies in het rapport ${normalise(zoetermeerPlan.adviezen[2]!.omschrijving!)} Reactie college`,
    );
    const advies7 = adviesSection(late, 7, 8) ?? '';
    expect(advies7).toContain('“1e halfjaar 2025”, termijn 30 juni 2025. Oordeel op 31 december 2025: Niet gehaald.');
    // Belegd is under its own heading with its track, never under "Wat is gedaan".
    expect(advies7).toContain('Wat is gedaan Geen.');
    expect(advies7).toContain(
      `Belegd in lopend traject Nr. Actie Traject Eigenaar 7.1 Hands-on ondersteuning bij basis op orde ${omschrijving('7.1')} Lopende trajecten`,
    );
    expect(advies3).toContain('Geblokkeerd Wacht op besluit CMT over de prioritering.');
    expect(advies3).toContain('Gekoppelde portfolioprojecten Geen.');
    const advies2 = adviesSection(late, 2, 3) ?? '';
    expect(advies2).toContain(
      `Niet overgenomen Nr. Actie Motivering 2.1 Uitvoeren van 0-metingen basis op orde ${omschrijving('2.1')} Lopende trajecten`,
    );
    expect(adviesSection(late, 9, 10)).toContain(
      'Het college gaf voor dit advies geen planning. Oordeel op 31 december 2025: Geen termijn.',
    );

    const early = bodyText(await renderFixture('2025-05-15'), '15 mei 2025');
    expect(adviesSection(early, 3, 4)).toContain(
      'doorlopend vanaf 30 juni 2025. Oordeel op 15 mei 2025: Binnen termijn.',
    );
    expect(adviesSection(early, 3, 4)).not.toContain('niet gestart');
    expect(adviesSection(early, 7, 8)).not.toContain('achterstallig');
  });

  it('catches a missing advies and wrong counts (the checks can fail)', async () => {
    const peildatum = '2025-12-31';
    const acties = fixtureActies();
    const expected = expectedAdviezen(zoetermeerPlan.adviezen, (n) => expectedCounts(acties, n, peildatum));
    const model = fixtureModel(peildatum, acties);
    const broken: Voortgangsrapportage = {
      ...model,
      perAdvies: model.perAdvies
        .filter((a) => a.nummer !== 5)
        .map((a) => (a.nummer === 8 ? { ...a, counts: { ...a.counts, afgerond: a.counts.afgerond + 1 } } : a)),
    };
    const text = bodyText(await render(broken), '31 december 2025');
    expect(checkAdviesHeadings(text, expected)).toEqual(['Advies 5 ontbreekt']);
    expect(checkAdviesCounts(text, expected)).toEqual([
      'Advies 5: sectie ontbreekt',
      `Advies 8: tellingen ${[expected[7]!.counts[0], expected[7]!.counts[1]! + 1, ...expected[7]!.counts.slice(2)].join(' ')}, verwacht ${expected[7]!.counts.join(' ')}`,
    ]);
  });

  it('wraps very long titles and words inside the page', async () => {
    const acties = fixtureActies().map((a) =>
      a.nummer === '4.1'
        ? {
            ...a,
            titel: `${'Zeer lange titel '.repeat(30)}${'x'.repeat(180)} einde`,
            eigenaar: { displayName: 'y'.repeat(120) },
          }
        : a,
    );
    const pdf = await render(fixtureModel('2025-12-31', acties));
    for (const page of pdf.pages) {
      for (const item of page.items) {
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width, JSON.stringify(item.str)).toBeLessThanOrEqual(page.width - 20);
      }
    }
    expect(bodyText(pdf, '31 december 2025')).toContain('Zeer lange titel Zeer lange titel');
  });

  it('draws only text and shapes: no images, links, actions, attachments or forms', async () => {
    // pdfkit writes every object dictionary uncompressed; only content streams are deflated.
    const raw = Buffer.from(await reportPdfBuffer(fixtureModel('2025-12-31'))).toString('latin1');
    expect(raw).toContain('/Type /Catalog');
    expect(raw).not.toMatch(
      /\/Subtype \/(Image|Link|FileAttachment|Widget)|\/(URI|JavaScript|JS|Launch|AcroForm|EmbeddedFiles|OpenAction)\b/,
    );
  });
});

describe('the report period and the borging of 11.5 in the PDF', { timeout: 30_000 }, () => {
  it('lists the status changes since the period start under their advies, and the borging per MT', async () => {
    const acties = fixtureActies();
    const nr = (n: string) => acties.findIndex((a) => a.nummer === n);
    const id = (n: string) => String(nr(n) + 1);
    const base = acties[nr('3.2')]!;
    const histories = [
      {
        id: id('3.2'),
        revisions: [
          { modified: '2025-06-01T10:00:00Z', value: { ...base, status: 'Niet gestart' as const } },
          { modified: '2025-11-03T10:00:00Z', value: { ...base, status: 'Loopt' as const } },
          { modified: '2025-11-20T10:00:00Z', value: base },
        ],
      },
    ];
    const borging = [
      {
        mtId: '1',
        mtKey: 'cmt',
        naam: 'CMT',
        vergaderingen: 9,
        verzonden: 8,
        mislukt: 1,
        besproken: 6,
        besluiten: 4,
        afgevinkt: 5,
        besprokenPercent: 75,
        stilstaand: [
          {
            id: id('6.1'),
            nummer: '6.1',
            titel: 'Meer aandacht voor een gezamenlijk voortraject',
            status: 'Niet gestart',
            vergaderingen: 4,
            sinds: '2025-10-01T07:00:00Z',
          },
        ],
      },
      {
        mtId: '2',
        mtKey: 'mt-sociaal-domein',
        naam: 'MT Sociaal Domein',
        vergaderingen: 3,
        verzonden: 3,
        mislukt: 0,
        besproken: 1,
        besluiten: 0,
        afgevinkt: 1,
        besprokenPercent: 33,
        stilstaand: [],
      },
    ];
    const model = voortgangAt({
      gemeente: GEMEENTE,
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen,
      acties: acties.map((value, i) => ({ id: String(i + 1), value })),
      histories,
      borging,
    });
    const pdf = await render(model);
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(text).toContain('Ontwikkelingen sinds 30 september 2025');
    const advies3 = adviesSection(text, 3);
    expect(advies3).toContain('3 november 2025 3.2');
    expect(advies3).toContain('van Niet gestart naar Loopt');
    expect(advies3).toContain('van Loopt naar Geblokkeerd Wacht op besluit CMT');
    expect(adviesSection(text, 1)).toContain('Geen statuswijzigingen.');
    expect(text).toContain('Borging advies 11.5: digitalisering als vast agendapunt');
    expect(text).toContain('CMT 9 8 6 (75%) 4 1');
    expect(text).toContain('MT Sociaal Domein 3 3 1 (33%) 0 0');
    expect(text).toContain('CMT 6.1 Meer aandacht voor een gezamenlijk voortraject Niet gestart 4');
  });
});
