import { describe, expect, it } from 'vitest';
import { normalizeWords, proposeMt } from '../../../src/addin/propose-mt.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

const MTS = [
  { key: 'cmt', naam: 'CMT', domeinen: ['Concern' as const] },
  { key: 'bv', naam: 'MT Bedrijfsvoering', domeinen: ['Bedrijfsvoering' as const] },
  { key: 'fd', naam: 'MT Fysiek Domein', domeinen: ['Fysiek Domein' as const] },
  { key: 'sd', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein' as const] },
  { key: 'oud', naam: 'MT Dienstverlening', domeinen: ['Dienstverlening' as const], actief: false },
];

describe('proposeMt', () => {
  it('matches whole words without caring about case, accents or punctuation', () => {
    expect(normalizeWords('MT-Sociaal_Doméin!')).toBe(' mt sociaal domein ');
    expect(proposeMt(MTS, { subject: 'mt-SOCIAAL-doméin' })).toEqual({ key: 'sd', reason: 'subject' });
    // "cmt" inside another word is no match.
    expect(proposeMt(MTS, { subject: 'Acmteam' })).toBeUndefined();
  });

  it('prefers the MT named by its name over one only named by a domain', () => {
    expect(proposeMt(MTS, { subject: 'MT Fysiek Domein, met gasten uit sociaal domein' })).toEqual({
      key: 'fd',
      reason: 'subject',
    });
  });

  it('makes no proposal on a tie, and never proposes an inactive MT', () => {
    expect(proposeMt(MTS, { subject: 'Bedrijfsvoering en Sociaal Domein' })).toBeUndefined();
    expect(proposeMt(MTS, { subject: 'MT Dienstverlening' })).toBeUndefined();
    expect(
      proposeMt(MTS, { invitees: [{ emailAddress: 'mt-bedrijfsvoering@x.nl' }, { displayName: 'Fysiek Domein' }] }),
    ).toBeUndefined();
  });

  it('falls back on the invitees when the subject names no MT, and a plain "MT" names none', () => {
    expect(proposeMt(MTS, { subject: 'MT', invitees: [{ emailAddress: 'mt-bedrijfsvoering@zoetermeer.nl' }] })).toEqual(
      { key: 'bv', reason: 'invitees' },
    );
    expect(proposeMt(MTS, { subject: 'Overleg', invitees: [] })).toBeUndefined();
  });

  it("leaves out the set-up's concern domain, whatever its name (issue 12.8: Westerveld's Gemeentebreed)", () => {
    const westerveld = [
      { key: 'dt', naam: 'Directieteam', domeinen: ['Gemeentebreed'] },
      { key: 'ruimte', naam: 'MT Fysiek', domeinen: ['Ruimte'] },
    ];
    // Westerveld's concern domain names no MT: every organisation-wide text mentions it.
    expect(proposeMt(westerveld, { subject: 'Gemeentebreed overleg' }, WESTERVELD_INRICHTING)).toBeUndefined();
    // Without the set-up (Zoetermeer's) "Gemeentebreed" is an ordinary domain and names the Directieteam.
    expect(proposeMt(westerveld, { subject: 'Gemeentebreed overleg' })).toEqual({ key: 'dt', reason: 'subject' });
    // Zoetermeer's "Concern" is an ordinary word in Westerveld.
    const metConcern = [{ key: 'c', naam: 'Overleg', domeinen: ['Concern'] }];
    expect(proposeMt(metConcern, { subject: 'Concern' }, WESTERVELD_INRICHTING)).toEqual({
      key: 'c',
      reason: 'subject',
    });
    expect(proposeMt(metConcern, { subject: 'Concern' })).toBeUndefined();
    expect(proposeMt(westerveld, { subject: 'Ruimte 12 januari' }, WESTERVELD_INRICHTING)).toEqual({
      key: 'ruimte',
      reason: 'subject',
    });
  });
});
