import { afterEach, describe, expect, it } from 'vitest';
import {
  failedAgain,
  failedScript,
  failedScriptOf,
  forgetFailedImports,
  importUrlFor,
  IMPORT_URL_GLOBAL,
  isModuleLoadFailure,
  noteFailedImport,
  retryingImport,
  retryUrl,
} from '../../../src/shared/retrying-import.js';

const CHUNK = 'http://127.0.0.1:4000/assets/x-AbC_12-9.js';
const chromium = (url: string) => new TypeError(`Failed to fetch dynamically imported module: ${url}`);

afterEach(() => forgetFailedImports());

describe('the script a failed import names (failedScript, isModuleLoadFailure)', () => {
  it('finds it in Chromium and Firefox words, with the query of a retry, without trailing punctuation', () => {
    expect(failedScript(chromium(CHUNK))).toBe(CHUNK);
    expect(failedScript(chromium(`${CHUNK}?retry=2`))).toBe(`${CHUNK}?retry=2`);
    expect(failedScript(new TypeError(`error loading dynamically imported module: ${CHUNK}.`))).toBe(CHUNK);
    expect(failedScript(new Error(`Loading (${CHUNK}) failed`))).toBe(CHUNK);
    // Safari names none; an error of the module's own code names none either.
    expect(failedScript(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(failedScript(new Error('x is not defined'))).toBeUndefined();
    expect(failedScript('not an error')).toBeUndefined();
  });

  it('tells a script that did not load from an error in the code', () => {
    expect(isModuleLoadFailure(chromium(CHUNK))).toBe(true);
    expect(isModuleLoadFailure(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isModuleLoadFailure(new Error('Unable to preload CSS for /assets/x.css'))).toBe(true);
    expect(isModuleLoadFailure(new TypeError("Cannot read properties of undefined (reading 'titel')"))).toBe(false);
    expect(isModuleLoadFailure(undefined)).toBe(false);
  });
});

describe('a script that fails again after a retry (failedAgain: the boundary then offers a new page)', () => {
  const OTHER = 'http://127.0.0.1:4000/assets/y-12345678.js';

  it('names a script the same for every try of it', () => {
    expect(failedScriptOf(chromium(`${CHUNK}?retry=3`))).toBe(CHUNK);
    expect(failedScriptOf(chromium(CHUNK))).toBe(CHUNK);
    expect(failedScriptOf(new Error('x is not defined'))).toBeUndefined();
  });

  it('is the same script failing under its retry URL, not another script or an error in the code', () => {
    const retried = { script: failedScriptOf(chromium(CHUNK)) };
    expect(failedAgain(retried, chromium(`${CHUNK}?retry=1`))).toBe(true);
    // A long-lived boundary (the details panel): a later failure of another part is a first failure.
    expect(failedAgain(retried, chromium(OTHER))).toBe(false);
    expect(failedAgain(retried, new TypeError("Cannot read properties of undefined (reading 'titel')"))).toBe(false);
  });

  it('needs a retry first, and takes a failure that names no script (Safari) as failing again', () => {
    expect(failedAgain(undefined, chromium(CHUNK))).toBe(false);
    expect(failedAgain({ script: undefined }, chromium(OTHER))).toBe(true);
    expect(failedAgain({ script: CHUNK }, new TypeError('Importing a module script failed.'))).toBe(true);
  });
});

describe('the URL a dynamic import of the build asks for (importUrlFor, noteFailedImport)', () => {
  const base = 'http://127.0.0.1:4000/assets/index-12345678.js';

  it('is the specifier itself until a load of the script failed, then the script with ?retry=N', () => {
    expect(importUrlFor('./x-AbC_12-9.js', base)).toBe('./x-AbC_12-9.js');
    expect(noteFailedImport(chromium(CHUNK))).toBe(true);
    expect(importUrlFor('./x-AbC_12-9.js', base)).toBe(`${CHUNK}?retry=1`);
    // The retry failed too (it names its own URL): the next one asks under yet another.
    expect(noteFailedImport(chromium(`${CHUNK}?retry=1`))).toBe(true);
    expect(importUrlFor('./x-AbC_12-9.js', base)).toBe(`${CHUNK}?retry=2`);
    // Another script is not touched.
    expect(importUrlFor('./y-12345678.js', base)).toBe('./y-12345678.js');
  });

  it("counts one failure once, though Vite's preloadError and the importer both note it", () => {
    const failure = chromium(CHUNK);
    expect(noteFailedImport(failure)).toBe(true);
    expect(noteFailedImport(failure)).toBe(true);
    expect(importUrlFor('./x-AbC_12-9.js', base)).toBe(`${CHUNK}?retry=1`);
  });

  it('notes nothing for an error that names no script', () => {
    expect(noteFailedImport(new TypeError('Importing a module script failed.'))).toBe(false);
    expect(importUrlFor('./x-AbC_12-9.js', base)).toBe('./x-AbC_12-9.js');
  });

  it('is on globalThis for the build (scripts/vite-retryable-imports.ts)', () => {
    expect((globalThis as Record<string, unknown>)[IMPORT_URL_GLOBAL]).toBe(importUrlFor);
  });

  it('keeps the rest of the query', () => {
    expect(retryUrl('https://a.example/x.js?v=3', 1)).toBe('https://a.example/x.js?v=3&retry=1');
    expect(retryUrl('https://a.example/x.js?retry=1', 2)).toBe('https://a.example/x.js?retry=2');
  });
});

describe('retryingImport', () => {
  it('loads once, however often and at once it is asked, and keeps what came', async () => {
    let calls = 0;
    const load = retryingImport(
      () => {
        calls += 1;
        return Promise.resolve({ X: 42 });
      },
      (m) => m.X,
    );
    await expect(Promise.all([load(), load()])).resolves.toEqual([42, 42]);
    await expect(load()).resolves.toBe(42);
    expect(calls).toBe(1);
  });

  it('after a failure imports again on the next call, and notes the script so that import asks under another URL', async () => {
    const base = 'http://127.0.0.1:4000/assets/index-12345678.js';
    let calls = 0;
    const asked: string[] = [];
    // As the build writes it: the URL comes from importUrlFor at each call.
    const load = retryingImport(() => {
      calls += 1;
      const url = importUrlFor('./x-AbC_12-9.js', base);
      asked.push(url);
      return calls === 1 ? Promise.reject(chromium(CHUNK)) : Promise.resolve({ default: 'ExcelJS' });
    });
    await expect(load()).rejects.toThrow('x-AbC_12-9.js');
    await expect(load()).resolves.toEqual({ default: 'ExcelJS' });
    await expect(load()).resolves.toEqual({ default: 'ExcelJS' });
    expect(asked).toEqual(['./x-AbC_12-9.js', `${CHUNK}?retry=1`]);
    expect(calls).toBe(2);
  });
});
