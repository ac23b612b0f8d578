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
