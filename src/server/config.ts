import { z } from 'zod';

const url = z.string().refine((v) => URL.canParse(v), { message: 'must be an absolute URL' });

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('127.0.0.1'),
    GRAPH_BASE_URL: url,
    TOKEN_URL: url,
    SHAREPOINT_SITE_URL: url,
    GRAPH_CLIENT_ID: z.string().min(1, 'is required'),
    GRAPH_CLIENT_SECRET: z.string().optional(),
    SECRET_GRAPH_CLIENT_SECRET: z.string().optional(),
    TAB_AUTH: z.enum(['persona', 'naa']),
    AAD_APP_CLIENT_ID: z.string().min(1, 'is required'),
    PERSONA_DIRECTORY_URL: url.optional(),
    TAB_DIST_DIR: z.string().default('dist/tab'),
  })
  .superRefine((env, ctx) => {
    if (!env.GRAPH_CLIENT_SECRET && !env.SECRET_GRAPH_CLIENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_GRAPH_CLIENT_SECRET'], message: 'is required (put it in env/.env.<env>.user)' });
    }
    if (env.TAB_AUTH === 'persona' && !env.PERSONA_DIRECTORY_URL) {
      ctx.addIssue({ code: 'custom', path: ['PERSONA_DIRECTORY_URL'], message: 'is required when TAB_AUTH=persona' });
    }
  });

/** What the tab needs to know at start, served as /config.json. Nothing secret. */
export type TabConfig = {
  graphBaseUrl: string;
  tokenUrl: string;
  siteUrl: string;
  clientId: string;
  auth: 'persona' | 'naa';
  personaDirectoryUrl?: string;
};

export type ServerConfig = {
  port: number;
  host: string;
  graph: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string };
  siteUrl: string;
  tab: TabConfig;
  tabDistDir: string;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates the environment once at start; every problem is named, with the variable. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    graph: { baseUrl: e.GRAPH_BASE_URL, tokenUrl: e.TOKEN_URL, clientId: e.GRAPH_CLIENT_ID, clientSecret: e.SECRET_GRAPH_CLIENT_SECRET ?? e.GRAPH_CLIENT_SECRET ?? '' },
    siteUrl: e.SHAREPOINT_SITE_URL,
    tab: {
      graphBaseUrl: e.GRAPH_BASE_URL,
      tokenUrl: e.TOKEN_URL,
      siteUrl: e.SHAREPOINT_SITE_URL,
      clientId: e.AAD_APP_CLIENT_ID,
      auth: e.TAB_AUTH,
      ...(e.PERSONA_DIRECTORY_URL ? { personaDirectoryUrl: e.PERSONA_DIRECTORY_URL } : {}),
    },
    tabDistDir: e.TAB_DIST_DIR,
  };
}
