import react from '@vitejs/plugin-react';
import griffelPlugin from '@griffel/vite-plugin';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild, defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/vite-precompress.js';
import { fluentStyleLeftovers } from './scripts/vite-fluent-leftovers.js';
import { retryableImports } from './scripts/vite-retryable-imports.js';
import { chartScaling } from './scripts/vite-chart-scaling.js';

/**
 * `rrule` as its CommonJS file (its package "main") in the browser builds, as Node loads it: src/domain/recurrence.ts
 * takes rrule's module.exports as the default import, which rrule's ESM build (its "module") does not have.
 */
export const RRULE_COMMONJS = {
  find: /^rrule$/,
  replacement: fileURLToPath(new URL('./node_modules/rrule/dist/es5/rrule.js', import.meta.url)),
};

/** docs/decisions.md, "Pitfalls already found": the first view may load at most this much JavaScript (gzip). */
const FIRST_VIEW_BUDGET_BYTES = 180 * 1024;

/**
 * Chunks a cold start of the first view loads besides the entry's: the data session (Graph client, plan sync) and the
 * persona token source (the boot's chunk). The default view (roadmap) is in the main chunk itself (app/views.ts says
 * why). In a Microsoft 365 host, teams-js comes on top (reported separately, as docs/decisions.md counts it among
 * the lazy parts).
 */
const FIRST_VIEW_CHUNKS = [/data-session\.ts$/, /token-source\.ts$/];
const HOST_CHUNKS = [/teams-bridge\.ts$/];

type OutputChunk = {
  type: 'chunk';
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
};

/**
 * Measures what the first view downloads (the entry, its static imports, and the lazy chunks above with
 * theirs), writes `build-report.json` next to the build and fails the build when the budget is exceeded.
 */
function firstViewBudget(): Plugin {
  return {
    name: 'first-view-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (c): c is OutputChunk & (typeof bundle)[string] => c.type === 'chunk',
      ) as unknown as OutputChunk[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const gz = new Map(chunks.map((c) => [c.fileName, gzipSync(c.code, { level: 9 }).length]));
      const closure = (roots: OutputChunk[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        roots.forEach((r) => visit(r.fileName));
        return seen;
      };
      // The chunk that holds the module (not only the chunk it is the facade of: a module can share a chunk).
      const lazy = (patterns: RegExp[]) =>
        chunks.filter((c) => c.moduleIds.some((id) => patterns.some((p) => p.test(id))));
      const entry = chunks.filter((c) => c.isEntry);
      const firstView = closure([...entry, ...lazy(FIRST_VIEW_CHUNKS)]);
      const inHost = closure([...entry, ...lazy(FIRST_VIEW_CHUNKS), ...lazy(HOST_CHUNKS)]);
      const sum = (files: Set<string>) => [...files].reduce((n, f) => n + (gz.get(f) ?? 0), 0);
      const report = {
        budgetBytes: FIRST_VIEW_BUDGET_BYTES,
        firstViewGzipBytes: sum(firstView),
        firstViewInHostGzipBytes: sum(inHost),
        firstViewChunks: [...firstView].sort(),
        chunks: Object.fromEntries([...gz.entries()].sort(([a], [b]) => a.localeCompare(b))),
      };
      this.emitFile({ type: 'asset', fileName: 'build-report.json', source: `${JSON.stringify(report, null, 2)}\n` });
      const kb = (n: number) => (n / 1024).toFixed(1);
      this.info(
        `first view JS ${kb(report.firstViewGzipBytes)} KB gzip (in a Microsoft 365 host ${kb(report.firstViewInHostGzipBytes)} KB); budget ${kb(FIRST_VIEW_BUDGET_BYTES)} KB`,
      );
      // The budget holds in a Microsoft 365 host too (issue 15: the first view in Teams, Outlook and the Microsoft 365
      // app), where teams-js comes on top; that figure is the larger one, so it is the one the build enforces.
      if (report.firstViewInHostGzipBytes > FIRST_VIEW_BUDGET_BYTES) {
        const largest = [...inHost]
          .map((f) => [f, gz.get(f) ?? 0] as const)
          .sort((a, b) => b[1] - a[1])
          .map(([f, n]) => `  ${f} ${kb(n)} KB`)
          .join('\n');
        this.error(
          `In a Microsoft 365 host the first view loads ${kb(report.firstViewInHostGzipBytes)} KB of JavaScript (gzip), over the ${kb(FIRST_VIEW_BUDGET_BYTES)} KB budget (move texts or code of one view into that view's lazy chunk):\n${largest}`,
        );
      }
    },
  };
}

/**
 * The boot's roots: the entry that starts the data path, and the data path's two modules it needs first (the data
 * session is imported lazily; the token source also statically, for the persona grant's form: token-prefetch.ts).
 */
const BOOT_ROOTS = [/src[\\/]tab[\\/]boot\.ts$/, /data-session\.ts$/, /token-source\.ts$/];

