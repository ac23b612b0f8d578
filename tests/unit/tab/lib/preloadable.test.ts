import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetFailedImports, importUrlFor } from '../../../../src/shared/retrying-import.js';
import { componentLoader, preloadableView } from '../../../../src/tab/lib/preloadable.js';

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

describe('a component loader (componentLoader, shared by preloadableView and lazyView)', () => {
  it('has the component only once its load has come in, and not after a failed one', async () => {
    let finish: (view: typeof View) => void = () => undefined;
    const load = vi
      .fn<() => Promise<typeof View>>()
      .mockRejectedValueOnce(new Error('net::ERR_CONNECTION_RESET'))
      .mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const loader = componentLoader(load);
    expect(loader.loaded()).toBeUndefined();
    await expect(loader.preload()).rejects.toThrow('ERR_CONNECTION_RESET');
    expect(loader.loaded()).toBeUndefined();
    const second = loader.preload();
    expect(loader.loaded()).toBeUndefined();
    finish(View);
    await expect(second).resolves.toBe(View);
    expect(loader.loaded()).toBe(View);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("componentLoader and the build's retryable imports", () => {
  afterEach(() => forgetFailedImports());

  it('notes a script that did not load, so the next import of it asks under another URL', async () => {
    const script = 'http://127.0.0.1:4000/assets/list-view-12345678.js';
    const loader = componentLoader<object>(() =>
      Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${script}`)),
    );
    expect(importUrlFor('./list-view-12345678.js', script)).toBe('./list-view-12345678.js');
    await expect(loader.preload()).rejects.toThrow('list-view');
    expect(importUrlFor('./list-view-12345678.js', script)).toBe(`${script}?retry=1`);
  });
});
