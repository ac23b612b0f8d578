import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as provisionMain } from '../../../scripts/provision.js';
import { SCHEMA_VERSION, siteSchema } from '../../../src/data/lists/schema.js';
import { runInProcess } from '../../support/cli.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run provision` in this process: the script's own `main`, with these arguments and environment. */
const provision = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  runInProcess(provisionMain, args, env);

/** Runs `scripts/provision.ts` as its own OS process (as `npm run provision` does) to its end: for exit codes and usage. */
function provisionProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/provision.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise({ code, stdout, stderr })));
}

// Provisioning runs dozens of requests, and the usage tests start a Node process each: seconds, more on a busy machine.
describe('npm run provision (scripts/provision.ts)', { timeout: 90_000 }, () => {
  let sandbox: TestSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // The process environment wins over env/.env.sandbox, so the script talks to this sandbox.
    env = {
      GRAPH_BASE_URL: sandbox.graphUrl,
      TOKEN_URL: sandbox.tokenUrl,
      SHAREPOINT_SITE_URL: 'http://127.0.0.1:9/sites/elders',
    };
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('provisions the site named by --site and prints the report; exit code 0', async () => {
    const run = await provision(['--env', 'sandbox', '--site', sandbox.siteUrl, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      site: string;
      changes: number;
      report: {
        listsCreated: string[];
        viewsCreated: string[];
        schemaVersion: { found: number | null; now: number };
        markerWritten: boolean;
      };
    };
    expect(out.site).toBe(sandbox.siteUrl);
    expect(out.report.listsCreated).toEqual(siteSchema.map((l) => l.name));
    expect(out.report.viewsCreated).toContain('Acties: Achterstallig');
    expect(out.report.schemaVersion).toEqual({ found: null, now: SCHEMA_VERSION });
    expect(out.report.markerWritten).toBe(true);
    expect(out.changes).toBeGreaterThan(20);
  });

  it('says that nothing changed when run again; exit code 0', async () => {
    const run = await provision(['--site', sandbox.siteUrl], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Lijsten van ${sandbox.siteUrl} gecontroleerd`);
    expect(run.stdout).toContain(`Schema: versie ${SCHEMA_VERSION} (ongewijzigd).`);
    expect(run.stdout).toContain('Geen wijzigingen: de site volgt het schema al.');
  });

  it('fails with exit code 1 and the reason when the token is refused', async () => {
    const run = await provisionProcess(['--site', sandbox.siteUrl], { ...env, GRAPH_CLIENT_SECRET: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^provision mislukt: Token request failed \(401\)/);
    expect(run.stdout).toBe('');
  });

  it('refuses wrong usage with exit code 2', async () => {
    const unknown = await provisionProcess(['--site', sandbox.siteUrl, '--force'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^provision: Onbekende optie: --force\nGebruik: npm run provision -- /);
    const badEnv = await provisionProcess(['--env', '../secrets'], env);
    expect(badEnv.code).toBe(2);
  });

  it('--sandbox starts its own sandbox on the data folder and provisions it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'provision-cli-'));
    try {
      const run = await provision(['--sandbox'], { SANDBOX_DATA_DIR: dataDir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // A first run creates the lists: it says so, not that it only checked them.
      expect(run.stdout).toMatch(/^Lijsten van http:\/\/127\.0\.0\.1:\d+\/sites\/actieplan bijgewerkt\n/);
      expect(run.stdout).toContain(`Lijsten aangemaakt (${siteSchema.length}): `);
      const again = await provision(['--sandbox'], { SANDBOX_DATA_DIR: dataDir });
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^Lijsten van http:\/\/127\.0\.0\.1:\d+\/sites\/actieplan gecontroleerd\n/);
      expect(again.stdout).toContain('Geen wijzigingen');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('--seed imports the plan into the site once; a second run adds nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'provision-seed-'));
    try {
      const first = await provision(['--sandbox', '--seed', '--json'], { SANDBOX_DATA_DIR: dataDir });
      expect(first.code).toBe(0);
      const out = JSON.parse(first.stdout) as { seeded: { created: Record<string, number>; unknownPeople: string[] } };
      expect(out.seeded.created).toMatchObject({ Adviezen: 11, Bevindingen: 9, Acties: 33 });
      expect(out.seeded.unknownPeople).toEqual([]);
      const again = await provision(['--sandbox', '--seed'], { SANDBOX_DATA_DIR: dataDir });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Gevuld (nieuwe items): Adviezen: 0, Bevindingen: 0, Acties: 0');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
