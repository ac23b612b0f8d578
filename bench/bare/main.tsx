/**
 * The baseline for `npm run bench`: Fluent UI v9 + teams-js, nothing of ours, built by the same toolchain, plus one
 * `$batch` round trip (the app's own cold-start request, replayed to the sandbox's Graph endpoint: cross-origin, with
 * the CORS preflight a browser makes for it, as the app's own) before it shows. That is the physical limit of a cold
 * first view: the shell's code and one request for the data.
 */
import { FluentProvider, teamsLightTheme, Title3 } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type BenchBatch = { url: string; body: string; authorization: string };

// Referenced so the bundler keeps teams-js, as a Teams tab would load it.
(window as unknown as { teamsApp: unknown }).teamsApp = app;
const batch = (window as unknown as { benchBatch?: BenchBatch }).benchBatch;

function Bare() {
  const [ready, setReady] = useState(batch === undefined);
  useEffect(() => {
    if (!batch) return;
    void fetch(batch.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: batch.authorization },
      body: batch.body,
    })
      .then((r) => r.json())
      .then(() => setReady(true));
  }, []);
  return (
    <FluentProvider theme={teamsLightTheme}>
      {ready ? <Title3 data-testid="bare-ready">Klaar</Title3> : null}
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Bare />);
