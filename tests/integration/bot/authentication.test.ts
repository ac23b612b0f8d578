import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotConfigurationError, createBot } from '../../../src/bot/bot-app.js';
import { isPortFree, PlaygroundStartError, startPlayground } from '../../../src/bot/playground.js';
import { MT_FIELDS } from '../../../src/data/lists/mts.js';
import { ConfigError, readConfig } from '../../../src/server/config.js';
import {
  BOT_ID,
  cardActionActivity,
  CMT_CHANNEL,
  CMT_TEAM,
  installActivity,
  SECRETARIS,
  startHarness,
  TENANT_ID,
  type Harness,
} from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const install = () => installActivity(h, { team: CMT_TEAM });

describe('inbound JWT validation (on in every configuration but the explicit local one)', () => {
  it('a token signed by the Bot Framework key set is accepted and the activity handled', async () => {
    const answer = await h.post(install());
    expect(answer.status).toBe(200);
    expect((await h.mt('cmt')).conversationId).toBe(CMT_CHANNEL);
  });

  it('a forged token (signed with another key that claims the same key id) gets 401 and changes nothing', async () => {
    const before = await h.mt('cmt');
    await h.graph.patch(`/sites/${h.siteId}/lists/MTs/items/${await mtItemId('cmt')}/fields`, {
      [MT_FIELDS.conversationId]: null,
    });
    const activity = install();
    const forged = await h.identity.forge({ audience: BOT_ID, serviceUrl: h.connector.url });
    const answer = await h.post(activity, { token: forged });
    expect(answer.status).toBe(401);
    expect((await h.mt('cmt')).conversationId).toBeUndefined();
    // Restore for the next tests.
    expect((await h.post(install())).status).toBe(200);
    expect((await h.mt('cmt')).conversationId).toBe(before.conversationId);
  });

  it('no token, another audience, another issuer, a token for another connector or an expired token: all 401', async () => {
    const activity = install();
    const puts = h.connector.requests.length;
    expect((await h.post(activity, { none: true })).status).toBe(401);
    expect(
      (
        await h.post(activity, {
          token: await h.identity.sign({ audience: 'another-bot', serviceUrl: h.connector.url }),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await h.post(activity, {
          token: await h.identity.sign({
            audience: BOT_ID,
            serviceUrl: h.connector.url,
            issuer: 'https://evil.example',
          }),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await h.post(activity, {
          token: await h.identity.sign({ audience: BOT_ID, serviceUrl: 'https://smba.evil.example/teams' }),
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await h.post(activity, {
          token: await h.identity.sign({ audience: BOT_ID, serviceUrl: h.connector.url, expiresInSeconds: -3600 }),
        })
      ).status,
    ).toBe(401);
    expect((await h.post(activity, { token: 'not-a-jwt' })).status).toBe(401);
    expect(h.connector.requests.length).toBe(puts);
  });

  it('a card action with a forged token is rejected before anything is read or written', async () => {
    const requests = h.connector.requests.length;
    const activity = cardActionActivity(h, {
      from: { id: SECRETARIS.id, name: SECRETARIS.name },
      channel: CMT_CHANNEL,
      team: CMT_TEAM,
      messageId: '1',
      data: { verb: 'besproken', mtKey: 'cmt', occurrenceKey: 'cmt|2026-11-24T08:00:00Z' },
    });
    const answer = await h.post(activity, {
      token: await h.identity.forge({ audience: BOT_ID, serviceUrl: h.connector.url }),
    });
    expect(answer.status).toBe(401);
    expect(h.connector.requests.length).toBe(requests);
  });
});

describe('the explicit local configuration is loopback only', () => {
  const sandboxEnv = {
    GRAPH_BASE_URL: 'http://127.0.0.1:3979/v1.0',
    TOKEN_URL: 'http://127.0.0.1:3979/oauth2/v2.0/token',
    SHAREPOINT_SITE_URL: 'http://127.0.0.1:3979/sites/actieplan',
    GRAPH_CLIENT_ID: 'sandbox-app',
    GRAPH_CLIENT_SECRET: 'sandbox-secret',
    TAB_AUTH: 'persona',
    AAD_APP_CLIENT_ID: 'ba44f9dc-bc31-4b5b-bea3-bc0821443289',
    PERSONA_DIRECTORY_URL: 'http://127.0.0.1:3979/_sandbox/personas',
    CLIENT_ID: BOT_ID,
    TENANT_ID,
  };

  it('configuration: unauthenticated activities with a non-loopback HOST or connector are refused at start', () => {
    expect(() =>
      readConfig({
        ...sandboxEnv,
        DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
        HOST: '0.0.0.0',
        SERVICE_URL: 'http://127.0.0.1:56150/_connector',
      }),
    ).toThrow(/DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: is refused/);
    expect(() =>
      readConfig({
        ...sandboxEnv,
        DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
        SERVICE_URL: 'https://smba.trafficmanager.net/teams',
      }),
    ).toThrow(ConfigError);
    const local = readConfig({
      ...sandboxEnv,
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      SERVICE_URL: 'http://127.0.0.1:56150/_connector',
    });
    expect(local.bot).toMatchObject({ validateInboundJwt: false, credentials: { kind: 'local' } });
  });

  it('configuration: JWT validation is on by default, with a secret or a managed identity, and the connector must be https', () => {
    expect(readConfig({ ...sandboxEnv, SECRET_CLIENT_SECRET: 's' }).bot).toMatchObject({
      validateInboundJwt: true,
      credentials: { kind: 'client-secret' },
    });
    expect(readConfig(sandboxEnv).bot).toMatchObject({
      validateInboundJwt: true,
      credentials: { kind: 'managed-identity' },
      serviceUrl: 'https://smba.trafficmanager.net/teams',
    });
    expect(() => readConfig({ ...sandboxEnv, SERVICE_URL: 'http://connector.example/teams' })).toThrow(
      /SERVICE_URL: must be https/,
    );
    expect(() => readConfig({ ...sandboxEnv, TENANT_ID: undefined })).toThrow(/TENANT_ID/);
    expect(readConfig({ ...sandboxEnv, CLIENT_ID: undefined, TENANT_ID: undefined }).bot).toBeUndefined();
  });

  it('the bot itself refuses an unauthenticated endpoint off loopback, whatever config said', async () => {
    const attempt = createBot({
      clientId: BOT_ID,
      tenantId: TENANT_ID,
      serviceUrl: h.connector.url,
      credentials: { kind: 'local' },
      validateInboundJwt: false,
      host: '0.0.0.0',
      graph: h.graph,
      siteId: h.siteId,
      siteUrl: h.sandbox.siteUrl,
      graphBaseUrl: h.sandbox.graphUrl,
      deepLinkFor: h.deepLinkFor,
      log: () => undefined,
    });
    await expect(attempt).rejects.toBeInstanceOf(BotConfigurationError);
  });
});

describe('Microsoft 365 Agents Playground', () => {
  it('is not started on a port that is taken (it would silently move elsewhere); the message says what to do', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await isPortFree(port)).toBe(false);
      const attempt = startPlayground({
        port,
        botEndpoint: 'http://127.0.0.1:1/api/messages',
        rootDir: process.cwd(),
        dataDir: '.data/playground-test',
        log: () => undefined,
      });
      await expect(attempt).rejects.toBeInstanceOf(PlaygroundStartError);
      await expect(attempt).rejects.toThrow(/PLAYGROUND_PORT=<port>.*PLAYGROUND=off/s);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("starts with the project's .m365agentsplayground.yml and answers; its stop is not reported as a failure", async () => {
    const logged: { level: string; msg: string }[] = [];
    const playground = await startPlayground({
      port: await freePort(),
      botEndpoint: 'http://127.0.0.1:1/api/messages',
      rootDir: process.cwd(),
      dataDir: mkdtempSync(join(tmpdir(), 'playground-')),
      log: (event) => void logged.push(event),
    });
    try {
      expect((await fetch(`${playground.url}/_debug/ping`)).status).toBe(200);
    } finally {
      await playground.close();
    }
    expect(logged.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('a config it refuses (it stops right after "Listening on") fails the start, with the Playground\'s own reason', async () => {
    // The project's file with one user too few: the Playground's schema wants exactly five.
    const root = mkdtempSync(join(tmpdir(), 'playground-root-'));
    const config = readFileSync('.m365agentsplayground.yml', 'utf8').replace(
      /\n {2}- id: 29:gast-extern\n( {4}.*\n)+?(?=personalChat:)/,
      '\n',
    );
    expect(config).not.toContain('gast-extern');
    writeFileSync(join(root, '.m365agentsplayground.yml'), config);
    const attempt = startPlayground({
      port: await freePort(),
      botEndpoint: 'http://127.0.0.1:1/api/messages',
      rootDir: root,
      dataDir: join(root, 'data'),
      log: () => undefined,
    });
    await expect(attempt).rejects.toBeInstanceOf(PlaygroundStartError);
    await expect(attempt).rejects.toThrow(/stopped right after it started[\s\S]*\/users.*fewer than 5 items/);
  });
});

/** A port nothing listens on now (the Playground binds every interface, so asked of all of them). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen({ port: 0, host: '::', ipv6Only: false }, () => resolve()));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function mtItemId(key: string): Promise<string> {
  const items = await h.graph.getAll<{ id: string; fields: Record<string, unknown> }>(
    `/sites/${h.siteId}/lists/MTs/items?$expand=fields($select=${MT_FIELDS.sleutel})`,
  );
  const item = items.find((i) => i.fields[MT_FIELDS.sleutel] === key);
  if (!item) throw new Error(`no MT ${key}`);
  return item.id;
}
