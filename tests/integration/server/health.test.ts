import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReminderTimer, type ReminderTimer } from '../../../src/bot/reminder-timer.js';
import { GraphRequestError } from '../../../src/data/graph/errors.js';
import type { JobReport } from '../../../src/reminders/job.js';
import { startAppServer, type AppServer, type HealthBody } from '../../../src/server/http-server.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'health-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSONAL = 'Informatiemanager Sociaal Domein <informatiemanager.sociaal-domein@zoetermeer.example>';

/** A run that sends one card, fails one (with a message naming a person), loses one claim, then throws. */
function scriptedRun() {
  let calls = 0;
  return async (): Promise<JobReport> => {
    calls += 1;
    if (calls > 1)
      throw new GraphRequestError(
        `Forbidden for ${PERSONAL} token eyJhbGciOi`,
        403,
        'accessDenied',
        undefined,
        undefined,
      );
    return {
      outcomes: [
        { mtKey: 'mt-sociaal', key: 'k1', outcome: 'sent', messageId: 'm1' },
        { mtKey: 'mt-fysiek', key: 'k2', outcome: 'failed', error: `Bot kon ${PERSONAL} niet bereiken` },
        { mtKey: 'mt-cmt', key: 'k3', outcome: 'lost-claim' },
      ],
      unfinished: [{ key: 'k4', moment: '2026-03-03T08:00:00Z', claim: 'x' }],
    } as unknown as JobReport;
  };
}

async function health(server: AppServer): Promise<{ status: number; body: HealthBody; text: string }> {
  const response = await fetch(`${server.url}/healthz`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as HealthBody, text };
}

describe('GET /healthz', () => {
  it('says there is no reminder job when the server runs none', async () => {
    const server = await startAppServer({ host: '127.0.0.1', port: 0, tabDistDir: dir, tabConfig: () => undefined });
    try {
      const { status, body } = await health(server);
      expect(status).toBe(200);
      expect(body).toEqual({ status: 'ok', problems: [], reminderJob: null, reminderHolidays: null });
    } finally {
      await server.close();
    }
  });

  it('reports the job: last run, next run, counts and the kind of the last error, without names, messages or tokens', async () => {
    const timer = startReminderTimer({ intervalMs: 60_000, run: scriptedRun(), log: () => undefined });
    const server = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      tabDistDir: dir,
      tabConfig: () => undefined,
      reminderJob: () => timer.status(),
    });
    try {
      await expect.poll(async () => (await health(server)).body.reminderJob?.lastRunEndedAt).toBeDefined();
      const first = await health(server);
      const job = first.body.reminderJob!;
      expect(job).toMatchObject({
        intervalMs: 60_000,
        running: false,
        runs: 1,
        lastRunOk: true,
        lastRun: { sent: 1, failed: 1, lostClaims: 1, noChannel: 0, unfinished: 1 },
        totals: { sent: 1, failed: 1, lostClaims: 1, noChannel: 0, unfinished: 1 },
        lastError: { kind: 'send failed' },
      });
      for (const time of [job.lastRunStartedAt, job.lastRunEndedAt, job.nextRunAt, job.lastError?.at])
        expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(job.nextRunAt!) - Date.parse(job.lastRunEndedAt!)).toBeGreaterThanOrEqual(59_000);
      expect(first.text).not.toMatch(/zoetermeer|Informatiemanager|eyJ|mt-sociaal|k1|m1/i);
    } finally {
      await timer.stop();
    }
    // After a stop there is no next run.
    expect((await health(server)).body.reminderJob?.nextRunAt).toBeUndefined();
    await server.close();
  });

  it('records a run that threw by its error kind (class and status), not its message', async () => {
    const timer: ReminderTimer = startReminderTimer({ intervalMs: 20, run: scriptedRun(), log: () => undefined });
    const server = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      tabDistDir: dir,
      tabConfig: () => undefined,
      reminderJob: () => timer.status(),
    });
    try {
      await expect.poll(async () => (await health(server)).body.reminderJob?.lastRunOk, { timeout: 5_000 }).toBe(false);
      const { body, text } = await health(server);
      expect(body.reminderJob?.lastError?.kind).toBe('GraphRequestError 403');
      expect(body.reminderJob?.totals.sent).toBe(1);
      expect(text).not.toMatch(/zoetermeer|Informatiemanager|eyJ|Forbidden/i);
    } finally {
      await timer.stop();
      await server.close();
    }
  });
});
