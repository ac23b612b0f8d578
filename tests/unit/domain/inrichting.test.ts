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
  inrichtingMessages as M,
  themaNaamIn,
  ZOETERMEER_INRICHTING,
  type Inrichting,
} from '../../../src/domain/inrichting.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import type { Actie, Advies } from '../../../src/domain/model.js';

/** A made-up municipality: five business domains of its own, a concern-wide domain of another name, two themes, three plateaus. */
const WESTERVELD: Inrichting = {
  gemeente: 'Gemeente Westerveld',
  domeinen: [
    { naam: 'Ruimte', concern: false },
    { naam: 'Samenleving', concern: false },
    { naam: 'Publiekszaken', concern: false },
    { naam: 'Middelen', concern: false },
    { naam: 'Veiligheid', concern: false },
    { naam: 'Gemeentebreed', concern: true },
  ],
  themas: [
    { code: 'S', naam: 'Sturing', adviezen: [1, 2] },
    { code: 'L', naam: 'Leren', adviezen: [3] },
  ],
  plateaus: ['Basis op orde', 'Doorontwikkelen', 'Voorop lopen'],
};

function problems(input: unknown): string[] {
  const result = checkInrichting(input);
  return result.ok ? [] : result.problemen.map((p) => p.melding);
}

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
    expect(themaNaamIn(WESTERVELD, 'L')).toBe('Leren');
    expect(themaNaamIn(WESTERVELD, 'X')).toBe('X');
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
    expect(problems(null)).toEqual([M.geenObject]);
    expect(problems([WESTERVELD])).toEqual([M.geenObject]);
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
    expect(problems({ ...WESTERVELD, domeinen: zonder })).toEqual([M.concernAantal(0)]);
    expect(M.concernAantal(0)).toBe(
      "Precies één domein moet de hele organisatie omvatten (het domein van het CMT, in Zoetermeer 'Concern'); nu zijn het er 0.",
    );
    const twee = WESTERVELD.domeinen.map((d) => ({ ...d, concern: d.naam === 'Ruimte' || d.concern }));
    expect(problems({ ...WESTERVELD, domeinen: twee })).toEqual([M.concernAantal(2)]);
    expect(problems({ ...WESTERVELD, domeinen: [{ naam: 'Gemeentebreed', concern: true }] })).toEqual([
      'Naast het domein van de hele organisatie is minstens één ander domein nodig.',
    ]);
    expect(problems({ ...WESTERVELD, domeinen: [] })).toEqual([M.concernAantal(0)]);
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
