import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/domain/messages.js';
import type { Actie, MT, Plan, PortfolioItem } from '../../../src/domain/model.js';
import {
  validateActie,
  validateAdvies,
  validateBevinding,
  validateMT,
  validatePlan,
  validatePortfolio,
  validatePortfolioItem,
  type ValidationResult,
} from '../../../src/domain/validation.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

/*
 * The validation follows the municipality's set-up (issue 12.8): Westerveld's domains, plateaus and theme codes are
 * valid against its set-up and refused against Zoetermeer's (the default), and the other way round, with the same
 * message keys (and so the same Dutch and English texts) as before.
 */

const W = WESTERVELD_INRICHTING;

const actie: Actie = {
  nummer: '2.1',
  titel: 'Applicatieoverzicht per domein',
  advies: 2,
  plateau: 'Doorontwikkelen',
  domeinen: ['Ruimte', 'Gemeentebreed'],
  status: 'Niet gestart',
  afhankelijkVan: [],
  bevindingen: [1],
};
const advies = {
  nummer: 2,
  titel: 'Breng de applicaties per domein in beeld',
  thema: 'S',
  plateau: 'Doorontwikkelen',
  collegeReactie: '',
  collegePlanning: '',
};
const bevinding = { nummer: 1, titel: 'Er is geen overzicht van de applicaties', toelichting: '', thema: 'L' };
const item: PortfolioItem = {
  key: 'omgevingsloket',
  titel: 'Omgevingsloket',
  omschrijving: '',
  domein: 'Ruimte',
  fase: 'Uitvoering',
  status: 'Op koers',
  ditKwartaal: 'wel',
  acties: [],
};
const mt: MT = { key: 'ruimte', naam: 'MT Ruimte', domeinen: ['Ruimte'] };

/** The problems as `path key` pairs, to compare whole outcomes. */
function issues(result: ValidationResult<unknown>): string[] {
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${i.message.key}`);
}

describe("validation against another municipality's set-up (Westerveld)", () => {
  it("accepts an action with Westerveld's plateau and domains, and Zoetermeer's default refuses the same action", () => {
    expect(validateActie(actie, W)).toEqual({ ok: true, value: actie });
    expect(issues(validateActie(actie))).toEqual([
      'plateau plateauOngeldig',
      'domeinen.0 domeinOngeldig',
      'domeinen.1 domeinOngeldig',
    ]);
  });

  it("refuses Zoetermeer's values against Westerveld's set-up, each with its key", () => {
    const zoetermeers = { ...actie, plateau: 'Randvoorwaardelijk', domeinen: ['Ruimte', 'Concern'] };
    expect(issues(validateActie(zoetermeers, W))).toEqual(['plateau plateauOngeldig', 'domeinen.1 domeinOngeldig']);
    expect(validateActie(zoetermeers).ok).toBe(false); // Ruimte is no domain of Zoetermeer either
    expect(validateActie({ ...zoetermeers, domeinen: ['Concern'] }).ok).toBe(true);
  });

  it('keeps the other rules of the set-up’s values: a value spelled otherwise, a repeat and an empty list', () => {
    expect(issues(validateActie({ ...actie, domeinen: ['ruimte'] }, W))).toEqual(['domeinen.0 domeinOngeldig']);
    expect(issues(validateActie({ ...actie, domeinen: ['Ruimte', 'Ruimte'] }, W))).toEqual(['domeinen.1 domeinDubbel']);
    expect(issues(validateActie({ ...actie, domeinen: [] }, W))).toEqual(['domeinen domeinenLeeg']);
    expect(issues(validateActie({ ...actie, plateau: 7 }, W))).toEqual(['plateau plateauOngeldig']);
  });

  it('checks the rules between fields only once every value is one of the set-up’s (as for Zoetermeer)', () => {
    const blocked = { ...actie, status: 'Geblokkeerd' };
    expect(issues(validateActie(blocked, W))).toEqual(['statusToelichting toelichtingGeblokkeerd']);
    expect(issues(validateActie({ ...blocked, plateau: 'Excelleren' }, W))).toEqual(['plateau plateauOngeldig']);
  });

  it("checks an advies's theme and plateau, a finding's theme, a portfolio item's and an MT's domains", () => {
    expect(validateAdvies(advies, W).ok).toBe(true);
    expect(issues(validateAdvies(advies))).toEqual(['thema themaOngeldig', 'plateau plateauOngeldig']);
    expect(issues(validateAdvies({ ...advies, thema: 'A' }, W))).toEqual(['thema themaOngeldig']);
    expect(validateBevinding(bevinding, W).ok).toBe(true);
    expect(issues(validateBevinding(bevinding))).toEqual(['thema themaOngeldig']);
    expect(validatePortfolioItem(item, W).ok).toBe(true);
    expect(issues(validatePortfolioItem(item))).toEqual(['domein domeinOngeldig']);
    expect(validateMT(mt, W).ok).toBe(true);
    expect(issues(validateMT(mt))).toEqual(['domeinen.0 domeinOngeldig']);
    expect(validatePortfolio({ items: [item] }, [], W).ok).toBe(true);
    expect(issues(validatePortfolio({ items: [item] }, [], undefined))).toEqual(['items.0.domein domeinOngeldig']);
  });

  it("validates a whole plan of Westerveld, its themes with Westerveld's codes", () => {
    const plan: Plan = {
      themas: W.themas.map((t) => ({ ...t, adviezen: [...t.adviezen] })),
      adviezen: [advies],
      bevindingen: [bevinding],
      acties: [actie],
    };
    expect(validatePlan(plan, W).ok).toBe(true);
    expect(issues(validatePlan(plan))).toEqual([
      'themas.0.code themaOngeldig',
      'themas.1.code themaOngeldig',
      'adviezen.0.thema themaOngeldig',
      'adviezen.0.plateau plateauOngeldig',
      'bevindingen.0.thema themaOngeldig',
      'acties.0.plateau plateauOngeldig',
      'acties.0.domeinen.0 domeinOngeldig',
      'acties.0.domeinen.1 domeinOngeldig',
    ]);
  });

  it('says the refusals in the same Dutch for every municipality: no list of Zoetermeer’s codes in the theme’s message', () => {
    const said = (result: ValidationResult<unknown>) =>
      result.ok ? [] : result.issues.map((i) => messageText(i.message));
    expect(said(validateActie({ ...actie, domeinen: ['Concern'] }, W))).toEqual(['Kies een domein uit de lijst.']);
    expect(said(validateAdvies({ ...advies, thema: 'A', plateau: 'Doorontwikkelen' }, W))).toEqual([
      'Kies een thema uit de lijst.',
    ]);
  });
});
