import { createElement, lazy } from 'react';
import { lazyView } from '../components/view-suspense.js';
import type { Domein } from '../../domain/model.js';

/**
 * Every view is its own chunk: the first view loads only its own code (docs/decisions.md, the 180 KB budget),
 * and a view that is never opened is never downloaded. Except the roadmap, the first view, which is in the main chunk:
 * on a warm start React renders it in the task the main chunk evaluates in (main.tsx, docs/performance.md). The others
 * are `lazyView`s: the view's spinner until its code is in, then the view at once (a `lazy` view waited for React's
 * 300 ms fallback throttle, components/view-suspense.tsx).
 */
export { RoadmapView } from '../features/actionplan/components/roadmap-view.js';
/** "Wat vind ik waar": the start page after choosing a role (issue 19). */
export const StartView = lazyView(() => import('../features/start/components/start-view.js').then((m) => m.StartView));
export const ListView = lazyView(() =>
  import('../features/actionplan/components/list-view.js').then((m) => m.ListView),
);
export const ActieDetail = lazyView(() =>
  import('../features/actionplan/components/actie-detail.js').then((m) => m.ActieDetail),
);
export const AttentionList = lazyView(() =>
  import('../features/actionplan/components/attention-list.js').then((m) => m.AttentionList),
);
export const MyActionsView = lazyView(() =>
  import('../features/my-actions/components/my-actions-view.js').then((m) => m.MyActionsView),
);
export const VoortgangView = lazyView(() =>
  import('../features/voortgang/components/voortgang-view.js').then((m) => m.VoortgangView),
);
/** The decision log of the MT meetings (issue 8, item 4). */
export const BesluitenView = lazyView(() =>
  import('../features/besluiten/components/besluiten-view.js').then((m) => m.BesluitenView),
);
/**
 * The portfolio's data code (its store and mapping) is asked for with its views' code, not only once a view has
 * rendered and asks for its data: a cold start of `#/portfolio` (an MT channel's portfolio tab) asked for it after the
 * view's 25 chunks had come. A failed early load costs nothing: the view's own query loads it again.
 */
function withPortfolioData<T>(view: () => Promise<T>): () => Promise<T> {
  return () => {
    void import('../../data/portfolio-store.js').catch(() => undefined);
    return view();
  };
}
export const PortfolioView = lazyView(
  withPortfolioData(() => import('../features/portfolio/components/portfolio-view.js').then((m) => m.PortfolioView)),
);
/** The read-only portfolio for the meeting stage (shared screen). */
export const PortfolioStage = lazyView(
  withPortfolioData(() => import('../features/portfolio/components/portfolio-stage.js').then((m) => m.PortfolioStage)),
);
export const SettingsView = lazyView(() =>
  import('../features/settings/components/settings-view.js').then((m) => m.SettingsView),
);
export const ConfigPage = lazyView(() =>
  import('../features/settings/components/config-page.js').then((m) => m.ConfigPage),
);
/**
 * The warning that the site's Inrichting list is unusable (rare: its code and texts load only then). A `lazy` one: it
 * sits among the status bars, which show nothing while it loads.
 */
export const InrichtingWarning = lazy(() =>
  import('../features/inrichting/components/inrichting-warning.js').then((m) => ({ default: m.InrichtingWarning })),
);
export const StaticPage = lazyView(() => import('../pages/static-page.js').then((m) => m.StaticPage));
/**
 * The meeting side panel, with the domain's next-meeting computation (rrule); both load only when the side panel
 * opens.
 */
export const MeetingPanel = lazyView(async () => {
  const [panel, meeting] = await Promise.all([
    import('../features/meeting/components/meeting-panel.js'),
    import('../../domain/recurrence.js'),
  ]);
  return (props: { domein?: Domein }) =>
    createElement(panel.MeetingPanel, { ...props, nextMeeting: meeting.nextOccurrence });
});
/** "Volgende vergadering" (issue 14.3); it loads the recurrence code (rrule) in its own chunk. */
export const NextMeetingView = lazyView(() =>
  import('../features/meeting/components/next-meeting-view.js').then((m) => m.NextMeetingView),
);
