import { describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain/model.js';
import { findSiteUser } from '../../../src/domain/site-user.js';

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
