import { describe, expect, it } from 'vitest';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import {
  isUntouched,
  newActieDraftKey,
  parseNewActieDraft,
} from '../../../src/tab/features/actionplan/lib/new-actie-draft.js';
import type { NewActieForm } from '../../../src/tab/features/actionplan/lib/new-actie-form.js';

const form: NewActieForm = {
  advies: 9,
  titel: 'Procesregie beleggen',
  omschrijving: '',
  plateau: 'Excelleren',
  domeinen: ['Concern'],
  eigenaarId: '12',
  deadline: '2027-03-31',
  afhankelijkVan: '9.1',
  bevindingen: [6],
};
const draft = { form, clientKey: 'nieuw:0b7c', savedAt: '2026-12-07T15:00:00.000Z' };

describe('the draft of Nieuwe actie', () => {
  it('reads back what was stored', () => {
    expect(parseNewActieDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('is kept per person (case aside) and site', () => {
    expect(newActieDraftKey('Secretaris@Zoetermeer.example', 'site-1')).toBe(
      newActieDraftKey('secretaris@zoetermeer.example', 'site-1'),
    );
    expect(newActieDraftKey('a@x', 'site-1')).not.toBe(newActieDraftKey('a@x', 'site-2'));
    expect(newActieDraftKey('a@x', 'site-1')).not.toBe(newActieDraftKey('b@x', 'site-1'));
  });

  it.each([
    ['not an object', 'text'],
    ['no client key of the dialog', { ...draft, clientKey: 'other:1' }],
    ['no time', { ...draft, savedAt: 1 }],
    ['an advies that is no number', { ...draft, form: { ...form, advies: '9' } }],
    ['a plateau the set-up lacks', { ...draft, form: { ...form, plateau: 'Dromen' } }],
    ['a domain the set-up lacks', { ...draft, form: { ...form, domeinen: ['Concern', 'Haven'] } }],
    ['a deadline that is no date', { ...draft, form: { ...form, deadline: '31-3-2027' } }],
    ['a title longer than the field takes', { ...draft, form: { ...form, titel: 'x'.repeat(401) } }],
    ['a finding that is no number', { ...draft, form: { ...form, bevindingen: ['6'] } }],
    ['a missing field', { ...draft, form: { ...form, afhankelijkVan: undefined } }],
  ])('is dropped when it holds %s', (_what, raw) => {
    expect(parseNewActieDraft(raw)).toBeUndefined();
  });

  it('is read against the site’s set-up: a Zoetermeer domain is none of Westerveld’s', () => {
    expect(parseNewActieDraft(draft, WESTERVELD_INRICHTING)).toBeUndefined();
    const westerveld = {
      ...draft,
      form: { ...form, plateau: WESTERVELD_INRICHTING.plateaus[0], domeinen: ['Gemeentebreed'] },
    };
    expect(parseNewActieDraft(westerveld, WESTERVELD_INRICHTING)?.form.domeinen).toEqual(['Gemeentebreed']);
  });

  it('keeps each domain and finding once', () => {
    const twice = { ...draft, form: { ...form, domeinen: ['Concern', 'Concern'], bevindingen: [6, 6] } };
    expect(parseNewActieDraft(twice)?.form).toMatchObject({ domeinen: ['Concern'], bevindingen: [6] });
  });

  it('a form as it started is untouched; any typed or chosen value is not', () => {
    const fresh: NewActieForm = {
      ...form,
      titel: '',
      eigenaarId: '',
      deadline: '',
      afhankelijkVan: '',
      bevindingen: [],
    };
    expect(isUntouched({ ...fresh }, fresh)).toBe(true);
    expect(isUntouched({ ...fresh, titel: ' ' }, fresh)).toBe(false);
    expect(isUntouched({ ...fresh, bevindingen: [6] }, fresh)).toBe(false);
    expect(isUntouched({ ...fresh, domeinen: ['Sociaal Domein'] }, fresh)).toBe(false);
  });
});
