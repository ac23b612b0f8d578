import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dropSnapshotCopy,
  keepSnapshotCopy,
  readSnapshotCopy,
  SNAPSHOT_COPY_MAX_CHARS,
  SNAPSHOT_COPY_MAX_ENTRIES,
} from '../../../../src/tab/lib/plan/plan-snapshot-copy.js';
import { largePlan, seededPlan } from '../fixtures.js';
import { MemoryStorage, snapshotOf } from './memory-storage.js';

const snapshot = snapshotOf;

const KEY = 'v1|https://x.sharepoint.com/sites/p|im@x';
const OTHER = 'v1|https://x.sharepoint.com/sites/p|mt@x';

describe('the plan’s copy in localStorage (issue 16)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

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
    // Few enough entries to be measured, too many characters.
    const large = snapshot(largePlan(SNAPSHOT_COPY_MAX_ENTRIES - 100));
    expect(JSON.stringify(large).length).toBeGreaterThan(SNAPSHOT_COPY_MAX_CHARS);
    keepSnapshotCopy(KEY, large, () => storage);
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('does not turn a plan of more entries than it keeps into JSON at all', () => {
    const storage = new MemoryStorage();
    keepSnapshotCopy(KEY, snapshot(), () => storage);
    const huge = snapshot(largePlan(5000));
    const stringify = vi.spyOn(JSON, 'stringify');
    keepSnapshotCopy(KEY, huge, () => storage);
    expect(stringify).not.toHaveBeenCalled();
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

  it('reads nothing from a damaged copy or one that is not a snapshot, and removes it', () => {
    const storage = new MemoryStorage();
    storage.setItem(`actieplan.plan-snapshot|${KEY}`, '{"siteId": "site-1", "pl');
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
    expect(storage.length).toBe(0);
    storage.setItem(`actieplan.plan-snapshot|${KEY}`, JSON.stringify({ siteId: 'site-1', savedAt: 'x' }));
    expect(readSnapshotCopy(KEY, () => storage)).toBeUndefined();
    expect(storage.length).toBe(0);
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
