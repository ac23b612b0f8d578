/**
 * The reminder job on a timer. A run starts only after the previous one ended (a chain of timeouts, not an
 * interval), so one process never overlaps itself; other processes may run at the same moment, which the reminder
 * log's unique key makes harmless. Each run has its own claimant id, so a lost answer to a claim is recognised.
 */
import { randomBytes } from 'node:crypto';
import type { MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import { runReminderJob, type CardSender, type JobReport } from '../reminders/job.js';
import type { Logger } from '../server/log.js';

export type ReminderRun = (tick: { claimant: string; now: Date; lastRunAt?: Date }) => Promise<JobReport>;

/** One run of the job with the bot as sender: the same `runReminderJob` the tests and the CLI use. */
export function createReminderRun(deps: { graph: Graph; siteId: string; siteUrl: string; sender: CardSender; deepLinkFor: (mt: MT) => string; log: Logger }): ReminderRun {
  return (tick) =>
    runReminderJob({
      graph: deps.graph,
      siteId: deps.siteId,
      siteUrl: deps.siteUrl,
      sender: deps.sender,
      claimant: tick.claimant,
      now: tick.now,
      ...(tick.lastRunAt ? { lastRunAt: tick.lastRunAt } : {}),
      deepLinkFor: deps.deepLinkFor,
      log: deps.log,
    });
}

export type ReminderTimer = {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** The run in progress or the last one, for tests and logs. */
  readonly lastReport: JobReport | undefined;
};

/** `<pid>-<random>` (short: the reminder log's Claim column holds 64 characters). */
export function instanceId(): string {
  return `${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function startReminderTimer(options: { intervalMs: number; run: ReminderRun; log: Logger; now?: () => Date; instance?: string }): ReminderTimer {
  const now = options.now ?? (() => new Date());
  const instance = options.instance ?? instanceId();
  let tick = 0;
  let lastRunAt: Date | undefined;
  let lastReport: JobReport | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    tick += 1;
    const at = now();
    try {
      const report = await options.run({ claimant: `${instance}-${tick}`, now: at, ...(lastRunAt ? { lastRunAt } : {}) });
      lastReport = report;
      lastRunAt = at;
      if (report.outcomes.length > 0 || report.unfinished.length > 0) {
        const count = (o: string) => report.outcomes.filter((x) => x.outcome === o).length;
        options.log({ level: 'info', msg: 'reminder job ran', sent: count('sent'), failed: count('failed'), lostClaims: count('lost-claim'), noChannel: count('no-channel'), unfinished: report.unfinished.length });
      }
    } catch (error) {
      // The next tick tries again; lastRunAt stays, so the planner still catches up what this run missed.
      options.log({ level: 'error', msg: 'reminder job failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule(options.intervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    get lastReport() {
      return lastReport;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
