import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFiles } from '../../src/server/env-files.js';

/**
 * `npm run test:live` (vitest.live.config.ts) runs the data layer's integration tests against a real tenant instead of
 * the local sandbox: the same test files, with `TEST_TARGET=live` telling `startTestSandbox` to hand out the tenant's
 * Graph and SharePoint addresses and app-only tokens. The tenant is named by `env/.env.<LIVE_ENV>` (default `dev`) and
 * its secrets file `env/.env.<LIVE_ENV>.user`, read the way the server reads them; variables set in the process win.
 */

/** What the live suite needs to reach a tenant, as the server's config names them. */
export const LIVE_VARIABLES = [
  'GRAPH_BASE_URL',
  'TOKEN_URL',
  'SHAREPOINT_SITE_URL',
  'GRAPH_CLIENT_ID',
  'SECRET_GRAPH_CLIENT_SECRET',
] as const;

export type LiveTenant = {
  envFile: string;
  graphBaseUrl: string;
  tokenUrl: string;
  siteUrl: string;
  clientId: string;
  clientSecret: string;
};

/** True when this test process is the live suite (vitest.live.config.ts sets it). */
export function isLiveRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TEST_TARGET === 'live';
}

/**
 * Reads and checks the tenant's settings. Throws one message that names the env file and every missing or invalid
 * variable, so an admin sees at once what to fill in; nothing is contacted before that.
 */
export function liveTenant(options: { env?: NodeJS.ProcessEnv; rootDir?: string } = {}): LiveTenant {
  const env = { ...(options.env ?? process.env) };
  const rootDir = options.rootDir ?? process.cwd();
  const envName = env.LIVE_ENV || 'dev';
  const envFile = `env/.env.${envName}`;
  const needs = `${LIVE_VARIABLES.filter((v) => !v.startsWith('SECRET_')).join(', ')} in ${envFile} and SECRET_GRAPH_CLIENT_SECRET in ${envFile}.user`;
  if (!existsSync(join(rootDir, envFile))) {
    throw new Error(
      `npm run test:live: ${envFile} not found (LIVE_ENV=${envName}). It names the tenant to test: ${needs} (README, "Checking a tenant").`,
    );
  }
  loadEnvFiles(envName, rootDir, env);
  const problems: string[] = [];
  for (const name of LIVE_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set`);
    else if (name.endsWith('_URL') && !/^https?:\/\/[^/]/.test(value))
      problems.push(`${name} is not a URL: "${value}"`);
  }
  if (problems.length > 0) {
    throw new Error(
      `npm run test:live: ${problems.join('; ')} (read ${envFile}, ${envFile}.user and the environment). Needed: ${needs}.`,
    );
  }
  const value = (name: (typeof LIVE_VARIABLES)[number]) => env[name]?.trim() ?? '';
  return {
    envFile,
    graphBaseUrl: value('GRAPH_BASE_URL').replace(/\/+$/, ''),
    tokenUrl: value('TOKEN_URL'),
    siteUrl: value('SHAREPOINT_SITE_URL').replace(/\/+$/, ''),
    clientId: value('GRAPH_CLIENT_ID'),
    clientSecret: value('SECRET_GRAPH_CLIENT_SECRET'),
  };
}
