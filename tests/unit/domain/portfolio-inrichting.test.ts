import { describe, expect, it } from 'vitest';
import { domeinAliases } from '../../../src/domain/portfolio-inrichting.js';
import { validatePortfolioItem } from '../../../src/domain/validation.js';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting-basis.js';
import type { PortfolioItem } from '../../../src/domain/model.js';
import { WESTERVELD_INRICHTING as W } from '../../fixtures/westerveld-plan.js';

const item: PortfolioItem = {
  key: 'zaaksysteem',
  titel: 'Zaaksysteem',
  omschrijving: '',
  domein: 'Ruimte',
  fase: 'Idee',
  status: 'Op koers',
  ditKwartaal: 'niet',
  acties: [],
};
const keys = (r: ReturnType<typeof validatePortfolioItem>) =>
  r.ok ? [] : r.issues.map((i) => `${i.path}:${i.message.key}`).sort();

describe('validatePortfolioItem with the set-up: a portfolio item against it (issue 12.8)', () => {
  it('accepts a Westerveld domain and gives the item back with it', () => {
    expect(validatePortfolioItem(item, W)).toEqual({ ok: true, value: item });
    expect(validatePortfolioItem({ ...item, domein: 'Gemeentebreed' }, W).ok).toBe(true);
  });

  it("refuses a domain the set-up lacks with the rules' message, also one of Zoetermeer", () => {
    expect(keys(validatePortfolioItem({ ...item, domein: 'Sociaal Domein' }, W))).toEqual(['domein:domeinOngeldig']);
    expect(keys(validatePortfolioItem(item, ZOETERMEER_INRICHTING))).toEqual(['domein:domeinOngeldig']);
    expect(validatePortfolioItem({ ...item, domein: 'Sociaal Domein' }, ZOETERMEER_INRICHTING).ok).toBe(true);
  });

  it("leaves every other fault to the rules, next to the domain's", () => {
    expect(keys(validatePortfolioItem({ ...item, titel: '' }, W))).toEqual(['titel:initiatiefVerplicht']);
    expect(keys(validatePortfolioItem({ ...item, titel: '', domein: 'Concern' }, W))).toEqual([
      'domein:domeinOngeldig',
      'titel:initiatiefVerplicht',
    ]);
    expect(keys(validatePortfolioItem({ ...item, domein: undefined }, W))).toEqual(['domein:domeinOngeldig']);
  });
});

describe('domeinAliases: the short names a file may use', () => {
  it("gives Zoetermeer's fysiek, sociaal and cmt", () => {
    expect(domeinAliases(ZOETERMEER_INRICHTING)).toEqual({
      cmt: 'Concern',
      fysiek: 'Fysiek Domein',
      sociaal: 'Sociaal Domein',
    });
  });

  it("makes cmt Westerveld's concern domain and invents nothing else", () => {
    expect(domeinAliases(W)).toEqual({ cmt: 'Gemeentebreed' });
  });

  it('leaves out a short name two domains share', () => {
    const twee = {
      ...W,
      domeinen: [
        { naam: 'Zorg Domein', concern: false },
        { naam: 'Zorg domein', concern: false },
        { naam: 'Alles', concern: true },
      ],
    };
    expect(domeinAliases(twee)).toEqual({ cmt: 'Alles' });
  });
});
