import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../../scripts/make-icons.js';
import {
  bundledSchemaFile,
  expandPlaceholders,
  loadAppPackage,
  parseEnvFile,
  REPO_ROOT,
  validateAppPackage,
} from '../../../scripts/validate-manifest.js';
import { arr, copyAppPackage, obj } from './fixtures.js';
import type { PackageCopy } from './fixtures.js';

/** A square PNG filled with one colour, for icons of the wrong size or colour. */
function solidPng(size: number, rgba: readonly [number, number, number, number]): Buffer {
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set(rgba, i * 4);
  return encodePng({ width: size, height: size, channels: 4, data });
}

// Compiling the bundled Teams schemas takes seconds; the validator keeps them compiled, so the tests share that once.
beforeAll(async () => {
  await validateAppPackage({ env: {} });
}, 60_000);

describe('the real app package', () => {
  it('passes offline validation with the sandbox env', async () => {
    const result = await validateAppPackage({ env: {} });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('uses the newest manifest schema the bundled validator has, up to 1.30', async () => {
    const bundled = readdirSync(path.dirname(path.dirname(bundledSchemaFile('1.30') ?? '')))
      .map((dir) => /^v1\.(\d+)$/.exec(dir)?.[1])
      .flatMap((minor) => (minor === undefined ? [] : [Number(minor)]))
      .filter((minor) => minor <= 30);
    const result = await validateAppPackage({ env: {} });
    expect(result.manifestVersion).toBe(`1.${Math.max(...bundled)}`);
  });

  it('follows PORT, SANDBOX_PORT and PLAYGROUND_PORT as npm start does (the sandbox package points at that run)', async () => {
    const { ok, errors, files } = await loadAppPackage({ env: { PORT: '47100', SANDBOX_PORT: '47101' } });
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
    const text = files.map((f) => f.bytes.toString('utf8')).join('\n');
    expect(text).not.toMatch(/:3978\b/);
    expect(text).toContain('http://127.0.0.1:47100/index.html#/config');
  });

  it('refuses a port variable that is no port, naming it', async () => {
    const { ok, errors } = await loadAppPackage({ env: { PORT: 'abc' } });
    expect(ok).toBe(false);
    expect(errors).toEqual(['PORT=abc: expected a port number from 1 to 65535']);
  });

  it('is Dutch by default with an English translation', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    const localization = obj(manifest?.localizationInfo);
    expect(localization.defaultLanguageTag).toBe('nl-nl');
    expect(localization.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    expect(obj(manifest?.name).short).toBe('Actieplan Digitaal Leiderschap');
    expect(obj(manifest?.description).full).toMatch(/213a.*elf adviezen.*33 acties/s);
  });

  it('declares the MT channel tab, the personal tabs and nested app authentication', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    const [channelTab] = arr(manifest?.configurableTabs).map(obj);
    expect(channelTab).toMatchObject({
      configurationUrl: 'http://127.0.0.1:3978/index.html#/config',
      canUpdateConfiguration: true,
      scopes: ['team', 'groupChat'],
      context: [
        'channelTab',
        'privateChatTab',
        'meetingChatTab',
        'meetingDetailsTab',
        'meetingSidePanel',
        'meetingStage',
      ],
    });
    const staticTabs = arr(manifest?.staticTabs).map(obj);
    expect(staticTabs.map((tab) => [tab.name, tab.contentUrl, tab.scopes])).toEqual([
      ['Mijn acties', 'http://127.0.0.1:3978/index.html#/mijn-acties', ['personal']],
      ['Volgende vergadering', 'http://127.0.0.1:3978/index.html#/vergadering', ['personal']],
      ['Over', 'http://127.0.0.1:3978/index.html#/over', ['personal']],
    ]);
    expect(manifest?.validDomains).toEqual(['127.0.0.1:3978']);
    expect(manifest?.webApplicationInfo).toEqual({
      id: 'ba44f9dc-bc31-4b5b-bea3-bc0821443289',
      resource: 'api://127.0.0.1:3978/ba44f9dc-bc31-4b5b-bea3-bc0821443289',
      nestedAppAuthInfo: [
        { redirectUri: 'brk-multihub://127.0.0.1:3978', scopes: ['User.Read', 'Sites.ReadWrite.All'] },
      ],
    });
    expect(manifest).toMatchObject({ devicePermissions: [], showLoadingIndicator: true, isFullScreen: false });
  });

  it('asks for the delegated RSC permissions that share to stage needs in chat and channel meetings, and for no application RSC', async () => {
    // Microsoft Learn, "Build tabs for meetings" and "Build apps for Teams meeting stage": MeetingStage.Write.Chat and
    // ChannelMeetingStage.Write.Group are required in the manifest to share the app to the meeting stage.
    const { manifest } = await loadAppPackage({ env: {} });
    const rsc = arr(obj(obj(manifest?.authorization).permissions).resourceSpecific).map(obj);
    expect(rsc).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]);
    expect(arr(obj(arr(manifest?.configurableTabs)[0]).context)).toEqual(
      expect.arrayContaining(['meetingSidePanel', 'meetingStage']),
    );
  });

  it('declares private channels (the tab) and not shared channels; the bot stays in the team scope', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    expect(manifest?.supportedChannelTypes).toEqual(['privateChannels']);
    expect(arr(obj(arr(manifest?.bots)[0]).scopes)).toEqual(['team']);
  });

  it('declares the reminder bot for the MT teams, without commands it does not handle', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    expect(manifest?.bots).toEqual([
      {
        botId: 'b8e32370-4bea-4699-9c2b-807756cacf12',
        scopes: ['team'],
        supportsFiles: false,
        isNotificationOnly: false,
      },
    ]);
    // No commandLists: the bot answers installation events and card actions, not typed commands.
    expect(obj(arr(manifest?.bots)[0]).commandLists).toBeUndefined();
  });

  it('has every variable it uses listed in the real-tenant template env/.env.dev', async () => {
    // Before the first provision the values are empty, but none may be missing from the file.
    const result = await validateAppPackage({ env: {}, envFile: path.join(REPO_ROOT, 'env', '.env.dev') });
    expect(result.errors.filter((error) => error.includes('is not defined'))).toEqual([]);
    expect(result.errors).toContain('manifest.json: variable TEAMS_APP_ID is empty in env/.env.dev (used at /id)');
  });
});

