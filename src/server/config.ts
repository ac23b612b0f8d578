import { z } from 'zod';
import type { BotCredentials } from '../bot/credentials.js';
import { isLoopbackHost, isLoopbackUrl } from '../bot/teams-ids.js';
import { isValidCalendarDate } from '../domain/dates.js';
import type { CalendarDate } from '../domain/model.js';
import { MAX_DAYS_BACK, stretchWithoutWorkingDay } from '../domain/recurrence.js';
import { dutchPublicHolidays } from '../reminders/holidays.js';
import type { TabConfig } from '../shared/wire.js';

export type { BotCredentials, TabConfig };

const url = z.string().refine((v) => URL.canParse(v), { message: 'must be an absolute URL' });
/** "true"/"false" (also 1/0, on/off, yes/no), as env files write booleans. */
const flag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'on' || v === 'yes');

/** Where the Teams SDK sends proactive messages unless told otherwise (the public cloud's Bot Connector). */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams';

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
    /**
     * The Entra authority of the tab's redirect sign-in in a plain browser (TAB_AUTH=naa). Default: TOKEN_URL without
     * its `/oauth2/v2.0/token` (`https://login.microsoftonline.com/<tenant>`). MSAL.js accepts https only.
     */
    TAB_AUTHORITY: url.optional(),
    AAD_APP_CLIENT_ID: z.string().min(1, 'is required'),
    PERSONA_DIRECTORY_URL: url.optional(),
    TAB_DIST_DIR: z.string().default('dist/tab'),
    /** Public origin of the tab; the reminder card's "Open in actieplan" links to it. Default: the app server. */
    TAB_ENDPOINT: url.optional(),
    // The bot (Teams SDK names). Without CLIENT_ID the server runs without a bot.
    CLIENT_ID: z.string().min(1).optional(),
    CLIENT_SECRET: z.string().min(1).optional(),
    SECRET_CLIENT_SECRET: z.string().min(1).optional(),
    // A tenant id is a GUID; Teams and Entra send it in lower case, so it is kept that way (an id configured in capitals
    // refused every action).
    TENANT_ID: z
      .string()
      .trim()
      .min(1)
      .transform((id) => id.toLowerCase())
      .optional(),
    MANAGED_IDENTITY_CLIENT_ID: z.string().min(1).optional(),
    SERVICE_URL: url.default(DEFAULT_SERVICE_URL),
    DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: flag.default(false),
    REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** The municipality's name as the progress report's title page shows it (empty: the default). */
    /**
     * The organisation's own closing days, skipped by the reminder's default lead time like the Dutch public
     * holidays: comma-separated YYYY-MM-DD (for example Bevrijdingsdag or a bridge day).
     */
    EXTRA_HOLIDAYS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((d) => d.trim())
          .filter((d) => d !== ''),
      )
      .refine((dates) => dates.every(isValidCalendarDate), { message: 'must be dates YYYY-MM-DD separated by commas' }),
    GEMEENTE: z
      .string()
      .optional()
      .transform((v) => v?.trim() || 'Gemeente Zoetermeer'),
  })
  .superRefine((env, ctx) => {
    const closed = closingStretch(env.EXTRA_HOLIDAYS);
    if (closed) {
      ctx.addIssue({
        code: 'custom',
        path: ['EXTRA_HOLIDAYS'],
        message: `leaves no working day from ${closed.from} to ${closed.to} (${closed.days} days with the weekends and public holidays); a reminder before a meeting after them would have no day to go out on, so at most ${MAX_DAYS_BACK - 1} days in a row may be without a working day`,
      });
    }
    if (env.CLIENT_ID && !env.TENANT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['TENANT_ID'],
        message: 'is required with CLIENT_ID (card actions are honoured only in this tenant)',
      });
    }
    if (env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) {
      if (!isLoopbackHost(env.HOST)) {
        ctx.addIssue({
          code: 'custom',
          path: ['DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS'],
          message: `is refused: the bot endpoint would accept unauthenticated activities on HOST=${env.HOST}, which is not a loopback address`,
        });
      }
      if (!isLoopbackUrl(env.SERVICE_URL)) {
        ctx.addIssue({
          code: 'custom',
          path: ['SERVICE_URL'],
          message:
            'must be a loopback URL (the local Bot Connector) when DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS is on',
        });
      }
    } else if (new URL(env.SERVICE_URL).protocol !== 'https:' && !isLoopbackUrl(env.SERVICE_URL)) {
      ctx.addIssue({ code: 'custom', path: ['SERVICE_URL'], message: 'must be https (the bot sends its token there)' });
    }
    if (!env.GRAPH_CLIENT_SECRET && !env.SECRET_GRAPH_CLIENT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRET_GRAPH_CLIENT_SECRET'],
        message: 'is required (put it in env/.env.<env>.user)',
      });
    }
    if (env.TAB_AUTH === 'naa') {
      const authority = tabAuthority(env);
      const variable = env.TAB_AUTHORITY ? 'TAB_AUTHORITY' : 'TOKEN_URL';
      if (!authority) {
        ctx.addIssue({
          code: 'custom',
          path: ['TAB_AUTHORITY'],
          message: `is required when TAB_AUTH=naa and TOKEN_URL does not end in /oauth2/v2.0/token (got '${env.TOKEN_URL}')`,
        });
      } else if (new URL(authority).protocol !== 'https:') {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: `must give an https authority for the browser sign-in (MSAL.js refuses '${authority}'); set TAB_AUTHORITY`,
        });
      }
    }
    if (env.TAB_AUTH === 'persona' && !env.PERSONA_DIRECTORY_URL) {
      ctx.addIssue({ code: 'custom', path: ['PERSONA_DIRECTORY_URL'], message: 'is required when TAB_AUTH=persona' });
    }
  });

