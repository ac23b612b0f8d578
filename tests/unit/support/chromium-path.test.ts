import { describe, expect, it } from 'vitest';
import { chromiumPath, FULL_CHROMIUM, HEADLESS_SHELL } from '../../e2e/support/browser.js';

/** A file system that has exactly these paths. */
const has =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('chromiumPath (which Chromium the browser tests and the bench drive)', () => {
  it('gives the tests the headless shell when it is installed, and the bench the full Chromium', () => {
    const both = has(HEADLESS_SHELL, FULL_CHROMIUM);
    expect(chromiumPath('tests', {}, both)).toBe('/usr/bin/chromium-headless-shell');
    expect(chromiumPath('full', {}, both)).toBe('/usr/bin/chromium');
  });

  it('gives the tests the full Chromium where only that is installed', () => {
    expect(chromiumPath('tests', {}, has(FULL_CHROMIUM))).toBe('/usr/bin/chromium');
  });

  it('takes CHROMIUM_PATH over both, for the tests and the bench', () => {
    const env = { CHROMIUM_PATH: '/opt/chromium/chrome' };
    const all = has('/opt/chromium/chrome', HEADLESS_SHELL, FULL_CHROMIUM);
    expect(chromiumPath('tests', env, all)).toBe('/opt/chromium/chrome');
    expect(chromiumPath('full', env, all)).toBe('/opt/chromium/chrome');
  });

  it('names the variable and the path when CHROMIUM_PATH names a missing binary, and never falls back', () => {
    const env = { CHROMIUM_PATH: '/opt/missing/chrome' };
    expect(() => chromiumPath('tests', env, has(HEADLESS_SHELL, FULL_CHROMIUM))).toThrow(
      'Chromium not found at /opt/missing/chrome, which CHROMIUM_PATH names.',
    );
  });

  it('names both paths, both packages and the variable when no Chromium is installed', () => {
    expect(() => chromiumPath('tests', {}, has())).toThrow(
      /not found at \/usr\/bin\/chromium-headless-shell nor at \/usr\/bin\/chromium\. Install Debian's chromium-headless-shell .* or chromium, or set CHROMIUM_PATH/,
    );
    expect(() => chromiumPath('full', {}, has(HEADLESS_SHELL))).toThrow(
      "Chromium not found at /usr/bin/chromium. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  });
});
