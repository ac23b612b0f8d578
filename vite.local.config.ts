import { defineConfig } from 'vite';

/**
 * `npm start`'s local run (`src/server/main.ts`: sandbox, provisioning and seeding, app server, bot, reminder job,
 * Playground) compiled to one ES module, `dist/local/main.js`, like `vite.server.config.ts` does for production.
 * Node then starts it without tsx resolving and compiling a few hundred files on every start. Packages stay imports.
 * scripts/build-if-changed.mjs builds it only when its sources changed.
 */
export default defineConfig({
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/local',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.js' } },
  },
  ssr: { target: 'node' },
  logLevel: 'warn',
});
