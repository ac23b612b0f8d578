import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

/** Bump when the cached shape changes: an old entry is then simply not found. */
const CACHE_VERSION = 1;
let store: UseStore | undefined;

function cacheStore(): UseStore {
  store ??= createStore('actieplan', 'plan-cache');
  return store;
}

/** One cache entry per site and signed-in person: what one person may read is not shown to another. */
export function planCacheKey(siteUrl: string, userKey: string): string {
  return `v${CACHE_VERSION}|${siteUrl}|${userKey.toLowerCase()}`;
}

/** The cached snapshot, or undefined when there is none or IndexedDB is unavailable (private mode). */
export async function readCachedPlan(key: string): Promise<PlanSnapshot | undefined> {
  try {
    const value: unknown = await get(key, cacheStore());
    return isPlanSnapshot(value) ? value : undefined;
  } catch (error) {
    console.warn('Plan cache unavailable', error);
    return undefined;
  }
}

export async function writeCachedPlan(key: string, snapshot: PlanSnapshot): Promise<void> {
  try {
    await set(key, snapshot, cacheStore());
  } catch (error) {
    console.warn('Plan cache not written', error); // the next start loads from the network instead
  }
}

export async function dropCachedPlan(key: string): Promise<void> {
  try {
    await del(key, cacheStore());
  } catch (error) {
    console.warn('Plan cache not cleared', error);
  }
}
