/**
 * A copy of the cached plan in localStorage, which a page reads synchronously (issue 16). The plan's cache is in
 * IndexedDB (plan-cache.ts), whose answer comes tens of milliseconds after the read on a busy start, in a task of its
 * own: on a warm start React's first render waited for it, and in that wait the browser wrote V8's code caches of the
 * scripts just run (a task of 25–45 ms on this machine). With the copy the plan is there while the app's main chunk
 * evaluates, and `main.tsx` renders the first view in that same task (docs/performance.md).
 *
 * - One copy per browser: writing it for one cache key removes another's (a second person or site on the same browser
 *   reads from IndexedDB), so localStorage never holds more than one plan.
 * - Only a plan of at most `SNAPSHOT_COPY_MAX_CHARS` as JSON: localStorage holds about 5 million characters per
 *   origin, and a larger plan (thousands of actions) is read from IndexedDB alone.
 * - Never older than IndexedDB's entry: plan-cache.ts writes it after IndexedDB's write succeeded and removes it when
 *   that write or its own failed, so a read that finds the copy finds the newest plan this browser stored.
 */
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

const COPY_PREFIX = 'actieplan.plan-snapshot|';

/** The largest copy, in characters of JSON (the seeded plan's snapshot is about 143,000). */
export const SNAPSHOT_COPY_MAX_CHARS = 1_500_000;

type StorageOf = () => Storage;
const local: StorageOf = () => window.localStorage;

/** The copy for `key`, or undefined when there is none, it is unreadable or does not look like a snapshot. */
export function readSnapshotCopy(key: string, storage: StorageOf = local): PlanSnapshot | undefined {
  try {
    const text = storage().getItem(COPY_PREFIX + key);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    return isPlanSnapshot(value) ? value : undefined;
  } catch {
    return undefined; // no storage (private mode, a sandboxed frame) or a damaged copy: IndexedDB answers instead
  }
}

/**
 * Keeps `snapshot` as the one copy (another key's copy is removed first); a plan too large for it, or one the storage
 * refuses (its quota), leaves no copy for `key` at all, so an older one is never read instead.
 */
export function keepSnapshotCopy(key: string, snapshot: PlanSnapshot, storage: StorageOf = local): void {
  try {
    const store = storage();
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const name = store.key(i);
      if (name?.startsWith(COPY_PREFIX) && name !== COPY_PREFIX + key) store.removeItem(name);
    }
    const text = JSON.stringify(snapshot);
    if (text.length > SNAPSHOT_COPY_MAX_CHARS) store.removeItem(COPY_PREFIX + key);
    else store.setItem(COPY_PREFIX + key, text);
  } catch {
    dropSnapshotCopy(key, storage);
  }
}

/** Removes the copy for `key` (with the cache entry, or when its write failed). */
export function dropSnapshotCopy(key: string, storage: StorageOf = local): void {
  try {
    storage().removeItem(COPY_PREFIX + key);
  } catch {
    // No storage: there is no copy either.
  }
}
