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
 *   origin (and a page loads all of it on its first access), so a larger plan is read from IndexedDB alone; one of more
 *   than `SNAPSHOT_COPY_MAX_ENTRIES` entries is not even turned into JSON to find out.
 * - Not read when IndexedDB has a newer plan: plan-cache.ts writes the copy with each write to IndexedDB (before it,
 *   so a start right after finds it), removes it when that write failed, and reads it only when it is the snapshot the
 *   plan-cache mark names (plan-cache-mark.ts), so a write by an older version of the app makes it stale. Two tabs
 *   writing at the same moment can still leave an older plan in the copy; the delta refresh then brings it up to date,
 *   as with any cached plan.
 */
import { isPlanSnapshot, type PlanSnapshot } from './snapshot.js';

const COPY_PREFIX = 'actieplan.plan-snapshot|';

/** The largest copy, in characters of JSON (the seeded plan's snapshot is about 143,000). */
export const SNAPSHOT_COPY_MAX_CHARS = 1_000_000;
/**
 * A plan with more entries (actions, recommendations, findings, rows per domain, users) than this is over
 * `SNAPSHOT_COPY_MAX_CHARS` by far (each entry is about 1,000 characters or more, counting its list item and its
 * mapped form): it gets no copy, without the cost of turning it into JSON on every write.
 */
export const SNAPSHOT_COPY_MAX_ENTRIES = 2_000;

type StorageOf = () => Storage;
const local: StorageOf = () => window.localStorage;

/** The copy for `key`, or undefined when there is none, it is unreadable or does not look like a snapshot. */
export function readSnapshotCopy(key: string, storage: StorageOf = local): PlanSnapshot | undefined {
  try {
    const text = storage().getItem(COPY_PREFIX + key);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    if (isPlanSnapshot(value)) return value;
  } catch {
    // No storage (private mode, a sandboxed frame) or a damaged copy: IndexedDB answers instead.
  }
  dropSnapshotCopy(key, storage); // a damaged copy is not read again on every start
  return undefined;
}

function entries(snapshot: PlanSnapshot): number {
  const { acties, adviezen, bevindingen, domeinVoortgang, users } = snapshot.plan;
  return acties.length + adviezen.length + bevindingen.length + domeinVoortgang.length + users.length;
}

/**
 * Keeps `snapshot` as the one copy (another key's copy is removed first); a plan too large for it, or one the storage
 * refuses (its quota), leaves no copy for `key` at all, so an older one is never read instead.
 */
export function keepSnapshotCopy(key: string, snapshot: PlanSnapshot, storage: StorageOf = local): void {
  try {
    const store = storage();
    const names = Array.from({ length: store.length }, (_, i) => store.key(i));
    for (const name of names) if (name?.startsWith(COPY_PREFIX) && name !== COPY_PREFIX + key) store.removeItem(name);
    const text = entries(snapshot) <= SNAPSHOT_COPY_MAX_ENTRIES ? JSON.stringify(snapshot) : undefined;
    if (text === undefined || text.length > SNAPSHOT_COPY_MAX_CHARS) store.removeItem(COPY_PREFIX + key);
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
