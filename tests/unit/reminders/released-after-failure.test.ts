import { describe, expect, it } from 'vitest';
import type { HerinneringenStore } from '../../../src/data/herinneringen-store.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import type { Herinnering } from '../../../src/data/lists/herinneringen.js';
import { releasedAfterFailure } from '../../../src/reminders/job.js';

const item: Loaded<Herinnering> = {
  id: '7',
  eTag: '"e,1"',
  problems: [],
  value: {
    sleutel: 'cmt|2026-12-08T08:00:00Z',
    mtId: '3',
    moment: '2026-12-08T08:00:00Z',
    status: 'geclaimd',
    claim: 'run-a',
  },
};
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

/** The store's calls, with what each of them does. */
function store(parts: Partial<Pick<HerinneringenStore, 'release' | 'find' | 'markFailed'>>) {
  const calls: string[] = [];
  const s = {
    release: async (i: Loaded<Herinnering>) => {
      calls.push(`release ${i.eTag}`);
      return parts.release?.(i);
    },
    find: async (k: string) => {
      calls.push(`find ${k}`);
      return parts.find?.(k);
    },
    markFailed: async (i: Loaded<Herinnering>, e: string) => {
      calls.push(`markFailed ${i.eTag} ${e}`);
      return parts.markFailed ? parts.markFailed(i, e) : i;
    },
  } as unknown as HerinneringenStore;
  return { s, calls };
}

describe('releasedAfterFailure', () => {
  it('takes the claim back for a send that posted nothing', async () => {
    const { s, calls } = store({});
    await expect(releasedAfterFailure(s, item, refused)).resolves.toBe(true);
    expect(calls).toEqual(['release "e,1"']);
  });

  it('records any other failure as failed', async () => {
    const { s, calls } = store({});
    await expect(releasedAfterFailure(s, item, new Error('Bad Gateway'))).resolves.toBe(false);
    expect(calls).toEqual(['markFailed "e,1" Bad Gateway']);
  });

  it('a release whose answer was lost, the entry gone: taken back all the same', async () => {
    const { s, calls } = store({
      release: () => Promise.reject(new Error('socket hang up')),
      find: async () => undefined,
    });
    await expect(releasedAfterFailure(s, item, refused)).resolves.toBe(true);
    expect(calls).toEqual(['release "e,1"', `find ${item.value.sleutel}`]);
  });

  it('an entry changed meanwhile is recorded as failed with its current eTag, not the stale one', async () => {
    const changed = { ...item, eTag: '"e,2"' };
    const { s, calls } = store({ release: () => Promise.reject(new Error('412')), find: async () => changed });
    await expect(releasedAfterFailure(s, item, refused)).resolves.toBe(false);
    expect(calls.at(-1)).toBe('markFailed "e,2" connect ECONNREFUSED 127.0.0.1:1');
  });

  it('an entry deleted and claimed again by another run since is left to that run', async () => {
    const theirs = { ...item, eTag: '"e,5"', value: { ...item.value, claim: 'run-b' } };
    const { s, calls } = store({ release: () => Promise.reject(new Error('412')), find: async () => theirs });
    await expect(releasedAfterFailure(s, item, refused)).resolves.toBe(true);
    expect(calls.some((c) => c.startsWith('markFailed'))).toBe(false);
  });

  it('never throws, so one MT cannot stop the run for the others', async () => {
    const { s } = store({ markFailed: () => Promise.reject(new Error('503')) });
    await expect(releasedAfterFailure(s, item, new Error('Bad Gateway'))).resolves.toBe(false);
  });
});
