import { Component, Suspense, type ReactNode } from 'react';
import { preloadableView, preloadAfterStart } from '../lib/preloadable.js';

export type NoticeProps = {
  intent: 'error' | 'warning' | 'info' | 'success';
  layout?: 'multiline' | 'singleline';
  title?: string;
  children?: ReactNode;
  /** Buttons beside the message (retry, show). */
  actions?: ReactNode;
};

// Error and warning bars are rare, so Fluent's MessageBar (with its motion code) is not part of the first view. Its
// code loads a moment after the shell has mounted (`preloadNoticeBar`), so a later message is Fluent's bar at once.
const NoticeBar = preloadableView(() => import('./notice-bar.js').then((m) => m.NoticeBar));

/**
 * Loads Fluent's bar a moment after the shell has mounted (`preloadAfterStart`), for the shell to call when it mounts.
 * Without it, every message first showed the plain version and then Fluent's bar in its place: a click on "Opnieuw
 * proberen" at that moment went to a button that was being replaced, and was lost. A message in the first moments
 * (before the bar's code is there) still shows the plain version first; if the bar cannot load, the plain version
 * stays (LoadGuard). Returns the cancel.
 */
export function preloadNoticeBar(): () => void {
  return preloadAfterStart(NoticeBar);
}

/** The same message and buttons without Fluent's bar: shown while its code loads, and if it cannot load at all. */
function PlainNotice({ intent, title, children, actions }: NoticeProps) {
  return (
    <div
      role={intent === 'error' ? 'alert' : 'status'}
      data-notice="plain"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px', padding: '8px 12px' }}
    >
      <div>
        {title !== undefined && <strong>{title} </strong>}
        {children}
      </div>
      {actions}
    </div>
  );
}

/** Keeps the message on screen when the bar's chunk fails to load (a flaky network): the plain version stays. */
class LoadGuard extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * A message bar (error, warning, info) with optional title and actions. Fluent's bar when its code is there
 * (`preloadNoticeBar`); before that, the text and the buttons show at once and the Fluent bar replaces them as soon as
 * its chunk is there.
 */
export function Notice(props: NoticeProps) {
  const plain = <PlainNotice {...props} />;
  return (
    <LoadGuard fallback={plain}>
      <Suspense fallback={plain}>
        <NoticeBar {...props} />
      </Suspense>
    </LoadGuard>
  );
}
