// @ts-check
/**
 * `npm start` (and the bench) build only what changed: the tab (dist/tab) and the local server (dist/local/main.js),
 * each when a content hash of its inputs (the sources it can import, its Vite config, the TypeScript configs and the
 * lockfile) differs from the stamp its last successful build wrote. Content, not modification times: a checkout or
 * `touch` that leaves the bytes alone skips the build, and any edit (even a comment) rebuilds.
 *
 * Plain JavaScript (typed with JSDoc, checked by tsc): `npm start` runs it with node itself, without tsx, whose start
 * alone costs seconds on a loaded machine. `npm run build:tab` still builds unconditionally (npm test, CI, deploy).
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** @typedef {{ hash: string; builtAt: string }} BuildStamp */
/** @typedef {{ path: string; bytes: Uint8Array }} InputFile */
/** @typedef {{ rebuild: boolean; reason: string }} RebuildDecision */
/** @typedef {{ folders: readonly string[]; files: readonly string[] }} Inputs */
/**
 * @typedef {object} BuildTarget
 * @property {string} name what the messages call it
 * @property {Inputs} inputs what its build reads
 * @property {readonly string[]} configFiles the Vite configs to build with, in order
 * @property {string} stampFile written after all its builds succeeded
 * @property {readonly string[]} outputs files a complete build has; a stamp without them does not count
 * @property {(rootDir: string) => string[]} [summary] what the build log says about a finished build
 */

const SHARED_FILES = ['tsconfig.base.json', 'package-lock.json'];

/**
 * The tab and the Outlook add-in. The folders are the layers they may import (eslint.config.js: tab uses domain,
 * data, reporting, shared; addin uses the tab), so a change to the server, the bot or the sandbox never rebuilds them.
 * @type {BuildTarget}
 */
export const TAB_TARGET = {
  name: 'the tab',
  inputs: {
    folders: ['src/tab', 'src/addin', 'src/domain', 'src/data', 'src/reporting', 'src/shared'],
    files: [
      'vite.config.ts',
      'vite.addin.config.ts',
      // The build's own plugins, which the configs import (a unit test checks that every one is listed).
      'scripts/vite-precompress.ts',
      'scripts/vite-retryable-imports.ts',
      'scripts/vite-fluent-leftovers.ts',
      'scripts/vite-chart-scaling.ts',
      'tsconfig.tab.json',
      ...SHARED_FILES,
    ],
  },
  configFiles: ['vite.config.ts', 'vite.addin.config.ts'],
  stampFile: 'dist/tab/.build-stamp.json',
  outputs: ['dist/tab/index.html', 'dist/tab/build-report.json', 'dist/tab/addin/index.html'],
  summary: (rootDir) => {
    const report = JSON.parse(readFileSync(join(rootDir, 'dist/tab/build-report.json'), 'utf8'));
    const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);
    const chunks = Object.keys(report.chunks ?? {}).length;
    return [
      `first view JS ${kb(report.firstViewGzipBytes)} KB gzip (in a Microsoft 365 host ${kb(report.firstViewInHostGzipBytes)} KB), budget ${kb(report.budgetBytes)} KB; ${chunks} chunks (dist/tab/build-report.json)`,
    ];
  },
};

/**
 * The local run behind `npm start` (src/server/main.ts: sandbox, app server, bot, reminder job) compiled to one
 * module, so Node starts it without resolving and compiling a few hundred source files through tsx.
 * @type {BuildTarget}
 */
export const LOCAL_SERVER_TARGET = {
  name: 'the local server',
  inputs: {
    folders: [
      'src/server',
      'src/sandbox',
      'src/bot',
      'src/reminders',
      'src/domain',
      'src/data',
      'src/reporting',
      'src/shared',
    ],
    files: ['vite.local.config.ts', 'tsconfig.json', ...SHARED_FILES],
  },
  configFiles: ['vite.local.config.ts'],
  stampFile: 'dist/local/.build-stamp.json',
  outputs: ['dist/local/main.js'],
};

/**
 * One hash over the inputs: each file's path (with '/' separators) and content, in path order, so the hash depends on
 * neither the order files are listed in nor the platform, and a renamed file changes it as an edited one does.
 * @param {readonly InputFile[]} files
 * @returns {string}
 */
export function inputsHash(files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    // Lengths in front of path and content: "ab"+"c" and "a"+"bc" must not hash alike.
    hash.update(`${file.path.length}:${file.path}\0${file.bytes.length}:`);
    hash.update(file.bytes);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * Whether to build: when an output is missing, when there is no (readable) stamp, or when the stamp's hash differs
 * from the inputs' hash now.
 * @param {BuildStamp | undefined} stamp
 * @param {string} currentHash
 * @param {readonly string[]} missingOutputs
 * @returns {RebuildDecision}
 */
export function rebuildDecision(stamp, currentHash, missingOutputs) {
  if (missingOutputs.length > 0)
    return { rebuild: true, reason: `no complete build (${missingOutputs.join(', ')} missing)` };
  if (!stamp) return { rebuild: true, reason: 'no build stamp' };
  if (stamp.hash !== currentHash)
    return { rebuild: true, reason: 'its sources, build configuration or lockfile changed since the last build' };
  return { rebuild: false, reason: `inputs unchanged since the build of ${stamp.builtAt}` };
}

/**
 * Reads a stamp; anything unreadable or of another shape is no stamp.
 * @param {string | undefined} text
 * @returns {BuildStamp | undefined}
 */
export function parseStamp(text) {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof value.hash === 'string' &&
      typeof value.builtAt === 'string'
    ) {
      return { hash: value.hash, builtAt: value.builtAt };
    }
  } catch {
    // a corrupt stamp means "build"
  }
  return undefined;
}

