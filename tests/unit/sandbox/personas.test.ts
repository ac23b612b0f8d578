import { describe, expect, it } from 'vitest';
import { PERSONA_ROLES } from '../../../src/domain/plan/zoetermeer.js';
import { findPersonaByLookupId, PERSONAS } from '../../../src/sandbox/personas.js';

describe('sandbox personas', () => {
  it('has no persona for a role no seed names: no "Strategisch adviseur Digitalisering", no separate "Concerncontroller" (the directeur Bedrijfsvoering, 003:600)', () => {
    const names = PERSONAS.map((p) => p.displayName);
    expect(names).not.toContain('Strategisch adviseur Digitalisering');
    expect(names).not.toContain('Concerncontroller');
    expect(names).toContain('Directeur Bedrijfsvoering');
    expect(PERSONAS.some((p) => /strategisch-adviseur|concerncontroller/.test(p.upn))).toBe(false);
  });

  it('keeps the lookup ids of the personas after the retired slots, so sandbox data written before still names the same people', () => {
    const ids = PERSONAS.map((p) => p.lookupId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findPersonaByLookupId(26)?.displayName).toBe('Secretaris CMT');
    expect(findPersonaByLookupId(27)).toBeUndefined();
    expect(findPersonaByLookupId(28)).toBeUndefined();
    expect(findPersonaByLookupId(29)?.displayName).toBe('Secretaris MT Bedrijfsvoering');
    expect(findPersonaByLookupId(32)?.displayName).toBe('Secretaris MT Sociaal Domein');
  });

  it('every role an owner can have in the plan data is a persona', () => {
    for (const rol of PERSONA_ROLES) expect(PERSONAS.map((p) => p.displayName)).toContain(rol);
  });
});
