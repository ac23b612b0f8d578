import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What gets precompressed: the hashed assets' text types (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|css|svg|json)$/;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip level 9) next to every hashed text asset of the build, so the
 * app server sends them with `Content-Encoding` and never compresses at request time. A variant that is not smaller
 * than the original is not written (the server then sends the original).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const assets = join(outDir, 'assets');
      const files = (await readdir(assets).catch(() => [] as string[])).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (f) => {
          const source = await readFile(join(assets, f));
          const [br, gzipped] = await Promise.all([
            brotli(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gz(source, { level: 9 }),
          ]);
          if (br.length < source.length) await writeFile(join(assets, `${f}.br`), br);
          if (gzipped.length < source.length) await writeFile(join(assets, `${f}.gz`), gzipped);
        }),
      );
    },
  };
}
