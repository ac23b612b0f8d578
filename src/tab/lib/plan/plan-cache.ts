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

/**
 * Whether this browser stored the plan for `key` before: a mark in localStorage, beside the plan in IndexedDB, that a
 * page reads at once (IndexedDB answers only after tens of milliseconds on a busy start). The boot uses it to leave the
 * token and the session of a warm start until after the first view (plan-boot.ts). It only says what to expect: the
 * cache read decides, and a mark whose plan the browser has cleared costs that one start the read's wait.
 */
export function planCachedBefore(key: string): boolean {
  try {
    return window.localStorage.getItem(CACHED_MARK + key) !== null;
  } catch {
    return false; // no storage (private mode, a sandboxed frame): expect nothing
  }
}

const CACHED_MARK = 'actieplan.plan-cached|';

function markCached(key: string, cached: boolean): void {
  try {
    if (cached) window.localStorage.setItem(CACHED_MARK + key, '1');
    else window.localStorage.removeItem(CACHED_MARK + key);
  } catch {
    // No storage: the next start reads the cache and asks for the token at once, as without the mark.
  }
}
