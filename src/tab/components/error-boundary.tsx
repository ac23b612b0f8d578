import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { Notice } from './notice.js';

type Props = {
  children: ReactNode;
  message: string;
  retryLabel: string;
  /** A second button beside "retry" that gives the part up (closes the dialog it was to show). */
  dismiss?: { label: string; onDismiss: () => void } | undefined;
};
type State = { error?: unknown };

/**
 * Catches a view (or a part of one) that fails to render or to load its code (a lazy chunk on a flaky network), so one
 * broken view never blanks the tab and one broken part never takes its view with it; retry re-mounts it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error('View failed', error);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Notice
        intent="error"
        actions={
          <>
            <Button onClick={() => this.setState({ error: undefined })}>{this.props.retryLabel}</Button>
            {this.props.dismiss && <Button onClick={this.props.dismiss.onDismiss}>{this.props.dismiss.label}</Button>}
          </>
        }
      >
        {this.props.message}
      </Notice>
    );
  }
}
