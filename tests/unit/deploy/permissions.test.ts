import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAuthWiring, readTabScopes, REPO_ROOT, SITES_SELECTED_ROLE } from '../../../scripts/check-env-wiring.js';
import { copyProject } from './fixtures.js';
import type { ProjectCopy } from './fixtures.js';

type Aad = {
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
  replyUrlsWithType: Array<{ url: string; type: string }>;
};

describe("the app's identities, as wired in this repository", () => {
  it.each(['teamsapp.yml', 'teamsapp.local.yml'])(
    'match between the Teams manifest, the Entra manifests and %s',
    async (projectFile) => {
      const result = await checkAuthWiring({ projectFile });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    },
  );

  it('give the tab delegated User.Read and Sites.ReadWrite.All only, with the NAA redirect', async () => {
    const aad = JSON.parse(await readFile(path.join(REPO_ROOT, 'infra', 'aad.manifest.json'), 'utf8')) as Aad;
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: 'Sites.ReadWrite.All', type: 'Scope' },
        ],
      },
    ]);
    expect(aad.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
  });

  it('give the server Sites.Selected (application) on Microsoft Graph and SharePoint, and nothing else', async () => {
    const aad = JSON.parse(await readFile(path.join(REPO_ROOT, 'infra', 'aad.server.manifest.json'), 'utf8')) as Aad;
    expect(aad.requiredResourceAccess).toEqual(
      Object.entries(SITES_SELECTED_ROLE).map(([resourceAppId, id]) => ({
        resourceAppId,
        resourceAccess: [{ id, type: 'Role' }],
      })),
    );
    expect(aad.replyUrlsWithType).toEqual([]);
  });

  it('are explained in docs/permissions.md, with the permission ids the manifests use', async () => {
    const doc = await readFile(path.join(REPO_ROOT, 'docs', 'permissions.md'), 'utf8');
    for (const id of Object.values(SITES_SELECTED_ROLE)) expect(doc).toContain(id);
    for (const text of [
      'Sites.ReadWrite.All',
      'User.Read',
      'POST /sites/{site-id}/permissions',
      'Grant-PnPAzureADAppSitePermission',
      'admin consent',
      'resource-specific consent',
    ]) {
      expect(doc, text).toContain(text);
    }
  });

  it("reads the tab's scopes from its source", () => {
    expect(readTabScopes('export const GRAPH_SCOPES = [\'User.Read\', "Sites.ReadWrite.All"];')).toEqual([
      'User.Read',
      'Sites.ReadWrite.All',
    ]);
    expect(readTabScopes('export const GRAPH_SCOPES: readonly string[] = [];')).toEqual([]);
    expect(readTabScopes('const somethingElse = 1;')).toBeUndefined();
  });
});

