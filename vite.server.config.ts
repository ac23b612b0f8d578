import { defineConfig } from 'vite';

/**
 * `npm run build:server`: the production entry (`src/server/serve.ts`) compiled to one plain ES module,
 * `dist/server/serve.js`, that Node runs without tsx. Packages stay imports (Vite's SSR build externalises
 * dependencies), so production installs them with `npm ci --omit=dev`: what serve needs is in `dependencies`,
 * everything the tab bundle, the sandbox, the scripts, the tests and the bench need is in `devDependencies`.
 */
export default defineConfig({
  build: {
    ssr: 'src/server/serve.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'serve.js' } },
  },
  ssr: { target: 'node' },
  logLevel: 'warn',
});
