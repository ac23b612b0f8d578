import type { PersonRef } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import type { ListItem } from './lists/list-definition.js';

/** One SharePoint version of an item: who changed which fields, from what to what. */
export type ItemVersion = { versionId: string; modified: string; modifiedBy: string; changes: { field: string; from: string; to: string }[] };

type Version = { id: string; lastModifiedDateTime: string; lastModifiedBy?: ListItem['lastModifiedBy']; fields?: Record<string, unknown> };

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
): Promise<ItemVersion[]> {
  const versions = await graph.getAll<Version>(`${itemPath}/versions?$expand=fields`);
  const mapped = versions.map((v) => ({ v, value: toValue(v.fields ?? {}) }));
  return mapped.map(({ v, value }, index) => {
    const previous = mapped[index + 1]?.value;
    const changes = tracked.flatMap(({ key, label }) => {
      const from = display(previous?.[key] as Displayable);
      const to = display(value[key] as Displayable);
      if (previous === undefined) return to === '' ? [] : [{ field: label, from: '', to }];
      return from === to ? [] : [{ field: label, from, to }];
    });
    return {
      versionId: v.id,
      modified: v.lastModifiedDateTime,
      modifiedBy: v.lastModifiedBy?.user?.displayName ?? v.lastModifiedBy?.application?.displayName ?? 'Onbekend',
      changes,
    };
  });
}
