import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { markCached } from './plan-cache-mark.js';
import { dropSnapshotCopy, keepSnapshotCopy, readSnapshotCopy } from './plan-snapshot-copy.js';
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

export { planCacheKey, planCachedBefore } from './plan-cache-mark.js';

let store: UseStore | undefined;

function cacheStore(): UseStore {
  store ??= createStore('actieplan', 'plan-cache');
  return store;
}

/**
 * The cached snapshot at once, from its copy in localStorage (plan-snapshot-copy.ts), or undefined when there is no
 * copy (a large plan, another person's copy kept, nothing stored): `readCachedPlan` then asks IndexedDB.
 */
export function readCachedPlanNow(key: string): PlanSnapshot | undefined {
  return readSnapshotCopy(key);
}

/** The cached snapshot, or undefined when there is none or IndexedDB is unavailable (private mode). */
export async function readCachedPlan(key: string): Promise<PlanSnapshot | undefined> {
  const copy = readSnapshotCopy(key);
  if (copy) return copy;
  try {
    const value: unknown = await get(key, cacheStore());
    return isPlanSnapshot(value) ? value : undefined;
  } catch (error) {
    console.warn('Plan cache unavailable', error);
    return undefined;
  }
}

/** Stores the snapshot in IndexedDB, then its copy in localStorage (only after that write: never the newer of the two). */
export async function writeCachedPlan(key: string, snapshot: PlanSnapshot): Promise<void> {
  try {
    await set(key, snapshot, cacheStore());
    markCached(key, true);
  } catch (error) {
    // The copy may hold the plan this write was to replace: without it, the next start reads the IndexedDB entry.
    dropSnapshotCopy(key);
    console.warn('Plan cache not written', error); // the next start loads from the network instead
    return;
  }
  keepSnapshotCopy(key, snapshot);
}

export async function dropCachedPlan(key: string): Promise<void> {
  try {
    markCached(key, false);
    dropSnapshotCopy(key);
    await del(key, cacheStore());
  } catch (error) {
    console.warn('Plan cache not cleared', error);
  }
}
