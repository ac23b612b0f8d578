import type { PersonRef } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import type { ListItem } from './lists/list-definition.js';

/**
 * One SharePoint version of an item: who changed which fields, from what to what. `namens`: the person a write under
 * the app's own identity was made for (then `modifiedBy` is the app).
 */
export type ItemVersion = {
  versionId: string;
  modified: string;
  modifiedBy: string;
  namens?: string;
  /**
   * `key`: the model's field (`status`), so a UI names it in its own language; `field`: its Dutch label, for the
   * adapters that speak only Dutch. `from`/`to` are the stored values as text (a list comma-separated, yes/no as ja/nee).
   */
  changes: { key: string; field: string; from: string; to: string }[];
};

type Version = {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedBy?: ListItem['lastModifiedBy'];
  fields?: Record<string, unknown>;
};

type Displayable = string | number | boolean | PersonRef | readonly (string | number)[] | null | undefined;

function display(value: Displayable): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'object') return (value as PersonRef).displayName;
  return String(value);
}

/**
 * Reads an item's versions (`GET .../items/{id}/versions?$expand=fields`, newest first) and turns
 * each into the field changes against the version before it, mapped through the list's own reader
 * so the history speaks the domain's values. The oldest version lists what it set.
 */
export async function itemHistory<T extends object>(
  graph: Graph,
  itemPath: string,
  toValue: (fields: Record<string, unknown>) => T,
  tracked: readonly { key: keyof T; label: string }[],
  onBehalfOf?: (fields: Record<string, unknown>) => { naam: string; op: string } | undefined,
): Promise<ItemVersion[]> {
  const versions = await graph.getAll<Version>(`${itemPath}/versions?$expand=fields`);
  const mapped = versions.map((v) => ({ v, value: toValue(v.fields ?? {}) }));
  return mapped.map(({ v, value }, index) => {
    const previous = mapped[index + 1]?.value;
    const changes = tracked.flatMap(({ key, label }) => {
      const from = display(previous?.[key] as Displayable);
      const to = display(value[key] as Displayable);
      const field = String(key);
      if (previous === undefined) return to === '' ? [] : [{ key: field, field: label, from: '', to }];
      return from === to ? [] : [{ key: field, field: label, from, to }];
    });
    const version: ItemVersion = {
      versionId: v.id,
      modified: v.lastModifiedDateTime,
      modifiedBy: v.lastModifiedBy?.user?.displayName ?? v.lastModifiedBy?.application?.displayName ?? 'Onbekend',
      changes,
    };
    // A version written by the app (no user) for a person: that write set a new moment, so the columns name the
    // person of THIS version. An app write that set none (an upgrade step, say) leaves the earlier moment in place.
    const namens = v.lastModifiedBy?.user ? undefined : onBehalfOf?.(v.fields ?? {});
    if (namens) {
      const before = versions[index + 1] ? onBehalfOf?.(versions[index + 1]?.fields ?? {}) : undefined;
      if (before?.op !== namens.op) version.namens = namens.naam;
    }
    return version;
  });
}
