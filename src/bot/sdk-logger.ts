/**
 * The Teams SDK's logger interface on top of our structured log. Only messages and error messages are written:
 * the SDK logs whole objects at times (an Axios error carries the request with its `Authorization` header, an
 * activity carries user content), and our log must never hold tokens. Debug and trace are dropped.
 */
import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../shared/log.js';

function text(parts: unknown[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? p
        : p instanceof Error
          ? `${p.name}: ${p.message}`
          : typeof p === 'number' || typeof p === 'boolean'
            ? String(p)
            : '',
    )
    .filter((p) => p !== '')
    .join(' ')
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]')
    .slice(0, 1000);
}

export function createSdkLogger(log: Logger, name = 'teams-sdk'): ILogger {
  const write = (level: LogLevel, parts: unknown[]) => {
    if (level === 'debug' || level === 'trace') return;
    log({ level, msg: text(parts), source: name });
  };
  const logger: ILogger = {
    loggerOptions: { level: 'info' } satisfies ILoggerOptions,
    debug: () => undefined,
    trace: () => undefined,
    info: (...msg: unknown[]) => write('info', msg),
    warn: (...msg: unknown[]) => write('warn', msg),
    error: (...msg: unknown[]) => write('error', msg),
    log: (level: LogLevel, ...msg: unknown[]) => write(level, msg),
    child: (child: string) => createSdkLogger(log, `${name}/${child}`),
  };
  return logger;
}
