import MagicString from 'magic-string';
import type { Plugin } from 'vite';
import { IMPORT_URL_GLOBAL } from '../src/shared/retrying-import.js';

/** A dynamic import of one of the build's own chunks, as the bundler writes it: `import(`./x-hash.js`)`. */
const CHUNK_IMPORT = /\bimport\((`|"|')(\.\/[^`"'\s]+\.js)\1\)/g;

/**
 * Lets a dynamic import of one of the build's chunks be tried again after its script failed to load. Chromium keeps a
 * failed dynamic import for the page's life (version 150 does), so importing the same URL again fails at once. Every
 * `import(`./x.js`)` in the output becomes `import(globalThis.__actieplanImportUrl?.(`./x.js`, import.meta.url) ??
 * `./x.js`)`: the function (`src/shared/retrying-import.ts`) answers the same script under another URL
 * (`…js?retry=N`) once a load of it has failed, and the bundler's own handling of the module (`.then((m) => m.x)` for
 * a module it merged into a shared chunk) stays as it was. Without the function (before the app's code has run) the
 * import is the plain one. Source maps follow (magic-string).
 */
export function retryableImports(): Plugin {
  return {
    name: 'retryable-imports',
    apply: 'build',
    renderChunk(code) {
      CHUNK_IMPORT.lastIndex = 0;
      if (!CHUNK_IMPORT.test(code)) return null;
      CHUNK_IMPORT.lastIndex = 0;
      const out = new MagicString(code);
      for (const match of code.matchAll(CHUNK_IMPORT)) {
        const [whole, quote, path] = match;
        const literal = `${quote}${path}${quote}`;
        out.overwrite(
          match.index,
          match.index + whole.length,
          `import(globalThis.${IMPORT_URL_GLOBAL}?.(${literal},import.meta.url)??${literal})`,
        );
      }
      return { code: out.toString(), map: out.generateMap({ hires: 'boundary' }) };
    },
  };
}
