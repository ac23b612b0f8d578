/**
 * An MT registered after the app was installed in its team gets its card in its channel, through the Bot Connector
 * Teams gave at the installation (a government cloud has its own); an MT whose team's installation is not known
 * falls back to the configured SERVICE_URL; a serviceUrl from an unauthenticated activity is never recorded; and one
 * changed in the list to an address that is no Teams Bot Connector is not used (the bot's token would go with it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstallationHandler } from '../../../src/bot/installation.js';
import { updateMtChannel, loadMts } from '../../../src/bot/mt-channel.js';
import { installatieForTeam, loadInstallaties } from '../../../src/data/installaties-store.js';
import { createListStore } from '../../../src/data/list-store.js';
import { INSTALLATIE_FIELDS } from '../../../src/data/lists/installaties.js';
import { MT_FIELDS, mtToFields } from '../../../src/data/lists/mts.js';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector.js';
import {
  cardOf,
  CMT_CHANNEL,
  installActivity,
  MONDAY_MORNING,
  startHarness,
  TENANT_ID,
  type Harness,
} from './harness.js';

/** A team the bot is installed in before any MT names it, and the channel its MT registers later. */
const NEW_TEAM = '19:nieuw-team-algemeen@thread.tacv2';
const NEW_GROUP = '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';
const NEW_CHANNEL = '19:nieuw-team-digitalisering@thread.tacv2';
/** Tuesday 24 November 2026, 11:30 in Amsterdam: the new MT's reminder (Wednesday 10:00, a day ahead) is due. */
const TUESDAY = new Date('2026-11-24T10:30:00Z');

let h: Harness;
/** The Bot Connector Teams names at the installation (not the configured SERVICE_URL). */
let tenantConnector: FakeConnector;

beforeAll(async () => {
  h = await startHarness();
  tenantConnector = await startFakeConnector();
});
afterAll(async () => {
  await tenantConnector?.close();
  await h?.close();
});

