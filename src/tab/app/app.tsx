import { AriaLiveAnnouncer, Button, FluentProvider, makeStyles, tokens, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Notice } from '../components/notice.js';
import { ViewSuspense } from '../components/view-suspense.js';
import { loadCatalogue, LocaleProvider, useT } from '../i18n/i18n.js';
import { createDataSession } from '../lib/data-session-loader.js';
import { PlanProvider } from '../lib/plan/plan-context.js';
import { ThemeNameProvider } from '../lib/theme-name.js';
import { fetchTabConfig, type TabConfig } from './config.js';
import type { ConfigSession } from './config-session.js';
import { HostProvider } from './host-context.js';
import { detectHost, mapTeamsTheme, type HostInfo, type HostTheme } from './host.js';
import { PUBLIC_VIEWS, useRoute } from './router.js';
import { DomeinChoiceProvider, readScope, ScopeProvider } from './scope.js';
import { Shell } from './shell.js';
import { SignIn, type SignedInUser } from './sign-in.js';
import { loadTheme, themeIfLoaded } from './theme.js';
import { ConfigPage, StaticPage } from './views.js';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

type ReadyBoot = { status: 'ready'; host: HostInfo; config?: TabConfig; configError?: unknown };
type Boot = { status: 'loading' } | ReadyBoot;

/**
 * What the shell needs before it can render anything but a spinner: the host (teams-js in a host), the tab's
 * configuration, the host's theme and language. `main.tsx` starts this before React mounts and hands the answer to
 * `App`, so React's first commit is the shell itself (on a warm start, the plan from the cache), not a spinner that
 * an effect replaces a commit or two later; `App` runs it again on "Opnieuw proberen".
 * @returns never rejects: a configuration that failed is `configError`, a theme or language that failed falls back
 */
export function prepareShell(): Promise<ReadyBoot> {
  const host = detectHost((message) => console.warn(message));
  const config = fetchTabConfig().then(
    (c) => ({ config: c }),
    (configError: unknown) => ({ configError }),
  );
  return Promise.all([host, config]).then(async ([h, c]) => {
    await Promise.all([loadTheme(h.theme), loadCatalogue(h.locale)]).catch((error: unknown) =>
      console.error('Theme or language not loaded', error),
    );
    if ('configError' in c) {
      console.error('Tab configuration failed', c.configError);
      h.teams?.notifyFailure('config.json could not be loaded');
    }
    return { status: 'ready', host: h, ...c };
  });
}

/**
 * The app shell: host, theme, language and sign-in, then the plan and its views.
 * @param props.prepared what `prepareShell()` answered before React mounted (main.tsx); without it, App asks itself
 *   and shows a spinner until then
 */