/**
 * The input files under `rootDir` (a listed file that does not exist is left out, so adding it changes the hash).
 * @param {string} rootDir
 * @param {Inputs} inputs
 * @returns {InputFile[]}
 */
export function collectInputs(rootDir, inputs) {
  /** @type {InputFile[]} */
  const out = [];
  /** @param {string} absolute */
  const add = (absolute) =>
    out.push({ path: relative(rootDir, absolute).split(sep).join('/'), bytes: readFileSync(absolute) });
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile()) add(absolute);
    }
  };
  for (const folder of inputs.folders) if (existsSync(join(rootDir, folder))) walk(join(rootDir, folder));
  for (const file of inputs.files)
    if (existsSync(join(rootDir, file)) && statSync(join(rootDir, file)).isFile()) add(join(rootDir, file));
  return out;
}

/**
 * The decision for one target in `rootDir`, and the hash it was made on.
 * @param {string} rootDir
 * @param {BuildTarget} target
 * @returns {RebuildDecision & { hash: string }}
 */
export function decide(rootDir, target) {
  const hash = inputsHash(collectInputs(rootDir, target.inputs));
  const stampPath = join(rootDir, target.stampFile);
  const stamp = parseStamp(existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : undefined);
  return {
    ...rebuildDecision(
      stamp,
      hash,
      target.outputs.filter((f) => !existsSync(join(rootDir, f))),
    ),
    hash,
  };
}

/** Held while `npm start` decides and builds: a second start in the same folder waits for it. */
export const BUILD_LOCK = 'dist/.build.lock';

/**
 * Whether a process with this id runs (signal 0 only checks; EPERM: it runs, as another user).
 * @param {number} pid
 * @returns {boolean}
 */
function processRuns(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** A lock older than this is left over (a build takes well under a minute), whatever process has its id now. */
const LOCK_MAX_AGE_MS = 10 * 60_000;
/** A lock still without its content this long after it was made belongs to a start that stopped while making it. */
const LOCK_EMPTY_GRACE_MS = 5_000;

/**
 * Takes the build lock of `rootDir` (BUILD_LOCK, created exclusively, holding this process's id and a token of this
 * taking), waiting while another running process holds it: two `npm start` in one checkout (on other ports) would
 * otherwise build into the same dist/ at once and break each other's build. A lock is left over, and taken over, when
 * its process is gone (a start stopped during its build), when it names this very process (its id was given again
 * after a restart), when it is older than any build, or when it stayed empty.
 * @param {string} rootDir
 * @param {{ print: (line: string) => void; pollMs?: number; runs?: (pid: number) => boolean; now?: () => number }} options
 * @returns {Promise<() => void>} gives the lock back (only if it is still this one)
 */
export async function takeBuildLock(rootDir, { print, pollMs = 250, runs = processRuns, now = Date.now }) {
  const path = join(rootDir, BUILD_LOCK);
  const mine = `${process.pid} ${randomUUID()}\n`;
  let said = false;
  for (;;) {
    // Made again each round: someone may delete dist/ while this start waits.
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
        } catch {
          // gone already
        }
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    /** @type {string} */
    let text;
    /** @type {number} */
    let age;
    try {
      text = readFileSync(path, 'utf8');
      age = now() - statSync(path).mtimeMs;
    } catch {
      continue; // given back meanwhile
    }
    const pid = Number(text.trim().split(' ')[0]);
    const leftOver =
      text.trim() === ''
        ? age > LOCK_EMPTY_GRACE_MS
        : !Number.isInteger(pid) || pid <= 0 || pid === process.pid || !runs(pid) || age > LOCK_MAX_AGE_MS;
    if (leftOver) {
      // Only the lock that was read: another start may have taken it over in between.
      try {
        if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
      } catch {
        // gone already
      }
      continue;
    }
    if (!said) {
      print(`Waiting for the build of another start in this folder (process ${pid || '?'}) to finish.`);
      said = true;
    }
    await new Promise((done) => setTimeout(done, pollMs));
  }
}

/** Where `npm start` writes its builds' output (assets and sizes, the first-view budget, warnings). */
export const BUILD_LOG = 'dist/build.log';

/** Terminal escape sequences (colours, cursor moves), which a log file or a pipe must not get. */
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, 'g');

/**
 * A message without terminal escape sequences.
 * @param {string} text
 * @returns {string}
 */
export function stripAnsi(text) {
  return text.replace(ANSI_ESCAPE, '');
}

