import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

/** Issue 15: the task pane's first view may load at most this much JavaScript (gzip) before the agenda shows. */
export const ADDIN_FIRST_VIEW_BUDGET_BYTES = 120 * 1024;

type OutputChunk = { type: 'chunk'; fileName: string; code: string; imports: string[]; isEntry: boolean };

/**
 * Measures the JavaScript the pane loads before the agenda shows (the entry and its static imports; lazy chunks such
 * as MSAL for NAA are reported apart), writes `build-report.json` and fails the build over the budget. Office.js
 * itself comes from Microsoft's CDN and is not ours to count; the bench reports it apart.
 */
function addinBudget(): Plugin {
  return {
    name: 'addin-first-view-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk') as unknown as OutputChunk[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const gz = new Map(chunks.map((c) => [c.fileName, gzipSync(c.code, { level: 9 }).length]));
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
      };
      chunks.filter((c) => c.isEntry).forEach((c) => visit(c.fileName));
      const firstView = [...seen].reduce((n, f) => n + (gz.get(f) ?? 0), 0);
      const report = {
        budgetBytes: ADDIN_FIRST_VIEW_BUDGET_BYTES,
        firstViewGzipBytes: firstView,
        firstViewChunks: [...seen].sort(),
        chunks: Object.fromEntries([...gz.entries()].sort(([a], [b]) => a.localeCompare(b))),
      };
      this.emitFile({ type: 'asset', fileName: 'build-report.json', source: `${JSON.stringify(report, null, 2)}\n` });
      const kb = (n: number) => (n / 1024).toFixed(1);
      this.info(`add-in first view JS ${kb(firstView)} KB gzip; budget ${kb(ADDIN_FIRST_VIEW_BUDGET_BYTES)} KB`);
      if (firstView > ADDIN_FIRST_VIEW_BUDGET_BYTES) {
        const largest = [...seen]
          .map((f) => [f, gz.get(f) ?? 0] as const)
          .sort((a, b) => b[1] - a[1])
          .map(([f, n]) => `  ${f} ${kb(n)} KB`)
          .join('\n');
        this.error(
          `The add-in's first view loads ${kb(firstView)} KB of JavaScript (gzip), over the ${kb(ADDIN_FIRST_VIEW_BUDGET_BYTES)} KB budget:\n${largest}`,
        );
      }
    },
  };
}

/** Builds the Outlook add-in's panes (src/addin) into dist/tab/addin, so the app server serves them beside the tab. */
export default defineConfig({
  root: 'src/addin',
  base: './',
  plugins: [react(), addinBudget(), precompress()],
  // rrule as its CommonJS file, as in vite.config.ts (see RRULE_COMMONJS there).
  resolve: {
    alias: [
      {
        find: /^rrule$/,
        replacement: fileURLToPath(new URL('./node_modules/rrule/dist/es5/rrule.js', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: '../../dist/tab/addin',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
