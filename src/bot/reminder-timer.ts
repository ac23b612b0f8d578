/**
 * The reminder job on a timer. A run starts only after the previous one ended (a chain of timeouts, not an
 * interval), so one process never overlaps itself; other processes may run at the same moment, which the reminder
 * log's unique key makes harmless. Each run has its own claimant id, so a lost answer to a claim is recognised.
 */
import { randomBytes } from 'node:crypto';
import type { CalendarDate, MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import { runReminderJob, type CardSender, type JobReport } from '../reminders/job.js';
import type { Logger } from '../shared/log.js';
import type { ReminderJobCounts, ReminderJobStatus } from '../shared/wire.js';

export type ReminderRun = (tick: { claimant: string; now: Date; lastRunAt?: Date }) => Promise<JobReport>;

/** One run of the job with the bot as sender: the same `runReminderJob` the tests and the CLI use. */
export function createReminderRun(deps: {
  graph: Graph;
  siteId: string;
  siteUrl: string;
  sender: CardSender;
  deepLinkFor: (mt: MT) => string;
  log: Logger;
  extraHolidays?: readonly CalendarDate[];
}): ReminderRun {
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
      ...(deps.extraHolidays ? { extraHolidays: deps.extraHolidays } : {}),
    });
}

export type { ReminderJobCounts, ReminderJobStatus };

export type ReminderTimer = {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** The run in progress or the last one, for tests and logs. */
  readonly lastReport: JobReport | undefined;
  /** A copy of the job's in-memory status (this process only). */
  status(): ReminderJobStatus;
};

function countsOf(report: JobReport): ReminderJobCounts {
  const count = (o: string) => report.outcomes.filter((x) => x.outcome === o).length;
  return {
    sent: count('sent'),
    failed: count('failed'),
    lostClaims: count('lost-claim'),
    noChannel: count('no-channel'),
    unfinished: report.unfinished.length,
  };
}

/** `GraphRequestError 503`: what went wrong, without the message (which may name people). */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const status =
    (error as { status?: unknown; lastStatus?: unknown }).status ?? (error as { lastStatus?: unknown }).lastStatus;
  return typeof status === 'number' ? `${error.name} ${status}` : error.name;
}

/** `<pid>-<random>` (short: the reminder log's Claim column holds 64 characters). */
export function instanceId(): string {
  return `${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function startReminderTimer(options: {
  intervalMs: number;
  run: ReminderRun;
  log: Logger;
  now?: () => Date;
  instance?: string;
}): ReminderTimer {
  const now = options.now ?? (() => new Date());
  const instance = options.instance ?? instanceId();
  let tick = 0;
  let lastRunAt: Date | undefined;
  let lastReport: JobReport | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const status: ReminderJobStatus = {
    intervalMs: options.intervalMs,
    running: false,
    runs: 0,
    totals: { sent: 0, failed: 0, lostClaims: 0, noChannel: 0, unfinished: 0 },
  };

  const runOnce = async () => {
    tick += 1;
    const at = now();
    status.running = true;
    status.runs += 1;
    status.lastRunStartedAt = at.toISOString();
    delete status.nextRunAt;
    try {
      const report = await options.run({
        claimant: `${instance}-${tick}`,
        now: at,
        ...(lastRunAt ? { lastRunAt } : {}),
      });
      lastReport = report;
      lastRunAt = at;
      const counts = countsOf(report);
      status.lastRun = counts;
      status.lastRunOk = true;
      // Unfinished claims are a state of the log, not an event: the total keeps the latest count.
      status.totals = {
        sent: status.totals.sent + counts.sent,
        failed: status.totals.failed + counts.failed,
        lostClaims: status.totals.lostClaims + counts.lostClaims,
        noChannel: status.totals.noChannel + counts.noChannel,
        unfinished: counts.unfinished,
      };
      const failedOutcome = report.outcomes.find((o) => o.outcome === 'failed');
      if (failedOutcome) status.lastError = { at: now().toISOString(), kind: 'send failed' };
      if (report.outcomes.length > 0 || report.unfinished.length > 0) {
        options.log({ level: 'info', msg: 'reminder job ran', ...counts });
      }
    } catch (error) {
      // The next tick tries again; lastRunAt stays, so the planner still catches up what this run missed.
      status.lastRunOk = false;
      status.lastError = { at: now().toISOString(), kind: errorKind(error) };
      options.log({
        level: 'error',
        msg: 'reminder job failed',
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      status.running = false;
      status.lastRunEndedAt = now().toISOString();
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    status.nextRunAt = new Date(now().getTime() + delay).toISOString();
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
    status: () => structuredClone(status),
    async stop() {
      stopped = true;
      delete status.nextRunAt;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