describe('a broken app package fails with a specific message', () => {
  let copy: PackageCopy;
  const validate = () => validateAppPackage({ env: {}, envFile: copy.envFile, appPackageDir: copy.appPackageDir });

  beforeEach(async () => {
    copy = await copyAppPackage();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('rejects a configurable tab context that the schema does not know', async () => {
    await copy.editJson('manifest.json', (m) => {
      obj(arr(m.configurableTabs)[0]).context = ['channel'];
    });
    const result = await validate();
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /^manifest\.json: schema: \/configurableTabs\/0\/context\/0 must be equal to one of the allowed values/,
      ),
    );
  });

  it('rejects a bot id that is not a Microsoft Entra client id (GUID)', async () => {
    await copy.editEnv((lines) => lines.map((line) => (line.startsWith('BOT_ID=') ? 'BOT_ID=actieplan-bot' : line)));
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: schema: \/bots\/0\/botId must match pattern/),
    );
  });

  it('names BOT_ID when the env file does not define it', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('BOT_ID=')));
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: variable BOT_ID is not defined in .*\(used at \/bots\/0\/botId\)$/),
    );
  });

  it('rejects a bot scope that the schema does not know', async () => {
    await copy.editJson('manifest.json', (m) => {
      obj(arr(m.bots)[0]).scopes = ['channel'];
    });
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: schema: \/bots\/0\/scopes\/0 must be equal to one of the allowed values/),
    );
  });

  it('rejects a manifest without a name', async () => {
    await copy.editJson('manifest.json', (m) => {
      delete m.name;
    });
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: schema: \/ must have required property 'name'/),
    );
    // The translations now point at nothing, and that is said too.
    expect(result.errors).toContain('en-us.json: key "name.short" refers to a manifest field that does not exist');
  });

  it('names a variable that the env file does not define', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('TAB_DOMAIN=')));
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /^manifest\.json: variable TAB_DOMAIN is not defined in .*\.env\.sandbox \(used at \/validDomains\/0\)$/,
      ),
    );
  });

  it('names a variable that is used in a localization file but not defined', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('APP_NAME_SUFFIX=')));
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^en-us\.json: variable APP_NAME_SUFFIX is not defined .*\(used at \/name\.full\)$/),
    );
  });

  it('reports an outline icon of the wrong size', async () => {
    await writeFile(path.join(copy.appPackageDir, 'outline.png'), solidPng(64, [255, 255, 255, 0]));
    const result = await validate();
    expect(result.errors).toContain('outline.png: icons.outline must be 32×32 pixels, but is 64×64');
  });

  it('reports a colour icon of the wrong size', async () => {
    await writeFile(path.join(copy.appPackageDir, 'color.png'), solidPng(100, [0, 105, 180, 255]));
    const result = await validate();
    expect(result.errors).toContain('color.png: icons.color must be 192×192 pixels, but is 100×100');
  });

  it('reports an outline icon that is not white on transparent', async () => {
    const data = new Uint8Array(32 * 32 * 4); // transparent
    data.set([0, 105, 180, 255], (5 * 32 + 7) * 4); // one blue pixel at x=7, y=5
    await writeFile(
      path.join(copy.appPackageDir, 'outline.png'),
      encodePng({ width: 32, height: 32, channels: 4, data }),
    );
    const result = await validate();
    expect(result.errors).toContain(
      'outline.png: outline icon has 1 visible pixel(s) that are not pure white (first at x=7, y=5: rgb(0, 105, 180))',
    );
  });

  it('reports an outline icon without transparency', async () => {
    const data = new Uint8Array(32 * 32 * 3).fill(255);
    await writeFile(
      path.join(copy.appPackageDir, 'outline.png'),
      encodePng({ width: 32, height: 32, channels: 3, data }),
    );
    const result = await validate();
    expect(result.errors).toContain(
      'outline.png: outline icon has no alpha channel; it must be white on a transparent background',
    );
  });

  it('reports a missing icon file', async () => {
    await copy.editJson('manifest.json', (m) => {
      obj(m.icons).color = 'kleur.png';
    });
    const result = await validate();
    expect(result.errors).toContainEqual(expect.stringMatching(/^kleur\.png: icons\.color file not found/));
  });

  it('reports a translation for a manifest field that does not exist', async () => {
    await copy.editJson('en-us.json', (loc) => {
      loc['staticTabs[5].name'] = 'Ghost tab';
    });
    const result = await validate();
    expect(result.errors).toContain(
      'en-us.json: key "staticTabs[5].name" refers to a manifest field that does not exist',
    );
  });

  it('reports a localizable manifest field without a translation', async () => {
    await copy.editJson('en-us.json', (loc) => {
      delete loc['staticTabs[1].name'];
    });
    const result = await validate();
    expect(result.errors).toContain(
      'en-us.json: no translation for "staticTabs[1].name" (manifest.json has "Volgende vergadering")',
    );
  });

  it('validates translations against the official localization schema', async () => {
    await copy.editJson('en-us.json', (loc) => {
      loc['name.short'] = 'A name that is far too long for Teams';
    });
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^en-us\.json: schema: \/name\.short must NOT have more than 30 characters/),
    );
  });

  it('reports tab URLs that are not on a valid domain', async () => {
    await copy.editEnv((lines) =>
      lines.map((line) => (line.startsWith('TAB_ENDPOINT=') ? 'TAB_ENDPOINT=http://localhost:3978' : line)),
    );
    const result = await validate();
    expect(result.errors).toContain(
      'manifest.json: configurableTabs[0].configurationUrl "http://localhost:3978/index.html#/config" is not on a domain listed in validDomains [127.0.0.1:3978]',
    );
  });

  it('reports a valid domain written as a URL, and the NAA redirect that follows from it', async () => {
    await copy.editEnv((lines) =>
      lines.map((line) => (line.startsWith('TAB_DOMAIN=') ? 'TAB_DOMAIN=http://127.0.0.1:3978' : line)),
    );
    const result = await validate();
    expect(result.errors).toContain(
      'manifest.json: validDomains[0] "http://127.0.0.1:3978" must be a bare domain (host[:port]), without scheme or path',
    );
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /nestedAppAuthInfo\[0\]\.redirectUri "brk-multihub:\/\/http:\/\/127\.0\.0\.1:3978" must be brk-multihub:\/\/<domain>/,
      ),
    );
  });

  it('rejects a $schema that does not match manifestVersion', async () => {
    await copy.editJson('manifest.json', (m) => {
      m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json';
    });
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: \$schema ".*v1\.22.*" does not match manifestVersion 1\.30/),
    );
  });

  it('refuses a manifest version without a bundled schema instead of fetching one', async () => {
    // 1.18 was never released, so no package can bundle it.
    await copy.editJson('manifest.json', (m) => {
      m.manifestVersion = '1.18';
      m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json';
    });
    const result = await validate();
    expect(result.errors).toContain(
      'manifest.json: no bundled schema for manifestVersion 1.18 in @microsoft/app-manifest; refusing to fetch it online',
    );
  });

  it('reports a manifest that is not JSON', async () => {
    await writeFile(path.join(copy.appPackageDir, 'manifest.json'), '{ "manifestVersion": ');
    const result = await validate();
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(expect.stringMatching(/^manifest\.json: invalid JSON: /));
  });
});

