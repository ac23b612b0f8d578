/**
 * The structured log line every server-side part writes (server, bot, reminder job): one JSON object per line. The
 * type lives here so the bot and the job need not import the server; the writer is the server's (`server/log.ts`).
 */

/** Structured log lines (one JSON object per line). Never log tokens or secrets. */
export type Logger = (event: { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>) => void;
