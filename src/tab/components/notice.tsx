import { Component, lazy, Suspense, type ReactNode } from 'react';

export type NoticeProps = {
  intent: 'error' | 'warning' | 'info' | 'success';
  layout?: 'multiline' | 'singleline';
  title?: string;
  children?: ReactNode;
  /** Buttons beside the message (retry, show). */
  actions?: ReactNode;
};

// Error and warning bars are rare, so Fluent's MessageBar (with its motion code) is not part of the first view.
const NoticeBar = lazy(() => import('./notice-bar.js').then((m) => ({ default: m.NoticeBar })));

/** The same message and buttons without Fluent's bar: shown while its code loads, and if it cannot load at all. */
function PlainNotice({ intent, title, children, actions }: NoticeProps) {
  return (
    <div
      role={intent === 'error' ? 'alert' : 'status'}
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
 * A message bar (error, warning, info) with optional title and actions. The text and the buttons show at once; the
 * Fluent bar replaces them as soon as its chunk is there.
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
