import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { lazyComponent, type PreloadableView } from '../lib/preloadable.js';
import { ErrorBoundary } from './error-boundary.js';

/** The spinner of a view whose code is still loading: the same for `lazyView` and for `ViewSuspense`'s fallback. */
function ViewLoading({ label }: { label?: string | undefined }) {
  return <Spinner data-testid="view-loading" style={{ marginTop: '10vh' }} label={label} />;
}

/**
 * Around a view in a chunk of its own: the error boundary that says its code did not load (and whose "Opnieuw
 * proberen" mounts it again), and a Suspense boundary with the view's spinner for anything inside that still suspends.
 * The views themselves are `lazyView`s, which show their spinner without suspending.
 */
export function ViewSuspense({ children, label }: { children: ReactNode; label?: string }) {
  const t = useT();
  return (
    <ErrorBoundary
      message={t('app.viewError')}
      retryLabel={t('app.retry')}
      reload={{ message: t('app.viewErrorAgain'), label: t('app.reloadPage') }}
    >
      <Suspense fallback={<ViewLoading label={label} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/**
 * Around an optional part of a view in a chunk of its own (a dialog, a panel, the Excel buttons: `lazyComponent`s):
 * when its code does not load (or it fails to render), the view stays as it was, with what was typed and chosen in it,
 * and the part's place says so, with "Opnieuw proberen" (which loads it again) and, for a part that was opened (a dialog
 * or a panel), `onDismiss` to give it up. Nothing shows while the code loads.
 */
export function PartBoundary({ children, onDismiss }: { children: ReactNode; onDismiss?: () => void }) {
  const t = useT();
  return (
    <ErrorBoundary
      message={t('app.viewError')}
      retryLabel={t('app.retry')}
      dismiss={onDismiss && { label: t('common.close'), onDismiss }}
      reload={{ message: t('app.viewErrorAgain'), label: t('app.reloadPage') }}
    >
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/**
 * A view in a chunk of its own (`lazyComponent`) with the view's spinner while its code loads: it shows as soon as its
 * code is in, where a `lazy` view waited for React's fallback throttle (300 ms after the spinner), and a failed load
 * goes to `ViewSuspense`'s error boundary, whose "Opnieuw proberen" loads it again.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableView<P> {
  return lazyComponent(load, <ViewLoading />);
}
