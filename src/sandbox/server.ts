/**
 * The local Microsoft 365 sandbox: a loopback-only HTTP server (plain `node:http`) that implements
 * the subset of Microsoft Graph v1.0 and of SharePoint REST (`/sites/actieplan/_api/...`) the app
 * uses, an Entra-shaped token endpoint, and a small control surface for tests (`/_sandbox/*`).
 * Both protocols serve the same site from the same store. It knows one site and a set of personas,
 * nothing of the app.
 */
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { FaultInjector, faultsSchema } from './faults.js';
import { SandboxSetupError } from './graph-errors.js';
import type { GraphContext } from './routes/context.js';
import { createControlHandler } from './routes/control-handler.js';
import { createRequestListener } from './routes/front-door.js';
import { createGraphHandler } from './routes/graph-handler.js';
import { createRestHandler } from './routes/rest-handler.js';
import { openSignIn } from './routes/sign-in.js';
import { createTokenHandler } from './routes/token-handler.js';
import { ensureUserInformationList } from './site-setup.js';
import type { RestContext } from './rest/context.js';
import { SandboxStore } from './store.js';
import { TokenService } from './tokens.js';

/** The control surface's guard, exported here as before (its home is routes/control-handler.ts). */
export { controlRefusal } from './routes/control-handler.js';

export type SandboxFaults = {
  /** Added to every Graph response. */
  latencyMs?: number;
  /** 0..1 share of Graph requests answered 429 (or 503, see throttleStatus) before anything is done. */
  throttleRate?: number;
  throttleStatus?: 429 | 503;
  /** Retry-After header value on throttled responses (default 1). */
  retryAfterSeconds?: number;
  /** 0..1 share of writes that are committed and then answered 503 (the client must cope). */
  commitThenFailRate?: number;
  /** Deterministic pseudo-random decisions for tests. */
  seed?: number;
};

export type SandboxOptions = {
  /** 0 picks a free port; default 3979. */
  port?: number;
  /** SQLite file and signing key live here; created when missing. */
  dataDir: string;
  /** Confidential client allowed for client_credentials (default 'sandbox-app'). */
  clientId?: string;
  /** Default 'sandbox-secret': a local, non-secret default for a loopback-only sandbox. */
  clientSecret?: string;
  /** CORS origins; default the app on port 3978. */
  allowedOrigins?: string[];
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  faults?: SandboxFaults;
  /** Injectable clock (tokens, Created/Modified). */
  now?: () => Date;
};

export type RunningSandbox = {
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** baseUrl + '/v1.0' */
  graphUrl: string;
  /** baseUrl + '/sites/actieplan'; SharePoint REST is below it at `/_api/`. */
  siteUrl: string;
  /** The audience of SharePoint REST tokens (request them with `scope=<sharePointOrigin>/.default`): the baseUrl. */
  sharePointOrigin: string;
  tokenUrl: string;
  /** `https://127.0.0.1:PORT/<tenant>`: Entra's authority for MSAL.js (sign-in page, code + PKCE; routes/sign-in.ts). */
  authority: string;
  /** The self-signed certificate (PEM) the same port presents to TLS clients. */
  tlsCertificate: string;
  setFaults(f: SandboxFaults): void;
  /**
   * Saves the site as it is now (a copy of the SQLite store in the data folder), for `restore`. Tests seed once,
   * snapshot, and restore before each test file instead of seeding again.
   */
  snapshot(): void;
  /** Puts the site back as it was at the last `snapshot` (every list, item, version and change) and puts the faults back to those it started with. */
  restore(): void;
  close(): Promise<void>;
};

export const DEFAULT_PORT = 3979;
export const DEFAULT_CLIENT_ID = 'sandbox-app';
/** Not a secret: the sandbox only listens on 127.0.0.1 and holds no real data. */
export const DEFAULT_CLIENT_SECRET = 'sandbox-secret';
export const DEFAULT_ALLOWED_ORIGINS = ['http://127.0.0.1:3978', 'http://localhost:3978'];

