import { useEffect } from 'react';

/**
 * Fluent UI's modal surfaces hide the rest of the page from assistive technology (tabster's modalizer puts
 * aria-hidden="true" on it) and take that away again when they close. When a drawer is unmounted while open, as our
 * detail panels are on a route change, tabster can miss the clean-up: its update runs on a 250 ms timer that is
 * cleared without being flushed (microsoft/tabster#530, microsoft/fluentui#35139), most often on a busy machine. The
 * whole app then stays invisible to screen readers. After such a panel is gone and no other modal is open, this takes
 * the stale attribute off the app's root and its ancestors.
 */
export function releaseStaleAriaHidden(doc: Document): void {
  if (doc.querySelector('[aria-modal="true"]')) return;
  for (let el = doc.getElementById('root'); el && el !== doc.documentElement; el = el.parentElement) {
    if (el.getAttribute('aria-hidden') === 'true') el.removeAttribute('aria-hidden');
  }
}

/** Wait longer than tabster's own 250 ms update before checking. */
const AFTER_TABSTER_MS = 400;

/** For a modal panel that closes by unmounting: checks once after it is gone. */
export function useReleaseAriaHiddenOnUnmount(): void {
  useEffect(() => {
    const doc = document;
    return () => {
      doc.defaultView?.setTimeout(() => releaseStaleAriaHidden(doc), AFTER_TABSTER_MS);
    };
  }, []);
}
