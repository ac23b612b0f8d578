import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWiring, readEnvDocumentation, readYaml, REPO_ROOT } from '../../../scripts/check-env-wiring.js';
import { copyProject } from './fixtures.js';
import type { ProjectCopy } from './fixtures.js';

describe('teamsapp.yml against env/.env.dev', () => {
  it('uses only variables that env/.env.dev defines or an earlier step writes', async () => {
    const report = await checkWiring();
    expect(report.errors).toEqual([]);
    expect(report.uses.length).toBeGreaterThan(50);
  });

  it('leaves exactly the documented inputs for the admin to fill in', async () => {
    const { inputs } = await checkWiring();
    expect(inputs).toEqual([
      'AZURE_RESOURCE_GROUP_NAME',
      'AZURE_SUBSCRIPTION_ID',
      'KEY_VAULT_ADMIN_OBJECT_ID',
      'RESOURCE_SUFFIX',
      'SHAREPOINT_SITE_URL',
    ]);
    const guide = await readFile(path.join(REPO_ROOT, 'docs', 'deploy.md'), 'utf8');
    for (const input of inputs) expect(guide, `docs/deploy.md explains ${input}`).toContain(input);
  });

  it("gets the manifest's bot id, endpoints and the deploy target from Bicep outputs, before they are used", async () => {
    const report = await checkWiring();
    expect(report.bicepOutputs['./infra/azure.bicep']).toEqual(
      expect.arrayContaining([
        'TAB_AZURE_APP_SERVICE_RESOURCE_ID',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'BOT_ID',
        'KEY_VAULT_NAME',
      ]),
    );
    const producerOf = (variable: string) => report.producers.find((p) => p.variable === variable)?.where ?? '';
    expect(producerOf('BOT_ID')).toMatch(/arm\/deploy \(output of \.\/infra\/azure\.bicep\)/);
    expect(producerOf('TAB_AZURE_APP_SERVICE_RESOURCE_ID')).toMatch(/arm\/deploy/);
    expect(producerOf('SECRET_GRAPH_CLIENT_SECRET')).toMatch(/aadApp\/create/);
    expect(
      report.uses.some((u) => u.variable === 'BOT_ID' && /appPackage\/manifest\.json \/bots\/0\/botId/.test(u.where)),
    ).toBe(true);
  });

  it('runs no step that downloads a Bicep CLI, and uses yml schema v1.11', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'teamsapp.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*bicepCliVersion:/m);
    expect((readYaml(text) as { version: string }).version).toBe('v1.11');
  });
});

describe('teamsapp.local.yml against env/.env.dev', () => {
  it('uses only variables that are defined or written earlier', async () => {
    const report = await checkWiring({ projectFile: 'teamsapp.local.yml' });
    expect(report.errors).toEqual([]);
    // The dev tunnel's origin and host are filled in by hand for a local run (the add-in's https origin too).
    expect(report.inputs).toEqual(['ADDIN_ENDPOINT', 'SHAREPOINT_SITE_URL', 'TAB_DOMAIN', 'TAB_ENDPOINT']);
  });

  it('registers the bot at the tunnel with a bot app made by an earlier step', async () => {
    const report = await checkWiring({ projectFile: 'teamsapp.local.yml' });
    const endpoint = report.uses.find((u) => u.variable === 'TAB_ENDPOINT' && /botFramework\/create/.test(u.where));
    expect(endpoint?.where).toMatch(/\/with\/messagingEndpoint/);
    expect(report.producers.find((p) => p.variable === 'BOT_ID')?.where).toMatch(/aadApp\/create/);
  });
});

describe('env/.env.dev', () => {
  it('documents every variable with a comment and declares the secrets without values', async () => {
    const env = readEnvDocumentation(await readFile(path.join(REPO_ROOT, 'env', '.env.dev'), 'utf8'));
    expect(env.undocumented).toEqual([]);
    expect(env.committedSecrets).toEqual([]);
    expect([...env.declaredSecrets].sort()).toEqual(['SECRET_BOT_PASSWORD', 'SECRET_GRAPH_CLIENT_SECRET']);
    expect(env.values.TAB_AUTH).toBe('naa');
  });

  it('reads documentation comments and secret declarations', () => {
    const env = readEnvDocumentation(
      ['# documented', 'A=1', '', 'B=2', '# SECRET_X=', 'C=3', 'SECRET_Y=oops', '# SECRET_Z='].join('\n'),
    );
    expect(env.undocumented).toEqual(['B', 'C', 'SECRET_Y']);
    expect([...env.declaredSecrets]).toEqual(['SECRET_X', 'SECRET_Z']);
    expect(env.committedSecrets).toEqual(['SECRET_Y']);
  });
});

