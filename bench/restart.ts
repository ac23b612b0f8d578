/**
 * `npm run bench` (the developer loop): `npm start` restart to ready, i.e. from the command until the start banner
 * ("draait lokaal") is printed, on a sandbox that is already seeded. Twice over: with one changed source file (an
 * appended comment in src/tab/main.tsx, so the tab builds) and then with the same inputs again (the build is skipped),
 * interleaved, median of RUNS each. The file is put back afterwards; the next `npm start` builds once more, as the
 * committed source differs from the bench's last edit. Free ports and a temporary data folder: a running
 * `npm start` is not disturbed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runsFromEnv } from './stats.js';

const RUNS = runsFromEnv('BENCH_RESTART_RUNS', 3);
const CHANGED_FILE = 'src/tab/main.tsx';
const READY = 'draait lokaal';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** Runs `npm start` until it prints the banner, then stops its process group; the time to the banner in ms. */
async function startToReady(env: Record<string, string>): Promise<{ ms: number; built: boolean }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  try {
    return await new Promise((ok, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(READY)) ok({ ms: performance.now() - started, built: output.includes('Building the tab') });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) =>
        fail(new Error(`npm start stopped (exit ${code}) before it was ready:\n${output.slice(-2000)}`)),
      );
    });
  } finally {
    child.removeAllListeners('exit');
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-restart-'));
  const env = {
    PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    PLAYGROUND: 'off',
    SANDBOX_DATA_DIR: join(dataDir, 'sandbox'),
  };
  const original = readFileSync(CHANGED_FILE, 'utf8');
  const unchanged: number[] = [];
  const changed: number[] = [];
  let unchangedBuilt = 0;
  let changedBuilt = 0;
  try {
    // The first start seeds the sandbox (and builds when needed); it is not counted.
    await startToReady(env);
    for (let i = 0; i < RUNS; i += 1) {
      // A changed source file: this start must build.
      writeFileSync(CHANGED_FILE, `${original}// bench ${i} ${Date.now()}\n`);
      const b = await startToReady(env);
      changed.push(b.ms);
      if (b.built) changedBuilt += 1;
      // The same inputs again: this start must skip the build.
      const a = await startToReady(env);
      unchanged.push(a.ms);
      if (a.built) unchangedBuilt += 1;
    }
  } finally {
    writeFileSync(CHANGED_FILE, original);
    rmSync(dataDir, { recursive: true, force: true });
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stdout.write(
    `\nThe developer loop: npm start restart to ready (seeded sandbox, median of ${RUNS}, interleaved)\n`,
  );
  console.table([
    {
      measure: 'restart, tab inputs unchanged',
      value: `${s(median(unchanged))} [${unchanged.map(s).join(', ')}]`,
      built: `${unchangedBuilt} of ${RUNS}`,
      target: '<= 10 s, no build',
    },
    {
      measure: `restart, ${CHANGED_FILE} changed`,
      value: `${s(median(changed))} [${changed.map(s).join(', ')}]`,
      built: `${changedBuilt} of ${RUNS}`,
      target: 'builds every time',
    },
  ]);
}

await main();
