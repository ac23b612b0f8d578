import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkParameterFile,
  lintBicep,
  parseBicep,
  resourceProperties,
  scanBicep,
} from '../../../scripts/check-bicep.js';
import { REPO_ROOT } from '../../../scripts/check-env-wiring.js';

const lint = (text: string) => lintBicep(parseBicep(text), 'x.bicep');

const GOOD = [
  "@description('Base name (it\\'s {unbalanced} in text, which does not count)')",
  'param baseName string',
  '@secure()',
  'param secret string',
  "param location string = 'westeurope'",
  "var tags = { app: 'x' } // a comment with { and (",
  "resource site 'Microsoft.Web/sites@2023-12-01' = {",
  "  name: '${baseName}-${take(toLower('A}B'), 3)}'",
  '  location: location',
  '  tags: tags',
  '  properties: {',
  "    SETTING_A: 'literal'",
  "    SETTING_B: '@Microsoft.KeyVault(SecretUri=${kv.properties.secretUri})'",
  '    SETTING_C: secret // used here',
  '  }',
  '}',
  "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {",
  "  name: 'kv'",
  '}',
  '/* a block',
  '   comment with } */',
  "output SITE_ID string = site.id // not 'secret'",
].join('\n');

describe('the Bicep structural check', () => {
  it('accepts a well-formed template, however braces appear in strings and comments', () => {
    expect(lint(GOOD)).toEqual({ errors: [], warnings: [] });
  });

  it('reads parameters with their decorators, outputs and resources', () => {
    const file = parseBicep(GOOD);
    expect(file.params.map((p) => [p.name, p.type, p.hasDefault, p.secure])).toEqual([
      ['baseName', 'string', false, false],
      ['secret', 'string', false, true],
      ['location', 'string', true, false],
    ]);
    expect(file.outputs.map((o) => o.name)).toEqual(['SITE_ID']);
    expect(file.resources.map((r) => [r.symbol, r.type, r.apiVersion, r.existing])).toEqual([
      ['site', 'Microsoft.Web/sites', '2023-12-01', false],
      ['kv', 'Microsoft.KeyVault/vaults', '2023-07-01', true],
    ]);
  });

  it("reads the key/value pairs of a resource's properties, literals apart from expressions", () => {
    const settings = resourceProperties(parseBicep(GOOD), 'site');
    expect(settings?.get('SETTING_A')).toMatchObject({ literal: 'literal' });
    expect(settings?.get('SETTING_B')?.literal).toBeUndefined();
    expect(settings?.get('SETTING_C')).toMatchObject({ expression: 'secret' });
    expect([...(settings?.keys() ?? [])]).toEqual(['SETTING_A', 'SETTING_B', 'SETTING_C']);
  });

  it('reports brackets that do not balance, with the line', () => {
    expect(scanBicep('var a = {\n  b: [1, 2)\n}').problems).toEqual(["line 2: ')' closes '[' opened on line 2"]);
    expect(scanBicep('var a = {\n  b: 1\n').problems).toEqual(["line 1: '{' is never closed"]);
    expect(scanBicep('var a = 1\n}').problems).toEqual(["line 2: '}' closes nothing"]);
  });

  it('reports unterminated strings, interpolations and comments', () => {
    expect(scanBicep("var a = 'open\nvar b = 1").problems).toEqual(['line 1: unterminated string']);
    expect(scanBicep('var a = 1 /* open').problems).toEqual(['line 1: unterminated /* comment']);
    expect(scanBicep("var a = '''never closed").problems).toEqual(["line 1: unterminated ''' string"]);
  });

  it('reports a param or var that is never used (its own default and its comments do not count)', () => {
    const result = lint("param unused string = 'unused'\n// unused\nvar alsoUnused = 'x'\noutput A string = 'a'");
    expect(result.errors).toEqual([
      'x.bicep: param unused (line 1) is never used',
      'x.bicep: var alsoUnused (line 3) is never used',
    ]);
  });

  it('reports a resource without an API version, or with a malformed one, and warns about previews', () => {
    const result = lint(
      [
        "resource a 'Microsoft.Web/sites' = {",
        '}',
        "resource b 'Microsoft.Web/sites@latest' = {",
        '}',
        "resource c 'Microsoft.Insights/x@2021-05-01-preview' = {",
        '}',
      ].join('\n'),
    );
    expect(result.errors).toEqual([
      "x.bicep: resource a (line 1) has no API version ('Microsoft.Web/sites@<version>')",
      "x.bicep: resource b has a malformed API version 'latest'",
    ]);
    expect(result.warnings).toEqual(['x.bicep: resource c uses a preview API version (2021-05-01-preview)']);
  });

  it('reports outputs that leak a secure param or a connection string, are objects, or are not UPPER_SNAKE_CASE', () => {
    const result = lint(
      [
        '@secure()',
        'param pw string',
        "resource ai 'Microsoft.Insights/components@2020-02-02' = {",
        "  name: 'x'",
        '}',
        'output LEAK string = pw',
        'output CONN string = ai.properties.ConnectionString',
        'output tabDomain string = ai.name',
        'output OBJ object = {}',
      ].join('\n'),
    );
    expect(result.errors).toEqual([
      'x.bicep: output LEAK exposes the @secure() param pw',
      'x.bicep: output CONN exposes a key or connection string; outputs are written to the committed env file',
      'x.bicep: output tabDomain should be UPPER_SNAKE_CASE: the toolkit writes it to the env file as TABDOMAIN',
      'x.bicep: output OBJ is an object; the toolkit flattens it into OBJ__* variables. Use one string output per variable.',
    ]);
  });

  it('reports a @secure() param with a default value and duplicate symbols', () => {
    const result = lint("@secure()\nparam pw string = 'x'\nvar a = pw\nvar a = 2\noutput A string = string(a)");
    expect(result.errors).toContain('x.bicep: @secure() param pw must not have a default value');
    expect(result.errors).toContain('x.bicep: the symbol a is declared 2 times');
  });

  it('checks a parameters file against the template', () => {
    const file = parseBicep(
      "param a string\n@secure()\nparam s string\nparam plain string\nparam d string = 'x'\noutput O string = '${a}${s}${plain}${d}'",
    );
    expect(
      checkParameterFile(file, {
        parameters: { a: { value: '${{A}}' }, s: { value: '${{SECRET_S}}' }, plain: { value: 'x' } },
      }).errors,
    ).toEqual([]);
    expect(
      checkParameterFile(file, {
        parameters: { a: { value: '${{SECRET_A}}' }, s: { value: 'literal' }, ghost: { value: 1 } },
      }).errors,
    ).toEqual([
      'azure.parameters.json: a receives a SECRET_ value, but param a is not @secure()',
      'azure.parameters.json: @secure() param s has a literal value in a committed file; pass it as ${{SECRET_...}}',
      'azure.parameters.json: parameter ghost is not declared in the template',
      'azure.parameters.json: param plain has no default and no value',
    ]);
    expect(checkParameterFile(file, {}).errors).toEqual(['azure.parameters.json: has no "parameters" object']);
  });

  it('passes for infra/azure.bicep, with only the known preview warning', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'infra', 'azure.bicep'), 'utf8');
    const result = lintBicep(parseBicep(text), 'infra/azure.bicep');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'infra/azure.bicep: resource webAppDiagnostics uses a preview API version (2021-05-01-preview)',
    ]);
  });
});

