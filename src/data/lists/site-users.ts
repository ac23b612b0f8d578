import type { PersonRef } from '../../domain/model.js';
import { FieldReader } from './field-reader.js';
import type { ListItem } from './list-definition.js';

/**
 * The site's hidden "User Information List": person columns store its item ids
 * (`<Name>LookupId`), so resolving owners to names reads it once.
 */
export const SITE_USER_FIELDS = { naam: 'Title', email: 'EMail', upn: 'UserName' } as const;
export const siteUserFieldNames = Object.values(SITE_USER_FIELDS);

/** The Dutch name of a site user without a name of its own (the CLI, the card, the report). */
export function unnamedUserName(id: string): string {
  return `Gebruiker ${id}`;
}

/**
 * A site user as a person. One without a name (no Title) is named by its id, Dutch for the Dutch-only adapters, and
 * marked `naamloos` so the tab says it in the UI's language.
 */
export function toSiteUser(item: ListItem): PersonRef {
  const read = new FieldReader(item.fields);
  const naam = read.text(SITE_USER_FIELDS.naam);
  const person: PersonRef =
    naam !== undefined
      ? { id: item.id, displayName: naam }
      : { id: item.id, displayName: unnamedUserName(item.id), naamloos: true };
  const email = read.text(SITE_USER_FIELDS.email) ?? read.text(SITE_USER_FIELDS.upn);
  if (email) person.email = email;
  return person;
}
