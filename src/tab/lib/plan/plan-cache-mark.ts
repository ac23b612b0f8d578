/**
 * The plan cache's key and its mark in localStorage (the plan itself is in IndexedDB, plan-cache.ts, and its copy in
 * localStorage, plan-snapshot-copy.ts). A module of its own, without IndexedDB's code: the inline token prefetch in
 * index.html (token-prefetch.ts) reads the mark too.
 */

/** Bump when the cached shape changes: an old entry is then simply not found. */
const CACHE_VERSION = 1;

/** One cache entry per site and signed-in person: what one person may read is not shown to another. */
export function planCacheKey(siteUrl: string, userKey: string): string {
  return `v${CACHE_VERSION}|${siteUrl}|${userKey.toLowerCase()}`;
}

const CACHED_MARK = 'actieplan.plan-cached|';

/**
 * Whether this browser stored the plan for `key` before, as far as a page can tell at once: `marked` when the mark is
 * in localStorage, beside the plan in IndexedDB (which answers only after tens of milliseconds on a busy start);
 * `unmarked` when localStorage has no mark; `unknown` when localStorage cannot be read (private mode, a sandboxed
 * frame), where IndexedDB alone can tell. The boot uses it to leave the token and the session of a warm start until
 * after the first view, and to start a cold one without waiting for IndexedDB (plan-boot.ts). It only says what to
 * expect: a mark whose plan the browser has cleared costs that one start the read's wait, and a plan without a mark
 * (stored by a version before the mark, or while localStorage was full) is loaded again, and shown only when that
 * load fails.
 */
export function planCacheState(
  key: string,
  storage: () => Storage = () => window.localStorage,
): 'marked' | 'unmarked' | 'unknown' {
  try {
    return storage().getItem(CACHED_MARK + key) !== null ? 'marked' : 'unmarked';
  } catch {
    return 'unknown';
  }
}

/** Whether the mark says this browser stored the plan for `key` before (`planCacheState`; no storage: no). */
export function planCachedBefore(key: string, storage: () => Storage = () => window.localStorage): boolean {
  return planCacheState(key, storage) === 'marked';
}

/**
 * The mark's value: the `savedAt` of the snapshot stored last (`'1'` when a version before the copy stored it), or
 * undefined without a mark. The copy in localStorage counts only when it is that snapshot (plan-cache.ts).
 */
export function cachedMark(key: string, storage: () => Storage = () => window.localStorage): string | undefined {
  try {
    return storage().getItem(CACHED_MARK + key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Sets the mark to the stored snapshot's `savedAt`, or removes it (plan-cache.ts, after a write and with a drop). */
export function markCached(key: string, savedAt: string | false): void {
  try {
    if (savedAt !== false) window.localStorage.setItem(CACHED_MARK + key, savedAt);
    else window.localStorage.removeItem(CACHED_MARK + key);
  } catch {
    // No storage, or full: the next start finds no mark and loads cold at once (it reads IndexedDB only if that fails,
    // or where localStorage cannot be read at all: plan-boot.ts).
  }
}
