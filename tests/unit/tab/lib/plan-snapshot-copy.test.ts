import { describe, expect, it } from 'vitest';
import {
  dropSnapshotCopy,
  keepSnapshotCopy,
  readSnapshotCopy,
  SNAPSHOT_COPY_MAX_CHARS,
} from '../../../../src/tab/lib/plan/plan-snapshot-copy.js';
import type { PlanSnapshot } from '../../../../src/tab/lib/plan/snapshot.js';
import { largePlan, seededPlan } from '../fixtures.js';

/** An in-memory Storage, as localStorage behaves: `quota` characters in all (keys and values), beyond it a throw. */
class MemoryStorage implements Storage {
  readonly data = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.data].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  clear(): void {
    this.data.clear();
  }
}

function snapshot(plan = seededPlan(), savedAt = '2026-12-06T10:00:00.000Z'): PlanSnapshot {
  return {
    siteId: 'site-1',
    plan,
    items: { adviezen: [], bevindingen: [], acties: [], users: [], domeinVoortgang: [], inrichting: [] },
    deltaLinks: {
      adviezen: 'd1',
      bevindingen: 'd2',
      acties: 'd3',
      users: 'd4',
      domeinVoortgang: 'd5',
      inrichting: 'd6',
    },
    savedAt,
  } as PlanSnapshot;
}

const KEY = 'v1|https://x.sharepoint.com/sites/p|im@x';
const OTHER = 'v1|https://x.sharepoint.com/sites/p|mt@x';

describe('the plan’s copy in localStorage (issue 16)', () => {
  it('gives back the snapshot that was kept, for its own key only', () => {
    const storage = new MemoryStorage();
    const kept = snapshot();
    keepSnapshotCopy(KEY, kept, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)).toEqual(kept);
    expect(readSnapshotCopy(OTHER, () => storage)).toBeUndefined();
  });

  it('keeps one copy: another key’s is removed, the rest of localStorage is left alone', () => {
    const storage = new MemoryStorage();
    storage.setItem('actieplan.persona', 'im@x');
    keepSnapshotCopy(OTHER, snapshot(), () => storage);
    keepSnapshotCopy(KEY, snapshot(), () => storage);
    expect(readSnapshotCopy(OTHER, () => storage)).toBeUndefined();
    expect(readSnapshotCopy(KEY, () => storage)).toBeDefined();
    expect([...storage.data.keys()].sort()).toEqual(['actieplan.persona', `actieplan.plan-snapshot|${KEY}`]);
  });

  it('keeps no copy of a plan too large for it, and drops the older copy it would have replaced', () => {
    const storage = new MemoryStorage();
    keepSnapshotCopy(KEY, snapshot(), () => storage);
    const large = snapshot(largePlan(5000));
    expect(JSON.stringify(large).length).toBeGreaterThan(SNAPSHOT_COPY_MAX_CHARS);
    keepSnapshotCopy(KEY, large, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('drops the older copy when the storage refuses the newer one (its quota)', () => {
    const older = snapshot(seededPlan(), '2026-12-06T09:00:00.000Z');
    const storage = new MemoryStorage(JSON.stringify(older).length + 200);
    keepSnapshotCopy(KEY, older, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)?.savedAt).toBe(older.savedAt);
    const newer = snapshot(largePlan(200), '2026-12-06T10:00:00.000Z');
    keepSnapshotCopy(KEY, newer, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
  });

  it('reads nothing from a damaged copy or one that is not a snapshot', () => {
    const storage = new MemoryStorage();
    storage.setItem(`actieplan.plan-snapshot|${KEY}`, '{"siteId": "site-1", "pl');
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
    storage.setItem(`actieplan.plan-snapshot|${KEY}`, JSON.stringify({ siteId: 'site-1', savedAt: 'x' }));
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
  });

  it('does without localStorage (private mode, a sandboxed frame): nothing read, nothing thrown', () => {
    const blocked = (): Storage => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(readSnapshotCopy(KEY, blocked)).toBeUndefined();
    expect(() => keepSnapshotCopy(KEY, snapshot(), blocked)).not.toThrow();
    expect(() => dropSnapshotCopy(KEY, blocked)).not.toThrow();
  });

  it('removes the copy with the cache entry', () => {
    const storage = new MemoryStorage();
    keepSnapshotCopy(KEY, snapshot(), () => storage);
    dropSnapshotCopy(KEY, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
  });
});
