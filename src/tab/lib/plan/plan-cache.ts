import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { cachedMark, markCached } from './plan-cache-mark.js';
import { dropSnapshotCopy, keepSnapshotCopy, readSnapshotCopy } from './plan-snapshot-copy.js';
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

export { planCacheKey, planCachedBefore, planCacheState } from './plan-cache-mark.js';

let store: UseStore | undefined;

function cacheStore(): UseStore {
  store ??= createStore('actieplan', 'plan-cache');
  return store;
}

/** Where the snapshots are kept: IndexedDB (the unit tests give an in-memory one). */
export type SnapshotStore = {
  get: (key: string) => Promise<unknown>;
  set: (key: string, snapshot: PlanSnapshot) => Promise<void>;
  del: (key: string) => Promise<void>;
};

const indexedDbStore: SnapshotStore = {
  get: (key) => get(key, cacheStore()),
  set: (key, snapshot) => set(key, snapshot, cacheStore()),
  del: (key) => del(key, cacheStore()),
};

/**
 * The cached snapshot at once, from its copy in localStorage (plan-snapshot-copy.ts), or undefined when there is no
 * copy (a large plan, another person's copy kept, nothing stored): `readCachedPlan` then asks IndexedDB. The copy counts
 * only when it is the snapshot the mark names as stored last: a write by a version before the copy (which marks `'1'`
 * and leaves the copy alone) makes it stale, and IndexedDB answers.
 */
export function readCachedPlanNow(key: string): PlanSnapshot | undefined {
  const mark = cachedMark(key);
  if (mark === undefined) return undefined; // nothing stored for this key: the copy is not even read
  const copy = readSnapshotCopy(key);
  return copy?.savedAt === mark ? copy : undefined;
}

/** The cached snapshot, or undefined when there is none or IndexedDB is unavailable (private mode). */
export async function readCachedPlan(
  key: string,
  snapshots: SnapshotStore = indexedDbStore,
): Promise<PlanSnapshot | undefined> {
  const copy = readCachedPlanNow(key);
  if (copy) return copy;
  try {
    const value: unknown = await snapshots.get(key);
    return isPlanSnapshot(value) ? value : undefined;
  } catch (error) {
    console.warn('Plan cache unavailable', error);
    return undefined;
  }
}

/**
 * Keeps the snapshot's copy in localStorage and marks it, at once, then stores it in IndexedDB. At once, so a start
 * right after this one (a reload as soon as the plan shows, while IndexedDB's write still takes tens of milliseconds)
 * reads this plan: until that write has finished the copy is newer than IndexedDB's entry, which is harmless (it is a
 * whole snapshot). When the write fails the copy goes, and the next start reads the entry IndexedDB still has.
 */
export async function writeCachedPlan(
  key: string,
  snapshot: PlanSnapshot,
  snapshots: SnapshotStore = indexedDbStore,
): Promise<void> {
  keepSnapshotCopy(key, snapshot);
  markCached(key, snapshot.savedAt);
  try {
    await snapshots.set(key, snapshot);
  } catch (error) {
    dropSnapshotCopy(key);
    console.warn('Plan cache not written', error); // the next start loads from the network instead
  }
}

export async function dropCachedPlan(key: string, snapshots: SnapshotStore = indexedDbStore): Promise<void> {
  try {
    markCached(key, false);
    dropSnapshotCopy(key);
    await snapshots.del(key);
  } catch (error) {
    console.warn('Plan cache not cleared', error);
  }
}