describe('infra/azure.bicep', () => {
  const load = async () => parseBicep(await readFile(path.join(REPO_ROOT, 'infra', 'azure.bicep'), 'utf8'));

  it('registers the bot with its managed identity, the Teams channel and the /api/messages endpoint', async () => {
    const file = await load();
    const bot = file.resources.find((r) => r.type === 'Microsoft.BotService/botServices');
    expect(bot?.body).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot?.body).toMatch(/msaAppId: identity\.properties\.clientId/);
    expect(bot?.body).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(bot?.body).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    const channel = file.resources.find((r) => r.type === 'Microsoft.BotService/botServices/channels');
    expect(channel?.body).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(file.outputs.find((o) => o.name === 'BOT_ID')?.expression).toBe('identity.properties.clientId');
  });

  it('keeps the one unavoidable secret in an RBAC Key Vault that only the managed identity can read', async () => {
    const file = await load();
    const text = await readFile(path.join(REPO_ROOT, 'infra', 'azure.bicep'), 'utf8');
    const vault = file.resources.find((r) => r.type === 'Microsoft.KeyVault/vaults');
    expect(vault?.body).toMatch(
      /properties: keyVaultPurgeProtection \? union\(keyVaultProperties, keyVaultPurgeProtectionProperties\) : keyVaultProperties/,
    );
    expect(/\nvar keyVaultProperties = \{[\s\S]*?\n\}/.exec(text)?.[0]).toMatch(
      /\n {2}enableRbacAuthorization: true\n/,
    );
    expect(text).not.toMatch(/accessPolicies/);
    const assignment = file.resources.find((r) => r.symbol === 'identityReadsSecrets');
    expect(assignment?.body).toMatch(/principalId: identity\.properties\.principalId/);
    expect(assignment?.body).toMatch(/scope: keyVault/);
    expect(file.params.find((p) => p.name === 'graphClientSecret')?.secure).toBe(true);
    const settings = resourceProperties(file, 'webAppSettings');
    expect(settings?.get('SECRET_GRAPH_CLIENT_SECRET')?.expression).toBe(
      "'@Microsoft.KeyVault(SecretUri=${graphSecret.properties.secretUri})'",
    );
    expect(text).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  });

  it('hosts on Linux App Service with Node 22, Always On, no affinity and the /healthz health check', async () => {
    const site = (await load()).resources.find((r) => r.symbol === 'webApp');
    expect(site?.body).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
    expect(site?.body).toMatch(/alwaysOn: true/);
    expect(site?.body).toMatch(/clientAffinityEnabled: false/);
    expect(site?.body).toMatch(/healthCheckPath: '\/healthz'/);
    expect(site?.body).toMatch(/httpsOnly: true/);
  });
});
