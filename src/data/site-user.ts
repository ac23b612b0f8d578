/**
 * Resolving a person to the site's user id, the value a person column stores (`<Name>LookupId`).
 * Graph has no equivalent: SharePoint's `ensureUser` adds the person to the site's User
 * Information List when needed and returns the item id.
 */
import type { PersonRef } from '../domain/model.js';
import type { SharePoint } from './sharepoint.js';

/** SharePoint Online's claims login of a member of the tenant, from a UPN or e-mail address. */
export function membershipClaim(upnOrLogin: string): string {
  const trimmed = upnOrLogin.trim();
  return trimmed.includes('|') ? trimmed : `i:0#.f|membership|${trimmed.toLowerCase()}`;
}

/**
 * `POST _api/web/ensureuser`: the site user for a UPN, e-mail address or claims login, as a
 * {@link PersonRef} whose `id` is the lookup id (a string, as Graph returns `<Name>LookupId`).
 * Throws {@link SharePointRequestError} when SharePoint does not know the person.
 */
export async function ensureSiteUser(sharePoint: SharePoint, upnOrLogin: string): Promise<PersonRef & { id: string }> {
  const user = await sharePoint.sp.web.ensureUser(membershipClaim(upnOrLogin));
  const person: PersonRef & { id: string } = { id: String(user.Id), displayName: user.Title };
  const email = user.Email || user.UserPrincipalName;
  if (email) person.email = email;
  return person;
}