/**
 * Issue 16: the boot (src/tab/boot.ts, the page's first module script) starts the token request and the plan's `$batch` while
 * the main chunk loads. That works only if the boot's code does not import the main chunk: left to the `first-view`
 * group, every module the entry also imports (dates, the Graph client's errors, ...) is in the main chunk, and the data
 * session waited for it to load and evaluate before the token request could start (measured: 0.5-1 s into a cold
 * start). So everything the boot, the data session and the token source import statically goes into a `boot` chunk of
 * its own, which the main chunk imports in turn. The build fails when React would be among it (the boot's chunk must
 * stay small: it is the data path, not the UI).
 */
function bootChunking(): { plugin: Plugin; test: (id: string) => boolean } {
  const inBoot = new Set<string>();
  return {
    test: (id) => inBoot.has(id),
    plugin: {
      name: 'boot-chunking',
      apply: 'build',
      buildEnd() {
        const ids = [...this.getModuleIds()];
        const queue = ids.filter((id) => BOOT_ROOTS.some((p) => p.test(id)));
        if (queue.length < BOOT_ROOTS.length) return; // another build (the add-in) or a partial graph
        while (queue.length > 0) {
          const id = queue.pop() as string;
          if (inBoot.has(id)) continue;
          inBoot.add(id);
          queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        const ui = [...inBoot].filter((id) => /node_modules[\\/](react|react-dom|@fluentui)[\\/]/.test(id));
        if (ui.length > 0)
          this.error(
            `The boot's chunk (src/tab/boot.ts and the data path) would hold UI code: ${ui.slice(0, 5).join(', ')}`,
          );
      },
    },
  };
}

/**
 * index.html gets the boot's own entry (src/tab/boot.ts) as a module script before the app's, and the chunks
 * the first view loads besides the entry's (`FIRST_VIEW_CHUNKS` and what they import) as `<link rel="modulepreload">`
 * where Vite has not preloaded them already. A separate script, not an import of the main entry: a module runs only
 * once its whole static graph has loaded, so an import would wait for the main chunk. Not `async` (it was until stop
 * 28): module scripts without it run in document order, so the boot runs first, and its promise steps (the token from
 * index.html, the data session, the Graph client's middleware) run in the checkpoint after it, before the main chunk
 * evaluates: with the token's answer in (it usually is by then), the cold `$batch` leaves there; otherwise when that
 * answer comes, as before. The main chunk imports the boot's chunk; an `async` boot whose chunk was compiled
 * no sooner than the main chunk's graph (on a busy machine, 2 of 7 cold starts measured) was evaluated inside that
 * graph instead, the main chunk's body (50-80 ms) right after it, and the `$batch` left only then (browser test
 * tab-plan "sends the cold $batch before the app's main chunk evaluates…"). The preloads: the browser fetches
 * them with the entry instead of once it has run (issue 16: the roadmap's 17 chunks, before the roadmap moved into the
 * main chunk, were requested only after the main chunk had evaluated, then queued behind one another on six
 * connections). Since then every chunk of the first view is one the entry imports statically, which Vite preloads
 * itself (the boot's, React's DOM renderer, the bundler's runtime), so this adds the boot's script and no link.
 */
function firstViewPreload(): Plugin {
  return {
    name: 'first-view-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = Object.values(ctx.bundle).filter((c) => c.type === 'chunk') as unknown as OutputChunk[];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const bootEntry = chunks.find((c) => c.isEntry && BOOT_ROOTS[0]?.test(c.facadeModuleId ?? ''));
        if (!bootEntry) throw new Error('first-view-preload: the build has no entry for src/tab/boot.ts');
        const files: string[] = [];
        const visit = (file: string) => {
          if (files.includes(file)) return;
          files.push(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        visit(bootEntry.fileName);
        chunks
          .filter((c) => c.moduleIds.some((id) => FIRST_VIEW_CHUNKS.some((p) => p.test(id))))
          .forEach((c) => visit(c.fileName));
        const script = `<script type="module" crossorigin src="./${bootEntry.fileName}"></script>`;
        const links = files
          .filter((f) => f !== bootEntry.fileName && !html.includes(`/${f}"`))
          .map((f) => `    <link rel="modulepreload" crossorigin href="./${f}">\n`)
          .join('');
        // The boot before the app's entry script, so it is requested and run first; the preloads after it, so they
        // do not take the six connections before the entry.
        return html
          .replace(/(\s*)<script type="module"/, (m, space: string) => `${space}${script}${m}`)
          .replace('</head>', `${links}  </head>`);
      },
    },
  };
}

/**
 * Issue 16: index.html's inline token prefetch (src/tab/prefetch.ts, see lib/plan/token-prefetch.ts), compiled with what
 * it imports into one script without imports and written at the top of the body, where it runs as the HTML is parsed
 * (the server writes the tab's configuration, which it reads, into the head). Build only: under the dev server the boot
 * asks for the token itself, as it does whenever the prefetch does not apply.
 */
function inlinePrefetch(): Plugin {
  return {
    name: 'inline-prefetch',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const output = await viteBuild({
          configFile: false,
          root: fileURLToPath(new URL('.', import.meta.url)),
          publicDir: false,
          logLevel: 'silent',
          build: {
            // In memory only: nothing is written (and no output directory emptied).
            write: false,
            emptyOutDir: false,
            target: 'es2022',
            lib: {
              entry: fileURLToPath(new URL('./src/tab/prefetch.ts', import.meta.url)),
              formats: ['iife'],
              name: 'actieplanPrefetch',
            },
          },
        });
        const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
        const code = chunks.find((c) => c.type === 'chunk')?.code;
        if (!code || /\bimport\s*\(|^import\s/m.test(code) || chunks.length !== 1)
          throw new Error('inline-prefetch: src/tab/prefetch.ts did not compile into one script without imports');
        // Neither `</` nor `<!--` may end or change the script element early (both escapes mean the same in JS).
        const script = `<script>${code.trim().replace(/<\//g, '<\\/').replace(/<!--/g, '<\\!--')}</script>`;
        if (!html.includes('<body>')) throw new Error('inline-prefetch: index.html has no <body>');
        // A function, so that `$&` and the like in the script are not replacement patterns.
        return html.replace('<body>', () => `<body>\n    ${script}`);
      },
    },
  };
}

