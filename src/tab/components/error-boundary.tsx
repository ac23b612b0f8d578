import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { failedAgain, failedScriptOf, isModuleLoadFailure } from '../../shared/retrying-import.js';
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
type State = {
  error?: unknown;
  /**
   * After "retry" for a script that did not load: that script (undefined when the browser's message names none). The
   * reload message shows when the same script fails again (`failedAgain`), not when the retry fails on another script
   * (the meeting panel loads two).
   */
  retried?: { script: string | undefined };
};

/**
 * Catches a view (or a part of one) that fails to render or to load its code (a lazy chunk on a flaky network), so one
 * broken view never blanks the tab and one broken part never takes its view with it; retry re-mounts it.
 *
 * The focus: a button of the message that is pressed goes away with it. What had the focus when the part failed (the
 * button that opened a dialog, the link that chose a view) gets it back, unless what comes in the message's place takes
 * it (a dialog does), so a keyboard user is not left at the top of the page.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};
  private returnFocus: HTMLElement | undefined;

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error('View failed', error);
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) this.returnFocus = active;
  }

  /**
   * After the message has gone: back to `returnFocus`, if the focus was lost with the message (on the body). Then it is
   * forgotten unless the part failed again meanwhile, so a later failure in a boundary that lives long (the details
   * panel) never sends the focus to what had it the first time.
   */
  private restoreFocusSoon(): void {
    const target = this.returnFocus;
    setTimeout(() => {
      const active = document.activeElement;
      if ((active === null || active === document.body) && target?.isConnected) target.focus();
      if (this.state.error === undefined) this.returnFocus = undefined;
    }, 0);
  }

  private retry = (): void => {
    const { error } = this.state;
    this.setState({
      error: undefined,
      retried: isModuleLoadFailure(error) ? { script: failedScriptOf(error) } : undefined,
    });
    this.restoreFocusSoon();
  };

  private dismiss = (): void => {
    this.props.dismiss?.onDismiss();
    this.restoreFocusSoon();
  };

  override render() {
    const { error, retried } = this.state;
    if (error === undefined) return this.props.children;
    const { reload, dismiss } = this.props;
    const stuck = reload && failedAgain(retried, error) ? reload : undefined;
    return (
      <Notice
        intent="error"
        actions={
          <>
            {stuck && <Button onClick={() => window.location.reload()}>{stuck.label}</Button>}
            <Button onClick={this.retry}>{this.props.retryLabel}</Button>
            {dismiss && <Button onClick={this.dismiss}>{dismiss.label}</Button>}
          </>
        }
      >
        {stuck ? stuck.message : this.props.message}
      </Notice>
    );
  }
}
