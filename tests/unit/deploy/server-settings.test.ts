import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBicep, resourceProperties } from '../../../scripts/check-bicep.js';
import { REPO_ROOT } from '../../../scripts/check-env-wiring.js';
import { readYaml } from '../../../scripts/check-env-wiring.js';
import { DEFAULT_SERVICE_URL, readConfig } from '../../../src/server/config.js';

/** Settings of the App Service platform, not read by our server. */
const PLATFORM_SETTINGS = new Set([
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'CUSTOM_BUILD_COMMAND',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'AZURE_CLIENT_ID',
]);

/** What an expression in the app settings stands for after deployment (literals are taken as written). */
const IDENTITY_CLIENT_ID = '6f1c0b7e-5a3d-4a0e-9d55-2c1f4f0e8a11';
const DEPLOYED_VALUES: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  AZURE_CLIENT_ID: IDENTITY_CLIENT_ID,
  TAB_ENDPOINT: 'https://actieplanzt7q4k.azurewebsites.net',
  AAD_APP_CLIENT_ID: 'ba44f9dc-bc31-4b5b-bea3-bc0821443289',
  GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  TOKEN_URL: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/oauth2/v2.0/token',
  SHAREPOINT_SITE_URL: 'https://zoetermeer.sharepoint.com/sites/actieplan',
  GRAPH_CLIENT_ID: '1d2e3f40-0000-0000-0000-000000000000',
  // App Service resolves the Key Vault reference before the process starts.
  SECRET_GRAPH_CLIENT_SECRET: 'resolved-from-key-vault',
  CLIENT_ID: IDENTITY_CLIENT_ID,
  TENANT_ID: '72f988bf-0000-0000-0000-000000000000',
  MANAGED_IDENTITY_CLIENT_ID: IDENTITY_CLIENT_ID,
  REMINDER_INTERVAL_SECONDS: '300',
};

async function appSettings() {
  const file = parseBicep(await readFile(path.join(REPO_ROOT, 'infra', 'azure.bicep'), 'utf8'));
  const settings = resourceProperties(file, 'webAppSettings');
  if (!settings) throw new Error('infra/azure.bicep has no webAppSettings resource');
  return settings;
}

/** The variable names the server's config schema knows (src/server/config.ts). */
async function configKeys(): Promise<Set<string>> {
  const source = await readFile(path.join(REPO_ROOT, 'src', 'server', 'config.ts'), 'utf8');
  const schema = /z\s*\.object\(\{([\s\S]*?)\n\s*\}\)/.exec(source)?.[1] ?? '';
  return new Set([...schema.matchAll(/^\s*([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] ?? ''));
}

describe('the web app settings in infra/azure.bicep', () => {
  it('name only variables the server reads, plus App Service platform settings', async () => {
    const keys = await configKeys();
    expect(keys.size).toBeGreaterThan(10);
    const unknown = [...(await appSettings()).keys()].filter((key) => !keys.has(key) && !PLATFORM_SETTINGS.has(key));
    expect(unknown).toEqual([]);
  });

  it('start the server in its Azure configuration: bot on the managed identity, NAA, bound for App Service', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of await appSettings()) {
      const deployed = value.literal ?? DEPLOYED_VALUES[key];
      if (deployed === undefined)
        throw new Error(`no deployed value known for the expression setting ${key}: ${value.expression}`);
      env[key] = deployed;
    }
    const config = readConfig(env);
    expect(config.host).toBe('0.0.0.0');
    expect(config.tab.auth).toBe('naa');
    expect(config.tab.personaDirectoryUrl).toBeUndefined();
    expect(config.graph).toMatchObject({
      baseUrl: DEPLOYED_VALUES.GRAPH_BASE_URL,
      clientSecret: 'resolved-from-key-vault',
    });
    expect(config.bot).toEqual({
      clientId: IDENTITY_CLIENT_ID,
      tenantId: DEPLOYED_VALUES.TENANT_ID,
      serviceUrl: DEFAULT_SERVICE_URL,
      credentials: { kind: 'managed-identity', managedIdentityClientId: IDENTITY_CLIENT_ID },
      validateInboundJwt: true,
    });
  });

  it('never set what belongs to local runs or to secrets in plain text', async () => {
    const settings = await appSettings();
    for (const key of [
      'SERVICE_URL',
      'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS',
      'PERSONA_DIRECTORY_URL',
      'GRAPH_CLIENT_SECRET',
      'CLIENT_SECRET',
      'SECRET_CLIENT_SECRET',
      'PORT',
    ]) {
      expect(settings.has(key), key).toBe(false);
    }
    expect(settings.get('SECRET_GRAPH_CLIENT_SECRET')?.expression).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{/);
    expect(settings.get('HOST')?.literal).toBe('0.0.0.0');
    expect(settings.get('TAB_AUTH')?.literal).toBe('naa');
  });
});

