/** The baseline for `npm run bench`: Fluent UI v9 + teams-js, nothing of ours, built by the same toolchain. */
import { FluentProvider, teamsLightTheme, Title3 } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { createRoot } from 'react-dom/client';

// Referenced so the bundler keeps teams-js, as a Teams tab would load it.
(window as unknown as { teamsApp: unknown }).teamsApp = app;
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={teamsLightTheme}>
      <Title3 data-testid="bare-ready">Klaar</Title3>
    </FluentProvider>,
  );
}
