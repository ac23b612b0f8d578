import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prepareShell } from './app/app.js';
import { RoadmapView } from './app/views.js';
import { startPlanBoot } from './lib/plan/plan-boot.js';

/** Marked when React is asked to render the app for the first time (the browser tests order the data path by it). */
const REACT_RENDER_MARK = 'tab:react-render';

// The data path first (in a host: teams-js; then the token and the cold $batch, or on a warm start only the cache
// read), then React: see lib/plan/plan-boot.ts.
// boot.ts, the page's first module script, has started it already; this returns the same gate (or starts it, if not).
const bootGate = startPlanBoot();
// The first view's code loads with the data, not after it (the roadmap is the view without a hash; a
// person who has not dismissed the start page sees that first, and the roadmap is one click away).
const firstView = /^(#\/?)?(roadmap)?([?].*)?$/.test(window.location.hash)
  ? RoadmapView.preload().catch(() => undefined)
  : undefined;

// The host, the configuration, the theme and the language, while the boot runs: React's first commit is then the
// shell (on a warm start with the plan from the cache), not a spinner an effect replaces later.
const shell = prepareShell();

function mount(prepared: Awaited<typeof shell>): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  performance.mark(REACT_RENDER_MARK);
  createRoot(root).render(
    <StrictMode>
      <App prepared={prepared} />
    </StrictMode>,
  );
}

// React mounts once the boot's $batch has answered, or COLD_PLAN_WAIT_MS after it went out (plan-boot.ts says why;
// on a warm start, once the cache was read), or when the shell is prepared if there is no boot. With the roadmap's
// code too, when it is the first view: its module is preloaded with the entry, so this waits for its evaluation, not
// a download; a view rendered before that would suspend, and React reveals it 300 ms later.
void Promise.all([shell, bootGate, firstView]).then(([prepared]) => mount(prepared));
