import { describe, expect, it } from 'vitest';
import { defaultMtKey } from '../../../src/tab/features/besluiten/lib/besluiten-query.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

const ZOETERMEER_MTS = [
  { key: 'cmt', domeinen: ['Concern'] },
  { key: 'mt-sociaal-domein', domeinen: ['Sociaal Domein'] },
];
const WESTERVELD_MTS = [
  { key: 'directie', domeinen: ['Gemeentebreed'] },
  { key: 'mt-ruimte', domeinen: ['Ruimte'] },
  { key: 'mt-oud', domeinen: ['Middelen'], actief: false },
];

describe("defaultMtKey: the decision log's default MT follows the set-up (issue 12.8)", () => {
  it("a business domain's tab shows its own MT; the CMT's tab and a tab without a domain see every MT", () => {
    expect(defaultMtKey(ZOETERMEER_MTS, 'Sociaal Domein')).toBe('mt-sociaal-domein');
    expect(defaultMtKey(ZOETERMEER_MTS, 'Concern')).toBeUndefined();
    expect(defaultMtKey(ZOETERMEER_MTS, undefined)).toBeUndefined();
  });

  it("in Westerveld the CMT's domain is Gemeentebreed, and Concern is no domain of the set-up", () => {
    expect(defaultMtKey(WESTERVELD_MTS, 'Gemeentebreed', WESTERVELD_INRICHTING)).toBeUndefined();
    // Without the set-up Gemeentebreed would be a business domain with its own MT.
    expect(defaultMtKey(WESTERVELD_MTS, 'Gemeentebreed')).toBe('directie');
    expect(defaultMtKey(WESTERVELD_MTS, 'Ruimte', WESTERVELD_INRICHTING)).toBe('mt-ruimte');
    expect(defaultMtKey(WESTERVELD_MTS, 'Middelen', WESTERVELD_INRICHTING)).toBeUndefined();
  });
});