describe('the production install', () => {
  it('installs only runtime dependencies on App Service and starts the compiled server with node, built by the deploy', async () => {
    const settings = await appSettings();
    expect(settings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')?.literal).toBe('true');
    expect(settings.get('CUSTOM_BUILD_COMMAND')?.literal).toBe('npm ci --omit=dev --no-audit --no-fund');
    const bicep = await readFile(path.join(REPO_ROOT, 'infra', 'azure.bicep'), 'utf8');
    expect(bicep).toMatch(/param startCommand string = 'npm run serve'/);
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.scripts.serve).toBe('node dist/server/serve.js');
    // Nothing of the sandbox, the tab bundle or the tooling is installed in production.
    for (const devOnly of ['better-sqlite3', 'tsx', 'react', '@fluentui/react-components', '@pnp/sp', 'jose'])
      expect(pkg.dependencies[devOnly], devOnly).toBeUndefined();
    const doc = readYaml(await readFile(path.join(REPO_ROOT, 'teamsapp.yml'), 'utf8')) as {
      deploy: Array<{ uses: string; with?: { args?: string } }>;
    };
    const npmSteps = doc.deploy.filter((step) => step.uses === 'cli/runNpmCommand').map((step) => step.with?.args);
    expect(npmSteps).toEqual(['ci', 'run build:tab', 'run build:server']);
    expect(doc.deploy.at(-1)?.uses).toBe('azureAppService/zipDeploy');
  });
});

describe('the local configuration teamsapp.local.yml writes to .localConfigs', () => {
  it("starts the server against the tenant on loopback, with the bot's own secret and JWT checks on", async () => {
    const doc = readYaml(await readFile(path.join(REPO_ROOT, 'teamsapp.local.yml'), 'utf8')) as {
      deploy: Array<{ uses: string; with: { target: string; envs: Record<string, string | number> } }>;
    };
    const step = doc.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    expect(step?.with.target).toBe('./.localConfigs');
    const sample: Record<string, string> = {
      TAB_ENDPOINT: 'https://abcd1234-3978.euw.devtunnels.ms',
      AAD_APP_CLIENT_ID: 'ba44f9dc-bc31-4b5b-bea3-bc0821443289',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000',
      SHAREPOINT_SITE_URL: 'https://zoetermeer.sharepoint.com/sites/actieplan',
      GRAPH_CLIENT_ID: '1d2e3f40-0000-0000-0000-000000000000',
      SECRET_GRAPH_CLIENT_SECRET: 'graph-secret',
      BOT_ID: '0a1b2c3d-0000-0000-0000-000000000000',
      SECRET_BOT_PASSWORD: 'bot-secret',
      AAD_APP_TENANT_ID: '72f988bf-0000-0000-0000-000000000000',
    };
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(step?.with.envs ?? {})) {
      env[key] = String(value).replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
        const replacement = sample[name];
        if (replacement === undefined) throw new Error(`no sample value for ${name}`);
        return replacement;
      });
    }
    const config = readConfig(env);
    expect(config.host).toBe('127.0.0.1');
    expect(config.graph.tokenUrl).toBe(
      'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/oauth2/v2.0/token',
    );
    expect(config.bot).toMatchObject({
      clientId: sample.BOT_ID,
      credentials: { kind: 'client-secret', clientSecret: 'bot-secret' },
      validateInboundJwt: true,
      serviceUrl: DEFAULT_SERVICE_URL,
    });
  });
});
