import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The built tab (`npm test` builds it first), as the app server serves it. */
const ASSETS = 'dist/tab/assets';

function chunk(name: string): string {
  if (!existsSync(ASSETS)) throw new Error('The tab is not built: run `npm run build:tab` (npm test does this first).');
  const files = readdirSync(ASSETS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
  expect(files, `one ${name} chunk in ${ASSETS}`).toHaveLength(1);
  return readFileSync(`${ASSETS}/${files[0]}`, 'utf8');
}

describe('the tab build', () => {
  it("ships our own styles compiled into CSS rules (Griffel's __styles form), not style objects resolved at run time", () => {
    // roadmap-view.tsx's grid: `gridTemplateColumns: 'minmax(8rem, 10rem) repeat(var(--plateaus, 4), minmax(12rem, 1fr))'`.
    // The roadmap is in the main chunk (app/views.ts).
    const code = chunk('index');
    expect(code).toMatch(
      /\.f[a-z0-9]+\{grid-template-columns:minmax\(8rem, 10rem\) repeat\(var\(--plateaus, 4\), minmax\(12rem, 1fr\)\);\}/,
    );
    expect(code).not.toContain('gridTemplateColumns:');
  });

  it("keeps Fluent's tokens map (467 CSS variables, 29 KB) out of the first view's scripts", () => {
    // vite-fluent-leftovers.ts drops the unused token constants of Fluent's Badge and Button styles, and the roadmap
    // card's colours go through themeToken: without either, the main chunk holds the map.
    chunk('index'); // the build is there
    const report = JSON.parse(readFileSync('dist/tab/build-report.json', 'utf8')) as { firstViewChunks: string[] };
    const map = /colorNeutralForeground1:(["'`])var\(--colorNeutralForeground1\)\1/;
    const holding = readdirSync(ASSETS).filter(
      (f) => f.endsWith('.js') && map.test(readFileSync(`${ASSETS}/${f}`, 'utf8')),
    );
    // The lazy views that set a token at run time still load it, from a chunk of their own.
    expect(holding.length, 'a chunk that holds the map').toBeGreaterThan(0);
    expect(report.firstViewChunks.length).toBeGreaterThan(2);
    expect(holding.filter((f) => report.firstViewChunks.includes(`assets/${f}`))).toEqual([]);
  });
});
