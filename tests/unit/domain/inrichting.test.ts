/**
 * The municipality's set-up as data (issue 12, point 8): Zoetermeer's default, another municipality with five
 * domains of other names, and every refusal named in Dutch.
 */
import { describe, expect, it } from 'vitest';
import {
  businessDomeinen,
  checkInrichting,
  checkPlanInrichting,
  concernDomein,
  inrichtingMessageText,
  themaNameIn,
  ZOETERMEER_INRICHTING,
  type Inrichting,
} from '../../../src/domain/inrichting.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import type { Actie, Advies, PortfolioItem } from '../../../src/domain/model.js';
import { composeAgenda, type AgendaActieInput, type AgendaInput } from '../../../src/domain/agenda.js';
import type { AgenderingInput } from '../../../src/domain/agendering.js';
import { voortgangAt } from '../../../src/domain/report.js';
import { buildAgendaCard } from '../../../src/reminders/card.js';
import { rapportOutline } from '../../../src/reporting/outline.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

/** The made-up other municipality's set-up, shared with the plan workbook fixture. */
const WESTERVELD: Inrichting = WESTERVELD_INRICHTING;

/** The Dutch sentences of a refused set-up; each is its message (key and values) said by the Dutch templates. */
function problems(input: unknown): string[] {
  const result = checkInrichting(input);
  if (result.ok) return [];
  for (const p of result.problemen) expect(p.melding).toBe(inrichtingMessageText(p.bericht));
  return result.problemen.map((p) => p.melding);
}

const concernAantal = (aantal: number) =>
  `Precies één domein moet de hele organisatie omvatten (het domein van het CMT, in Zoetermeer 'Concern'); nu zijn het er ${aantal}.`;

describe('Zoetermeer, the default', () => {
  it('is valid and holds the seeded values: the municipality, four business domains and Concern, three themes, four plateaus', () => {
    const result = checkInrichting(ZOETERMEER_INRICHTING);
    expect(result).toEqual({ ok: true, inrichting: ZOETERMEER_INRICHTING });
    expect(ZOETERMEER_INRICHTING.gemeente).toBe('Gemeente Zoetermeer');
    expect(businessDomeinen(ZOETERMEER_INRICHTING)).toEqual([
      'Bedrijfsvoering',
      'Dienstverlening',
      'Fysiek Domein',
      'Sociaal Domein',
    ]);
    expect(concernDomein(ZOETERMEER_INRICHTING)).toBe('Concern');
    expect(ZOETERMEER_INRICHTING.themas.map((t) => `${t.code} ${t.naam}`)).toEqual([
      'A Structuur versterken',
      'B Verbinding organiseren',
      'C Continu leren',
    ]);
    expect(ZOETERMEER_INRICHTING.plateaus).toEqual([
      'Randvoorwaardelijk',
      'Fundament versterken',
      'Verbeteren',
      'Excelleren',
    ]);
  });

  it('fits the seeded plan: every domain, theme and plateau of the 33 actions and 11 adviezen is in it', () => {
    expect(checkPlanInrichting(zoetermeerPlan, ZOETERMEER_INRICHTING)).toEqual([]);
  });
});

describe('another municipality', () => {
  it('five domains of other names, a concern domain not called Concern, two themes and three plateaus are valid', () => {
    expect(checkInrichting(WESTERVELD)).toEqual({ ok: true, inrichting: WESTERVELD });
    expect(businessDomeinen(WESTERVELD)).toHaveLength(5);
    expect(concernDomein(WESTERVELD)).toBe('Gemeentebreed');
    expect(themaNameIn(WESTERVELD, 'L')).toBe('Leren');
    expect(themaNameIn(WESTERVELD, 'X')).toBe('X');
  });

  it('names are trimmed', () => {
    const result = checkInrichting({
      ...WESTERVELD,
      gemeente: '  Gemeente Westerveld ',
      plateaus: [' Basis op orde', 'Doorontwikkelen '],
    });
    expect(result.ok && result.inrichting.gemeente).toBe('Gemeente Westerveld');
    expect(result.ok && result.inrichting.plateaus).toEqual(['Basis op orde', 'Doorontwikkelen']);
  });

  it('Zoetermeer’s plan does not fit Westerveld’s set-up, and each misfit is named', () => {
    const misfits = checkPlanInrichting(zoetermeerPlan, WESTERVELD);
    expect(misfits).toContain("Actie 1.1 noemt het domein 'Sociaal Domein', dat niet is ingericht.");
    expect(misfits).toContain("Advies 1 hoort bij thema 'A', dat niet is ingericht.");
    expect(misfits).toContain("Actie 1.1 staat op plateau 'Randvoorwaardelijk', dat niet is ingericht.");
  });

  it('a plan of its own fits, and a portfolio item of an unknown domain is named', () => {
    const advies = { nummer: 1, thema: 'S', plateau: 'Basis op orde' } as unknown as Advies;
    const actie = {
      nummer: '1.1',
      domeinen: ['Veiligheid', 'Gemeentebreed'],
      plateau: 'Voorop lopen',
    } as unknown as Actie;
    expect(checkPlanInrichting({ adviezen: [advies], acties: [actie] }, WESTERVELD)).toEqual([]);
    expect(
      checkPlanInrichting({ adviezen: [advies], acties: [actie] }, WESTERVELD, [
        { titel: 'Nieuw zaaksysteem', domein: 'Sociaal Domein' },
      ]),
    ).toEqual(["Project 'Nieuw zaaksysteem' noemt het domein 'Sociaal Domein', dat niet is ingericht."]);
  });
});

