import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the tab (src/tab) into dist/tab; the app server serves it. */
export default defineConfig({
  root: 'src/tab',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
