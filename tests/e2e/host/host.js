// A minimal Microsoft 365 host for browser tests: it frames the tab and answers the postMessage protocol of
// @microsoft/teams-js 2.x (messages `{ id, uuidAsString, func, args }`, answers `{ id, uuidAsString, args }`),
// the way Teams does for the calls the tab makes. Everything the tab asks is recorded in `window.hostLog`.
// Query parameters: tab (the tab's URL), context (JSON: theme, locale, frameContext, subPageId, upn, naa).
(function () {
  const params = new URLSearchParams(window.location.search);
  const tabUrl = params.get('tab');
  const context = JSON.parse(params.get('context') || '{}');
  const frame = document.getElementById('tab');
  const tabOrigin = new URL(tabUrl).origin;
  const log = [];
  window.hostLog = log;
  window.hostState = { config: undefined, validity: undefined, deepLinks: [], handlers: [], notified: [] };

  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: Boolean(context.naa),
    isLegacyTeams: false,
    supports: {
      appInstallDialog: {},
      dialog: { card: {}, url: {}, update: {} },
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
      ...(context.naa ? { nestedAppAuth: {} } : {}),
    },
  };

  function post(message) {
    frame.contentWindow.postMessage(message, tabOrigin);
  }
  function reply(request, args) {
    post({ id: request.id, uuidAsString: request.uuidAsString, args });
  }

  const rawContext = () => ({
    locale: context.locale || 'nl-NL',
    theme: context.theme || 'default',
    frameContext: context.frameContext || 'content',
    entityId: context.entityId || 'actieplan',
    subEntityId: context.subPageId,
    userPrincipalName: context.upn,
    loginHint: context.upn,
    userObjectId: '00000000-0000-0000-0000-000000000001',
    tid: '6d1a3c59-5b7e-4f7a-9c1e-2a1f0e5d7c31',
    hostName: context.hostName || 'Teams',
    // A channel tab's team and channel (teams-js maps teamId → team.internalId, groupId → team.groupId,
    // channelId/channelName/channelType → channel.id/displayName/membershipType).
    teamId: context.teamId,
    groupId: context.groupId,
    teamName: context.teamName,
    channelId: context.channelId,
    channelName: context.channelName,
    channelType: context.channelType,
    hostClientType: 'web',
    appSessionId: 'test-session',
  });

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    const request = event.data;
    if (!request || typeof request.func !== 'string') return;
    log.push({ func: request.func, args: request.args });
    switch (request.func) {
      case 'initialize':
        reply(request, [context.frameContext || 'content', 'web', JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext':
        reply(request, [rawContext()]);
        break;
      case 'registerHandler':
        window.hostState.handlers.push(request.args[0]);
        break;
      case 'settings.setValidityState':
        window.hostState.validity = request.args[0];
        break;
      case 'settings.setSettings':
        window.hostState.config = request.args[0];
        reply(request, [true]);
        break;
      case 'settings.save.success':
      case 'settings.save.failure':
        window.hostState.saved = request.func === 'settings.save.success';
        break;
      case 'shareDeepLink':
        window.hostState.deepLinks.push({
          subPageId: request.args[0],
          subPageLabel: request.args[1],
          subPageWebUrl: request.args[2],
        });
        break;
      case 'appInitialization.appLoaded':
      case 'appInitialization.success':
      case 'appInitialization.failure':
        window.hostState.notified.push(request.func);
        break;
      case 'nestedAppAuth.execute':
        if (window.hostNaa)
          window
            .hostNaa(JSON.parse(request.data))
            .then((response) => post({ args: [undefined, JSON.stringify(response)] }));
        break;
      default:
        break;
    }
  });

  /** What Teams does when the user switches theme: a one-way `themeChange` to every frame. */
  window.hostSendTheme = (theme) => post({ func: 'themeChange', args: [theme] });
  /** The user pressed Save on the configuration page. */
  window.hostPressSave = () => post({ func: 'settings.save', args: [{}] });

  frame.src = tabUrl;
})();