describe('a broken wiring is reported', () => {
  let copy: ProjectCopy;
  const check = (projectFile = 'teamsapp.yml') => checkWiring({ rootDir: copy.root, projectFile });

  beforeEach(async () => {
    copy = await copyProject();
  });
  afterEach(async () => {
    await copy.remove();
  });

  it('names a variable that env/.env.dev does not define and no step writes', async () => {
    await copy.edit('env/.env.dev', (t) =>
      t.replace(/\n# Required: the SharePoint site[^\n]*\nSHAREPOINT_SITE_URL=\n/, '\n'),
    );
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /teamsapp\.yml provision\[3\] arm\/deploy \(\.\/infra\/azure\.parameters\.json \/parameters\/sharePointSiteUrl\/value\): SHAREPOINT_SITE_URL is not defined in env\/\.env\.dev/,
      ),
    );
  });

  it('refuses a variable used before the step that writes it, even though env/.env.dev lists it', async () => {
    // Validate the manifest before arm/deploy has written TAB_DOMAIN and BOT_ID.
    await copy.edit('teamsapp.yml', (t) =>
      t.replace(
        '  - uses: arm/deploy\n',
        '  - uses: teamsApp/validateManifest\n    with:\n      manifestPath: ./appPackage/manifest.json\n\n  - uses: arm/deploy\n',
      ),
    );
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(
        /provision\[3\] teamsApp\/validateManifest .*BOT_ID is used before .*arm\/deploy .* writes it/,
      ),
    );
    expect(errors).toContainEqual(expect.stringMatching(/TAB_DOMAIN is used before/));
  });

  it('notices when Bicep stops writing an output that the manifest and zip deploy need', async () => {
    await copy.edit('infra/azure.bicep', (t) => t.replace(/^output BOT_ID string = .*\n/m, ''));
    const { errors, inputs } = await check();
    expect(errors).toEqual([]);
    // BOT_ID is still listed (empty) in env/.env.dev, so it surfaces as an unexpected input.
    expect(inputs).toContain('BOT_ID');
  });

  it('refuses a variable that a step writes but env/.env.dev does not document', async () => {
    await copy.edit('infra/azure.bicep', (t) => `${t}output EXTRA_OUTPUT string = webApp.name\n`);
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(/writes EXTRA_OUTPUT, which env\/\.env\.dev does not document/),
    );
  });

  it('refuses an undeclared secret, and a secret with a value in the committed file', async () => {
    await copy.edit('env/.env.dev', (t) =>
      t.replace('# SECRET_GRAPH_CLIENT_SECRET=\n', '# documented, but committed\nSECRET_GRAPH_CLIENT_SECRET=oops\n'),
    );
    const { errors } = await check();
    expect(errors).toContain(
      'env/.env.dev: SECRET_GRAPH_CLIENT_SECRET has a value in a committed file; secrets belong in the .user file',
    );
  });

  it('refuses a secret that no step writes and env/.env.dev does not declare', async () => {
    await copy.edit('teamsapp.local.yml', (t) =>
      t.replace('CLIENT_SECRET: ${{SECRET_BOT_PASSWORD}}', 'CLIENT_SECRET: ${{SECRET_UNKNOWN}}'),
    );
    const { errors } = await check('teamsapp.local.yml');
    expect(errors).toContainEqual(
      expect.stringMatching(/SECRET_UNKNOWN is neither written by an earlier step nor declared in env\/\.env\.dev/),
    );
  });

  it('refuses an undocumented variable in env/.env.dev', async () => {
    await copy.edit('env/.env.dev', (t) => `${t}\nUNDOCUMENTED=1\n`);
    const { errors } = await check();
    expect(errors).toContain('env/.env.dev: UNDOCUMENTED has no comment directly above it');
  });

  it('refuses a pinned Bicep CLI version', async () => {
    await copy.edit('teamsapp.yml', (t) =>
      t.replace('      templates:\n', '      bicepCliVersion: v0.30.3\n      templates:\n'),
    );
    const { errors } = await check();
    expect(errors).toContainEqual(expect.stringMatching(/remove bicepCliVersion/));
  });

  it('reports Bicep lint errors and a parameters file that does not fit the template', async () => {
    await copy.edit('infra/azure.bicep', (t) =>
      t.replace("param botSku string = 'F0'", "param botSku string = 'F0'\nparam forgotten string"),
    );
    await copy.editJson('infra/azure.parameters.json', (json) => {
      (json.parameters as Record<string, unknown>).notAParam = { value: 'x' };
    });
    const { errors } = await check();
    expect(errors).toContainEqual(expect.stringMatching(/param forgotten \(line \d+\) is never used/));
    expect(errors).toContain('./infra/azure.parameters.json: parameter notAParam is not declared in the template');
    expect(errors).toContain('./infra/azure.parameters.json: param forgotten has no default and no value');
  });

  it("reports a placeholder in the manifest's localization file that nothing defines", async () => {
    await copy.editJson('appPackage/en-us.json', (json) => {
      json['name.full'] = 'Digital Leadership Action Plan (${{NOT_DEFINED_ANYWHERE}})';
    });
    const { errors } = await check();
    expect(errors).toContainEqual(
      expect.stringMatching(/appPackage\/en-us\.json \/name\.full\): NOT_DEFINED_ANYWHERE is not defined/),
    );
  });

  it('reports a project file the YAML reader cannot read, with the line', async () => {
    await copy.edit('teamsapp.yml', (t) => t.replace('version: v1.11', 'version: [v1.11'));
    const { errors } = await check();
    expect(errors).toContainEqual(expect.stringMatching(/^teamsapp\.yml: line \d+: /));
  });

  it('reports an unknown step key and a step without "uses"', async () => {
    await copy.edit('teamsapp.yml', (t) => t.replace('  - uses: teamsApp/create\n', '  - use: teamsApp/create\n'));
    const { errors } = await check();
    expect(errors).toContain('teamsapp.yml provision[0]: a step needs "uses"');
  });
});
