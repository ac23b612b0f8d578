import { pickLocale, type Locale } from '../i18n/format.js';
import type { ChannelInfo, HostContext, TeamPlace, TeamsBridge } from './teams-bridge.js';

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
  /**
   * Which Microsoft 365 application hosts the tab, from teams-js `app.getContext()` (`app.host.name`): Teams, or
   * Outlook or the Microsoft 365 app (Office), where only the personal tabs run and there are no teams, channels or
   * meetings. Absent when standalone.
   */
  hostApp?: HostApp;
  /** The team and channel of a channel tab (teams-js context), for the configuration page's channel link. */
  team?: TeamPlace;
  channel?: ChannelInfo;
  teams?: TeamsBridge;
};

export type HostApp = 'teams' | 'outlook' | 'office';

/** teams-js HostName values (Teams, TeamsModern, Outlook, OutlookWin32, Office, OfficeWin32, …) to our three. */
export function hostAppOf(hostName: string | undefined): HostApp {
  const name = (hostName ?? '').toLowerCase();
  if (name.startsWith('outlook')) return 'outlook';
  if (name.startsWith('office')) return 'office';
  return 'teams';
}

/**
 * Whether the host has teams, channels and meetings (and Teams deep links): Teams itself, or no host at all (the
 * local sandbox shows everything). Outlook and the Microsoft 365 app run only the personal tabs (Microsoft Learn,
 * "Extend Teams apps across Microsoft 365": channel and group scopes are not supported there).
 */
export function hasTeamsFeatures(host: Pick<HostInfo, 'kind' | 'hostApp'>): boolean {
  return host.kind === 'standalone' || host.hostApp === undefined || host.hostApp === 'teams';
}

const HOST_INIT_TIMEOUT_MS = 5000;
const FRAME_CONTEXTS: readonly FrameContext[] = [
  'content',
  'settings',
  'remove',
  'sidePanel',
  'meetingStage',
  'task',
  'stage',
];

export function mapTeamsTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

function standalone(): HostInfo {
  const prefersDark =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  const prefersContrast =
    typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
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
  const ancestor =
    window.location.ancestorOrigins?.item(0) ?? (document.referrer ? new URL(document.referrer).origin : undefined);
  return ancestor && ancestor !== window.location.origin && isLoopback(ancestor) ? ancestor : undefined;
}

/** Whether the page may have a Microsoft 365 host: in a frame, or opened by another window (a host's popup). */
export function mayHaveHost(): boolean {
  return window.parent !== window || Boolean(window.opener);
}

type TeamsConnection = { context: HostContext; bridge: TeamsBridge };
let connection: Promise<TeamsConnection> | undefined;

/**
 * teams-js initialised once per page, with a timeout: a frame that is not a Microsoft 365 host must not leave the
 * tab waiting forever. main.tsx starts it before React (issue 16.1, through plan-boot.ts), `detectHost` takes the
 * same promise; a failed connection is forgotten, so a retry connects again.
 */
export function connectHost(): Promise<TeamsConnection> {
  if (connection) return connection;
  const started = (async () => {
    const { connectTeams } = await import('./teams-bridge.js');
    const parent = localParentOrigin();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        connectTeams(parent ? [parent] : []),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('teams-js initialise timed out')), HOST_INIT_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  })();
  connection = started;
  started.catch(() => {
    if (connection === started) connection = undefined;
  });
  return started;
}

/** The signed-in user as the host names them (the account hint, and the persona on the sandbox). */
export function hostUser(context: { userPrincipalName?: string; loginHint?: string }): string | undefined {
  return context.userPrincipalName || context.loginHint || undefined;
}

/**
 * Finds out where the tab runs. Outside any frame there is no host and teams-js is not even
 * loaded (it would only reject). Inside a frame, teams-js initialises with a timeout (`connectHost`).
 */
export async function detectHost(onWarning: (message: string) => void): Promise<HostInfo> {
  if (!mayHaveHost()) return standalone();
  try {
    const { context, bridge } = await connectHost();
    bridge.notifyAppLoaded();
    const frameContext = FRAME_CONTEXTS.find((f) => f === context.frameContext) ?? 'content';
    return {
      kind: 'teams',
      theme: mapTeamsTheme(context.theme),
      locale: pickLocale(context.locale),
      frameContext,
      hostApp: hostAppOf(context.hostName),
      ...(context.subPageId ? { subPageId: context.subPageId } : {}),
      ...(hostUser(context) ? { userPrincipalName: hostUser(context) } : {}),
      ...(context.team ? { team: context.team } : {}),
      ...(context.channel ? { channel: context.channel } : {}),
      teams: bridge,
    };
  } catch (error) {
    onWarning(
      `No Microsoft 365 host answered; running standalone (${error instanceof Error ? error.message : String(error)}).`,
    );
    return standalone();
  }
}
