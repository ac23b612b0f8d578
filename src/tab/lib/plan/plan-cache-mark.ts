/**
 * The plan cache's key and its mark in localStorage (the plan itself is in IndexedDB: plan-cache.ts). A module of its
 * own, without IndexedDB's code: the inline token prefetch in index.html (token-prefetch.ts) reads the mark too.
 */

/** Bump when the cached shape changes: an old entry is then simply not found. */
const CACHE_VERSION = 1;

/** One cache entry per site and signed-in person: what one person may read is not shown to another. */
export function planCacheKey(siteUrl: string, userKey: string): string {
  return `v${CACHE_VERSION}|${siteUrl}|${userKey.toLowerCase()}`;
}

const CACHED_MARK = 'actieplan.plan-cached|';
/** Where first-screen.ts keeps the last screen (here, so that removing the mark removes it without importing it). */
export const KEPT_SCREEN_STORAGE_KEY = 'actieplan.first-screen';

/**
 * Whether this browser stored the plan for `key` before: a mark in localStorage, beside the plan in IndexedDB, that a
 * page reads at once (IndexedDB answers only after tens of milliseconds on a busy start). The boot uses it to leave the
 * token and the session of a warm start until after the first view (plan-boot.ts), and to start a cold one without
 * waiting for the cache. It only says what to expect: a mark whose plan the browser has cleared costs that one start
 * the read's wait, and a plan without a mark (stored by a version before the mark) is loaded again once.
 */
export function planCachedBefore(key: string, storage: () => Storage = () => window.localStorage): boolean {
  try {
    return storage().getItem(CACHED_MARK + key) !== null;
  } catch {
    return false; // no storage (private mode, a sandboxed frame): expect nothing
  }
}

/**
 * The mark's value: which write of the plan for `key` is in IndexedDB (a new value with every write), or null when none
 * is marked. The kept first screen (first-screen.ts) is shown only while the mark still has the value it had when the
 * screen was kept: a plan written since (by another tab) is not shown as an older picture first.
 */
export function planCacheStamp(key: string, storage: () => Storage = () => window.localStorage): string | null {
  try {
    return storage().getItem(CACHED_MARK + key);
  } catch {
    return null;
  }
}

/**
 * Per cache key, the stamp of the plan this page holds: the one it wrote last, or the one the mark had when the page
 * read the plan from the cache. The kept first screen is kept with it (first-screen.ts), and only while the mark still
 * has it: when another tab wrote the plan since, this page's screen is not what the cache holds.
 */
const heldStamps = new Map<string, string | null>();

const heldListeners = new Set<() => void>();

/** The cache key of the plan this page noted last: the person's plan it shows. */
let lastHeldKey: string | undefined;

/** Notes that this page holds the cached plan of `key` as marked with `stamp` (plan-cache.ts, after a read). */
export function notePlanHeld(key: string, stamp: string | null): void {
  heldStamps.set(key, stamp);
  lastHeldKey = key;
  heldListeners.forEach((listener) => listener());
}

/** Calls `listener` whenever the plan this page holds gets a new stamp (a read or a write of the cache). */
export function onPlanHeld(listener: () => void): void {
  heldListeners.add(listener);
}

/** The cache key of the plan this page read or wrote last, if any. */
export function heldPlanKey(): string | undefined {
  return lastHeldKey;
}

/** The mark's stamp while it is still that of the plan this page holds, else null. */
export function heldPlanStamp(key: string): string | null {
  const now = planCacheStamp(key);
  return now !== null && heldStamps.get(key) === now ? now : null;
}

/** Sets (with a new stamp) or removes the mark (plan-cache.ts, after a write and with a drop). */
export function markCached(key: string, cached: boolean): void {
  try {
    if (cached) {
      const stamp = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
      window.localStorage.setItem(CACHED_MARK + key, stamp);
      notePlanHeld(key, stamp);
    } else {
      window.localStorage.removeItem(CACHED_MARK + key);
      // The plan is gone, and so is its picture (first-screen.ts).
      window.localStorage.removeItem(KEPT_SCREEN_STORAGE_KEY);
    }
  } catch {
    // No storage: the next start reads the cache and asks for the token at once, as without the mark.
  }
}
