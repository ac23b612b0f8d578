import type { PersonRef } from '../../../domain/model.js';

/** The signed-in person among the site users: matched on e-mail / UPN, case-insensitively. */
export function findSiteUser(users: readonly PersonRef[], userKey: string | undefined): PersonRef | undefined {
  if (!userKey) return undefined;
  const key = userKey.toLowerCase();
  return users.find((u) => u.email?.toLowerCase() === key);
}
