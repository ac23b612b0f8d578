import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { Notice } from './notice.js';

type Props = { children: ReactNode; message: string; retryLabel: string };
type State = { error?: unknown };

/**
 * Catches a view that fails to render or to load its code (a lazy chunk on a flaky network), so one broken
 * view never blanks the tab; retry re-mounts it.
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
        actions={<Button onClick={() => this.setState({ error: undefined })}>{this.props.retryLabel}</Button>}
      >
        {this.props.message}
      </Notice>
    );
  }
}
