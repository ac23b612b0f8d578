import { createElement, lazy } from 'react';
import type { Domein } from '../../domain/model.js';

/**
 * Every view is its own chunk: the first view loads only its own code (decisions.md, the 180 KB budget),
 * and a view that is never opened is never downloaded. Except the roadmap, the first view, which is in the main chunk:
 * on a warm start React renders it in the task the main chunk evaluates in (main.tsx, docs/performance.md), and a view
 * whose code is there never suspends (React reveals a suspended boundary 300 ms after its fallback at the earliest).
 */
export { RoadmapView } from '../features/actionplan/components/roadmap-view.js';
/** "Wat vind ik waar": the start page after choosing a role (issue 19). */
export const StartView = lazy(() =>
  import('../features/start/components/start-view.js').then((m) => ({ default: m.StartView })),
);
export const ListView = lazy(() =>
  import('../features/actionplan/components/list-view.js').then((m) => ({ default: m.ListView })),
);
export const ActieDetail = lazy(() =>
  import('../features/actionplan/components/actie-detail.js').then((m) => ({ default: m.ActieDetail })),
);
export const AttentionList = lazy(() =>
  import('../features/actionplan/components/attention-list.js').then((m) => ({ default: m.AttentionList })),
);
export const MyActionsView = lazy(() =>
  import('../features/my-actions/components/my-actions-view.js').then((m) => ({ default: m.MyActionsView })),
);
export const VoortgangView = lazy(() =>
  import('../features/voortgang/components/voortgang-view.js').then((m) => ({ default: m.VoortgangView })),
);
/** The decision log of the MT meetings (issue 8, item 4). */
export const BesluitenView = lazy(() =>
  import('../features/besluiten/components/besluiten-view.js').then((m) => ({ default: m.BesluitenView })),
);
export const PortfolioView = lazy(() =>
  import('../features/portfolio/components/portfolio-view.js').then((m) => ({ default: m.PortfolioView })),
);
/** The read-only portfolio for the meeting stage (shared screen). */
export const PortfolioStage = lazy(() =>
  import('../features/portfolio/components/portfolio-stage.js').then((m) => ({ default: m.PortfolioStage })),
);
export const SettingsView = lazy(() =>
  import('../features/settings/components/settings-view.js').then((m) => ({ default: m.SettingsView })),
);
export const ConfigPage = lazy(() =>
  import('../features/settings/components/config-page.js').then((m) => ({ default: m.ConfigPage })),
);
/** The warning that the site's Inrichting list is unusable (rare: its code and texts load only then). */
export const InrichtingWarning = lazy(() =>
  import('../features/inrichting/components/inrichting-warning.js').then((m) => ({ default: m.InrichtingWarning })),
);
export const StaticPage = lazy(() => import('../pages/static-page.js').then((m) => ({ default: m.StaticPage })));
/**
 * The meeting side panel, with the domain's next-meeting computation (rrule); both load only when the side panel
 * opens.
 */
export const MeetingPanel = lazy(async () => {
  const [panel, meeting] = await Promise.all([
    import('../features/meeting/components/meeting-panel.js'),
    import('../../domain/recurrence.js'),
  ]);
  return {
    default: (props: { domein?: Domein }) =>
      createElement(panel.MeetingPanel, { ...props, nextMeeting: meeting.nextOccurrence }),
  };
});
/** "Volgende vergadering" (issue 14.3); it loads the recurrence code (rrule) in its own chunk. */
export const NextMeetingView = lazy(() =>
  import('../features/meeting/components/next-meeting-view.js').then((m) => ({ default: m.NextMeetingView })),
);
