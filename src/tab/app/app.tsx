import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Spinner, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { LocaleProvider, useT } from '../i18n/i18n.js';
import { createPersonaGraph } from '../lib/graph.js';
import { fetchTabConfig, type TabConfig } from './config.js';
import { detectHost, type HostInfo } from './host.js';
import { PersonaPicker } from './persona-picker.js';
import { rememberedPersona, rememberPersona } from './persona.js';
import { PlanPage } from './plan-page.js';

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

type Boot = { status: 'loading' } | { status: 'error' } | { status: 'ready'; host: HostInfo; config: TabConfig };

/** The app shell: host, theme, language and sign-in, then the plan. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([detectHost((message) => console.warn(message)), fetchTabConfig()]).then(
      ([host, config]) => !cancelled && setBoot({ status: 'ready', host, config }),
      (error: unknown) => {
        console.error('Tab start failed', error);
        if (!cancelled) setBoot({ status: 'error' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const theme = boot.status === 'ready' ? THEMES[boot.host.theme] : teamsLightTheme;
  const locale = boot.status === 'ready' ? boot.host.locale : 'nl';
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <LocaleProvider locale={locale}>
        {boot.status === 'loading' && <Spinner style={{ marginTop: '20vh' }} />}
        {boot.status === 'error' && <BootError onRetry={() => setAttempt((n) => n + 1)} />}
        {boot.status === 'ready' && <SignedIn config={boot.config} />}
      </LocaleProvider>
    </FluentProvider>
  );
}

function BootError({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t('app.configError')}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function SignedIn({ config }: { config: TabConfig }) {
  const [persona, setPersona] = useState<string | undefined>(() => rememberedPersona());
  const graph = useMemo(() => (persona ? createPersonaGraph(config, persona) : undefined), [config, persona]);
  const choose = (upn: string | undefined) => {
    rememberPersona(upn);
    setPersona(upn);
  };

  if (config.auth !== 'persona' || !config.personaDirectoryUrl) {
    // Nested App Authentication in Teams comes with the tab issue; until then only the sandbox signs in.
    return <BootError onRetry={() => window.location.reload()} />;
  }
  if (!persona || !graph) return <PersonaPicker directoryUrl={config.personaDirectoryUrl} onChosen={choose} />;
  return <PlanPage graph={graph} siteUrl={config.siteUrl} who={persona} onSwitchPersona={() => choose(undefined)} />;
}