describe('env files and placeholders', () => {
  it('reads env files the way the toolkit does', () => {
    const vars = parseEnvFile(
      [
        '# comment',
        '',
        'A=1',
        'B = two words # trailing comment',
        'C="quoted # not a comment"',
        "D='single'",
        'E=',
        'export F=x',
      ].join('\n'),
    );
    expect(vars).toEqual({ A: '1', B: 'two words', C: 'quoted # not a comment', D: 'single', E: '', F: 'x' });
  });

  it('expands placeholders inside strings only, so values cannot break the JSON', () => {
    const problems: Parameters<typeof expandPlaceholders>[2] = [];
    const out = expandPlaceholders({ a: 'x ${{Q}} y', b: ['${{ Q }}'], c: 3 }, { Q: 'say "hi"\\' }, problems);
    expect(out).toEqual({ a: 'x say "hi"\\ y', b: ['say "hi"\\'], c: 3 });
    expect(problems).toEqual([]);
  });

  it('reports malformed placeholders', () => {
    const problems: Parameters<typeof expandPlaceholders>[2] = [];
    expandPlaceholders({ a: 'https://${{TAB_DOMAIN' }, { TAB_DOMAIN: 'x' }, problems);
    expect(problems).toEqual([{ kind: 'malformed', at: '/a' }]);
  });
});