const LOOPBACK = '127.0.0.1';
const SITE_PATH = '/sites/actieplan';
/** SharePoint REST lives below the site; `_api` is matched without regard to case, as SharePoint does. */
const REST_PREFIX = `${SITE_PATH}/_api`;
const SITE_DISPLAY_NAME = 'Actieplan Digitaal Leiderschap';

const optionsSchema = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  dataDir: z.string().min(1),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  allowedOrigins: z.array(z.string().url()).optional(),
  tokenLifetimeSeconds: z.number().int().min(1).optional(),
});

/**
 * Starts the sandbox on 127.0.0.1. On the first start in `dataDir` it creates the site (with fresh
 * GUIDs), the User Information List and the signing key; later starts reuse them.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const parsedOptions = optionsSchema.safeParse(options);
  if (!parsedOptions.success) throw new SandboxSetupError(`Invalid sandbox options: ${parsedOptions.error.message}`);
  const now = options.now ?? (() => new Date());
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const allowedOrigins = new Set(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
  const initialFaults = faultsSchema.parse(options.faults ?? {});
  const faults = new FaultInjector(initialFaults);

  const store = SandboxStore.open(options.dataDir);
  const snapshotFile = join(options.dataDir, 'snapshot.sqlite');
  let tokens: TokenService;
  let site: ReturnType<SandboxStore['ensureSite']>;
  try {
    site = store.ensureSite(now().getTime());
    ensureUserInformationList(store, now().getTime());
    tokens = await TokenService.open(options.dataDir, now, options.tokenLifetimeSeconds ?? 3600);
  } catch (err) {
    store.close();
    throw err;
  }

  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: unknown) => {
    store.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${LOOPBACK}:${port}`;
  const signIn = await openSignIn({ dataDir: options.dataDir, baseUrl, tokens, allowedOrigins, now }).catch(
    (err: unknown) => {
      server.close();
      store.close();
      throw err;
    },
  );
  signIn.acceptTls(server);
  const ctx: GraphContext = {
    store,
    site,
    siteId: `${LOOPBACK},${site.siteCollectionId},${site.webId}`,
    hostname: LOOPBACK,
    sitePath: SITE_PATH,
    siteDisplayName: SITE_DISPLAY_NAME,
    urls: { baseUrl, graphUrl: `${baseUrl}/v1.0`, siteUrl: `${baseUrl}${SITE_PATH}` },
    now,
  };

  const restCtx: RestContext = { ...ctx, apiUrl: `${ctx.urls.siteUrl}/_api/` };

  const graph = createGraphHandler({ ctx, tokens, faults, now });
  const rest = createRestHandler({ restCtx, tokens, faults, baseUrl, restPrefix: REST_PREFIX });
  const token = createTokenHandler({ clientId, clientSecret, baseUrl, tokens, signIn, now });
  const control = createControlHandler({ ctx, faults, allowedOrigins, now });
  server.on(
    'request',
    createRequestListener({
      baseUrl,
      restPrefix: REST_PREFIX,
      allowedOrigins,
      faults,
      tokens,
      signIn,
      now,
      graph,
      rest,
      token,
      control,
    }),
  );

  let closed: Promise<void> | undefined;
  return {
    port,
    baseUrl,
    graphUrl: ctx.urls.graphUrl,
    siteUrl: ctx.urls.siteUrl,
    sharePointOrigin: baseUrl,
    tokenUrl: `${baseUrl}/oauth2/v2.0/token`,
    authority: signIn.authority,
    tlsCertificate: signIn.certificate,
    setFaults(f: SandboxFaults): void {
      faults.set(faultsSchema.parse(f));
    },
    snapshot(): void {
      rmSync(snapshotFile, { force: true });
      store.snapshotTo(snapshotFile);
    },
    restore(): void {
      if (!existsSync(snapshotFile))
        throw new SandboxSetupError(
          `No sandbox snapshot to restore: ${snapshotFile} is missing (call snapshot() first).`,
        );
      store.restoreFrom(snapshotFile);
      faults.set(initialFaults);
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => {
          store.close();
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
        signIn.closeTls();
      });
      return closed;
    },
  };
}
