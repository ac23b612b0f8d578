import { describe, expect, it } from 'vitest';
import { retryableImports } from '../../../scripts/vite-retryable-imports.js';

type RenderChunk = (code: string) => { code: string; map: { mappings: string } } | null;
const render = retryableImports().renderChunk as unknown as RenderChunk;

describe("the build writes its chunks' dynamic imports so they can be retried (vite-retryable-imports)", () => {
  it('asks globalThis.__actieplanImportUrl for the URL of each import of a chunk, keeping what follows it', () => {
    const code = 'const a=()=>import(`./x-1A.js`).then(e=>e.t);const b=()=>import("./y-2B.js");';
    const out = render(code);
    expect(out?.code).toBe(
      'const a=()=>import(globalThis.__actieplanImportUrl?.(`./x-1A.js`,import.meta.url)??`./x-1A.js`).then(e=>e.t);' +
        'const b=()=>import(globalThis.__actieplanImportUrl?.("./y-2B.js",import.meta.url)??"./y-2B.js");',
    );
    expect(out?.map.mappings.length).toBeGreaterThan(0);
  });

  it('leaves a chunk without such imports, and imports of packages or URLs, as they are', () => {
    expect(render('const a = 1;')).toBeNull();
    expect(render('import(`https://cdn.example/x.js`); import(`exceljs`); import(x)')).toBeNull();
  });
});
