import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { startPlanBoot } from './lib/plan/plan-boot.js';

/** Marked when React is asked to render the app for the first time (the browser tests order the data path by it). */
const REACT_RENDER_MARK = 'tab:react-render';

// The data path first (in a host: teams-js, the token, cache, cold $batch), then React: see lib/plan/plan-boot.ts.
// boot.ts, the page's first script, has started it already; this returns the same gate (or starts it, if not).
const bootGate = startPlanBoot();
// The first view's code loads with the data, not after it (the roadmap is the view without a hash; a
// person who has not dismissed the start page sees that first, and the roadmap is one click away).
if (/^(#\/?)?(roadmap)?([?].*)?$/.test(window.location.hash))
  void import('./features/actionplan/components/roadmap-view.js');

function mount(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  performance.mark(REACT_RENDER_MARK);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// React mounts once the boot's $batch is on its way (plan-boot.ts says why), or at once when there is no boot.
if (bootGate) void bootGate.then(mount);
else mount();
