/**
 * What exists on the site before any client touches it: the hidden "User Information List" that
 * SharePoint keeps for every site, with one item per site user (its item id is the user's lookup
 * id, the value person columns store). It is brought in line with the personas on every start.
 */
import { randomUUID } from 'node:crypto';
import { titleColumn, type ColumnRecord } from './columns.js';
import { PERSONAS, SHAREPOINT_APP_DISPLAY_NAME, SHAREPOINT_APP_LOOKUP_ID } from './personas.js';
import type { IdentitySet, ListRecord, SandboxStore, StoredValues } from './store.js';

export const USER_INFORMATION_LIST_TITLE = 'User Information List';

const SYSTEM_IDENTITY: IdentitySet = { user: { displayName: 'System Account', email: '', id: '' } };

function textColumn(name: string, displayName: string, indexed: boolean): ColumnRecord {
  return {
    id: randomUUID(),
    name,
    displayName,
    description: '',
    kind: 'text',
    required: false,
    indexed,
    enforceUniqueValues: false,
    hidden: false,
    readOnly: false,
    builtIn: true,
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  };
}

type SiteUser = { lookupId: number; values: StoredValues };

function siteUsers(): SiteUser[] {
  const users: SiteUser[] = PERSONAS.map((p) => ({
    lookupId: p.lookupId,
    values: { Title: p.displayName, EMail: p.upn, UserName: p.upn, JobTitle: p.jobTitle },
  }));
  users.push({ lookupId: SHAREPOINT_APP_LOOKUP_ID, values: { Title: SHAREPOINT_APP_DISPLAY_NAME } });
  return users;
}

/** Creates the User Information List when missing and syncs its items with the personas. */
export function ensureUserInformationList(store: SandboxStore, now: number): ListRecord {
  return store.transaction(() => {
    let list = store.findSystemList('userInformation');
    if (!list) {
      list = {
        id: randomUUID(),
        displayName: USER_INFORMATION_LIST_TITLE,
        name: 'users',
        template: 'userInformation',
        hidden: true,
        systemKind: 'userInformation',
        description: 'All people.',
        createdAt: now,
        modifiedAt: now,
        createdBy: SYSTEM_IDENTITY,
        modifiedBy: SYSTEM_IDENTITY,
        version: 1,
      };
      const title = { ...titleColumn(), displayName: 'Name', required: false };
      store.insertList(list, [
        title,
        textColumn('EMail', 'Work email', true),
        textColumn('UserName', 'User name', true),
        textColumn('JobTitle', 'Job Title', false),
      ]);
    }
    for (const user of siteUsers()) {
      const existing = store.getItem(list.id, user.lookupId);
      if (existing && JSON.stringify(existing.values) === JSON.stringify(user.values)) continue;
      store.saveItem({
        listId: list.id,
        id: user.lookupId,
        uniqueId: existing?.uniqueId ?? randomUUID(),
        version: (existing?.version ?? 0) + 1,
        values: user.values,
        createdAt: existing?.createdAt ?? now,
        modifiedAt: now,
        authorId: SHAREPOINT_APP_LOOKUP_ID,
        editorId: SHAREPOINT_APP_LOOKUP_ID,
        createdBy: existing?.createdBy ?? SYSTEM_IDENTITY,
        modifiedBy: SYSTEM_IDENTITY,
      });
    }
    store.reserveItemIdsThrough(list.id, Math.max(...PERSONAS.map((p) => p.lookupId)));
    return list;
  });
}
