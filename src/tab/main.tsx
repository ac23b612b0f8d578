import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, prepareShell } from './app/app.js';
import { appCodeReady, startPlanBoot } from './lib/plan/plan-boot.js';

/** Marked when React is asked to render the app for the first time (the browser tests order the data path by it). */
const REACT_RENDER_MARK = 'tab:react-render';

// Marked once the main chunk's modules (React, Fluent, the shell) have evaluated and this entry's body begins: the
// browser tests check that the cold `$batch` left before it (vite.config.ts, `firstViewPreload`).
performance.mark('tab:main-chunk');

// The data path first (in a host: teams-js; then the token and the cold $batch, or on a warm start only the cache
// read), then React: see lib/plan/plan-boot.ts.
// boot.ts, the page's first module script, has started it already; this returns the same gate (or starts it, if not).
const bootGate = startPlanBoot();

// The host, the configuration, the theme and the language, while the boot runs: React's first commit is then the
// shell (on a warm start with the plan from the cache), not a spinner an effect replaces later.
const shell = prepareShell();

// The app's code has run: the boot's wait for a cold `$batch`'s answer counts from now (plan-boot.ts).
appCodeReady();

/**
 * React's first render and commit, synchronously (`flushSync`), not in a task of React's scheduler: on a warm start in
 * a plain browser, in the light theme and in Dutch, everything it waits for is there already (the plan's copy in
 * localStorage, the configuration in index.html, the roadmap's code in this chunk), so the promises below resolve in
 * this chunk's own task, and the first view is rendered there. (In a host, teams-js answers first; the dark and
 * contrast themes and English load their own chunks: React then renders in a later task, as before.) A scheduled
 * render came after the browser's next tasks, the first of which writes V8's code caches of the scripts just run
 * (25–45 ms on the bench's warm start; docs/performance.md has the measurements).
 */
function mount(prepared: Awaited<typeof shell>): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  performance.mark(REACT_RENDER_MARK);
  const reactRoot = createRoot(root);
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <App prepared={prepared} />
      </StrictMode>,
    ),
  );
}

// React mounts once the boot's $batch has answered, or COLD_PLAN_WAIT_MS after it went out and this chunk evaluated
// (plan-boot.ts says why; on a warm start, once the cache was read), or when the shell is prepared if there is no boot.
void Promise.all([shell, bootGate]).then(([prepared]) => mount(prepared));
