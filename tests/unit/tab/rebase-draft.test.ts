import { describe, expect, it } from 'vitest';
import { changedOnBothSides, rebaseDraft, sameFields, sameValue } from '../../../src/tab/lib/rebase-draft.js';

type Row = { status: string; notitie: string; deadline: string };
const base: Row = { status: 'Loopt', notitie: '', deadline: '2027-03-31' };

describe('rebaseDraft', () => {
  it('takes every newer stored value when nothing was typed', () => {
    const next = { status: 'Afgerond', notitie: 'Elders bijgewerkt.', deadline: '' };
    expect(rebaseDraft({ ...base }, base, next)).toEqual(next);
  });

  it('keeps what was typed and takes the others’ change of a field that was not touched', () => {
    const draft = { ...base, notitie: 'Mijn notitie' };
    const next = { ...base, status: 'Geblokkeerd' };
    expect(rebaseDraft(draft, base, next)).toEqual({
      status: 'Geblokkeerd',
      notitie: 'Mijn notitie',
      deadline: '2027-03-31',
    });
  });

  it('keeps what was typed over the others’ change of the same field', () => {
    const draft = { ...base, deadline: '2027-06-30' };
    const next = { ...base, deadline: '2027-12-31' };
    expect(rebaseDraft(draft, base, next).deadline).toBe('2027-06-30');
  });

  it('keeps a field typed back to what it was as untouched: it follows the stored value', () => {
    const next = { ...base, notitie: 'Elders bijgewerkt.' };
    expect(rebaseDraft({ ...base, notitie: '' }, base, next).notitie).toBe('Elders bijgewerkt.');
  });

  it('returns the draft unchanged when the stored version is the same', () => {
    const draft = { ...base, notitie: 'x' };
    expect(rebaseDraft(draft, base, { ...base })).toEqual(draft);
    expect(rebaseDraft(draft, base, { ...base })).not.toBe(draft);
  });
});

describe('sameFields', () => {
  it('compares every field of both', () => {
    expect(sameFields(base, { ...base })).toBe(true);
    expect(sameFields(base, { ...base, notitie: ' ' })).toBe(false);
    expect(sameFields({ a: 1 } as Record<string, unknown>, { a: 1, b: undefined })).toBe(true);
    expect(sameFields({ a: 1 } as Record<string, unknown>, { a: 1, b: 2 })).toBe(false);
    expect(sameFields({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
  });
});

describe('sameValue', () => {
  it('compares lists and plain objects by what they hold, the rest by identity', () => {
    expect(sameValue(['Sociaal Domein'], ['Sociaal Domein'])).toBe(true);
    expect(sameValue(['Sociaal Domein'], ['Sociaal Domein', 'Concern'])).toBe(false);
    expect(sameValue({ dag: 'TU', uur: 9 }, { dag: 'TU', uur: 9 })).toBe(true);
    expect(sameValue({ dag: 'TU', uur: 9 }, { dag: 'WE', uur: 9 })).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
  });

  it('lets a rebase keep a list the person changed and take a list they did not touch', () => {
    type Mt = { domeinen: string[]; beheerders: string[] };
    const base: Mt = { domeinen: ['Sociaal Domein'], beheerders: ['1'] };
    const draft: Mt = { domeinen: ['Sociaal Domein', 'Concern'], beheerders: ['1'] };
    const next: Mt = { domeinen: ['Fysiek Domein'], beheerders: ['1', '2'] };
    expect(rebaseDraft(draft, { ...base, beheerders: ['1'] }, next)).toEqual({
      domeinen: ['Sociaal Domein', 'Concern'],
      beheerders: ['1', '2'],
    });
  });
});

describe('changedOnBothSides', () => {
  it('names the fields both changed to different values, not those only one side changed or both set alike', () => {
    const draft = { ...base, status: 'Geblokkeerd', notitie: 'Mijn notitie', deadline: '2027-06-30' };
    const next = { ...base, status: 'Afgerond', notitie: 'Mijn notitie', deadline: '2027-03-31' };
    expect(changedOnBothSides(draft, base, next)).toEqual(['status']);
    expect(changedOnBothSides({ ...base }, base, next)).toEqual([]);
    expect(changedOnBothSides(draft, base, { ...base })).toEqual([]);
  });
});
