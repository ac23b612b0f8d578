import { describe, expect, it, vi } from 'vitest';
import { componentLoader, preloadableView } from '../../../../src/tab/lib/preloadable.js';
import { failedScript, isModuleLoadFailure, retryingImport, retryUrl } from '../../../../src/shared/retrying-import.js';

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

describe('failedScript and retryUrl (retryingImport)', () => {
  it('finds the script a failed dynamic import names, in Chromium and Firefox words', () => {
    expect(
      failedScript(
        new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4000/assets/x-AbC_12-9.js'),
      ),
    ).toBe('http://127.0.0.1:4000/assets/x-AbC_12-9.js');
    expect(
      failedScript(
        new TypeError('error loading dynamically imported module: https://tab.example/assets/y-12345678.js'),
      ),
    ).toBe('https://tab.example/assets/y-12345678.js');
    expect(
      failedScript(new TypeError('Failed to fetch dynamically imported module: https://a.example/z.js?retry=2')),
    ).toBe('https://a.example/z.js?retry=2');
    // Safari names none; an error of the module's own code names none either.
    expect(failedScript(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(failedScript(new Error('x is not defined'))).toBeUndefined();
    expect(failedScript('not an error')).toBeUndefined();
  });

  it('tells a script that did not load from an error in the code', () => {
    expect(
      isModuleLoadFailure(new TypeError('Failed to fetch dynamically imported module: http://a.example/x-1.js')),
    ).toBe(true);
    expect(isModuleLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isModuleLoadFailure(new Error('Unable to preload CSS for /assets/x.css'))).toBe(true);
    expect(isModuleLoadFailure(new TypeError("Cannot read properties of undefined (reading 'titel')"))).toBe(false);
    expect(isModuleLoadFailure(undefined)).toBe(false);
  });

  it('gives the same script another URL per attempt, keeping the rest of its query', () => {
    expect(retryUrl('https://a.example/assets/x-1.js', 1)).toBe('https://a.example/assets/x-1.js?retry=1');
    expect(retryUrl('https://a.example/assets/x-1.js?retry=1', 2)).toBe('https://a.example/assets/x-1.js?retry=2');
    expect(retryUrl('https://a.example/x.js?v=3', 1)).toBe('https://a.example/x.js?v=3&retry=1');
  });
});

describe('retryingImport', () => {
  it('takes what it needs from the module, and imports the same way again after a failure that names no script', async () => {
    let calls = 0;
    const load = retryingImport(
      () => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new TypeError('Importing a module script failed.'))
          : Promise.resolve({ X: 42 });
      },
      (m) => m.X,
    );
    await expect(load()).rejects.toThrow('Importing a module script failed.');
    await expect(load()).resolves.toBe(42);
    expect(calls).toBe(2);
  });

  it('after a failure that names its script, imports that script under another URL each time, not the failed one', async () => {
    let calls = 0;
    const urls: string[] = [];
    const script = 'http://127.0.0.1:9/assets/x-1.js';
    const load = retryingImport(
      () => {
        calls += 1;
        return Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${script}`));
      },
      (m: { X: number }) => m.X,
      (url) => {
        urls.push(url);
        // The first retry fails too (and names its own URL), the second comes.
        return urls.length === 1
          ? Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`))
          : Promise.resolve({ X: 7 });
      },
    );
    await expect(load()).rejects.toThrow('x-1.js');
    await expect(load()).rejects.toThrow('x-1.js?retry=1');
    await expect(load()).resolves.toBe(7);
    expect(urls).toEqual([`${script}?retry=1`, `${script}?retry=2`]);
    expect(calls).toBe(1);
  });
});