describe('refusals, each in Dutch naming what is wrong', () => {
  it('something that is no set-up at all', () => {
    expect(problems(null)).toEqual([
      'De inrichting is geen geldige lijst van gemeente, domeinen, thema’s en plateaus.',
    ]);
    expect(problems([WESTERVELD])).toEqual([
      'De inrichting is geen geldige lijst van gemeente, domeinen, thema’s en plateaus.',
    ]);
  });

  it('the municipality without a name, or too long a name', () => {
    expect(problems({ ...WESTERVELD, gemeente: '  ' })).toEqual(['De naam van de gemeente ontbreekt.']);
    expect(problems({ ...WESTERVELD, gemeente: 'x'.repeat(256) })).toEqual([
      'De naam van de gemeente mag maximaal 255 tekens lang zijn.',
    ]);
    expect(problems({ ...WESTERVELD, gemeente: 'x'.repeat(255) })).toEqual([]);
    expect(problems({ ...WESTERVELD, gemeente: ['Gemeente Westerveld', ' Gemeente Oosterveld'] })).toEqual([
      'De inrichting noemt meer dan één gemeente (Gemeente Westerveld, Gemeente Oosterveld); er hoort er één te zijn.',
    ]);
  });

  it('missing lists', () => {
    expect(problems({ gemeente: 'Gemeente Westerveld' })).toEqual([
      'De domeinen ontbreken of zijn geen lijst.',
      'De thema’s ontbreken of zijn geen lijst.',
      'De plateaus ontbreken of zijn geen lijst.',
    ]);
  });

  it('a domain without a name, twice the same domain (whatever the case), a name with SharePoint’s separator', () => {
    expect(
      problems({
        ...WESTERVELD,
        domeinen: [...WESTERVELD.domeinen, { naam: ' ', concern: false }, { naam: 'ruimte', concern: false }],
      }),
    ).toEqual(['Domein 7 heeft geen naam.', "Domein 'ruimte' staat meer dan één keer in de inrichting."]);
    expect(problems({ ...WESTERVELD, domeinen: [...WESTERVELD.domeinen, { naam: 'Zorg;#Welzijn' }] })).toEqual([
      "De naam van domein 'Zorg;#Welzijn' bevat ';#'; SharePoint gebruikt dat als scheidingsteken tussen keuzes.",
    ]);
    expect(problems({ ...WESTERVELD, domeinen: [...WESTERVELD.domeinen, { naam: 'y'.repeat(256) }] })).toEqual([
      `De naam van domein '${'y'.repeat(40)}…' mag maximaal 255 tekens lang zijn.`,
    ]);
  });

  it('no concern domain, two of them, or only the concern domain', () => {
    const zonder = WESTERVELD.domeinen.map((d) => ({ ...d, concern: false }));
    expect(problems({ ...WESTERVELD, domeinen: zonder })).toEqual([concernAantal(0)]);
    const twee = WESTERVELD.domeinen.map((d) => ({ ...d, concern: d.naam === 'Ruimte' || d.concern }));
    expect(problems({ ...WESTERVELD, domeinen: twee })).toEqual([concernAantal(2)]);
    expect(problems({ ...WESTERVELD, domeinen: [{ naam: 'Gemeentebreed', concern: true }] })).toEqual([
      'Naast het domein van de hele organisatie is minstens één ander domein nodig.',
    ]);
    expect(problems({ ...WESTERVELD, domeinen: [] })).toEqual([concernAantal(0)]);
  });

  it('themes: none, no code, too long a code, a duplicate code or name, bad advies numbers, an advies in two themes', () => {
    expect(problems({ ...WESTERVELD, themas: [] })).toEqual(['Er is geen enkel thema ingericht.']);
    expect(problems({ ...WESTERVELD, themas: [{ naam: 'Sturing', adviezen: [1] }] })).toEqual([
      'Thema 1 heeft geen code.',
    ]);
    expect(problems({ ...WESTERVELD, themas: [{ code: 'ABCDEFGHI', naam: 'Sturing', adviezen: [1] }] })).toEqual([
      "De code van thema 'ABCDEFGHI' mag maximaal 8 tekens lang zijn.",
    ]);
    expect(
      problems({
        ...WESTERVELD,
        themas: [...WESTERVELD.themas, { code: 'S', naam: 'Sturing', adviezen: [4] }],
      }),
    ).toEqual([
      "Thema-code 'S' staat meer dan één keer in de inrichting.",
      "Thema 'Sturing' staat meer dan één keer in de inrichting.",
    ]);
    expect(problems({ ...WESTERVELD, themas: [{ code: 'S', naam: 'Sturing', adviezen: [1, 1.5] }] })).toEqual([
      "Thema 'S' noemt een advies dat geen geheel getal van 1 of meer is; geef de adviesnummers als 1, 2, 3.",
    ]);
    expect(problems({ ...WESTERVELD, themas: [{ code: 'S', naam: 'Sturing' }] })).toHaveLength(1);
    expect(
      problems({
        ...WESTERVELD,
        themas: [...WESTERVELD.themas, { code: 'V', naam: 'Verbinden', adviezen: [3, 2] }],
      }),
    ).toEqual([
      'Advies 2 staat bij meer dan één thema (S en V); een advies hoort bij één thema.',
      'Advies 3 staat bij meer dan één thema (L en V); een advies hoort bij één thema.',
    ]);
  });

  it('plateaus: none, one without a name, the same twice', () => {
    expect(problems({ ...WESTERVELD, plateaus: [] })).toEqual(['Er is geen enkel plateau ingericht.']);
    expect(problems({ ...WESTERVELD, plateaus: ['Basis op orde', ''] })).toEqual(['Plateau 2 heeft geen naam.']);
    expect(problems({ ...WESTERVELD, plateaus: ['Basis op orde', 'Basis op orde'] })).toEqual([
      "Plateau 'Basis op orde' staat meer dan één keer in de inrichting.",
    ]);
  });

  it('every problem at once, each with the part it is about', () => {
    const result = checkInrichting({ gemeente: '', domeinen: [], themas: [], plateaus: [] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problemen.map((p) => p.veld)).toEqual([
      'gemeente',
      'domeinen',
      'themas',
      'plateaus',
    ]);
  });
});

// ---------- Westerveld's set-up through the agenda, the card and the report (issue 12, point 8) ----------

/** Tuesday 1 December 2026, 09:00 Amsterdam; the card goes out the day before. */
const MEETING = new Date('2026-12-01T08:00:00Z');
const NOW = new Date('2026-11-30T08:00:00Z');
const DEEP_LINK = 'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/actieplan';

function westerveldActie(
  id: string,
  value: Partial<Actie> & Pick<Actie, 'nummer' | 'domeinen' | 'plateau'>,
): AgendaActieInput {
  return {
    id,
    eTag: `"{${id}},1"`,
    value: {
      titel: `Actie ${value.nummer}`,
      advies: Number(value.nummer.split('.')[0]),
      status: 'Loopt',
      afhankelijkVan: [],
      bevindingen: [],
      ...value,
    },
  };
}

/** A small plan of Westerveld: one action of the whole organisation, one shared by Ruimte and Samenleving, one of Middelen. */
const WESTERVELD_ACTIES: AgendaActieInput[] = [
  westerveldActie('1', {
    nummer: '1.1',
    domeinen: ['Gemeentebreed'],
    plateau: 'Basis op orde',
    deadline: '2026-11-15',
  }),
  westerveldActie('2', { nummer: '2.1', domeinen: ['Ruimte', 'Samenleving'], plateau: 'Doorontwikkelen' }),
  westerveldActie('3', { nummer: '3.1', domeinen: ['Middelen'], plateau: 'Voorop lopen', status: 'Afgerond' }),
];

const WESTERVELD_ADVIEZEN: Advies[] = [1, 2, 3].map((nummer) => ({
  nummer,
  titel: `Advies ${nummer}`,
  collegeReactie: '',
  collegePlanning: '',
  thema: nummer === 3 ? 'L' : 'S',
  plateau: nummer === 1 ? 'Basis op orde' : nummer === 2 ? 'Doorontwikkelen' : 'Voorop lopen',
}));

function project(id: string, titel: string, domein: string): { id: string; value: PortfolioItem } {
  return {
    id,
    value: {
      key: `pf-${id}`,
      titel,
      omschrijving: '',
      domein,
      fase: 'Uitvoering',
      status: 'Op koers',
      ditKwartaal: 'wel',
      acties: [],
    },
  };
}

const ESCALATIE: AgenderingInput = {
  id: '9',
  eTag: '"agendering-9,1"',
  value: {
    actie: '2.1',
    domein: 'Ruimte',
    reden: 'Het overzicht blijft liggen.',
    op: '2026-11-20T09:00:00Z',
    besproken: false,
  },
};

/** The agenda with Westerveld's set-up, or (`metInrichting` false) with none given, as before this step. */
function westerveldAgenda(mt: AgendaInput['mt'], metInrichting = true) {
  return composeAgenda({
    mt,
    occurrenceStart: MEETING,
    now: NOW,
    acties: WESTERVELD_ACTIES,
    domeinVoortgang: [
      {
        id: '21',
        eTag: '"r21,1"',
        value: { actie: '2.1', domein: 'Ruimte', status: 'Geblokkeerd', statusToelichting: 'Wacht op de leverancier.' },
      },
      { id: '22', eTag: '"r22,1"', value: { actie: '2.1', domein: 'Samenleving', status: 'Afgerond' } },
    ],
    portfolio: [
      project('50', 'Gemeentebreed zaaksysteem', 'Gemeentebreed'),
      project('51', 'Omgevingsloket', 'Ruimte'),
      project('52', 'Salarisadministratie', 'Middelen'),
    ],
    agenderingen: [ESCALATIE],
    ...(metInrichting ? { inrichting: WESTERVELD } : {}),
  });
}

const GEMEENTEBREED_MT = { key: 'directieteam', naam: 'Directieteam', domeinen: ['Gemeentebreed'] };
const RUIMTE_MT = { key: 'mt-ruimte', naam: 'MT Ruimte', domeinen: ['Ruimte'] };

describe("Westerveld's set-up through the agenda", () => {
  it('the MT of "Gemeentebreed" is the CMT: it gets "Geagendeerd door de MT\'s" and the breakdown of a shared action; with Zoetermeer\'s set-up it would not', () => {
    const agenda = westerveldAgenda(GEMEENTEBREED_MT);
    expect(agenda.concernDomein).toBe('Gemeentebreed');
    expect(agenda.geagendeerd.map((g) => `${g.nummer} ${g.domein} ${g.reden}`)).toEqual([
      '2.1 Ruimte Het overzicht blijft liggen.',
    ]);
    expect(agenda.openActies.map((a) => a.nummer)).toEqual(['1.1']);
    // Without Westerveld's set-up the app would look for "Concern" and see no CMT at all.
    const zonder = westerveldAgenda(GEMEENTEBREED_MT, false);
    expect(zonder.concernDomein).toBe('Concern');
    expect(zonder.geagendeerd).toEqual([]);
  });

  it('a business MT sees its own row of a shared action, its own projects and the "Gemeentebreed" ones, not another domain\'s', () => {
    const agenda = westerveldAgenda(RUIMTE_MT);
    expect(agenda.geagendeerd).toEqual([]);
    const gedeeld = agenda.openActies.find((a) => a.nummer === '2.1');
    expect(gedeeld?.status).toBe('Geblokkeerd');
    expect(gedeeld?.rij).toEqual({ domein: 'Ruimte', id: '21', eTag: '"r21,1"' });
    expect(agenda.blocked.map((b) => b.nummer)).toEqual(['2.1']);
    // The portfolio section compares with a snapshot; the snapshot's own selection says what the MT tracks.
    const tracked = composeAgenda({
      mt: RUIMTE_MT,
      occurrenceStart: MEETING,
      now: NOW,
      acties: WESTERVELD_ACTIES,
      portfolio: [
        project('50', 'Gemeentebreed zaaksysteem', 'Gemeentebreed'),
        project('51', 'Omgevingsloket', 'Ruimte'),
        project('52', 'Salarisadministratie', 'Middelen'),
      ],
      previous: {
        version: 1,
        mtKey: 'mt-ruimte',
        occurrenceStart: '2026-11-24T08:00:00Z',
        acties: {},
        portfolio: {},
        concernPortfolio: true,
      },
      inrichting: WESTERVELD,
    });
    expect(tracked.portfolioChanges.map((c) => c.item.titel)).toEqual(['Omgevingsloket', 'Gemeentebreed zaaksysteem']);
  });
});

describe("Westerveld's set-up on the card", () => {
  const nodes = (value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
    if (Array.isArray(value)) for (const v of value) nodes(v, out);
    else if (typeof value === 'object' && value !== null) {
      out.push(value as Record<string, unknown>);
      for (const v of Object.values(value)) nodes(v, out);
    }
    return out;
  };
  const texts = (card: unknown) =>
    nodes(card)
      .filter((n) => n.type === 'TextBlock')
      .map((n) => String(n.text));
  const agenderen = (card: unknown) =>
    nodes(card).some((n) => n.type === 'Action.ShowCard' && n.title === 'Agenderen in CMT');

  it('the "Gemeentebreed" MT\'s card lists the escalation with its tick and offers no "Agenderen in CMT"; the Ruimte MT\'s card offers it', () => {
    const cmt = buildAgendaCard(westerveldAgenda(GEMEENTEBREED_MT), { deepLink: DEEP_LINK });
    expect(texts(cmt).some((t) => t.startsWith("Geagendeerd door de MT's (1)"))).toBe(true);
    expect(texts(cmt).join('\n')).toContain('Ruimte');
    expect(nodes(cmt).some((n) => n.type === 'Action.Execute' && n.verb === 'agendering-besproken')).toBe(true);
    expect(agenderen(cmt)).toBe(false);
    const ruimte = buildAgendaCard(westerveldAgenda(RUIMTE_MT), { deepLink: DEEP_LINK });
    expect(agenderen(ruimte)).toBe(true);
    expect(texts(ruimte).some((t) => t.startsWith("Geagendeerd door de MT's"))).toBe(false);
  });
});

describe("Westerveld's set-up in the report model", () => {
  const model = voortgangAt({
    gemeente: WESTERVELD.gemeente,
    peildatum: '2026-12-01',
    adviezen: WESTERVELD_ADVIEZEN,
    acties: WESTERVELD_ACTIES.map((a) => ({ id: a.id, value: a.value })),
    inrichting: WESTERVELD,
  });

  it('per plateau, theme and domain in the set-up\'s order: its three plateaus, S and L, the domains the plan carries with "Gemeentebreed"', () => {
    expect(model.perPlateau.map((r) => `${r.key} ${r.total}`)).toEqual([
      'Basis op orde 1',
      'Doorontwikkelen 1',
      'Voorop lopen 1',
    ]);
    expect(model.perThema.map((r) => `${r.key} ${r.total}`)).toEqual(['S 2', 'L 1']);
    expect(model.perDomein.map((r) => `${r.key} ${r.total}`)).toEqual([
      'Ruimte 1',
      'Samenleving 1',
      'Middelen 1',
      'Gemeentebreed 1',
    ]);
    expect(model.inrichting).toBe(WESTERVELD);
  });

  it('the plateau gate compares the first plateau with the last: "Voorop lopen" done while "Basis op orde" is not is early', () => {
    expect(model.gate.randvoorwaardelijk.total).toBe(1);
    expect(model.gate.excelleren.total).toBe(1);
    expect(model.gate.toestand).toBe('vroeg');
  });

  it("the report names the set-up's themes and plateaus, never Zoetermeer's", () => {
    const tekst = JSON.stringify(rapportOutline(model).blocks);
    expect(tekst).toContain('S. Sturing');
    expect(tekst).toContain('L. Leren');
    expect(tekst).toContain('Thema S: Sturing');
    expect(tekst).toContain('Basis op orde is voor 0% gereed');
    expect(tekst).toContain('maar Voorop lopen is al in beweging');
    expect(tekst).not.toMatch(/Randvoorwaardelijk|Excelleren|Structuur versterken|Onbekend thema/);
  });
});
