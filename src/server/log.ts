import type { Logger } from '../shared/log.js';

export type { Logger };

/** Writes each event as one JSON line with its time. Never log tokens or secrets. */

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  return (event) => write(JSON.stringify({ time: new Date().toISOString(), ...event }));
}
