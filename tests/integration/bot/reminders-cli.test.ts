import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as remindersInProcess } from '../../../scripts/reminders.js';
import { loadMts, updateMtChannel } from '../../../src/bot/mt-channel.js';
import { createHerinneringenStore } from '../../../src/data/herinneringen-store.js';
import { fieldsExpand, type ListItem } from '../../../src/data/lists/list-definition.js';
import { herinneringFieldNames, toHerinnering } from '../../../src/data/lists/herinneringen.js';
import { runInProcess } from '../../support/cli.js';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

const run = promisify(execFile);
const CHANNEL = '19:cmt-cli@thread.tacv2';
let sandbox: TestSandbox;
let siteId: string;
let connector: FakeConnector;

/** The environment of the CLI: this sandbox and the fake connector (explicit local config). */
const cliEnv = () => ({
  TEAMSFX_ENV: 'sandbox',
  GRAPH_BASE_URL: sandbox.graphUrl,
  TOKEN_URL: sandbox.tokenUrl,
  SHAREPOINT_SITE_URL: sandbox.siteUrl,
  SERVICE_URL: connector.url,
});

/** `npm run reminders -- …` in this process: the script's own `run`. */
async function reminders(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runInProcess(remindersInProcess, args, cliEnv());
}

/** `npm run reminders -- …` as a child process: for exit codes and usage. */
async function remindersProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...cliEnv() };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/reminders.ts', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function log() {
  const items = await sandbox.graph().getAll<ListItem>(`/sites/${siteId}/lists/Herinneringen/items?$expand=${fieldsExpand(herinneringFieldNames)}`);
  return items.map(toHerinnering);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  connector = await startFakeConnector();
  const cmt = (await loadMts(sandbox.graph(), siteId)).find((m) => m.value.key === 'cmt');
  if (!cmt) throw new Error('no CMT');
  await updateMtChannel(sandbox.graph(), siteId, cmt, { teamId: '19:cmt-cli-team@thread.tacv2', conversationId: CHANNEL });
});
afterAll(async () => {
  await connector?.close();
  await sandbox?.close();
});

describe('npm run reminders', () => {
  it('--preview --json prints the card that would be sent now, and claims and sends nothing', { timeout: 90_000 }, async () => {
    const result = await reminders('--mt', 'cmt', '--preview', '--json');
    expect(result.code).toBe(0);
    const card = JSON.parse(result.stdout) as { type: string; version: string; actions: { verb?: string; data?: { occurrenceKey?: string } }[] };
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.actions.find((a) => a.verb === 'besproken')?.data?.occurrenceKey).toMatch(/^cmt\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(await log()).toEqual([]);
    expect(connector.requests).toEqual([]);
  });

  it('--send-now claims the next meeting and sends its card through the bot; a second run sends the meeting after', { timeout: 90_000 }, async () => {
    const first = await reminders('--mt', 'cmt', '--send-now', '--json');
    expect(first.code).toBe(0);
    const sent = JSON.parse(first.stdout) as { outcome: string; key: string; messageId: string; conversationId: string };
    expect(sent).toMatchObject({ outcome: 'sent', conversationId: CHANNEL });
    expect(connector.posts(CHANNEL)).toHaveLength(1);
    const entry = await createHerinneringenStore(sandbox.graph(), siteId).find(sent.key);
    expect(entry?.value).toMatchObject({ status: 'verzonden', berichtId: sent.messageId });
    expect(entry?.value.claim).toMatch(/^cli-/);

    const second = await reminders('--mt', 'cmt', '--send-now', '--json');
    const next = JSON.parse(second.stdout) as { outcome: string; key: string };
    expect(next.outcome).toBe('sent');
    expect(Date.parse(next.key.split('|')[1] ?? '')).toBeGreaterThan(Date.parse(sent.key.split('|')[1] ?? ''));
    expect(connector.posts(CHANNEL)).toHaveLength(2);
  });

  it('says what is wrong: usage (exit 2), an unknown MT, an MT without a channel (exit 1, nothing claimed)', { timeout: 120_000 }, async () => {
    const usage = await remindersProcess('--mt', 'cmt');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--preview en --send-now/);
    const unknown = await remindersProcess('--mt', 'bestaat-niet', '--preview');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Geen MT met sleutel of id "bestaat-niet"/);
    const before = (await log()).length;
    const noChannel = await reminders('--mt', 'mt-sociaal-domein', '--send-now');
    expect(noChannel.code).toBe(1);
    expect(noChannel.stderr).toMatch(/heeft nog geen kanaal/);
    expect((await log()).length).toBe(before);
  });
});
