/** Names and addresses SharePoint REST derives from a list. */
import type { ListRecord } from '../store.js';

/** SharePoint's EntityTypeName: the URL name without characters OData names cannot hold, plus "List". */
export function entityTypeName(list: ListRecord): string {
  if (list.systemKind === 'userInformation') return 'UserInfo';
  return `${list.name.replace(/[^A-Za-z0-9_]/g, '')}List`;
}

/** The OData type of the list's items, e.g. `SP.Data.ActiesListItem`. */
export function itemEntityType(list: ListRecord): string {
  return `SP.Data.${entityTypeName(list)}Item`;
}

export function listPath(list: ListRecord): string {
  return `Web/Lists(guid'${list.id}')`;
}
