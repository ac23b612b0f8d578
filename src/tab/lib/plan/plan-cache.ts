import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { markCached } from './plan-cache-mark.js';
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

export { planCacheKey, planCachedBefore } from './plan-cache-mark.js';

let store: UseStore | undefined;

function cacheStore(): UseStore {
  store ??= createStore('actieplan', 'plan-cache');
  return store;
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
    markCached(key, true);
  } catch (error) {
    console.warn('Plan cache not written', error); // the next start loads from the network instead
  }
}

export async function dropCachedPlan(key: string): Promise<void> {
  try {
    markCached(key, false);
    await del(key, cacheStore());
  } catch (error) {
    console.warn('Plan cache not cleared', error);
  }
}
