/**
 * How Instellingen puts a fresh read of the MTs in place without ever showing older data than it already has
 * (issue 14, point 5). A read that started before the view's own save can answer after it; the hook drops such a
 * response (`useMtSettings`), and this merge is the second guard: per MT it keeps the version with the higher
 * SharePoint item version, read from the eTag (`"{GUID},7"`: the number after the comma counts every write).
 */
import type { MTRegistration, MTSettingsData } from '../../../../data/mts-store.js';

/** The item version in a SharePoint/Graph list item eTag (`"{GUID},7"` or `"GUID,7"`), or undefined. */
export function eTagVersion(eTag: string): number | undefined {
  const match = /,(\d+)"?\s*$/.exec(eTag);
  return match ? Number(match[1]) : undefined;
}

/** True when `a` is a later version of the same item than `b`, as far as their eTags tell. */
function isNewer(a: MTRegistration, b: MTRegistration): boolean {
  const va = eTagVersion(a.eTag);
  const vb = eTagVersion(b.eTag);
  return va !== undefined && vb !== undefined && va > vb;
}

/**
 * The view's data after a read: the read's MTs, log and installations, except that an MT the view already holds in a
 * later version (its own save, a conflict's "theirs") stays. An MT the read does not have is gone (deleted on the
 * site); a read that could miss the view's own new MT is dropped before it gets here.
 */
export function mergeSettings(current: MTSettingsData | undefined, loaded: MTSettingsData): MTSettingsData {
  if (!current) return loaded;
  const held = new Map(current.mts.map((m) => [m.id, m]));
  let kept = false;
  const mts = loaded.mts.map((fresh) => {
    const mine = held.get(fresh.id);
    if (mine && isNewer(mine, fresh)) {
      kept = true;
      return mine;
    }
    return fresh;
  });
  return kept ? { ...loaded, mts } : loaded;
}
