import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_LOCK,
  buildIfChanged,
  collectInputs,
  inputsHash,
  LOCAL_SERVER_TARGET,
  parseStamp,
  rebuildDecision,
  TAB_TARGET,
  takeBuildLock,
} from '../../../scripts/build-if-changed.mjs';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('inputsHash', () => {
  const files = [
    file('src/tab/main.tsx', 'render()'),
    file('vite.config.ts', 'export default {}'),
    file('package-lock.json', '{"v":1}'),
  ];

  it('does not depend on the order the files are listed in', () => {
    expect(inputsHash(files)).toBe(inputsHash([...files].reverse()));
  });

  it('changes when a file changes, even by one byte', () => {
    expect(inputsHash([files[0]!, files[1]!, file('package-lock.json', '{"v":2}')])).not.toBe(inputsHash(files));
  });

  it('changes when a file is renamed, added or removed', () => {
    const base = inputsHash(files);
    expect(inputsHash([file('src/tab/app.tsx', 'render()'), files[1]!, files[2]!])).not.toBe(base);
    expect(inputsHash([...files, file('src/tab/new.ts', '')])).not.toBe(base);
    expect(inputsHash(files.slice(1))).not.toBe(base);
  });

  it('keeps path and content apart', () => {
    expect(inputsHash([file('ab', 'c')])).not.toBe(inputsHash([file('a', 'bc')]));
  });
});

describe('rebuildDecision', () => {
  const stamp = { hash: 'abc', builtAt: '2026-12-04T20:00:00.000Z' };

  it('skips the build when the stamp matches and the outputs are there', () => {
    expect(rebuildDecision(stamp, 'abc', [])).toEqual({
      rebuild: false,
      reason: 'inputs unchanged since the build of 2026-12-04T20:00:00.000Z',
    });
  });

  it('builds when the inputs changed', () => {
    expect(rebuildDecision(stamp, 'abd', []).rebuild).toBe(true);
  });

  it('builds when there is no stamp', () => {
    expect(rebuildDecision(undefined, 'abc', [])).toEqual({ rebuild: true, reason: 'no build stamp' });
  });

  it('builds when an output is missing, whatever the stamp says', () => {
    const decision = rebuildDecision(stamp, 'abc', ['dist/tab/index.html']);
    expect(decision.rebuild).toBe(true);
    expect(decision.reason).toContain('dist/tab/index.html');
  });
});

describe('parseStamp', () => {
  it('reads a stamp and refuses anything else', () => {
    expect(parseStamp('{"hash":"abc","builtAt":"t"}')).toEqual({ hash: 'abc', builtAt: 't' });
    expect(parseStamp('{"hash":1,"builtAt":"t"}')).toBeUndefined();
    expect(parseStamp('not json')).toBeUndefined();
    expect(parseStamp(undefined)).toBeUndefined();
  });
});

describe('collectInputs and buildTabIfChanged on a folder', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root!, path)), { recursive: true });
    writeFileSync(join(root!, path), text);
  };

  it("hashes the tab's layers, configs and lockfile, not the server", () => {
    root = mkdtempSync(join(tmpdir(), 'tab-inputs-'));
    write('src/tab/main.tsx', 'a');
    write('src/domain/dates.ts', 'b');
    write('src/server/main.ts', 'c');
    write('package-lock.json', '{}');
    const before = inputsHash(collectInputs(root, TAB_TARGET.inputs));
    expect(
      collectInputs(root, TAB_TARGET.inputs)
        .map((f) => f.path)
        .sort(),
    ).toEqual(['package-lock.json', 'src/domain/dates.ts', 'src/tab/main.tsx']);

    write('src/server/main.ts', 'changed');
    expect(inputsHash(collectInputs(root, TAB_TARGET.inputs))).toBe(before);
    write('src/domain/dates.ts', 'changed');
    const afterDomain = inputsHash(collectInputs(root, TAB_TARGET.inputs));
    expect(afterDomain).not.toBe(before);
    write('package-lock.json', '{"changed":true}');
    expect(inputsHash(collectInputs(root, TAB_TARGET.inputs))).not.toBe(afterDomain);
  });

  it("the local server's inputs are the server's layers, not the tab", () => {
    root = mkdtempSync(join(tmpdir(), 'server-inputs-'));
    write('src/server/main.ts', 'a');
    write('src/sandbox/server.ts', 'b');
    write('src/tab/main.tsx', 'c');
    const before = inputsHash(collectInputs(root, LOCAL_SERVER_TARGET.inputs));
    write('src/tab/main.tsx', 'changed');
    expect(inputsHash(collectInputs(root, LOCAL_SERVER_TARGET.inputs))).toBe(before);
    write('src/sandbox/server.ts', 'changed');
    expect(inputsHash(collectInputs(root, LOCAL_SERVER_TARGET.inputs))).not.toBe(before);
  });

  it('leaves a build with a matching stamp alone, and builds one whose output is gone', async () => {
    root = mkdtempSync(join(tmpdir(), 'tab-inputs-'));
    write('src/tab/main.tsx', 'a');
    for (const output of TAB_TARGET.outputs) write(output, '');
    write(
      TAB_TARGET.stampFile,
      JSON.stringify({ hash: inputsHash(collectInputs(root, TAB_TARGET.inputs)), builtAt: 'earlier' }),
    );
    const lines: string[] = [];
    const decisions = await buildIfChanged([TAB_TARGET], { rootDir: root, print: (l) => lines.push(l) });
    expect(decisions.map((d) => d.rebuild)).toEqual([false]);
    expect(lines).toEqual(['Build of the tab skipped: inputs unchanged since the build of earlier.']);

    // With its index.html gone, the same stamp no longer counts: the build runs (and fails here, as the folder has no
    // Vite config), and no new stamp is written.
    rmSync(join(root, 'dist/tab/index.html'));
    await expect(buildIfChanged([TAB_TARGET], { rootDir: root, print: (l) => lines.push(l) })).rejects.toThrow();
    expect(lines).toContain(
      'Building the tab: no complete build (dist/tab/index.html missing). Details: dist/build.log',
    );
  });
});

