/**
 * Microsoft 365 Agents Playground for the local run: a Teams look-alike (offline) with a mock tenant, one team and its
 * channels (`.m365agentsplayground.yml`), and a mock Bot Connector at `/_connector` that our bot posts to.
 *
 * It binds to every interface (its own limitation), and when its port is taken it silently picks another one, which
 * would leave our SERVICE_URL pointing at nothing. So the port is checked first, and its "Listening on" line must
 * name the port we asked for; otherwise the start fails with a message that says what to do. "Listening on" comes
 * before it reads its config file, so it is ready only when its backend answers; a config it refuses (it stops a
 * moment after "Listening on") fails the start with its own words, and a later stop is logged as an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from '../shared/log.js';

export type RunningPlayground = { url: string; connectorUrl: string; pid: number | undefined; close(): Promise<void> };

export class PlaygroundStartError extends Error {
  override readonly name = 'PlaygroundStartError';
}

/** Whether nothing listens on `port` on any interface (the Playground binds all of them). */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen({ port, host: '::', ipv6Only: false }, () => probe.close(() => resolvePromise(true)));
  });
}

export function playgroundPortBusyMessage(port: number): string {
  return (
    `Port ${port} (PLAYGROUND_PORT) is already in use, so Microsoft 365 Agents Playground cannot start there. ` +
    'Stop the other process (an earlier npm start, another Playground), choose another port with PLAYGROUND_PORT=<port>, ' +
    'or start without it: PLAYGROUND=off npm start.'
  );
}

/** The Playground's base URL and its mock Bot Connector (the bot's SERVICE_URL in the local run). */
export function playgroundUrls(port: number): { url: string; connectorUrl: string } {
  return { url: `http://127.0.0.1:${port}`, connectorUrl: `http://127.0.0.1:${port}/_connector` };
}

/**
 * Starts the Playground as a child process: `agentsplayground -p <port> -c msteams --disable-telemetry`, with no
 * browser, the bot endpoint on our app server, the config file from the project root and its log under the data folder.
 */
export async function startPlayground(options: {
  port: number;
  botEndpoint: string;
  rootDir: string;
  dataDir: string;
  log: Logger;
  /** How long to wait for "Listening on"; default 60 s (the first start unpacks a 5 MB bundle). */
  timeoutMs?: number;
}): Promise<RunningPlayground> {
  if (!(await isPortFree(options.port))) throw new PlaygroundStartError(playgroundPortBusyMessage(options.port));
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  mkdirSync(options.dataDir, { recursive: true });
  const logFile = join(resolve(options.dataDir), 'm365agentsplayground.log');
  // The log grows over runs: only what this run writes is its own.
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '-p', String(options.port), '-c', 'msteams', '--disable-telemetry'],
    {
      cwd: options.rootDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        BOT_ENDPOINT: options.botEndpoint,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: resolve(options.rootDir, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  const output: string[] = [];
  // 'close', not 'exit': by then its output has been read to the end (its reason for stopping is in the last lines).
  const exited = new Promise<number | null>((resolveExit) => child.once('close', (code) => resolveExit(code)));
  const listening = new Promise<number>((resolvePort, reject) => {
    const onLine = (line: string) => {
      const text = line.trim();
      if (text === '') return;
      output.push(text);
      if (output.length > 40) output.shift();
      options.log({ level: 'info', msg: text.slice(0, 500), source: 'playground' });
      const match = /Listening on (\d+)/.exec(text);
      if (match) resolvePort(Number(match[1]));
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    void exited.then((code) => {
      if (buffer !== '') onLine(buffer);
      reject(
        new PlaygroundStartError(
          `Microsoft 365 Agents Playground stopped at start (exit code ${code}):\n${output.join('\n')}`,
        ),
      );
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  listening.catch(() => undefined); // settled by the race below; a later exit must not surface as unhandled
  let port: number;
  try {
    port = await Promise.race([
      listening,
      new Promise<never>((_, reject) =>
        setTimeout(
          () =>
            reject(new PlaygroundStartError('Microsoft 365 Agents Playground did not start within the time allowed.')),
          options.timeoutMs ?? 60_000,
        ).unref(),
      ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  if (port !== options.port) {
    await stop();
    throw new PlaygroundStartError(playgroundPortBusyMessage(options.port));
  }
  const urls = playgroundUrls(port);
  // "Listening on" comes before the Playground reads its config file; a config it refuses stops it a moment later.
  // Its backend (with `/_debug/ping`) is mounted only once the config was read, so that is the sign it is up.
  const waiting = new AbortController();
  const stoppedEarly = exited.then((code) => {
    throw new PlaygroundStartError(
      `Microsoft 365 Agents Playground stopped right after it started (exit code ${code}):\n` +
        [...output, ...errorLines(logFile, logStart)].join('\n'),
    );
  });
  stoppedEarly.catch(() => undefined); // after a good start its stop is not an error of the start
  try {
    await Promise.race([untilPing(urls.url, options.timeoutMs ?? 60_000, waiting.signal), stoppedEarly]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    waiting.abort();
  }
  let stopping = false;
  void exited.then((code) => {
    if (!stopping)
      options.log({
        level: 'error',
        msg: `Microsoft 365 Agents Playground stopped (exit code ${code}); the bot's local connector is gone`,
        output: [...output.slice(-10), ...errorLines(logFile, logStart)].join('\n'),
      });
  });
  return {
    ...urls,
    pid: child.pid,
    close: async () => {
      stopping = true;
      await stop();
    },
  };
}

/**
 * The Playground's own words about a failure: it writes them to its log file (`error …` lines), not to stderr. Only
 * what was written after `from` (bytes), this run's part.
 */
function errorLines(logFile: string, from: number): string[] {
  try {
    return readFileSync(logFile)
      .subarray(from)
      .toString('utf8')
      .split(/\r?\n/)
      .filter((line) => line.startsWith('error '))
      .slice(-5)
      .map((line) => line.slice(0, 500));
  } catch {
    return []; // no log written
  }
}

/** Waits until the Playground's backend answers `/_debug/ping` (polled, each try at most a second) or `stop`. */
async function untilPing(url: string, timeoutMs: number, stop: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!stop.aborted) {
    try {
      const response = await fetch(`${url}/_debug/ping`, {
        signal: AbortSignal.any([stop, AbortSignal.timeout(1000)]),
      });
      if (response.ok) return;
    } catch {
      // Not answering yet (or already gone: the exit wins the race).
    }
    if (Date.now() > deadline)
      throw new PlaygroundStartError('Microsoft 365 Agents Playground did not answer within the time allowed.');
    await new Promise((resolveWait) => setTimeout(resolveWait, 100).unref());
  }
}
