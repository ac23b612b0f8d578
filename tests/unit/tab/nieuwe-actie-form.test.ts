import { describe, expect, it } from 'vitest';
import type { Advies } from '../../../src/domain/model.js';
import { TEKST_MAX } from '../../../src/domain/text-limits.js';
import { checkForm, emptyForm, toDraft } from '../../../src/tab/features/actionplan/lib/nieuwe-actie-form.js';

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
    expect(checkForm({ ...form, omschrijving: 'x'.repeat(TEKST_MAX.omschrijving) }, plan, [], cmt, 'nee')).toEqual({});
    const issues = checkForm({ ...form, omschrijving: 'x'.repeat(TEKST_MAX.omschrijving + 1) }, plan, [], cmt, 'nee');
    expect(Object.keys(issues)).toEqual(['omschrijving']);
    expect(issues.omschrijving).toMatch(/2000/);
  });
});