/**
 * Issue 16: our own `makeStyles`/`makeResetStyles` calls (48 files) compiled at build time into Griffel's `__styles`
 * form, as Fluent UI's own packages ship theirs: class names and CSS rules are in the bundle, so the first render no
 * longer resolves style objects at run time (stylis, rtl-css-js, hashing); the rules are still inserted as before.
 * Griffel's Vite plugin (wyw-in-js with Griffel's tag processor) evaluates the style objects in Node. Build only: the
 * dev server (`npm run dev`) keeps the runtime path, as Griffel recommends.
 */
function griffelAheadOfTime(): Plugin {
  // Its types describe a CommonJS default export (the module itself to TypeScript); at run time it is the function.
  const griffel = ((griffelPlugin as unknown as { default?: unknown }).default ?? griffelPlugin) as () => Plugin;
  return { ...griffel(), apply: 'build' };
}

const boot = bootChunking();

/** Builds the tab (src/tab) into dist/tab; the app server serves it. */
export default defineConfig({
  root: 'src/tab',
  base: './',
  plugins: [
    react(),
    griffelAheadOfTime(),
    fluentStyleLeftovers(),
    chartScaling(),
    boot.plugin,
    firstViewPreload(),
    inlinePrefetch(),
    firstViewBudget(),
    retryableImports(),
    precompress(),
  ],
  resolve: {
    alias: [
      // The Graph client's package index pulls in every task and middleware it has (large-file upload, OneDrive,
      // page iterator, batch helpers); the tab uses only `Client` with our own middleware chain
      // (src/data/graph/client.ts), so the browser build takes that class from its own module. Same code path.
      {
        find: /^@microsoft\/microsoft-graph-client$/,
        replacement: fileURLToPath(
          new URL('./node_modules/@microsoft/microsoft-graph-client/lib/es/src/Client.js', import.meta.url),
        ),
      },
      RRULE_COMMONJS,
    ],
  },
  build: {
    outDir: '../../dist/tab',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The charts chunk is large by nature; it is lazy and only the progress view loads it.
    chunkSizeWarningLimit: 900,
    // Everything the entry imports statically, which every start loads, in one chunk (with the entry). Left to
    // itself the bundler cut it into many small shared chunks (one Fluent component or helper each, many under 1 KB)
    // wherever a lazy view shares a module with it: 46 JS requests for the first view, now 22, and 6 KB less gzip.
    // The lazy views keep their own chunks and import the shared code from this one, which is loaded by then.
    // (Grouping the lazy parts of the first view too by their static imports pulled whole barrels, e.g. every Fluent
    // component @fluentui/react-components re-exports, into the first view: 272 KB.)
    // The boot's chunk comes first (bootChunking above): the data path must not wait for the main chunk.
    rolldownOptions: {
      // The boot is an entry of its own (firstViewPreload puts its script into index.html).
      input: {
        index: fileURLToPath(new URL('./src/tab/index.html', import.meta.url)),
        boot: fileURLToPath(new URL('./src/tab/boot.ts', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'boot', test: boot.test, priority: 1 },
            // React's DOM renderer (with its scheduler, and React itself, which the bundler puts beside them) in a chunk
            // of its own, requested with the entry: the browser compiles each module script on a thread of its own
            // while it downloads, so the two halves of the first view's code are compiled side by side instead of one
            // after the other (issue 16).
            { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'first-view', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
