import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { isModuleLoadFailure } from '../../shared/retrying-import.js';
import { Notice } from './notice.js';

type Props = {
  children: ReactNode;
  message: string;
  retryLabel: string;
  /** A second button beside "retry" that gives the part up (closes the dialog it was to show). */
  dismiss?: { label: string; onDismiss: () => void } | undefined;
  /**
   * When the code failed to load again after "retry": the message then, and the label of a button that reloads the
   * page. A browser keeps a failed module for the page's life (Chromium 150 does), and a retry asks only for the part's
   * own script again (`retryingImport`): when the scripts it imports were cut off too, only a new page loads them.
   */
  reload?: { message: string; label: string } | undefined;
};
type State = { error?: unknown; retries: number };

/**
 * Catches a view (or a part of one) that fails to render or to load its code (a lazy chunk on a flaky network), so one
 * broken view never blanks the tab and one broken part never takes its view with it; retry re-mounts it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { retries: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error('View failed', error);
  }

  override render() {
    const { error, retries } = this.state;
    if (error === undefined) return this.props.children;
    const { reload, dismiss } = this.props;
    const stuck = reload && retries > 0 && isModuleLoadFailure(error) ? reload : undefined;
    return (
      <Notice
        intent="error"
        actions={
          <>
            {stuck && <Button onClick={() => window.location.reload()}>{stuck.label}</Button>}
            <Button onClick={() => this.setState({ error: undefined, retries: retries + 1 })}>
              {this.props.retryLabel}
            </Button>
            {dismiss && <Button onClick={dismiss.onDismiss}>{dismiss.label}</Button>}
          </>
        }
      >
        {stuck ? stuck.message : this.props.message}
      </Notice>
    );
  }
}
