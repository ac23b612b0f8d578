import { describe, expect, it } from 'vitest';
import type { Advies, Bevinding } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { bevindingenPerThema, samenhangOf } from '../../../src/domain/samenhang.js';
import {
  validateAdvies,
  validateBevinding,
  validatePlan,
  validationMessages as M,
} from '../../../src/domain/validation.js';

const advies = (nummer: number, samenhangMet?: number[]): Pick<Advies, 'nummer' | 'samenhangMet'> =>
  samenhangMet ? { nummer, samenhangMet } : { nummer };

describe('samenhangOf: the adviezen the college takes up together', () => {
  it('advies 1 names 3 and 5; 3 and 5 each show they are taken up with 1; 2 has none', () => {
    const { adviezen } = zoetermeerPlan;
    expect(samenhangOf(adviezen, 1)).toEqual({ noemt: [3, 5], genoemdDoor: [] });
    expect(samenhangOf(adviezen, 3)).toEqual({ noemt: [], genoemdDoor: [1] });
    expect(samenhangOf(adviezen, 5)).toEqual({ noemt: [], genoemdDoor: [1] });
    expect(samenhangOf(adviezen, 2)).toEqual({ noemt: [], genoemdDoor: [] });
  });

  it('leaves out itself, unknown numbers and a relation named from both sides twice', () => {
    const list = [advies(1, [1, 3, 99, 3]), advies(3, [1]), advies(4, [3])];
    expect(samenhangOf(list, 1)).toEqual({ noemt: [3], genoemdDoor: [] });
    expect(samenhangOf(list, 3)).toEqual({ noemt: [1], genoemdDoor: [4] });
    expect(samenhangOf(list, 42)).toEqual({ noemt: [], genoemdDoor: [] });
  });
});

describe('bevindingenPerThema: the findings as the appendices group them', () => {
  it('groups the seeded findings 1–4 under A, 5–7 under B, 8–9 under C', () => {
    const groups = bevindingenPerThema(zoetermeerPlan.bevindingen);
    expect(groups.map((g) => [g.thema?.code, g.thema?.naam, g.bevindingen.map((b) => b.nummer)])).toEqual([
      ['A', 'Structuur versterken', [1, 2, 3, 4]],
      ['B', 'Verbinding organiseren', [5, 6, 7]],
      ['C', 'Continu leren', [8, 9]],
    ]);
  });

  it('puts findings without a theme last, sorts by number and leaves out empty themes', () => {
    const list: Pick<Bevinding, 'nummer' | 'thema'>[] = [
      { nummer: 10 },
      { nummer: 7, thema: 'C' },
      { nummer: 2, thema: 'C' },
    ];
    expect(bevindingenPerThema(list).map((g) => [g.thema?.code, g.bevindingen.map((b) => b.nummer)])).toEqual([
      ['C', [2, 7]],
      [undefined, [10]],
    ]);
  });
});

describe('validation of the links', () => {
  const base = {
    nummer: 1,
    titel: 'Visie',
    thema: 'A',
    plateau: 'Randvoorwaardelijk',
    collegeReactie: '',
    collegePlanning: '',
  };

  it('an advies keeps its related numbers; absent or empty means none', () => {
    expect(validateAdvies({ ...base, samenhangMet: [3, 5] })).toMatchObject({
      ok: true,
      value: { samenhangMet: [3, 5] },
    });
    const leeg = validateAdvies({ ...base, samenhangMet: null });
    expect(leeg.ok && leeg.value.samenhangMet).toBeUndefined();
  });

  it('refuses a number that is no advies number and a duplicate, with the field', () => {
    expect(validateAdvies({ ...base, samenhangMet: [0] })).toEqual({
      ok: false,
      issues: [{ path: 'samenhangMet.0', message: M.samenhangVerwijzingOngeldig }],
    });
    expect(validateAdvies({ ...base, samenhangMet: [3, 3] })).toEqual({
      ok: false,
      issues: [{ path: 'samenhangMet.1', message: M.samenhangDubbel }],
    });
    expect(validateAdvies({ ...base, samenhangMet: 'drie' })).toEqual({
      ok: false,
      issues: [{ path: 'samenhangMet', message: M.samenhangGeenLijst }],
    });
  });

  it('a finding’s theme must be a theme code', () => {
    expect(validateBevinding({ nummer: 1, titel: 'x', toelichting: '', thema: 'B' })).toMatchObject({
      ok: true,
      value: { thema: 'B' },
    });
    expect(validateBevinding({ nummer: 1, titel: 'x', toelichting: '', thema: 'D' })).toEqual({
      ok: false,
      issues: [{ path: 'thema', message: M.themaOngeldig }],
    });
  });

  it('in a plan, a related advies must exist and not be the advies itself', () => {
    const plan = { adviezen: [{ ...base, samenhangMet: [1, 7] }], acties: [] };
    expect(validatePlan(plan)).toEqual({
      ok: false,
      issues: [
        { path: 'adviezen.0.samenhangMet.0', message: M.samenhangMetZichzelf },
        { path: 'adviezen.0.samenhangMet.1', message: M.samenhangOnbekend(1, 7) },
      ],
    });
    expect(validatePlan(zoetermeerPlan).ok).toBe(true);
  });
});