/**
 * Vite's logger for `npm start`'s builds: everything Vite and Rolldown say (the asset list, the first-view budget,
 * warnings) goes to the log file without colour codes; the terminal gets errors only, or everything with `verbose`.
 * @param {{ file: string; verbose?: boolean; print: (line: string) => void }} options
 * @returns {import('vite').Logger}
 */
export function buildLogger({ file, verbose = false, print }) {
  const warned = new Set();
  /** @param {'info' | 'warn' | 'error'} level @param {string} msg */
  const write = (level, msg) => {
    const text = stripAnsi(String(msg));
    appendFileSync(file, `${level === 'info' ? '' : `[${level}] `}${text}${text.endsWith('\n') ? '' : '\n'}`);
    if (verbose || level === 'error') print(text.replace(/\n$/, ''));
  };
  /** @type {import('vite').Logger} */
  const logger = {
    hasWarned: false,
    info: (msg) => write('info', msg),
    warn: (msg) => {
      logger.hasWarned = true;
      write('warn', msg);
    },
    warnOnce: (msg) => {
      if (warned.has(msg)) return;
      warned.add(msg);
      logger.warn(msg);
    },
    error: (msg) => write('error', msg),
    clearScreen: () => {},
    hasErrorLogged: () => false,
  };
  return logger;
}

/**
 * Sends what is written to stdout and stderr to `sink` until the returned function is called: Vite's reporter writes
 * its progress lines ("transforming...", "rendering chunks...") to the process's streams itself, past any logger.
 * @param {(text: string) => void} sink
 * @returns {() => void}
 */
function captureOutput(sink) {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  for (const stream of streams) {
    /** @type {any} */ (stream).write = (/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(/** @type {Uint8Array} */ (chunk)).toString());
      const callback = rest.find((r) => typeof r === 'function');
      if (typeof callback === 'function') callback();
      return true;
    };
  }
  return () => streams.forEach((stream, i) => (stream.write = /** @type {any} */ (originals[i])));
}

/**
 * Builds each target whose inputs changed (with Vite, in this process), then writes its stamp; says what it did in
 * one line per target. The build's own output goes to `logFile` (default dist/build.log), or also to `print` with
 * `verbose`. The builds resolve their configs' paths from the working directory, which must be `rootDir`. It holds
 * the folder's build lock (takeBuildLock) from before the first decision to after the last build, so a second start
 * decides on what the first one built.
 * @param {readonly BuildTarget[]} targets
 * @param {{ rootDir?: string; print?: (line: string) => void; verbose?: boolean; logFile?: string; lockPollMs?: number }} [options]
 * @returns {Promise<RebuildDecision[]>}
 */
export async function buildIfChanged(targets, options = {}) {
  const root = resolve(options.rootDir ?? process.cwd());
  // Bound now: while a build runs, process.stdout.write goes to the log (captureOutput), this does not.
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const print = options.print ?? ((line) => stdoutWrite(`${line}\n`));
  const release = await takeBuildLock(root, { print, ...(options.lockPollMs ? { pollMs: options.lockPollMs } : {}) });
  try {
    return await buildLocked(targets, root, print, options);
  } finally {
    release();
  }
}

/**
 * buildIfChanged's work, with the lock held.
 * @param {readonly BuildTarget[]} targets
 * @param {string} root
 * @param {(line: string) => void} print
 * @param {{ verbose?: boolean; logFile?: string }} options
 * @returns {Promise<RebuildDecision[]>}
 */
async function buildLocked(targets, root, print, options) {
  const logFile = join(root, options.logFile ?? BUILD_LOG);
  /** @type {RebuildDecision[]} */
  const decisions = [];
  let logStarted = false;
  for (const target of targets) {
    const { hash, ...decision } = decide(root, target);
    decisions.push(decision);
    if (!decision.rebuild) {
      print(`Build of ${target.name} skipped: ${decision.reason}.`);
      continue;
    }
    if (!logStarted) {
      mkdirSync(dirname(logFile), { recursive: true });
      writeFileSync(logFile, '');
      logStarted = true;
    }
    print(
      `Building ${target.name}: ${decision.reason}.${options.verbose ? '' : ` Details: ${relative(root, logFile).split(sep).join('/')}`}`,
    );
    appendFileSync(logFile, `== ${target.name}: ${decision.reason} (${new Date().toISOString()})\n`);
    const started = Date.now();
    const { build } = await import('vite');
    const customLogger = buildLogger({ file: logFile, verbose: options.verbose ?? false, print });
    const restore = captureOutput((text) => customLogger.info(text));
    try {
      // At 'info', Rolldown's own reporter (native code, past any logger) writes its progress and asset lines to the
      // terminal: only --verbose asks for them. Warnings and errors reach the logger at 'warn' too.
      for (const configFile of target.configFiles)
        await build({ configFile: join(root, configFile), logLevel: options.verbose ? 'info' : 'warn', customLogger });
    } finally {
      restore();
    }
    // The hash from before the build: an edit made while it ran makes the next start build again.
    writeFileSync(join(root, target.stampFile), `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
    for (const line of target.summary?.(root) ?? []) customLogger.info(line);
    print(`Built ${target.name} in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
  return decisions;
}