describe("the tab's build inputs", () => {
  it('list every file of this repository the Vite configs import (a changed plugin rebuilds the tab)', () => {
    for (const config of TAB_TARGET.configFiles) {
      const imported = [...readFileSync(config, 'utf8').matchAll(/from '\.\/(scripts\/[^']+)\.js'/g)].map(
        (m) => `${m[1]}.ts`,
      );
      expect(imported.length, config).toBeGreaterThan(0);
      for (const path of imported) expect(TAB_TARGET.inputs.files, `${config} imports ${path}`).toContain(path);
    }
  });
});

describe('the build lock: two starts in one folder do not build at once', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  const until = (ms: number) => new Promise((done) => setTimeout(done, ms));
  const lockPath = () => join(root!, BUILD_LOCK);
  /** A lock as another start holds it: its process id (alive: this test's parent) and its token. */
  const otherLock = (pid = process.ppid, text = `${pid} other-start\n`) => {
    mkdirSync(dirname(lockPath()), { recursive: true });
    writeFileSync(lockPath(), text);
    return () => rmSync(lockPath(), { force: true });
  };

  it('is taken when free and given back', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const release = await takeBuildLock(root, { print: () => undefined });
    expect(readFileSync(lockPath(), 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f-]{36}\n$`));
    release();
    expect(existsSync(lockPath())).toBe(false);
  });

  it('waits while another running start holds it, says so once, and takes it when given back', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const other = otherLock();
    const lines: string[] = [];
    let taken = false;
    const waiting = takeBuildLock(root, { print: (l) => lines.push(l), pollMs: 5 }).then((release) => {
      taken = true;
      return release;
    });
    await until(60);
    expect(taken).toBe(false);
    expect(lines).toEqual([
      `Waiting for the build of another start in this folder (process ${process.ppid}) to finish.`,
    ]);
    other();
    (await waiting)();
    expect(taken).toBe(true);
    expect(lines).toHaveLength(1);
  });

  it('takes over a lock that is left over: its process gone, this very process id, no process, too old, or empty', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const cases: Array<{ text: string; runs?: () => boolean; now?: () => number }> = [
      { text: `${process.ppid} gone\n`, runs: () => false },
      { text: `${process.pid} from-before-a-restart\n` },
      { text: 'not a pid\n' },
      { text: `${process.ppid} old\n`, now: () => Date.now() + 11 * 60_000 },
      { text: '', now: () => Date.now() + 6_000 },
    ];
    for (const { text, runs, now } of cases) {
      otherLock(process.ppid, text);
      const lines: string[] = [];
      const release = await takeBuildLock(root, {
        print: (l) => lines.push(l),
        pollMs: 5,
        ...(runs ? { runs } : {}),
        ...(now ? { now } : {}),
      });
      expect(lines, JSON.stringify(text)).toEqual([]);
      expect(readFileSync(lockPath(), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
      release();
    }
  });

  it('gives back only its own lock, and makes the folder again if dist/ was deleted while it waited', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const release = await takeBuildLock(root, { print: () => undefined });
    // Taken over meanwhile (say it looked left over to another start): giving back leaves that one alone.
    writeFileSync(lockPath(), `${process.ppid} someone-else\n`);
    release();
    expect(readFileSync(lockPath(), 'utf8')).toBe(`${process.ppid} someone-else\n`);
    const waiting = takeBuildLock(root, { print: () => undefined, pollMs: 5 });
    await until(30);
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    (await waiting)();
  });

  it('makes buildIfChanged decide only after the other build: it then finds that build and skips', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-lock-'));
    const dir = root;
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('src/tab/main.tsx', 'a');
    // Another start holds the lock and has not built yet: no outputs, no stamp.
    const other = otherLock();
    const lines: string[] = [];
    const ours = buildIfChanged([TAB_TARGET], { rootDir: dir, print: (l) => lines.push(l), lockPollMs: 5 });
    await until(60);
    // It finishes its build (outputs and stamp), then gives the lock back.
    for (const output of TAB_TARGET.outputs) write(output, '');
    write(
      TAB_TARGET.stampFile,
      JSON.stringify({ hash: inputsHash(collectInputs(dir, TAB_TARGET.inputs)), builtAt: 'then' }),
    );
    other();
    const decisions = await ours;
    expect(decisions.map((d) => d.rebuild)).toEqual([false]);
    expect(lines).toEqual([
      `Waiting for the build of another start in this folder (process ${process.ppid}) to finish.`,
      'Build of the tab skipped: inputs unchanged since the build of then.',
    ]);
    expect(existsSync(join(dir, BUILD_LOCK))).toBe(false);
  });
});
