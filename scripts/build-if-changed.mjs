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
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

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
    files: ['vite.config.ts', 'vite.addin.config.ts', 'tsconfig.tab.json', ...SHARED_FILES],
  },
  configFiles: ['vite.config.ts', 'vite.addin.config.ts'],
  stampFile: 'dist/tab/.build-stamp.json',
  outputs: ['dist/tab/index.html', 'dist/tab/build-report.json', 'dist/tab/addin/index.html'],
};

/**
 * The local run behind `npm start` (src/server/main.ts: sandbox, app server, bot, reminder job) compiled to one
 * module, so Node starts it without resolving and compiling a few hundred source files through tsx.
 * @type {BuildTarget}
 */
export const LOCAL_SERVER_TARGET = {
  name: 'the local server',
  inputs: {
    folders: ['src/server', 'src/sandbox', 'src/bot', 'src/reminders', 'src/domain', 'src/data', 'src/reporting', 'src/shared'],
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
  if (missingOutputs.length > 0) return { rebuild: true, reason: `no complete build (${missingOutputs.join(', ')} missing)` };
  if (!stamp) return { rebuild: true, reason: 'no build stamp' };
  if (stamp.hash !== currentHash) return { rebuild: true, reason: 'its sources, build configuration or lockfile changed since the last build' };
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
    if (typeof value === 'object' && value !== null && typeof value.hash === 'string' && typeof value.builtAt === 'string') {
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
  const add = (absolute) => out.push({ path: relative(rootDir, absolute).split(sep).join('/'), bytes: readFileSync(absolute) });
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile()) add(absolute);
    }
  };
  for (const folder of inputs.folders) if (existsSync(join(rootDir, folder))) walk(join(rootDir, folder));
  for (const file of inputs.files) if (existsSync(join(rootDir, file)) && statSync(join(rootDir, file)).isFile()) add(join(rootDir, file));
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
  return { ...rebuildDecision(stamp, hash, target.outputs.filter((f) => !existsSync(join(rootDir, f)))), hash };
}

/**
 * Builds each target whose inputs changed (with Vite, in this process), then writes its stamp; says what it did.
 * The builds resolve their configs' paths from the working directory, which must be `rootDir`.
 * @param {readonly BuildTarget[]} targets
 * @param {{ rootDir?: string; print?: (line: string) => void }} [options]
 * @returns {Promise<RebuildDecision[]>}
 */
export async function buildIfChanged(targets, options = {}) {
  const root = resolve(options.rootDir ?? process.cwd());
  const print = options.print ?? ((line) => process.stdout.write(`${line}\n`));
  /** @type {RebuildDecision[]} */
  const decisions = [];
  for (const target of targets) {
    const { hash, ...decision } = decide(root, target);
    decisions.push(decision);
    if (!decision.rebuild) {
      print(`Build of ${target.name} skipped: ${decision.reason}.`);
      continue;
    }
    print(`Building ${target.name}: ${decision.reason}.`);
    const { build } = await import('vite');
    for (const configFile of target.configFiles) await build({ configFile: join(root, configFile), logLevel: 'warn' });
    // The hash from before the build: an edit made while it ran makes the next start build again.
    writeFileSync(join(root, target.stampFile), `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
  }
  return decisions;
}
