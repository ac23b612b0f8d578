import type { PlanSnapshot } from '../../../../src/tab/lib/plan/snapshot.js';
import { seededPlan } from '../fixtures.js';

/** An in-memory Storage, as localStorage behaves: `quota` characters in all (keys and values), beyond it a throw. */
export class MemoryStorage implements Storage {
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

/** A plan snapshot as the cache stores it, around `plan`. */
export function snapshotOf(plan = seededPlan(), savedAt = '2026-12-06T10:00:00.000Z'): PlanSnapshot {
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
