import type { PersonRef } from '../../domain/model.js';
import { FieldReader } from './field-reader.js';
import type { ListItem } from './list-definition.js';

/**
 * The site's hidden "User Information List": person columns store its item ids
 * (`<Name>LookupId`), so resolving owners to names reads it once.
 */
export const SITE_USER_FIELDS = { naam: 'Title', email: 'EMail', upn: 'UserName' } as const;
export const siteUserFieldNames = Object.values(SITE_USER_FIELDS);

export function toSiteUser(item: ListItem): PersonRef {
  const read = new FieldReader(item.fields);
  const person: PersonRef = { id: item.id, displayName: read.text(SITE_USER_FIELDS.naam) ?? `Gebruiker ${item.id}` };
  const email = read.text(SITE_USER_FIELDS.email) ?? read.text(SITE_USER_FIELDS.upn);
  if (email) person.email = email;
  return person;
}
