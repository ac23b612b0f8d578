/** Structured log lines (one JSON object per line). Never log tokens or secrets. */
export type Logger = (event: { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, unknown>) => void;

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  return (event) => write(JSON.stringify({ time: new Date().toISOString(), ...event }));
}
