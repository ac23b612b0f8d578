import { pickLocale, type Locale } from '../i18n/format.js';

export type HostTheme = 'light' | 'dark' | 'contrast';

export type HostInfo = {
  /** `teams` inside Teams, Outlook or the Microsoft 365 app; `standalone` in a plain browser. */
  kind: 'teams' | 'standalone';
  theme: HostTheme;
  locale: Locale;
};

const HOST_INIT_TIMEOUT_MS = 5000;

function mapTeamsTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function standalone(): HostInfo {
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return { kind: 'standalone', theme: prefersDark ? 'dark' : 'light', locale: pickLocale(navigator.language) };
}

/**
 * Finds out where the tab runs. Outside any frame there is no host and teams-js is not even
 * loaded (it is large and would only reject). Inside a frame, teams-js initialises with a
 * timeout: a frame that is not a Microsoft 365 host must not leave the tab waiting forever.
 */
export async function detectHost(onWarning: (message: string) => void): Promise<HostInfo> {
  if (window.parent === window && !window.opener) return standalone();
  const { app } = await import('@microsoft/teams-js');
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js initialise timed out')), HOST_INIT_TIMEOUT_MS)),
    ]);
    const context = await app.getContext();
    // The manifest sets showLoadingIndicator: Teams shows its spinner until we say we are up.
    app.notifySuccess();
    return { kind: 'teams', theme: mapTeamsTheme(context.app.theme), locale: pickLocale(context.app.locale) };
  } catch (error) {
    onWarning(`No Microsoft 365 host answered; running standalone (${error instanceof Error ? error.message : String(error)}).`);
    return standalone();
  }
}
