/**
 * Finding a person among the site's users (the User Information List), the one matching rule for the bot's card
 * actions and the tab's "me".
 */
import type { PersonRef } from './model.js';

function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The site user whose e-mail address equals the person's e-mail address or UPN, ignoring case and surrounding
 * spaces (SharePoint stores either, as typed by whoever added the user). Only users with an id count: the id is
 * what a person column stores. An empty address never matches.
 */
export function findSiteUser(
  users: readonly PersonRef[],
  person: { email?: string | undefined; upn?: string | undefined },
): (PersonRef & { id: string }) | undefined {
  return users.find(
    (u): u is PersonRef & { id: string } =>
      u.id !== undefined && (sameAddress(u.email, person.email) || sameAddress(u.email, person.upn)),
  );
}

/**
 * The User Information List's id of SharePoint's own writer: "SharePoint App" for app-only writes (the server's, the
 * bot's) in SharePoint Online, "System Account" elsewhere. It names who wrote a version, never a person to assign.
 */
export const SYSTEM_ACCOUNT_ID = '1073741823';

/**
 * The site users a person may be chosen from (an owner, a Beheerder, a portfolio role): those with an id, without
 * SharePoint's own account, by name (Dutch order, as every picker of the tab).
 */
export function assignablePeople<P extends PersonRef>(users: readonly P[]): (P & { id: string })[] {
  return users
    .filter((u): u is P & { id: string } => u.id !== undefined && u.id !== '' && u.id !== SYSTEM_ACCOUNT_ID)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
}
