/**
 * Wire contracts that two sides of the app speak over HTTP: the server writes them, the tab (and the Outlook add-in)
 * read them. One module both sides import, so a field added on one side is seen by the other at compile time.
 * Types only: nothing here runs.
 */

/** What the tab needs to know at start, served by the app server as /config.json. Nothing secret. */
export type TabConfig = {
  graphBaseUrl: string;
  tokenUrl: string;
  siteUrl: string;
  clientId: string;
  auth: 'persona' | 'naa';
  /**
   * With `naa`: the Entra authority for MSAL's redirect sign-in in a plain browser (`https://login.microsoftonline.com/
   * <tenant>`; in the sandbox its own https authority). Absent with `persona`.
   */
  authority?: string;
  personaDirectoryUrl?: string;
  /** The municipality's name (env GEMEENTE) for the progress report. Always sent; absent only from an older server. */
  gemeente?: string;
};

/** Counts of one reminder-job run or of all runs since the process started. */
export type ReminderJobCounts = {
  sent: number;
  failed: number;
  lostClaims: number;
  noChannel: number;
  unfinished: number;
};

/**
 * What `/healthz` (`reminderJob`) and the tab's status view show about the reminder job: times (ISO) and counts
 * only. The last error is its kind (class and HTTP status), never its message: messages can carry names or item texts.
 */
export type ReminderJobStatus = {
  intervalMs: number;
  running: boolean;
  runs: number;
  lastRunStartedAt?: string;
  lastRunEndedAt?: string;
  /** Whether the last run finished (with whatever outcomes) or the run itself threw. */
  lastRunOk?: boolean;
  nextRunAt?: string;
  lastRun?: ReminderJobCounts;
  totals: ReminderJobCounts;
  lastError?: { at: string; kind: string };
};

/**
 * The days on which the reminder job sends no card (it sends on the working day before instead): the Dutch public
 * holidays and the organisation's own closing days (`EXTRA_HOLIDAYS`), as Amsterdam dates (`YYYY-MM-DD`), sorted,
 * between `from` and `to` inclusive. The server computes them (`date-holidays` stays out of the tab's bundle) and the
 * tab passes them to the same `reminderTime` as the job, so its "when the card goes out" agrees with the job's.
 */
export type ReminderHolidays = { from: string; to: string; dates: string[] };

/** One configuration problem: the variable to fix, the URL it holds (or the one that failed), and what happened. */
export type ConfigProblem = { variable: string; url: string; problem: string };

/**
 * The body of `GET /healthz`. `reminderJob` is null when this server runs no reminder job. `reminderHolidays` is the
 * reminder rule's holidays with this server's configuration whether or not this process runs the job (the job may run
 * in another instance, or as `npm run reminders`); null while the server is starting. With a configuration problem
 * the status is 'error' (HTTP 503) and each problem names its variable and URL.
 */
export type HealthBody = {
  status: 'ok' | 'error';
  problems: ConfigProblem[];
  reminderJob: ReminderJobStatus | null;
  reminderHolidays: ReminderHolidays | null;
};
