/**
 * A fake Bot Connector for the bot's integration tests, plus the Bot Framework's token-signing identity.
 *
 * The connector records every POST and PUT to `/v3/conversations/{id}/activities[/{activityId}]` (ids decoded from
 * the path, Teams style: `19:…@thread.tacv2`, `<channel>;messageid=<id>`), answers with Teams-like message ids, and
 * answers member lookups (`/members/{userId}`, `/members`, `/pagedMembers`) from a roster the test sets. It refuses
 * requests without the bot's bearer token (401), as the real connector does.
 *
 * The identity serves an OpenID configuration and a JWKS, like `login.botframework.com`, and signs inbound activity
 * tokens; the bot's Teams SDK is pointed at it through its cloud settings, so JWT validation runs for real.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { PUBLIC, withOverrides, type CloudEnvironment, type TeamsChannelAccount } from '@microsoft/teams.api';

export type RecordedRequest = {
  method: string;
  path: string;
  /** Decoded conversation id from the path. */
  conversationId?: string;
  /** Decoded activity (message) id from the path, for PUTs. */
  activityId?: string;
  authorization?: string;
  body: unknown;
};

export type FakeConnector = {
  url: string;
  requests: RecordedRequest[];
  /** Activities posted (new messages), optionally in one conversation. */
  posts(conversationId?: string): RecordedRequest[];
  /** Activities updated in place, optionally in one conversation. */
  puts(conversationId?: string): RecordedRequest[];
  /** Sets who is a member of a team (or channel) conversation. */
  setMembers(conversationId: string, members: TeamsChannelAccount[]): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  return JSON.parse(text) as unknown;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/(members|pagedMembers)$/i;

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Starts the fake connector on a free loopback port. `token`: the exact bearer the bot must send; without it any
 * bearer is accepted (the local token factory), but one must be present.
 */
export async function startFakeConnector(options: { token?: string } = {}): Promise<FakeConnector> {
  const requests: RecordedRequest[] = [];
  const rosters = new Map<string, TeamsChannelAccount[]>();
  let nextMessage = 1_763_884_800_000;

  const server = createServer((req, res) => {
    const answer = (status: number, body?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const handle = async () => {
      const url = new URL(req.url ?? '/', 'http://connector');
      const path = url.pathname;
      const body = await readBody(req);
      const authorization = req.headers.authorization;
      const record: RecordedRequest = {
        method: req.method ?? '',
        path,
        body,
        ...(authorization ? { authorization } : {}),
      };
      const activities = ACTIVITIES.exec(path);
      if (activities) {
        record.conversationId = decodeURIComponent(activities[1] ?? '');
        if (activities[2]) record.activityId = decodeURIComponent(activities[2]);
      }
      requests.push(record);

      const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
      if (!bearer || (options.token !== undefined && bearer !== options.token))
        return answer(401, { error: { code: 'Unauthorized', message: 'Missing or wrong bot token' } });

      if (activities && req.method === 'POST' && !activities[2]) {
        nextMessage += 1;
        return answer(201, { id: String(nextMessage) });
      }
      if (activities && req.method === 'PUT' && activities[2])
        return answer(200, { id: decodeURIComponent(activities[2]) });
      const member = MEMBER.exec(path);
      if (member && req.method === 'GET') {
        const roster = rosters.get(decodeURIComponent(member[1] ?? '')) ?? [];
        // Teams answers a member by its Teams id or by its Entra object id (the tab's calls know only the latter).
        const wanted = decodeURIComponent(member[2] ?? '');
        const found = roster.find((m) => m.id === wanted || (m.aadObjectId !== undefined && m.aadObjectId === wanted));
        return found
          ? answer(200, found)
          : answer(404, {
              error: { code: 'MemberNotFoundInConversation', message: 'The member is not part of the conversation.' },
            });
      }
      const members = MEMBERS.exec(path);
      if (members && req.method === 'GET') {
        const roster = rosters.get(decodeURIComponent(members[1] ?? '')) ?? [];
        return members[2]?.toLowerCase() === 'pagedmembers' ? answer(200, { members: roster }) : answer(200, roster);
      }
      return answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    };
    handle().catch((error: unknown) => answer(500, { error: { code: 'FakeConnectorError', message: String(error) } }));
  });
  const url = await listen(server);

  const isActivity = (method: string) => (r: RecordedRequest, conversationId?: string) =>
    r.method === method &&
    r.conversationId !== undefined &&
    (conversationId === undefined || r.conversationId === conversationId);
  return {
    url,
    requests,
    posts: (conversationId) =>
      requests.filter((r) => isActivity('POST')(r, conversationId) && r.activityId === undefined),
    puts: (conversationId) => requests.filter((r) => isActivity('PUT')(r, conversationId)),
    setMembers: (conversationId, members) => rosters.set(conversationId, members),
    close: () => closeServer(server),
  };
}

// ---------- the Bot Framework's identity ----------

export type BotFrameworkIdentity = {
  url: string;
  /** The Teams SDK's cloud settings with the OpenID metadata URL pointed at this key set. */
  cloud: CloudEnvironment;
  /** A token as the Bot Framework signs it for an inbound activity. */
  sign(claims: { audience: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number }): Promise<string>;
  /** The same claims, signed with a key that is NOT in the key set (but claims the same key id). */
  forge(claims: { audience: string; serviceUrl: string }): Promise<string>;
  close(): Promise<void>;
};

const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export async function startBotFrameworkIdentity(): Promise<BotFrameworkIdentity> {
  const kid = 'test-signing-key';
  const real = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(real.publicKey)), kid, use: 'sig', alg: 'RS256' };
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://identity').pathname;
    res.setHeader('Content-Type', 'application/json');
    if (path === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: BOT_FRAMEWORK_ISSUER,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (path === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  base = await listen(server);
  const signWith = (
    key: CryptoKey,
    claims: { audience: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number },
  ) =>
    new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(claims.audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresInSeconds ?? 3600))
      .sign(key);
  return {
    url: base,
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration` }),
    sign: (claims) => signWith(real.privateKey, claims),
    forge: (claims) => signWith(other.privateKey, claims),
    close: () => closeServer(server),
  };
}
