import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as provisionMain } from '../../../scripts/provision.js';
import { readPlanXlsx } from '../../../src/data/plan-xlsx.js';
import { currentSiteSchema, provisionLists } from '../../../src/data/provisioning.js';
import { resolveSite } from '../../../src/data/site.js';
import { runInProcess, type CliRun } from '../../support/cli.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

const provision = (args: string[], env: Record<string, string>): Promise<CliRun> =>
  runInProcess(provisionMain, args, env);

describe('npm run provision -- --export-plan / --plan', { timeout: 120_000 }, () => {
  let bron: TestSandbox;
  let doel: TestSandbox;
  let dir: string;
  const envOf = (s: TestSandbox) => ({
    GRAPH_BASE_URL: s.graphUrl,
    TOKEN_URL: s.tokenUrl,
    SHAREPOINT_SITE_URL: s.siteUrl,
  });

  beforeAll(async () => {
    [bron, doel] = await Promise.all([startTestSandbox(), startTestSandbox()]);
    dir = mkdtempSync(join(tmpdir(), 'provision-plan-'));
  });
  afterAll(async () => {
    await Promise.all([bron?.close(), doel?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports a seeded site, refuses a bad file by sheet and row, dry-runs, imports once and refuses a second import', async () => {
    const file = join(dir, 'zoetermeer.xlsx');
    const exported = await provision(['--seed', '--export-plan', file], envOf(bron));
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Plan geëxporteerd naar ${file}`);
    const sheets = await readPlanXlsx(readFileSync(file));
    expect(sheets.Adviezen?.rows).toHaveLength(11);

    // A bad row: action 1.1's status is not a status.
    const bad = join(dir, 'bad.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as never);
    const acties = workbook.getWorksheet('Acties');
    if (!acties) throw new Error('The export has no Acties sheet.');
    acties.getCell('F2').value = 'Half klaar';
    writeFileSync(bad, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    // A dry run on the site the app never provisioned checks the file and writes nothing, not even the lists.
    const listsOf = async (t: TestSandbox) => {
      const site = await resolveSite(t.graph(), t.siteUrl);
      const lists = await t.graph().getAll<{ displayName: string }>(`/sites/${site.id}/lists?$select=displayName`);
      return lists.map((l) => l.displayName);
    };
    const before = await listsOf(doel);
    const untouched = await provision(['--plan', file, '--dry-run'], envOf(doel));
    expect(untouched.stderr).toBe('');
    expect(untouched.code).toBe(0);
    expect(untouched.stdout).toContain('de lijsten zijn niet gecontroleerd of bijgewerkt');
    expect(untouched.stdout).toContain('Proefimport zonder problemen; er is niets opgeslagen');
    expect(await listsOf(doel)).toEqual(before);
    expect(before).not.toContain('Acties');

    // A faulty Inrichting sheet is said to be one, not to be missing.
    const faulty = join(dir, 'faulty.xlsx');
    const inrichtingBook = new ExcelJS.Workbook();
    await inrichtingBook.xlsx.load(readFileSync(file) as never);
    const inrichtingSheet = inrichtingBook.getWorksheet('Inrichting');
    if (!inrichtingSheet) throw new Error('The export has no Inrichting sheet.');
    inrichtingSheet.getCell('B3').value = '';
    writeFileSync(faulty, new Uint8Array((await inrichtingBook.xlsx.writeBuffer()) as ArrayBuffer));
    const faultyRun = await provision(['--plan', faulty, '--dry-run'], envOf(doel));
    expect(faultyRun.code).toBe(1);
    expect(faultyRun.stdout).toContain('Het tabblad Inrichting heeft fouten');
    expect(faultyRun.stdout).not.toContain('Geen tabblad Inrichting');

    const refused = await provision(['--plan', bad, '--json'], envOf(doel));
    expect(refused.code).toBe(1);
    const out = JSON.parse(refused.stdout) as {
      plan: { problems: { sheet: string; rowNumber: number; column?: string }[]; written: unknown };
    };
    expect(out.plan.problems.map((p) => `${p.sheet}:${p.rowNumber}:${p.column}`)).toEqual(['Acties:2:Status']);
    expect(out.plan.written).toBeNull();

    const dry = await provision(['--plan', file, '--dry-run'], envOf(doel));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Plan .*zoetermeer\.xlsx: 11 adviezen, 9 bevindingen, \d+ acties, \d+ rijen per domein/);
    expect(dry.stdout).toContain('Proefimport zonder problemen; er is niets opgeslagen');

    const applied = await provision(['--plan', file], envOf(doel));
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Geïmporteerd: 11 adviezen, 9 bevindingen, \d+ acties/);

    const again = await provision(['--plan', file], envOf(doel));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/al een plan .*lege site/);

    const roundTrip = join(dir, 'again.xlsx');
    expect((await provision(['--export-plan', roundTrip], envOf(doel))).code).toBe(0);
    expect(await readPlanXlsx(readFileSync(roundTrip))).toEqual(sheets);
  });

  it('dry-runs on a site of an older schema without provisioning it: the lists it lacks count as empty', async () => {
    const file = join(dir, 'zoetermeer.xlsx'); // the first test's export of the seeded plan
    const oud = await startTestSandbox();
    try {
      // A site provisioned before the Inrichting and DomeinVoortgang lists existed, never brought up to date.
      const site = await resolveSite(oud.graph(), oud.siteUrl);
      const older = currentSiteSchema.lists.filter((l) => l.name !== 'Inrichting' && l.name !== 'DomeinVoortgang');
      await provisionLists(oud.graph(), site.id, older);
      const listsOf = async () =>
        (await oud.graph().getAll<{ displayName: string }>(`/sites/${site.id}/lists?$select=displayName`))
          .map((l) => l.displayName)
          .sort();
      const before = await listsOf();
      expect(before).toContain('Acties');
      expect(before).not.toContain('Inrichting');

      const dry = await provision(['--plan', file, '--dry-run'], envOf(oud));
      expect(dry.stderr).toBe('');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Proefimport zonder problemen; er is niets opgeslagen');
      expect(await listsOf(), 'no list created by a dry run').toEqual(before);
    } finally {
      await oud.close();
    }
  });

  it('refuses wrong usage with exit code 2', async () => {
    expect((await provision(['--seed', '--plan', 'x.xlsx'], envOf(doel))).code).toBe(2);
    expect((await provision(['--dry-run'], envOf(doel))).code).toBe(2);
    expect((await provision(['--plan', 'plan.csv'], envOf(doel))).stderr).toMatch(/--plan vraagt een \.xlsx-bestand/);
    expect((await provision(['--plan', join(dir, 'missing.xlsx')], envOf(doel))).code).toBe(2);
  });
});
