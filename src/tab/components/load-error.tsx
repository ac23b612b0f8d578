import { Button } from '@fluentui/react-components';
import { useFeatureT } from '../i18n/feature-catalogue.js';
import { useT } from '../i18n/i18n.js';
import { describeError } from '../lib/errors.js';
import { loadErrorTexts } from './load-error-texts.js';
import { Notice } from './notice.js';

/**
 * The one message every view shows when a read fails (issue 17): what failed (`title`, the view's own words), why
 * (the error, in the user's language), whether what is shown is the last loaded state, and "Opnieuw proberen",
 * which reads again. A view keeps its loaded data on screen below it.
 */
export function LoadError({
  title,
  error,
  kept,
  retrying = false,
  onRetry,
  testId,
}: {
  title: string;
  error: unknown;
  /** Older data is still shown. */
  kept: boolean;
  retrying?: boolean;
  onRetry(): void;
  testId?: string;
}) {
  const t = useT();
  const lt = useFeatureT(loadErrorTexts);
  const d = describeError(error);
  const cause = d.key === 'plan.loadError' ? lt('cause', { detail: d.detail ?? '' }) : t(d.key);
  return (
    <div data-testid={testId ?? 'load-error'}>
      <Notice
        intent="error"
        layout="multiline"
        title={title}
        actions={
          <Button onClick={onRetry} disabled={retrying} data-testid="load-error-retry">
            {t('app.retry')}
          </Button>
        }
      >
        {cause}
        {kept ? ` ${lt('kept')}` : ''}
      </Notice>
    </div>
  );
}
