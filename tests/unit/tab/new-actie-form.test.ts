import { describe, expect, it } from 'vitest';
import type { Advies } from '../../../src/domain/model.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';
import {
  checkForm,
  differsFromDraft,
  emptyForm,
  toDraft,
} from '../../../src/tab/features/actionplan/lib/new-actie-form.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

const advies = { nummer: 9, titel: 'Excelleren', thema: 'B', plateau: 'Excelleren' } as Advies;
const plan = {
  acties: [
    {
      nummer: '9.1',
      titel: 'x',
      advies: 9,
      plateau: 'Excelleren' as const,
      domeinen: ['Concern' as const],
      status: 'Loopt' as const,
      afhankelijkVan: [],
      bevindingen: [],
    },
  ],
  bevindingen: [],
};
const cmt = { mtDomeinen: ['Concern' as const], beheerder: false };

describe('Nieuwe actie: the description (Omschrijving)', () => {
  it('starts empty, is trimmed into the draft and left out when blank', () => {
    const form = { ...emptyForm(advies, 'Concern'), titel: 'Procesregie' };
    expect(form.omschrijving).toBe('');
    expect(toDraft(form, [])).not.toHaveProperty('omschrijving');
    expect(toDraft({ ...form, omschrijving: '   ' }, [])).not.toHaveProperty('omschrijving');
    expect(toDraft({ ...form, omschrijving: '  Eén regisseur per keten.\n' }, []).omschrijving).toBe(
      'Eén regisseur per keten.',
    );
  });

  it('has the column’s limit: one character over is refused with the Dutch message on that field, the limit itself passes', () => {
    const form = { ...emptyForm(advies, 'Concern'), titel: 'Procesregie' };
    expect(checkForm({ ...form, omschrijving: 'x'.repeat(TEXT_MAX.omschrijving) }, plan, [], cmt, 'nee')).toEqual({});
    const issues = checkForm({ ...form, omschrijving: 'x'.repeat(TEXT_MAX.omschrijving + 1) }, plan, [], cmt, 'nee');
    expect(Object.keys(issues)).toEqual(['omschrijving']);
    expect(issues.omschrijving).toMatch(/2000/);
  });
});

describe("Nieuwe actie in another municipality's set-up (Westerveld)", () => {
  const W = WESTERVELD_INRICHTING;
  const wAdvies = { nummer: 2, titel: 'Applicaties', thema: 'S', plateau: 'Doorontwikkelen' } as Advies;
  const wPlan = { acties: [], bevindingen: [], inrichting: W };
  // Westerveld's CMT is the MT of its domain of the whole organisation, Gemeentebreed.
  const wCmt = { mtDomeinen: ['Gemeentebreed'], beheerder: false };
  const ruimte = { mtDomeinen: ['Ruimte'], beheerder: false };

  it("starts on the tab's domain, or on the set-up's domain of the whole organisation instead of Concern", () => {
    expect(emptyForm(wAdvies, undefined, W).domeinen).toEqual(['Gemeentebreed']);
    expect(emptyForm(wAdvies, 'Ruimte', W).domeinen).toEqual(['Ruimte']);
    expect(emptyForm(wAdvies, undefined).domeinen).toEqual(['Concern']);
    expect(emptyForm(wAdvies, undefined, W).plateau).toBe('Doorontwikkelen');
  });

  it("puts the chosen domains in the set-up's order and drops a value the set-up lacks", () => {
    const form = { ...emptyForm(wAdvies, undefined, W), titel: 'x', domeinen: ['Gemeentebreed', 'Mars', 'Ruimte'] };
    expect(toDraft(form, [], W).domeinen).toEqual(['Ruimte', 'Gemeentebreed']);
  });

  it("accepts Westerveld's plateau and domains for its CMT, refuses them against Zoetermeer's set-up", () => {
    const form = { ...emptyForm(wAdvies, undefined, W), titel: 'Overzicht', domeinen: ['Ruimte', 'Middelen'] };
    expect(checkForm(form, wPlan, [], wCmt, 'nee')).toEqual({});
    const asZoetermeer = checkForm(form, { acties: [], bevindingen: [] }, [], wCmt, 'nee');
    expect(Object.keys(asZoetermeer).sort()).toEqual(['domeinen', 'plateau']);
    expect(asZoetermeer.plateau).toBe('Kies een plateau uit de lijst.');
  });

  it("lets a domain MT add only within its own domains, the set-up's CMT anything", () => {
    const form = { ...emptyForm(wAdvies, 'Ruimte', W), titel: 'Overzicht' };
    expect(checkForm(form, wPlan, [], ruimte, 'nee')).toEqual({});
    expect(checkForm({ ...form, domeinen: ['Ruimte', 'Middelen'] }, wPlan, [], ruimte, 'nee')).toEqual({
      domeinen: 'nee',
    });
    // Zoetermeer's Concern is no CMT in Westerveld.
    expect(checkForm({ ...form, domeinen: ['Middelen'] }, wPlan, [], cmt, 'nee')).toEqual({ domeinen: 'nee' });
  });
});

describe('Nieuwe actie: is the action a repeated client key returned the form as it is now (differsFromDraft)', () => {
  const owner = { id: 'u-1', displayName: 'Lotte de Vries', email: 'lotte@example' };
  const form = {
    ...emptyForm(advies, 'Concern'),
    titel: 'Procesregie',
    omschrijving: 'Eén regisseur',
    domeinen: ['Concern' as const, 'Sociaal Domein' as const],
    eigenaarId: 'u-1',
    deadline: '2027-03-01',
    afhankelijkVan: '9.1, 3.2',
    bevindingen: [6, 2],
  };
  const draft = toDraft(form, [owner]);
  // What the store returns for that draft: numbered, lists possibly in another order, the status moved on since.
  const added = {
    ...draft,
    nummer: '9.2',
    status: 'Loopt' as const,
    domeinen: ['Sociaal Domein' as const, 'Concern' as const],
    afhankelijkVan: ['3.2', '9.1'],
    bevindingen: [6, 2],
  };

  it('is the same action for the same form: number, status and the order of lists aside', () => {
    expect(differsFromDraft(added, draft)).toBe(false);
    expect(differsFromDraft({ ...added, titel: ' Procesregie ' }, draft)).toBe(false);
    // A multi-line text as SharePoint may give it back.
    const lines = toDraft({ ...form, omschrijving: 'Eén regisseur\nper keten' }, [owner]);
    expect(differsFromDraft({ ...added, omschrijving: 'Eén regisseur\r\nper keten' }, lines)).toBe(false);
  });

  it('differs when any field the form sets was changed since', () => {
    const changed: Array<Partial<typeof added>> = [
      { titel: 'Procesregie over de keten' },
      { omschrijving: 'Twee regisseurs' },
      { omschrijving: undefined },
      { advies: 10 },
      { plateau: 'Vernieuwen' },
      { domeinen: ['Concern'] },
      { eigenaar: { ...owner, id: 'u-2' } },
      { eigenaar: undefined },
      { deadline: '2027-04-01' },
      { deadline: undefined },
      { afhankelijkVan: ['9.1'] },
      { bevindingen: [6] },
    ];
    for (const change of changed)
      expect(differsFromDraft({ ...added, ...change }, draft), JSON.stringify(change)).toBe(true);
  });
});
