import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { startPlanBoot } from './lib/plan/plan-boot.js';

// The data path first (token, cache, cold $batch), then React: see lib/plan/plan-boot.ts.
startPlanBoot();
// The first view's code loads with the data, not after it (the roadmap is the view without a hash; a
// person who has not dismissed the start page sees that first, and the roadmap is one click away).
if (/^(#\/?)?(roadmap)?([?].*)?$/.test(window.location.hash))
  void import('./features/actionplan/components/roadmap-view.js');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
