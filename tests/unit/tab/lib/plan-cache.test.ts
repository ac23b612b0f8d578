import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dropCachedPlan,
  planCachedBefore,
  planCacheState,
  readCachedPlan,
  readCachedPlanNow,
  writeCachedPlan,
  type SnapshotStore,
} from '../../../../src/tab/lib/plan/plan-cache.js';
import type { PlanSnapshot } from '../../../../src/tab/lib/plan/snapshot.js';
import { seededPlan } from '../fixtures.js';
import { MemoryStorage, snapshotOf } from './memory-storage.js';

const KEY = 'v1|https://x.sharepoint.com/sites/p|im@x';
const MARK = `actieplan.plan-cached|${KEY}`;
const COPY = `actieplan.plan-snapshot|${KEY}`;

/** IndexedDB's part, in memory: each `set` waits until the test lets it finish (or fail). */
class HeldStore implements SnapshotStore {
  readonly data = new Map<string, PlanSnapshot>();
  readonly gets: string[] = [];
  private pending: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  get = (key: string): Promise<unknown> => {
    this.gets.push(key);
    return Promise.resolve(this.data.get(key));
  };
  set = (key: string, snapshot: PlanSnapshot): Promise<void> =>
    new Promise((resolve, reject) => {
      this.pending.push({
        finish: () => {
          this.data.set(key, snapshot);
          resolve();
        },
        fail: reject,
      });
    });
  del = (key: string): Promise<void> => {
    this.data.delete(key);
    return Promise.resolve();
  };
  finish(): void {
    this.pending.shift()?.finish();
  }
  fail(): void {
    this.pending.shift()?.fail(new DOMException('disk full', 'QuotaExceededError'));
  }
}

const older = snapshotOf(seededPlan(), '2026-12-06T09:00:00.000Z');
const newer = snapshotOf(seededPlan(), '2026-12-06T10:00:00.000Z');

describe('the plan cache: IndexedDB, its mark and its copy in localStorage (issue 16)', () => {
  const original = (globalThis as { window?: unknown }).window;
  let storage: MemoryStorage;
  let store: HeldStore;
  beforeEach(() => {
    storage = new MemoryStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
    store = new HeldStore();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    (globalThis as { window?: unknown }).window = original;
    vi.restoreAllMocks();
  });

  async function stored(snapshot: PlanSnapshot): Promise<void> {
    const write = writeCachedPlan(KEY, snapshot, store);
    store.finish();
    await write;
  }

  it('keeps the copy, marks the plan with its savedAt and stores it in IndexedDB, and reads the copy first', async () => {
    await stored(older);
    expect(store.data.get(KEY)).toBe(older);
    expect(storage.getItem(MARK)).toBe(older.savedAt);
    expect(planCachedBefore(KEY)).toBe(true);
    expect(readCachedPlanNow(KEY)).toEqual(older);
    expect(await readCachedPlan(KEY, store)).toEqual(older);
    expect(store.gets).toEqual([]);
  });

  it('has the new plan’s copy at once, while IndexedDB’s write is still under way (a reload right after finds it)', async () => {
    await stored(older);
    const write = writeCachedPlan(KEY, newer, store);
    expect(readCachedPlanNow(KEY)?.savedAt).toBe(newer.savedAt);
    expect(storage.getItem(MARK)).toBe(newer.savedAt);
    expect(store.data.get(KEY)?.savedAt).toBe(older.savedAt);
    store.finish();
    await write;
    expect(readCachedPlanNow(KEY)?.savedAt).toBe(newer.savedAt);
    expect(store.data.get(KEY)?.savedAt).toBe(newer.savedAt);
  });

  it('keeps no copy when IndexedDB’s write failed: the next start reads the entry IndexedDB still has', async () => {
    await stored(older);
    const write = writeCachedPlan(KEY, newer, store);
    store.fail();
    await write;
    expect(readCachedPlanNow(KEY)).toBeUndefined();
    expect(storage.getItem(COPY)).toBeNull();
    expect((await readCachedPlan(KEY, store))?.savedAt).toBe(older.savedAt);
    expect(store.gets).toEqual([KEY]);
  });

  it('ignores a copy that is not the plan the mark names (a version before the copy marked its write with 1)', async () => {
    await stored(older);
    storage.setItem(MARK, '1');
    store.data.set(KEY, newer);
    expect(readCachedPlanNow(KEY)).toBeUndefined();
    expect((await readCachedPlan(KEY, store))?.savedAt).toBe(newer.savedAt);
  });

  it('ignores the copy without a mark', async () => {
    await stored(older);
    storage.removeItem(MARK);
    expect(readCachedPlanNow(KEY)).toBeUndefined();
  });

  it('tells a start what to expect: marked, unmarked, or unknown when localStorage cannot be read', async () => {
    expect(planCacheState(KEY)).toBe('unmarked');
    expect(planCachedBefore(KEY)).toBe(false);
    await stored(older);
    expect(planCacheState(KEY)).toBe('marked');
    const blocked = () => {
      throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
    };
    expect(planCacheState(KEY, blocked)).toBe('unknown');
    expect(planCachedBefore(KEY, blocked)).toBe(false);
  });

  it('removes the mark, the copy and the entry together', async () => {
    await stored(older);
    await dropCachedPlan(KEY, store);
    expect(storage.length).toBe(0);
    expect(store.data.size).toBe(0);
    expect(await readCachedPlan(KEY, store)).toBeUndefined();
  });
});
