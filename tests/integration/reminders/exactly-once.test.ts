import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { addTuesdayMts, seedSite } from '../../support/seeded-site.js';

const run = promisify(execFile);
let sandbox: TestSandbox;
let siteId: string;
const MTS = 50;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  // 50 more MTs, all meeting on Tuesday at 09:00 and all connected to a channel.
  await addTuesdayMts(sandbox.graph(), siteId, MTS, 'race');
});
afterAll(async () => {
  await sandbox?.close();
});

describe('two job instances racing', () => {
  it('two OS processes over 50 due occurrences produce exactly 50 cards, one per occurrence', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'race-')), 'cards.jsonl');
    writeFileSync(out, '');
    const env = {
      ...process.env,
      GRAPH_BASE_URL: sandbox.graphUrl,
      TOKEN_URL: sandbox.tokenUrl,
      SITE_URL: sandbox.siteUrl,
      SITE_ID: siteId,
      NOW: '2026-11-23T08:05:00Z',
      OUT_FILE: out,
    };
    const start = (claimant: string) =>
      run(process.execPath, ['--import', 'tsx', 'tests/support/job-process.ts'], {
        env: { ...env, CLAIMANT: claimant },
        timeout: 120_000,
      });
    const [a, b] = await Promise.all([start('instance-a'), start('instance-b')]);
    const reports = [
      JSON.parse(a.stdout) as { sent: number; lost: number },
      JSON.parse(b.stdout) as { sent: number; lost: number },
    ];

    const cards = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { conversationId: string });
    const raceCards = cards.filter((c) => c.conversationId.startsWith('19:race-'));
    expect(raceCards).toHaveLength(MTS);
    expect(new Set(raceCards.map((c) => c.conversationId)).size).toBe(MTS);
    // Every card was sent by exactly one instance; a claim the other instance tried and lost is counted as lost.
    expect(reports[0]!.sent + reports[1]!.sent).toBe(cards.length);
    expect(reports[0]!.lost + reports[1]!.lost).toBeLessThanOrEqual(cards.length);
  });
});
