import { describe, expect, it } from 'vitest';
import { checkMTChange } from '../../../src/data/mts-store.js';
import type { MT } from '../../../src/domain/model.js';
import { WESTERVELD_INRICHTING as W } from '../../fixtures/westerveld-plan.js';

const mt: MT = { key: 'mt-ruimte', naam: 'MT Ruimte', domeinen: [] };
const keys = (issues: { path: string; message: { key: string } }[]) => issues.map((i) => `${i.path} ${i.message.key}`);

describe("checkMTChange: an MT's domains are the site's set-up's (issue 12.8)", () => {
  it("takes the set-up's domains and refuses the others, each by its place", () => {
    expect(keys(checkMTChange(mt, { domeinen: ['Ruimte', 'Gemeentebreed'] }, W).issues)).toEqual([]);
    expect(keys(checkMTChange(mt, { domeinen: ['Ruimte', 'Sociaal Domein'] }, W).issues)).toEqual([
      'domeinen.1 domeinOngeldig',
    ]);
  });

  it("without a set-up, Zoetermeer's: a Westerveld domain is refused there", () => {
    expect(keys(checkMTChange(mt, { domeinen: ['Sociaal Domein'] }).issues)).toEqual([]);
    expect(keys(checkMTChange(mt, { domeinen: ['Ruimte'] }).issues)).toEqual(['domeinen.0 domeinOngeldig']);
  });
});