/** The tab's Entra authority: TAB_AUTHORITY, else TOKEN_URL's tenant (`…/<tenant>/oauth2/v2.0/token`). */
function tabAuthority(env: { TAB_AUTHORITY?: string | undefined; TOKEN_URL: string }): string | undefined {
  if (env.TAB_AUTHORITY) return env.TAB_AUTHORITY.replace(/\/+$/, '');
  const match = /^(.*)\/oauth2\/v2\.0\/token\/?$/.exec(env.TOKEN_URL);
  return match?.[1] || undefined;
}

export type BotConfig = {
  clientId: string;
  tenantId: string;
  /** Bot Connector base URL for proactive sends, updates and member lookups. */
  serviceUrl: string;
  credentials: BotCredentials;
  /**
   * Whether inbound activities must carry a valid Bot Framework JWT. False only in the explicit local
   * configuration (`DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true`), which config refuses off loopback.
   */
  validateInboundJwt: boolean;
};

export type ServerConfig = {
  port: number;
  host: string;
  graph: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string };
  siteUrl: string;
  tab: TabConfig;
  tabDistDir: string;
  /** Public origin of the tab, when configured (else the app server's own URL is used). */
  tabEndpoint?: string;
  /** Absent when no CLIENT_ID is configured: the server then runs without the bot and the reminder job. */
  bot?: BotConfig;
  reminders: { intervalMs: number; extraHolidays: CalendarDate[] };
};

/** A configuration refused at start; `issues` has one entry per variable, for one log line each. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly issues: readonly { variable: string; problem: string }[] = [],
  ) {
    super(message);
  }
}

/** Validates the environment once at start; every problem is named, with the variable. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      const value = env[variable];
      // A URL-valued variable's value is shown (it is never secret); other values are not echoed.
      const shown = value !== undefined && variable.endsWith('_URL') ? ` (got '${value}')` : '';
      return { variable, problem: `${issue.message}${shown}` };
    });
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.problem}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`, issues);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    graph: {
      baseUrl: e.GRAPH_BASE_URL,
      tokenUrl: e.TOKEN_URL,
      clientId: e.GRAPH_CLIENT_ID,
      clientSecret: e.SECRET_GRAPH_CLIENT_SECRET ?? e.GRAPH_CLIENT_SECRET ?? '',
    },
    siteUrl: e.SHAREPOINT_SITE_URL,
    tab: {
      graphBaseUrl: e.GRAPH_BASE_URL,
      tokenUrl: e.TOKEN_URL,
      siteUrl: e.SHAREPOINT_SITE_URL,
      clientId: e.AAD_APP_CLIENT_ID,
      auth: e.TAB_AUTH,
      ...(e.TAB_AUTH === 'naa' ? { authority: tabAuthority(e) } : {}),
      ...(e.PERSONA_DIRECTORY_URL ? { personaDirectoryUrl: e.PERSONA_DIRECTORY_URL } : {}),
      gemeente: e.GEMEENTE,
    },
    tabDistDir: e.TAB_DIST_DIR,
    ...(e.TAB_ENDPOINT ? { tabEndpoint: e.TAB_ENDPOINT } : {}),
    ...(e.CLIENT_ID && e.TENANT_ID ? { bot: botConfig(e, e.CLIENT_ID, e.TENANT_ID) } : {}),
    reminders: { intervalMs: e.REMINDER_INTERVAL_SECONDS * 1000, extraHolidays: e.EXTRA_HOLIDAYS },
  };
}

/**
 * A run of closing days too long for the reminder's lead time (`reminderTime` looks back at most `MAX_DAYS_BACK` days
 * for a working day, and throws past that), counted with the weekends and the Dutch public holidays the job skips too.
 */
function closingStretch(extra: readonly CalendarDate[]) {
  // zod runs this refinement also when a date failed its own check: that one is reported already.
  if (extra.length === 0 || !extra.every(isValidCalendarDate)) return undefined;
  const years = new Set(extra.flatMap((d) => [-1, 0, 1].map((o) => Number(d.slice(0, 4)) + o)));
  return stretchWithoutWorkingDay([...extra, ...dutchPublicHolidays(years)]);
}

function botConfig(
  e: {
    SERVICE_URL: string;
    DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: boolean;
    CLIENT_SECRET?: string | undefined;
    SECRET_CLIENT_SECRET?: string | undefined;
    MANAGED_IDENTITY_CLIENT_ID?: string | undefined;
  },
  clientId: string,
  tenantId: string,
): BotConfig {
  const secret = e.SECRET_CLIENT_SECRET ?? e.CLIENT_SECRET;
  let credentials: BotCredentials;
  if (e.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS) credentials = { kind: 'local' };
  else if (secret) credentials = { kind: 'client-secret', clientSecret: secret };
  else
    credentials = e.MANAGED_IDENTITY_CLIENT_ID
      ? { kind: 'managed-identity', managedIdentityClientId: e.MANAGED_IDENTITY_CLIENT_ID }
      : { kind: 'managed-identity' };
  return {
    clientId,
    tenantId,
    serviceUrl: e.SERVICE_URL.replace(/\/+$/, ''),
    credentials,
    validateInboundJwt: !e.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS,
  };
}