describe('an MT registered after the install', () => {
  it('the install (validated token) records the team with its serviceUrl, and the "not registered" message goes through that connector', async () => {
    const activity = installActivity(h, { team: NEW_TEAM });
    activity.serviceUrl = tenantConnector.url;
    (activity.channelData as { team: Record<string, unknown> }).team = {
      id: NEW_TEAM,
      name: 'Nieuw team',
      aadGroupId: NEW_GROUP,
    };
    expect((await h.post(activity)).status).toBe(200);
    expect(installatieForTeam(await loadInstallaties(h.graph, h.siteId), NEW_GROUP)).toEqual({
      teamId: NEW_TEAM,
      naam: 'Nieuw team',
      groepId: NEW_GROUP,
      tenantId: TENANT_ID,
      serviceUrl: tenantConnector.url,
    });
    expect(tenantConnector.posts(NEW_TEAM)).toHaveLength(1);
    expect(h.connector.posts(NEW_TEAM)).toEqual([]);
  });

  it(
    'gets its card in its channel through the installation connector, and the bot records the channel',
    { timeout: 60_000 },
    async () => {
      // Registered now, by the team's Entra group id and its channel, as the channel tab's configuration writes it.
      const mts = createListStore(h.graph, h.siteId, 'MTs');
      await mts.create(
        mtToFields({
          key: 'mt-nieuw',
          naam: 'MT Nieuw',
          domeinen: ['Concern'],
          schema: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0',
          voorlooptijdMinuten: 1440,
          teamId: NEW_GROUP,
          channelId: NEW_CHANNEL,
        }),
        'mt-nieuw',
        MT_FIELDS.sleutel,
      );
      const report = await h.runJob(TUESDAY);
      expect(report.outcomes).toContainEqual(
        expect.objectContaining({ mtKey: 'mt-nieuw', outcome: 'sent', key: 'mt-nieuw|2026-11-25T09:00:00Z' }),
      );
      const posts = tenantConnector.posts(NEW_CHANNEL);
      expect(posts).toHaveLength(1);
      expect(cardOf(posts[0]!)).toMatchObject({ type: 'AdaptiveCard' });
      expect(posts[0]?.authorization).toMatch(/^Bearer /);
      expect(h.connector.posts(NEW_CHANNEL)).toEqual([]);
      expect((await h.mt('mt-nieuw')).conversationId).toBe(NEW_CHANNEL);
    },
  );

  it(
    'an MT whose team has no recorded installation posts through the configured SERVICE_URL',
    { timeout: 60_000 },
    async () => {
      const cmt = (await loadMts(h.graph, h.siteId)).find((m) => m.value.key === 'cmt');
      if (!cmt) throw new Error('no CMT');
      await updateMtChannel(h.graph, h.siteId, cmt, { conversationId: CMT_CHANNEL });
      const report = await h.runJob(MONDAY_MORNING);
      expect(report.outcomes).toContainEqual(expect.objectContaining({ mtKey: 'cmt', outcome: 'sent' }));
      expect(h.connector.posts(CMT_CHANNEL)).toHaveLength(1);
      expect(tenantConnector.posts(CMT_CHANNEL)).toEqual([]);
    },
  );

  it(
    'an MT with a team the bot is not installed in is told what is missing, and nothing is sent',
    { timeout: 60_000 },
    async () => {
      const mts = createListStore(h.graph, h.siteId, 'MTs');
      await mts.create(
        mtToFields({
          key: 'mt-zonder',
          naam: 'MT Zonder',
          domeinen: ['Concern'],
          schema: 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=11;BYMINUTE=0',
          voorlooptijdMinuten: 1440,
          teamId: '19:niet-geinstalleerd@thread.tacv2',
        }),
        'mt-zonder',
        MT_FIELDS.sleutel,
      );
      const report = await h.runJob(new Date(TUESDAY.getTime() + 3_600_000));
      expect(report.outcomes).toContainEqual({
        mtKey: 'mt-zonder',
        key: 'mt-zonder|2026-11-25T10:00:00Z',
        outcome: 'no-channel',
        detail: expect.stringMatching(/\(nog\) niet geïnstalleerd in het team van MT Zonder/),
      });
    },
  );

  it(
    'a serviceUrl changed in the list to an address that is no Teams Bot Connector gets no token: the card goes through SERVICE_URL',
    { timeout: 60_000 },
    async () => {
      // Anyone who may edit items on the app's site can change the list; the bot's token must not follow the change.
      const installaties = createListStore(h.graph, h.siteId, 'Installaties');
      const item = (await loadInstallaties(h.graph, h.siteId)).find((i) => i.value.teamId === NEW_TEAM);
      if (!item?.eTag) throw new Error('the new team has no installation item');
      await installaties.update(
        item.id,
        item.eTag,
        { [INSTALLATIE_FIELDS.serviceUrl]: 'https://attacker.example/teams' },
        [INSTALLATIE_FIELDS.serviceUrl],
      );
      const before = tenantConnector.posts(NEW_CHANNEL).length;
      // A week on: MT Nieuw's next meeting (Wednesday 2 December, 10:00 in Amsterdam) is due.
      const report = await h.runJob(new Date(TUESDAY.getTime() + 7 * 86_400_000));
      expect(report.outcomes).toContainEqual(
        expect.objectContaining({ mtKey: 'mt-nieuw', outcome: 'sent', key: 'mt-nieuw|2026-12-02T09:00:00Z' }),
      );
      expect(h.connector.posts(NEW_CHANNEL)).toHaveLength(1);
      expect(h.connector.posts(NEW_CHANNEL)[0]?.authorization).toMatch(/^Bearer /);
      expect(tenantConnector.posts(NEW_CHANNEL)).toHaveLength(before);
      expect(h.log).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          msg: expect.stringMatching(/^serviceUrl refused/),
          serviceUrl: 'https://attacker.example/teams',
        }),
      );
    },
  );

  it("in the explicit local configuration (no token check) the activity's serviceUrl is never recorded", async () => {
    const said: { serviceUrl?: string }[] = [];
    const handle = createInstallationHandler({
      graph: h.graph,
      siteId: h.siteId,
      tenantId: TENANT_ID,
      trustServiceUrl: false,
      log: () => undefined,
      say: async (_c, _t, serviceUrl) => void said.push(serviceUrl === undefined ? {} : { serviceUrl }),
    });
    const activity = installActivity(h, { team: '19:lokaal-team@thread.tacv2' });
    activity.serviceUrl = 'https://attacker.example/';
    await handle(activity as Parameters<typeof handle>[0]);
    const recorded = installatieForTeam(await loadInstallaties(h.graph, h.siteId), '19:lokaal-team@thread.tacv2');
    expect(recorded).toMatchObject({ teamId: '19:lokaal-team@thread.tacv2', tenantId: TENANT_ID });
    expect(recorded?.serviceUrl).toBeUndefined();
    expect(said).toEqual([{}]);
  });
});
