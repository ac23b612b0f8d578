/**
 * Everything the tab asks of its Microsoft 365 host, in one lazily loaded module: teams-js is only
 * downloaded when the tab runs in a frame. Components never import teams-js; they get a TeamsBridge.
 */
import { app, nestedAppAuth, pages } from '@microsoft/teams-js';

export type TeamsBridge = {
  onThemeChange(handler: (theme: string) => void): void;
  /** The app is up (hides nothing yet); `notifySuccess` hides the host's loading indicator. */
  notifyAppLoaded(): void;
  notifySuccess(): void;
  notifyFailure(message: string): void;
  canShareDeepLink(): boolean;
  shareDeepLink(link: { subPageId: string; subPageLabel: string; subPageWebUrl?: string }): void;
  setConfigValidity(valid: boolean): void;
  /** Registers what happens when the user presses Save on the configuration page. */
  onConfigSave(save: () => Promise<TabInstanceConfig>): void;
  isNAAChannelRecommended(): boolean;
};

export type TabInstanceConfig = {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
};

export type HostContext = {
  theme?: string;
  locale?: string;
  frameContext?: string;
  subPageId?: string;
  userPrincipalName?: string;
  loginHint?: string;
  hostName?: string;
  /** The team and channel of a channel tab (and of its configuration page); absent in chats, meetings and personal tabs. */
  team?: TeamPlace;
  channel?: ChannelInfo;
};

/** teams-js `context.team`: the thread id (`internalId`, `19:…@thread.tacv2`) and the Microsoft 365 group id. */
export type TeamPlace = { internalId: string; groupId?: string; displayName?: string };
/** teams-js `context.channel`: its id and membership type (`Regular`, `Private` or `Shared`). */
export type ChannelInfo = { id: string; displayName?: string; membershipType?: string };

/**
 * Initialises teams-js. `extraOrigins` are parent origins to trust besides the Microsoft 365 hosts that
 * teams-js knows (teams-js ignores messages from any other origin).
 */
export async function connectTeams(extraOrigins: string[]): Promise<{ context: HostContext; bridge: TeamsBridge }> {
  await app.initialize(extraOrigins.length > 0 ? extraOrigins : undefined);
  const context = await app.getContext();
  const bridge: TeamsBridge = {
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    notifyAppLoaded: () => app.notifyAppLoaded(),
    notifySuccess: () =>
      void app.notifySuccess().catch((error: unknown) => console.warn('notifySuccess failed', error)),
    notifyFailure: (message) => app.notifyFailure({ reason: app.FailedReason.Other, message }),
    canShareDeepLink: () => pages.isSupported(),
    shareDeepLink: (link) => pages.shareDeepLink(link),
    setConfigValidity: (valid) => pages.config.setValidityState(valid),
    onConfigSave: (save) =>
      pages.config.registerOnSaveHandler((event) => {
        save()
          .then((config) => pages.config.setConfig(config))
          .then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
          );
      }),
    isNAAChannelRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
  };
  return {
    context: {
      theme: context.app.theme,
      locale: context.app.locale,
      frameContext: context.page.frameContext,
      subPageId: context.page.subPageId,
      userPrincipalName: context.user?.userPrincipalName,
      loginHint: context.user?.loginHint,
      hostName: context.app.host.name,
      ...(context.team?.internalId
        ? {
            team: {
              internalId: context.team.internalId,
              ...(context.team.groupId ? { groupId: context.team.groupId } : {}),
              ...(context.team.displayName ? { displayName: context.team.displayName } : {}),
            },
          }
        : {}),
      ...(context.channel?.id
        ? {
            channel: {
              id: context.channel.id,
              ...(context.channel.displayName ? { displayName: context.channel.displayName } : {}),
              ...(context.channel.membershipType ? { membershipType: String(context.channel.membershipType) } : {}),
            },
          }
        : {}),
    },
    bridge,
  };
}
