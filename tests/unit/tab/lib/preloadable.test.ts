import { describe, expect, it, vi } from 'vitest';
import { preloadableView } from '../../../../src/tab/lib/preloadable.js';

const View = () => null;

describe('a preloadable view (src/tab/lib/preloadable.ts)', () => {
  it('loads its code once, however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(View));
    const view = preloadableView(load);
    await Promise.all([view.preload(), view.preload()]);
    await expect(view.preload()).resolves.toBe(View);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next preload tries again (a dropped connection is not for the whole visit)', async () => {
    const load = vi
      .fn<() => Promise<typeof View>>()
      .mockRejectedValueOnce(new Error('net::ERR_CONNECTION_RESET'))
      .mockResolvedValueOnce(View);
    const view = preloadableView(load);
    await expect(view.preload()).rejects.toThrow('ERR_CONNECTION_RESET');
    await expect(view.preload()).resolves.toBe(View);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
