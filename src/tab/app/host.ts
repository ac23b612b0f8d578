import { pickLocale, type Locale } from '../i18n/format.js';
import type { TeamsBridge } from './teams-bridge.js';

export type HostTheme = 'light' | 'dark' | 'contrast';

/**
 * Where in the host the tab is shown. `content` is a channel, chat or personal tab; `settings` the
 * configuration page; `sidePanel` the meeting side panel (about 320 px wide); `meetingStage` the shared stage.
 */
export type FrameContext = 'content' | 'settings' | 'remove' | 'sidePanel' | 'meetingStage' | 'task' | 'stage';

export type HostInfo = {
  /** `teams` inside Teams, Outlook or the Microsoft 365 app; `standalone` in a plain browser. */
  kind: 'teams' | 'standalone';
  theme: HostTheme;
  locale: Locale;
  frameContext: FrameContext;
  /** The sub-page a deep link asked for (`actie-12`). */
  subPageId?: string;
  /** The signed-in user as the host knows them (used as the account hint, and as the persona on the sandbox). */
  userPrincipalName?: string;
  teams?: TeamsBridge;
};

const HOST_INIT_TIMEOUT_MS = 5000;
const FRAME_CONTEXTS: readonly FrameContext[] = ['content', 'settings', 'remove', 'sidePanel', 'meetingStage', 'task', 'stage'];

export function mapTeamsTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function standalone(): HostInfo {
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  const prefersContrast = typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
  return {
    kind: 'standalone',
    theme: prefersContrast ? 'contrast' : prefersDark ? 'dark' : 'light',
    locale: pickLocale(navigator.language),
    frameContext: 'content',
  };
}

function isLoopback(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);
    return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
  } catch {
    return false;
  }
}

/**
 * The parent's origin, when the tab runs on a loopback address (the local sandbox) and so does its parent:
 * teams-js only answers the Microsoft 365 hosts it knows, and a local test host must be trusted explicitly.
 * A tab served from a real domain never trusts a loopback parent.
 */
export function localParentOrigin(): string | undefined {
  if (!isLoopback(window.location.origin)) return undefined;
  const ancestor = window.location.ancestorOrigins?.item(0) ?? (document.referrer ? new URL(document.referrer).origin : undefined);
  return ancestor && ancestor !== window.location.origin && isLoopback(ancestor) ? ancestor : undefined;
}

/**
 * Finds out where the tab runs. Outside any frame there is no host and teams-js is not even
 * loaded (it would only reject). Inside a frame, teams-js initialises with a timeout: a frame that
 * is not a Microsoft 365 host must not leave the tab waiting forever.
 */
export async function detectHost(onWarning: (message: string) => void): Promise<HostInfo> {
  if (window.parent === window && !window.opener) return standalone();
  try {
    const { connectTeams } = await import('./teams-bridge.js');
    const parent = localParentOrigin();
    const { context, bridge } = await Promise.race([
      connectTeams(parent ? [parent] : []),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('teams-js initialise timed out')), HOST_INIT_TIMEOUT_MS)),
    ]);
    bridge.notifyAppLoaded();
    const frameContext = FRAME_CONTEXTS.find((f) => f === context.frameContext) ?? 'content';
    return {
      kind: 'teams',
      theme: mapTeamsTheme(context.theme),
      locale: pickLocale(context.locale),
      frameContext,
      ...(context.subPageId ? { subPageId: context.subPageId } : {}),
      ...(context.userPrincipalName || context.loginHint ? { userPrincipalName: context.userPrincipalName || context.loginHint } : {}),
      teams: bridge,
    };
  } catch (error) {
    onWarning(`No Microsoft 365 host answered; running standalone (${error instanceof Error ? error.message : String(error)}).`);
    return standalone();
  }
}