describe('identity wiring that does not match is reported', () => {
  let copy: ProjectCopy;
  const check = (projectFile = 'teamsapp.yml') => checkAuthWiring({ rootDir: copy.root, projectFile });

  beforeEach(async () => {
    copy = await copyProject();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('a NAA scope the Entra app does not request', async () => {
    await copy.edit('appPackage/manifest.json', (t) =>
      t.replace(
        '"scopes": ["User.Read", "Sites.ReadWrite.All"]',
        '"scopes": ["User.Read", "Sites.ReadWrite.All", "Mail.Read"]',
      ),
    );
    const { errors } = await check();
    expect(errors).toContain(
      'appPackage/manifest.json: nestedAppAuthInfo[0].scopes Mail.Read are not requested in ./infra/aad.manifest.json',
    );
    expect(errors).toContainEqual(
      expect.stringMatching(/differ from the scopes the tab requests in src\/tab\/app\/auth\/naa\.ts/),
    );
  });

  it('a scope the Entra app requests but neither the manifest nor the tab uses', async () => {
    await copy.editJson('infra/aad.manifest.json', (json) => {
      const access = json.requiredResourceAccess as Aad['requiredResourceAccess'];
      access[0]?.resourceAccess.push({ id: 'Files.Read.All', type: 'Scope' });
    });
    const { errors } = await check();
    expect(errors).toContain(
      './infra/aad.manifest.json: requests Files.Read.All, which nestedAppAuthInfo[0].scopes does not list',
    );
  });

  it('a tab that asks for an application permission', async () => {
    await copy.editJson('infra/aad.manifest.json', (json) => {
      const access = json.requiredResourceAccess as Aad['requiredResourceAccess'];
      access[0]?.resourceAccess.push({ id: 'Sites.Read.All', type: 'Role' });
    });
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /the tab is a public client and must not request application permissions \(Sites\.Read\.All\)/,
      ),
    );
  });

  it('an NAA redirect that is not registered on the Entra app', async () => {
    await copy.editJson('infra/aad.manifest.json', (json) => {
      json.replyUrlsWithType = (json.replyUrlsWithType as Aad['replyUrlsWithType']).filter(
        (r) => !r.url.startsWith('brk-multihub://'),
      );
    });
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /nestedAppAuthInfo\[0\]\.redirectUri brk-multihub:\/\/\$\{\{TAB_DOMAIN\}\} is not a Spa redirect/,
      ),
    );
  });

  it("a webApplicationInfo.resource that is not the app's identifier URI", async () => {
    await copy.edit('appPackage/manifest.json', (t) =>
      t.replace(
        '"resource": "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"',
        '"resource": "api://${{TAB_DOMAIN}}/other"',
      ),
    );
    const { errors } = await check();
    expect(errors).toContain(
      'appPackage/manifest.json: webApplicationInfo.resource api://${{TAB_DOMAIN}}/other is not an identifierUri of ./infra/aad.manifest.json',
    );
  });

  it('an Entra manifest whose name differs from its aadApp/create step (aadApp/update would rename the app)', async () => {
    await copy.editJson('infra/aad.manifest.json', (json) => {
      json.name = 'renamed-${{TEAMSFX_ENV}}';
    });
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /aad\.manifest\.json: name "renamed-\$\{\{TEAMSFX_ENV\}\}" differs from teamsapp\.yml provision\[1\] aadApp\/create/,
      ),
    );
  });

  it('a server app that asks for tenant-wide site access', async () => {
    await copy.editJson('infra/aad.server.manifest.json', (json) => {
      const access = json.requiredResourceAccess as Aad['requiredResourceAccess'];
      // Sites.ReadWrite.All (application) on Microsoft Graph.
      access[0]?.resourceAccess.push({ id: '9492366f-7969-46a4-8d15-ed1a20078fff', type: 'Role' });
    });
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /requests Role 9492366f-7969-46a4-8d15-ed1a20078fff .*the server may only request Sites\.Selected/,
      ),
    );
  });

  it('a manifest without the bot, or with a bot id that is not BOT_ID', async () => {
    await copy.editJson('appPackage/manifest.json', (json) => {
      (json.bots as Array<Record<string, unknown>>)[0] = { botId: '${{AAD_APP_CLIENT_ID}}', scopes: ['personal'] };
    });
    const { errors } = await check();
    expect(errors).toContain('appPackage/manifest.json: bots[0].botId must be ${{BOT_ID}}');
    expect(errors).toContain('appPackage/manifest.json: bots[0] must have the team scope (the MT channels)');
    await copy.editJson('appPackage/manifest.json', (json) => {
      delete json.bots;
    });
    expect((await check()).errors).toContain('appPackage/manifest.json: has no bots entry; the reminders need the bot');
  });

  it('an Entra manifest applied before the step that creates its app', async () => {
    await copy.edit('teamsapp.local.yml', (t) => {
      const update =
        '  - uses: aadApp/update\n    with:\n      manifestPath: ./infra/aad.server.manifest.json\n      outputFilePath: ./appPackage/build/aad.server.manifest.${{TEAMSFX_ENV}}.json\n\n';
      return t
        .replace(update, '')
        .replace(
          '  # A separate Teams app for local debugging',
          `${update}  # A separate Teams app for local debugging`,
        );
    });
    const { errors } = await check('teamsapp.local.yml');
    expect(errors).toContainEqual(
      expect.stringMatching(/provision\[0\] aadApp\/update: runs before .*aadApp\/create, which creates the app/),
    );
  });
});
