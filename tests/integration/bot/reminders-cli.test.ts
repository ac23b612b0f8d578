import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { fieldsExpand, type ListItem } from '../../../src/data/lists/list-definition.js';
import { herinneringFieldNames, toHerinnering } from '../../../src/data/lists/herinneringen.js';
import { main } from '../../../scripts/reminders.js';
import { closedPort } from '../../support/closed-port.js';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

const run = promisify(execFile);
const CHANNEL = '19:cmt-cli@thread.tacv2';
let sandbox: TestSandbox;
let siteId: string;
let connector: FakeConnector;

/** `npm run reminders -- …` as a child process, against this sandbox and the fake connector (explicit local config). */
async function reminders(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    TEAMSFX_ENV: 'sandbox',
    GRAPH_BASE_URL: sandbox.graphUrl,
    TOKEN_URL: sandbox.tokenUrl,
    SHAREPOINT_SITE_URL: sandbox.siteUrl,
    SERVICE_URL: connector.url,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/reminders.ts', ...args], {
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The same command's main() in this process (for what is not about processes racing). */
async function remindersHere(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return remindersWith(connector.url, ...args);
}

/** The same, with the Bot Connector at `serviceUrl`. */
async function remindersWith(
  serviceUrl: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = {
    TEAMSFX_ENV: 'sandbox',
    GRAPH_BASE_URL: sandbox.graphUrl,
    TOKEN_URL: sandbox.tokenUrl,
    SHAREPOINT_SITE_URL: sandbox.siteUrl,
    SERVICE_URL: serviceUrl,
  };
  const code = await main(args, {
    env,
    cwd: process.cwd(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

async function log() {
  const items = await sandbox
    .graph()
    .getAll<ListItem>(`/sites/${siteId}/lists/Herinneringen/items?$expand=${fieldsExpand(herinneringFieldNames)}`);
  return items.map(toHerinnering);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  connector = await startFakeConnector();
  const cmt = (await loadMts(sandbox.graph(), siteId)).find((m) => m.value.key === 'cmt');
  if (!cmt) throw new Error('no CMT');
  await updateMtChannel(sandbox.graph(), siteId, cmt, {
    teamId: '19:cmt-cli-team@thread.tacv2',
    conversationId: CHANNEL,
  });
});
afterAll(async () => {
  await connector?.close();
  await sandbox?.close();
});

describe('npm run reminders', () => {
  it('--help prints the use; an address that refuses is named by its variable', async () => {
    let out = '';
    const help = await main(['--help'], {
      env: {},
      cwd: process.cwd(),
      stdout: (t) => void (out += t),
      stderr: () => {},
    });
    expect(help).toBe(0);
    expect(out).toMatch(/^Gebruik:\n {2}npm run reminders -- --mt <sleutel> --preview/);

    const port = await closedPort();
    let err = '';
    const code = await main(['--mt', 'cmt', '--preview'], {
      env: {
        TEAMSFX_ENV: 'sandbox',
        GRAPH_BASE_URL: sandbox.graphUrl,
        TOKEN_URL: `http://127.0.0.1:${port}/oauth2/v2.0/token`,
        SHAREPOINT_SITE_URL: sandbox.siteUrl,
      },
      cwd: process.cwd(),
      stdout: () => {},
      stderr: (t) => void (err += t),
    });
    expect(code).toBe(1);
    expect(err).toContain(`http://127.0.0.1:${port}/oauth2/v2.0/token`);
    expect(err).toContain('(TOKEN_URL; draait npm start, of de sandbox, op die poort?)');
  });

  it('--send-now with the Bot Connector unreachable sends nothing, keeps the meeting out of the log and says so', async () => {
    const port = await closedPort();
    const result = await remindersWith(`http://127.0.0.1:${port}`, '--mt', 'cmt', '--send-now');
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain(
      'De Bot Connector nam de kaart niet aan (niet bereikbaar of te druk), dus er is niets in het kanaal gezet.',
    );
    // The failure names the variable behind the address, as the guide asks.
    expect(`${result.stdout}${result.stderr}`).toContain(
      '(SERVICE_URL; draait npm start, of de sandbox, op die poort?)',
    );
    // Not "mislukt" for good: the next run, or the tests below, send this meeting's card.
    expect(await log()).toEqual([]);
    expect(connector.requests).toEqual([]);
  });

  it(
    '--preview --json prints the card that would be sent now, and claims and sends nothing',
    { timeout: 90_000 },
    async () => {
      const result = await remindersHere('--mt', 'cmt', '--preview', '--json');
      expect(result.code).toBe(0);
      const card = JSON.parse(result.stdout) as {
        type: string;
        version: string;
        actions: { verb?: string; data?: { occurrenceKey?: string } }[];
      };
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(card.actions.find((a) => a.verb === 'besproken')?.data?.occurrenceKey).toMatch(
        /^cmt\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/,
      );
      expect(await log()).toEqual([]);
      expect(connector.requests).toEqual([]);
    },
  );

  it(
    '--send-now sends only the due meeting: two runs in parallel (OS processes) and a third after them send one card, never the next meeting',
    { timeout: 120_000 },
    async () => {
      const [a, b] = await Promise.all([
        reminders('--mt', 'cmt', '--send-now', '--json'),
        reminders('--mt', 'cmt', '--send-now', '--json'),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const results = [a, b].map(
        (r) =>
          JSON.parse(r.stdout) as {
            outcome: string;
            key: string;
            messageId?: string;
            conversationId?: string;
            status?: string;
            at?: string;
            meeting: string;
          },
      );
      const sent = results.filter((r) => r.outcome === 'sent');
      expect(sent).toHaveLength(1);
      const winner = sent[0];
      if (!winner) return;
      expect(winner).toMatchObject({ conversationId: CHANNEL });
      const loser = results.find((r) => r !== winner);
      // The loser names the same meeting and what the log holds for it (claimed or already sent), with the claim's time.
      expect(loser).toMatchObject({ outcome: 'already-sent', key: winner.key, meeting: winner.meeting });
      expect(['geclaimd', 'verzonden']).toContain(loser?.status);
      expect(Date.parse(loser?.at ?? '')).not.toBeNaN();
      expect(connector.posts(CHANNEL)).toHaveLength(1);
      const entry = await createHerinneringenStore(sandbox.graph(), siteId).find(winner.key);
      expect(entry?.value).toMatchObject({ status: 'verzonden', berichtId: winner.messageId });
      expect(entry?.value.claim).toMatch(/^cli-/);

      // A second run, after both: nothing sent, and it says the card was already sent, and when.
      const third = await remindersHere('--mt', 'cmt', '--send-now');
      expect(third.code, third.stderr).toBe(0);
      // It serves no endpoint, so it says nothing about one (it printed two warnings in JSON before its answer).
      for (const run of [a, b, third]) expect(run.stderr).not.toMatch(/unauthenticated/i);
      expect(third.stdout).toMatch(
        /^Niet verstuurd: de kaart voor de vergadering van \w+ \d+ \w+ \d{4}, \d{2}:\d{2} is al verstuurd op \w+ \d+ \w+ \d{4}, \d{2}:\d{2} \(bericht /,
      );
      expect(connector.posts(CHANNEL)).toHaveLength(1);
      // Exactly one entry in the reminder log for the CMT: no later meeting was claimed early.
      const cmtEntries = (await log()).filter((h) => h.value.sleutel.startsWith('cmt|'));
      expect(cmtEntries.map((h) => h.value.sleutel)).toEqual([winner.key]);
    },
  );

  it(
    'says what is wrong: usage (exit 2), an unknown MT, an MT without a channel (exit 1, nothing claimed)',
    { timeout: 120_000 },
    async () => {
      const usage = await remindersHere('--mt', 'cmt');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/--preview en --send-now/);
      const unknown = await remindersHere('--mt', 'bestaat-niet', '--preview');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/Geen MT met sleutel of id "bestaat-niet"/);
      const before = (await log()).length;
      const noChannel = await remindersHere('--mt', 'mt-sociaal-domein', '--send-now');
      expect(noChannel.code).toBe(1);
      // No team registered: said once, without the Playground's hint (that is for an app not installed in a team).
      expect(noChannel.stderr).toBe(
        'Niet verstuurd: MT Sociaal Domein heeft geen team en kanaal: een beheerder legt ze vast in Instellingen van het tabblad Actieplan.\n',
      );
      const preview = await remindersHere('--mt', 'mt-sociaal-domein', '--preview');
      expect(preview.stdout).toContain('Kanaal: nog geen (geen team en kanaal vastgelegd in Instellingen)');
      expect((await log()).length).toBe(before);
    },
  );
});
