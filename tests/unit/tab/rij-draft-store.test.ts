import { describe, expect, it } from 'vitest';
import { parseRijDraft, rijDraftKey } from '../../../src/tab/features/actionplan/lib/rij-draft-store.js';

const form = { status: 'Loopt', toelichting: '', notitie: 'Besproken in het MT', eigenaarId: '12', deadline: '' };

describe("a domain row's draft", () => {
  it('is read back whole', () => {
    const draft = { base: { ...form, notitie: '' }, form, savedAt: '2026-12-06T09:00:00.000Z' };
    expect(parseRijDraft(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('is not one when a form is missing, a field is not text or the status is not one of the plan', () => {
    const savedAt = '2026-12-06T09:00:00.000Z';
    for (const bad of [
      null,
      'concept',
      { form, savedAt },
      { base: form, form, savedAt: 1 },
      { base: form, form: { ...form, notitie: 3 }, savedAt },
      { base: { ...form, status: 'Klaar' }, form, savedAt },
      { base: form, form: { ...form, deadline: undefined }, savedAt },
    ])
      expect(parseRijDraft(bad)).toBeUndefined();
  });

  it('is kept per person, action and domain', () => {
    expect(rijDraftKey('IM@Zoetermeer.example', '7', 'Sociaal Domein')).toBe(
      'actieplan.domein-concept.v1|im@zoetermeer.example|7|Sociaal Domein',
    );
    expect(rijDraftKey('im@zoetermeer.example', '7', 'Fysiek Domein')).not.toBe(
      rijDraftKey('im@zoetermeer.example', '7', 'Sociaal Domein'),
    );
  });
});
