import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain/model.js';
import { assignablePeople, findSiteUser, SYSTEM_ACCOUNT_ID } from '../../../src/domain/site-user.js';
import { SHAREPOINT_APP_LOOKUP_ID } from '../../../src/sandbox/personas.js';

const users: PersonRef[] = [
  { id: '3', displayName: 'Informatiemanager Sociaal Domein', email: 'IM.Sociaal@Zoetermeer.example ' },
  { id: '4', displayName: 'Zonder adres' },
  { displayName: 'Zonder id', email: 'geen.id@zoetermeer.example' },
  { id: '5', displayName: 'Leeg adres', email: '' },
];

describe('finding a person among the site users', () => {
  it('matches the e-mail address or the UPN, ignoring case and surrounding spaces', () => {
    expect(findSiteUser(users, { email: 'im.sociaal@zoetermeer.example' })).toBe(users[0]);
    expect(findSiteUser(users, { upn: ' IM.SOCIAAL@zoetermeer.example' })).toBe(users[0]);
    expect(findSiteUser(users, { email: 'ander@zoetermeer.example', upn: 'im.sociaal@zoetermeer.example' })).toBe(
      users[0],
    );
  });
  it('finds nobody for an unknown or empty address, and never a user without an id', () => {
    expect(findSiteUser(users, { email: 'onbekend@zoetermeer.example' })).toBeUndefined();
    expect(findSiteUser(users, { email: '', upn: '  ' })).toBeUndefined();
    expect(findSiteUser(users, {})).toBeUndefined();
    expect(findSiteUser(users, { email: 'geen.id@zoetermeer.example' })).toBeUndefined();
  });
});

describe('assignablePeople', () => {
  it("offers the site's people by name, without SharePoint's own account or an entry without an id", () => {
    const people = assignablePeople([
      { id: '12', displayName: 'Secretaris CMT' },
      { id: SYSTEM_ACCOUNT_ID, displayName: 'SharePoint App' },
      { displayName: 'Zonder id' },
      { id: '7', displayName: 'Afdelingshoofd HR' },
      { id: '', displayName: 'Leeg id' },
    ]);
    expect(people.map((p) => p.displayName)).toEqual(['Afdelingshoofd HR', 'Secretaris CMT']);
  });

  it('knows the account by the id the sandbox gives it, as SharePoint Online does', () => {
    expect(SYSTEM_ACCOUNT_ID).toBe(String(SHAREPOINT_APP_LOOKUP_ID));
  });
});
