import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { saveScreenshot, screenshotsWanted } from '../../e2e/support/browser.js';

/** A stand-in for a Playwright page: records the options it was asked to photograph with. */
function fakePage() {
  const calls: { path: string; fullPage?: boolean }[] = [];
  return { calls, screenshot: async (options: { path: string; fullPage?: boolean }) => void calls.push(options) };
}

describe('saveScreenshot (browser tests take screenshots only on request)', () => {
  afterEach(() => rmSync('test-results/unit-save-screenshot.png', { force: true }));

  it('takes none under npm test (E2E_SCREENSHOTS unset or not 1)', async () => {
    for (const env of [{}, { E2E_SCREENSHOTS: '0' }, { E2E_SCREENSHOTS: 'true' }]) {
      const page = fakePage();
      expect(await saveScreenshot(page, 'unit-save-screenshot', { fullPage: true }, env)).toBeUndefined();
      expect(page.calls).toEqual([]);
      expect(screenshotsWanted(env)).toBe(false);
    }
  });

  it('saves test-results/<name>.png with the options given when E2E_SCREENSHOTS=1', async () => {
    const page = fakePage();
    const path = await saveScreenshot(page, 'unit-save-screenshot', { fullPage: true }, { E2E_SCREENSHOTS: '1' });
    expect(path).toBe('test-results/unit-save-screenshot.png');
    expect(page.calls).toEqual([{ path: 'test-results/unit-save-screenshot.png', fullPage: true }]);
    expect(existsSync('test-results')).toBe(true);
  });
});