export function App({ prepared }: { prepared?: ReadyBoot } = {}) {
  const styles = useStyles();
  const [boot, setBoot] = useState<Boot>(prepared ?? { status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The host's theme from the start, when its code is here: the effect below then sets the same value, which React skips
  // without a render (it ran a second render of the whole shell right after the first view). A theme whose code did
  // not load starts unset, so the effect's own load still switches to it.
  const [theme, setThemeName] = useState<HostTheme | undefined>(() =>
    prepared && themeIfLoaded(prepared.host.theme) ? prepared.host.theme : undefined,
  );
  // A theme whose code is not loaded yet is fetched first; until then the previous theme stays (no flash).
  const setTheme = useCallback((name: HostTheme) => {
    if (themeIfLoaded(name)) setThemeName(name);
    else
      void loadTheme(name).then(
        () => setThemeName(name),
        (error: unknown) => console.error('Theme not loaded', error),
      );
  }, []);

  useEffect(() => {
    // The first attempt's answer came with the first render (main.tsx); a retry asks again.
    if (prepared && attempt === 0) return;
    let cancelled = false;
    void prepareShell().then((ready) => {
      if (!cancelled) setBoot(ready);
    });
    return () => {
      cancelled = true;
    };
  }, [attempt, prepared]);

  const host = boot.status === 'ready' ? boot.host : undefined;
  useEffect(() => {
    if (!host) return;
    setTheme(host.theme);
    if (host.teams) {
      // Teams tells us when the user switches theme; the tab follows without a reload.
      host.teams.onThemeChange((next) => setTheme(mapTeamsTheme(next)));
      return;
    }
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [host, setTheme]);

  const locale = host?.locale ?? 'nl';
  useEffect(() => {
    // Only when it differs: setting it restyles the whole page, and this effect runs before the first paint (main.tsx).
    if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
  }, [locale]);

  const themeName = theme && themeIfLoaded(theme) ? theme : host && themeIfLoaded(host.theme) ? host.theme : 'light';
  return (
    // Layout lives on an inner element: Fluent copies the provider's classes onto every portal's mount node.
    <FluentProvider theme={themeIfLoaded(themeName)} data-theme={themeName}>
      {/* Fluent's message bars say their text to a screen reader through this announcer (a live region, or the
          browser's ariaNotify); without it their announce was a no-op and an error or "Opgeslagen" went unheard. */}
      <AriaLiveAnnouncer>
        <ThemeNameProvider value={themeName}>
          <div className={styles.root}>
            <LocaleProvider locale={locale}>
              {boot.status === 'loading' && <Spinner style={{ marginTop: '20vh' }} />}
              {boot.status === 'ready' && (
                <HostProvider value={boot.host}>
                  <Routed host={boot.host} config={boot.config} onRetry={() => setAttempt((n) => n + 1)} />
                </HostProvider>
              )}
            </LocaleProvider>
          </div>
        </ThemeNameProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function Routed({ host, config, onRetry }: { host: HostInfo; config: TabConfig | undefined; onRetry: () => void }) {
  const scope = useMemo(() => readScope(window.location.search, host.frameContext), [host.frameContext]);
  const [route] = useRoute(scope.defaultView);
  const notifySuccess = useCallback(() => host.teams?.notifySuccess(), [host]);
  // The configuration page's one session: it reads the site's set-up and, in a channel, the MTs (one quiet sign-in).
  const openConfigSession = useMemo(() => {
    if (!config) return undefined;
    let quiet: Promise<ConfigSession> | undefined;
    return (interactive: boolean) => {
      const open = () => import('./config-session.js').then((m) => m.openConfigSession(config, host, interactive));
      if (interactive) return (quiet = open());
      return (quiet ??= open());
    };
  }, [config, host]);

  if (PUBLIC_VIEWS.includes(route.view)) {
    return (
      <ViewSuspense>
        <StaticPage view={route.view} onShown={notifySuccess} />
      </ViewSuspense>
    );
  }
  if (host.frameContext === 'settings' || route.view === 'config') {
    return (
      <ViewSuspense>
        <ConfigPage
          onShown={notifySuccess}
          initialDomein={scope.domein}
          host={host.teams ? { setValidity: host.teams.setConfigValidity, onSave: host.teams.onConfigSave } : undefined}
          openSession={openConfigSession}
          channel={
            openConfigSession && host.team && host.channel
              ? { team: host.team, channel: host.channel, openSession: openConfigSession }
              : undefined
          }
        />
      </ViewSuspense>
    );
  }
  if (!config) return <BootError onRetry={onRetry} />;
  return (
    <ScopeProvider value={scope}>
      <SignIn config={config} host={host} onShown={notifySuccess}>
        {(user) => <SignedIn key={user.userKey} config={config} user={user} onFirstView={notifySuccess} />}
      </SignIn>
    </ScopeProvider>
  );
}

function SignedIn({ config, user, onFirstView }: { config: TabConfig; user: SignedInUser; onFirstView: () => void }) {
  const createSession = useCallback(
    async () =>
      createDataSession({ graphBaseUrl: config.graphBaseUrl, siteUrl: config.siteUrl, tokens: await user.tokens() }),
    [config, user],
  );
  return (
    <DomeinChoiceProvider>
      <PlanProvider
        siteUrl={config.siteUrl}
        userKey={user.userKey}
        createSession={createSession}
        onFirstView={onFirstView}
      >
        <Shell user={user} />
      </PlanProvider>
    </DomeinChoiceProvider>
  );
}

function BootError({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <Notice intent="error" actions={<Button onClick={onRetry}>{t('app.retry')}</Button>}>
      {t('app.configError')}
    </Notice>
  );
}
