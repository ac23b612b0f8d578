import { Spinner } from '@fluentui/react-components';
import { Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';
import { ErrorBoundary } from './error-boundary.js';

/** Loading and failure of a lazily loaded view, in one place. */
export function ViewSuspense({ children, label }: { children: ReactNode; label?: string }) {
  const t = useT();
  return (
    <ErrorBoundary message={t('app.viewError')} retryLabel={t('app.retry')}>
      <Suspense fallback={<Spinner data-testid="view-loading" style={{ marginTop: '10vh' }} label={label} />}>
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}
